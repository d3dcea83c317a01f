// The tables of migration 0024 (issue #23: catalogue, tax rates, number series, quotes, invoices, their lines and
// payments) for schema.ts's DB, split out for length. Imports no application code.
import type { Generated } from 'kysely';

export interface TaxRatesTable {
  seq: Generated<number>;
  id: string;
  key: string | null;
  name: string;
  rate_milli: number;
  kind: string;
  country: string | null;
  valid_from: string | null;
  valid_to: string | null;
  active: number;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface ProductsTable {
  seq: Generated<number>;
  id: string;
  name: string;
  code: string | null;
  description: string | null;
  unit: string | null;
  unit_price_e4: number;
  currency: string;
  price_includes_tax: number;
  tax_rate_id: string | null;
  cost_e4: number | null;
  category: string | null;
  recurrence: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface NumberSeriesTable {
  kind: 'quote' | 'invoice';
  last_year: number | null;
  last_seq: number | null;
}

/** Columns quotes and invoices share: the document's terms, its stored totals and what was frozen when sent. */
interface SaleDocumentColumns {
  seq: Generated<number>;
  id: string;
  number: string | null;
  title: string;
  job_id: string | null;
  contact_id: string | null;
  company_id: string | null;
  currency: string;
  prices_include_tax: number;
  rounding: 'line' | 'document';
  discount_kind: 'percent' | 'amount' | null;
  discount_value: number | null;
  notes: string | null;
  terms: string | null;
  locale: string | null;
  page_size: 'A4' | 'Letter';
  issued_on: string | null;
  sent_at: string | null;
  pdf_document_id: string | null;
  pdf_sha256: string | null;
  /** JSON: the client block as printed when sent (name, company, address, email). */
  client_snapshot: string | null;
  /** JSON: the business block as printed when sent. */
  business_snapshot: string | null;
  lines_total_minor: number;
  discount_total_minor: number;
  net_total_minor: number;
  tax_total_minor: number;
  grand_total_minor: number;
  /** JSON TaxSummaryRow[]. */
  tax_summary: string;
  rounding_note: string;
  created_at: string;
  updated_at: string;
}

export interface QuotesTable extends SaleDocumentColumns {
  root_id: string;
  revision: number;
  /** The number the first send gave the whole quote (Q-2026-0007); `number` adds the revision suffix. */
  base_number: string | null;
  status: 'draft' | 'sent' | 'accepted' | 'declined' | 'superseded';
  valid_until: string | null;
  accepted_at: string | null;
  accept_method: 'email' | 'call' | 'signed' | 'inPerson' | null;
  evidence_activity_id: string | null;
  evidence_document_id: string | null;
  declined_at: string | null;
  decline_reason: string | null;
  superseded_by: string | null;
}

export interface InvoicesTable extends SaleDocumentColumns {
  status: 'draft' | 'sent' | 'partlyPaid' | 'paid' | 'void';
  quote_id: string | null;
  due_date: string | null;
  payment_terms_days: number;
  paid_minor: number;
  paid_at: string | null;
}

export interface SaleLinesTable {
  seq: Generated<number>;
  id: string;
  quote_id: string | null;
  invoice_id: string | null;
  position: number;
  kind: 'heading' | 'item';
  text: string | null;
  product_id: string | null;
  description: string | null;
  unit: string | null;
  quantity_milli: number | null;
  unit_price_e4: number | null;
  discount_kind: 'percent' | 'amount' | null;
  discount_value: number | null;
  /** JSON [{ taxRateId, rateMilli, label }]: the rates as they were when the line was made. */
  taxes: string;
  optional: number;
  chosen: number;
  counted: number;
  amount_minor: number | null;
  net_minor: number | null;
  tax_minor: number | null;
  gross_minor: number | null;
}

export interface PaymentsTable {
  seq: Generated<number>;
  id: string;
  invoice_id: string;
  amount_minor: number;
  paid_on: string;
  method: string;
  note: string | null;
  created_at: string;
}
