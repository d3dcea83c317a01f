// Invoices' entry (issue #23): a handler map. The work: invoices.ts (from a quote or job, drafts), send.ts,
// payments.ts (part payments, job to Paid), export.ts (CSV and UBL for the accountant). SQL in db/invoices.repo.ts.
import type { InvoicesChannel } from '../../../shared/ipc/invoices.channels';
import { AppError } from '../../../shared/ipc/errors';
import type { Outbox } from '../email/outbox';
import type { FeatureContext, FeatureModule } from '../modules';

const notYet = (): never => {
  throw new AppError('INTERNAL', 'This part of invoices is not built yet');
};

export function createInvoicesModule(_ctx: FeatureContext, _outbox: Outbox): FeatureModule<InvoicesChannel> {
  return {
    handlers: {
      'invoices.create': notYet,
      'invoices.get': notYet,
      'invoices.update': notYet,
      'invoices.list': notYet,
      'invoices.delete': notYet,
      'invoices.send': notYet,
      'invoices.recordPayment': notYet,
      'invoices.deletePayment': notYet,
      'invoices.pdf': notYet,
      'invoices.exportCsv': notYet,
    },
  };
}
