// Invoices' entry (issue #23): a handler map, nothing else. The work: invoices.ts (drafts from a quote or a job),
// send.ts (numbered and frozen through quotes/send-document.ts), payments.ts (part payments, job to Paid),
// export.ts (CSV for the accountant); the PDF file is quotes/quote-pdf-file.ts's. SQL in db/invoices*.repo.ts.
import type { InvoicesChannel } from '../../../shared/ipc/invoices.channels';
import type { Outbox } from '../email/outbox';
import type { FeatureContext, FeatureModule } from '../modules';
import { invoicePdfFile } from '../quotes/quote-pdf-file';
import { createInvoiceExport } from './export';
import { createInvoices } from './invoices';
import { createInvoicePayments } from './payments';
import { createInvoiceSend } from './send';

/** `outbox`: the email module's own (one worker delivers every message, invoices too). */
export function createInvoicesModule(ctx: FeatureContext, outbox: Outbox): FeatureModule<InvoicesChannel> {
  const invoices = createInvoices(ctx);
  const send = createInvoiceSend(ctx, outbox);
  const payments = createInvoicePayments(ctx);
  const exportCsv = createInvoiceExport(ctx);
  return {
    handlers: {
      'invoices.create': (input) => invoices.create(input),
      'invoices.get': (input) => invoices.get(input.id),
      'invoices.update': (input) => invoices.update(input),
      'invoices.list': (input) => invoices.list(input),
      'invoices.delete': (input) => invoices.remove(input.id),
      'invoices.send': (input) => send(input),
      'invoices.recordPayment': (input) => payments.record(input),
      'invoices.deletePayment': (input) => payments.remove(input),
      'invoices.pdf': (input) => invoicePdfFile(ctx, input),
      'invoices.exportCsv': (input) => exportCsv(input),
    },
  };
}
