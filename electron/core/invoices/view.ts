// An invoice as the screens read it (issue #23): its row, lines, payments and the derived figures (balance, overdue).
// "Today" is the machine's local day, the day the user sees on the calendar, so an invoice due today is not overdue
// until tomorrow wherever they are. No SQL (db/invoices*.repo.ts).
import type { Kysely } from 'kysely';
import type { Invoice, InvoiceSummary } from '../../../shared/domain/invoice';
import { AppError } from '../../../shared/ipc/errors';
import { findInvoice, paymentsOf, type InvoiceRow } from '../../db/invoices.repo';
import { discountOf, linesOf, totalsOf } from '../../db/sale-lines.repo';
import type { DB } from '../../db/schema';

/** 'YYYY-MM-DD' of `now` in the machine's time zone. */
export function todayOf(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** 'YYYY-MM-DD' `days` after a 'YYYY-MM-DD' date (calendar days; no time zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const isOverdue = (r: Pick<InvoiceRow, 'status' | 'due_date'>, today: string): boolean =>
  (r.status === 'sent' || r.status === 'partlyPaid') && r.due_date !== null && r.due_date < today;

export function toSummary(r: InvoiceRow, today: string): InvoiceSummary {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    overdue: isOverdue(r, today),
    jobId: r.job_id,
    contactId: r.contact_id,
    contactName: r.contact_name,
    companyName: r.company_name,
    title: r.title,
    currency: r.currency,
    paidMinor: r.paid_minor,
    balanceMinor: r.grand_total_minor - r.paid_minor,
    issuedOn: r.issued_on,
    dueDate: r.due_date,
    createdAt: r.created_at,
    grandTotalMinor: r.grand_total_minor,
  };
}

/** The invoice row or a VALIDATION on `path` when there is none. */
export async function requireInvoice(db: Kysely<DB>, id: string, path = 'id'): Promise<InvoiceRow> {
  const row = await findInvoice(db, id);
  if (!row) throw AppError.validation(path, 'There is no such invoice');
  return row;
}

export async function loadInvoice(db: Kysely<DB>, id: string, today: string): Promise<Invoice> {
  const r = await requireInvoice(db, id);
  const payments = await paymentsOf(db, id);
  return {
    ...toSummary(r, today),
    quoteId: r.quote_id,
    quoteNumber: r.quote_number,
    jobTitle: r.job_title,
    companyId: r.company_id,
    pricesIncludeTax: r.prices_include_tax === 1,
    rounding: r.rounding,
    discount: discountOf(r.discount_kind, r.discount_value),
    lines: await linesOf(db, { invoiceId: id }),
    totals: totalsOf(r),
    payments: payments.map((p) => ({
      id: p.id,
      amountMinor: p.amount_minor,
      paidOn: p.paid_on,
      method: p.method as Invoice['payments'][number]['method'],
      note: p.note,
      createdAt: p.created_at,
    })),
    paymentTermsDays: r.payment_terms_days,
    notes: r.notes,
    terms: r.terms,
    locale: r.locale,
    pageSize: r.page_size,
    sentAt: r.sent_at,
    pdfDocumentId: r.pdf_document_id,
    pdfSha256: r.pdf_sha256,
    paidAt: r.paid_at,
    updatedAt: r.updated_at,
  };
}
