// Quotes' entry (issue #23): a handler map. The work: quotes.ts (drafts, revisions), send.ts (number, freeze, email
// in one transaction), answer.ts (accept, decline), pdf.ts (HTML to PDF), settings.ts. SQL in db/quotes.repo.ts.
import type { QuotesChannel } from '../../../shared/ipc/quotes.channels';
import { AppError } from '../../../shared/ipc/errors';
import type { Outbox } from '../email/outbox';
import type { FeatureContext, FeatureModule } from '../modules';

const notYet = (): never => {
  throw new AppError('INTERNAL', 'This part of quotes is not built yet');
};

/** `outbox`: the email module's own (one worker delivers every message). */
export function createQuotesModule(_ctx: FeatureContext, _outbox: Outbox): FeatureModule<QuotesChannel> {
  return {
    handlers: {
      'quotes.create': notYet,
      'quotes.get': notYet,
      'quotes.update': notYet,
      'quotes.list': notYet,
      'quotes.delete': notYet,
      'quotes.send': notYet,
      'quotes.accept': notYet,
      'quotes.decline': notYet,
      'quotes.revise': notYet,
      'quotes.pdf': notYet,
      'quotes.exportCsv': notYet,
      'quotes.settings.get': notYet,
      'quotes.settings.update': notYet,
    },
  };
}
