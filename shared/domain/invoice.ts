// Invoices (issue #23): made from an accepted quote (its counted lines copied, once) or from a job; numbered in
// their own gapless series when sent; paid in one or more payments, which move the job to Paid when the total is
// reached. "Overdue" is derived from the due date. Lines and totals share quote.ts's shapes and quote-totals.ts.
// Imports zod and shared/ only.
import { z } from 'zod';
import { Cursor, Id, Limit, optionalText, searchQuery, text } from './fields';
import { DueDate } from './job';
import { DiscountInput, LineInput, SaleDocumentFields } from './quote';

export const InvoiceCreate = z.strictObject({
  /** From an accepted quote: its counted lines, discount and terms are copied. Refused when it was invoiced already. */
  quoteId: Id.optional(),
  /** From a job without a quote: one line with the job's title and value, to edit before sending. */
  jobId: Id.optional(),
  lines: z.array(LineInput).max(1000).optional(),
  dueDate: DueDate.nullable().optional(),
  /** Days after the issue date the invoice falls due (the business's default when omitted). */
  paymentTermsDays: z.number().int().min(0).max(365).optional(),
  notes: optionalText(20_000),
  terms: optionalText(20_000),
});
export const InvoiceUpdate = z.strictObject({
  id: Id,
  lines: z.array(LineInput).max(1000).optional(),
  discount: DiscountInput.nullable().optional(),
  dueDate: DueDate.nullable().optional(),
  paymentTermsDays: z.number().int().min(0).max(365).optional(),
  notes: optionalText(20_000),
  terms: optionalText(20_000),
});

export const InvoiceStatus = z.enum(['draft', 'sent', 'partlyPaid', 'paid', 'void']);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;
export const PaymentMethod = z.enum(['bankTransfer', 'card', 'cash', 'cheque', 'other']);

export const Payment = z.object({
  id: z.string(),
  amountMinor: z.number().int(),
  paidOn: z.string(),
  method: PaymentMethod,
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const Invoice = z.object({
  id: z.string(),
  /** INV-2026-0003; null while a draft. */
  number: z.string().nullable(),
  status: InvoiceStatus,
  /** Derived: sent, not paid in full, and its due date has passed. */
  overdue: z.boolean(),
  quoteId: z.string().nullable(),
  quoteNumber: z.string().nullable(),
  ...SaleDocumentFields,
  paidMinor: z.number().int(),
  /** What is left to pay: grand total less payments. */
  balanceMinor: z.number().int(),
  payments: z.array(Payment),
  dueDate: z.string().nullable(),
  paymentTermsDays: z.number().int(),
  paidAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Invoice = z.infer<typeof Invoice>;

export const InvoiceSummary = Invoice.pick({
  id: true, number: true, status: true, overdue: true, jobId: true, contactId: true, contactName: true, companyName: true, title: true,
  currency: true, paidMinor: true, balanceMinor: true, issuedOn: true, dueDate: true, createdAt: true,
}).extend({ grandTotalMinor: z.number().int() });
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;

export const InvoiceListInput = z.strictObject({
  status: z.enum(['draft', 'sent', 'partlyPaid', 'paid', 'void', 'overdue', 'unpaid']).optional(),
  jobId: Id.optional(),
  contactId: Id.optional(),
  query: searchQuery(200).optional(),
  limit: Limit,
  cursor: Cursor,
});
export const InvoiceList = z.object({
  items: z.array(InvoiceSummary),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
  /** Outstanding and overdue balances per currency, for the list's header and Today. */
  outstanding: z.array(z.object({ currency: z.string(), balanceMinor: z.number().int(), overdueMinor: z.number().int(), overdueCount: z.number().int() })),
});

export const InvoiceSend = z.strictObject({
  id: Id,
  subject: text().trim().max(500).optional(),
  body: text().max(100_000).optional(),
  templateId: Id.optional(),
  to: z.email({ message: 'Enter a valid email address' }).optional(),
  markSentOnly: z.boolean().default(false),
});
export const RecordPayment = z.strictObject({
  id: Id,
  amountMinor: z.number({ message: 'Enter the amount paid' }).int({ message: 'Enter a whole amount of minor units' }).min(1, { message: 'The amount must be more than 0' }),
  paidOn: DueDate,
  method: PaymentMethod.default('bankTransfer'),
  note: optionalText(500),
});
export const InvoicePdf = z.strictObject({ id: Id, saveAs: z.boolean().default(false) });
/** invoices.exportCsv: one row per invoice and a VAT row per rate, issued in [from, to], for the accountant (CSV only: no maintained npm library writes UBL). */
export const InvoiceExport = z.strictObject({ from: DueDate, to: DueDate, format: z.enum(['csv']).default('csv') });
