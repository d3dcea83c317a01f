// Invoices' part of the contract (issue #23). contract.ts spreads this in. Imports zod and shared/ only.
import { z } from 'zod';
import { Id } from '../domain/fields';
import { Invoice, InvoiceCreate, InvoiceExport, InvoiceList, InvoiceListInput, InvoicePdf, InvoiceSend, InvoiceUpdate, RecordPayment } from '../domain/invoice';
import { ExportResult } from '../domain/product';
import { PdfResult, SendResult } from '../domain/quote';
import type { InvoicesChannel } from './invoices.channels';
import { ById } from './shapes';

const Ok = z.object({ ok: z.literal(true) });

export const invoicesContract = {
  /** From an accepted quote (once: a second time is refused) or a job. A draft without a number. */
  'invoices.create': { input: InvoiceCreate, output: Invoice },
  'invoices.get': { input: ById, output: Invoice },
  /** A draft only: a sent invoice is final (a credit note is a new invoice with a negative line). */
  'invoices.update': { input: InvoiceUpdate, output: Invoice },
  'invoices.list': { input: InvoiceListInput, output: InvoiceList },
  /** A draft only; its quote can then be invoiced again. */
  'invoices.delete': { input: ById, output: Ok },
  'invoices.send': { input: InvoiceSend, output: SendResult },
  /** A payment (part or whole); paid in full moves the job to Paid. */
  'invoices.recordPayment': { input: RecordPayment, output: Invoice },
  /** Undo a payment recorded by mistake; the job leaves Paid when the invoice is no longer paid in full. */
  'invoices.deletePayment': { input: z.strictObject({ id: Id, paymentId: Id }), output: Invoice },
  'invoices.pdf': { input: InvoicePdf, output: PdfResult },
  /** For the accountant: invoices issued in a period, with a VAT row per rate (CSV) or UBL 2.1 XML. */
  'invoices.exportCsv': { input: InvoiceExport, output: ExportResult },
} as const satisfies Record<InvoicesChannel, { input: z.ZodType; output: z.ZodType }>;
