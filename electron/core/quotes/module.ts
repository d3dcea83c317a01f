// Quotes' entry (issue #23): a handler map. The work: quotes.ts (drafts, revisions, list), send.ts (number, freeze,
// email in one transaction, through send-document.ts), answer.ts (accept, decline), printable.ts (what the PDF
// prints), settings.ts (business details and sales rules). SQL in db/quotes*.repo.ts.
import type { QuotesChannel } from '../../../shared/ipc/quotes.channels';
import type { Outbox } from '../email/outbox';
import type { FeatureContext, FeatureModule } from '../modules';
import { createQuoteAnswers } from './answer';
import { exportQuotesCsv } from './export-csv';
import { quotePdfFile } from './quote-pdf-file';
import { createQuotes } from './quotes';
import { createQuoteSend } from './send';
import { setLogo } from './logo';
import { loadSalesSettings, saveSalesSettings } from './settings';
import { numberSeries } from '../../db/number-series.repo';

/** `outbox`: the email module's own (one worker delivers every message). */
export function createQuotesModule(ctx: FeatureContext, outbox: Outbox): FeatureModule<QuotesChannel> {
  const { db, events } = ctx.deps;
  const quotes = createQuotes(ctx);
  const sending = createQuoteSend(ctx, outbox, quotes);
  const answers = createQuoteAnswers(ctx, quotes);
  return {
    handlers: {
      'quotes.create': (input) => quotes.create(input),
      'quotes.get': (input) => quotes.get(input.id),
      'quotes.update': (input) => quotes.update(input),
      'quotes.list': (input) => quotes.list(input),
      'quotes.delete': (input) => quotes.remove(input.id),
      'quotes.send': (input) => sending.send(input),
      'quotes.accept': (input) => answers.accept(input),
      'quotes.decline': (input) => answers.decline(input),
      'quotes.revise': (input) => quotes.revise(input.id),
      // The PDF helper's (quote-pdf-file.ts, export-csv.ts).
      'quotes.pdf': (input) => quotePdfFile(ctx, input),
      'quotes.exportCsv': () => exportQuotesCsv(ctx),
      'quotes.settings.get': () => loadSalesSettings(db),
      'quotes.settings.update': async (input) => {
        const saved = await db.transaction().execute((trx) => saveSalesSettings(trx, input));
        events.emit('data.changed', { entity: 'settings', action: 'updated', ids: ['sales'] });
        return saved;
      },
      'quotes.settings.setLogo': async (input) => {
        const saved = await setLogo(ctx, input.path);
        events.emit('data.changed', { entity: 'settings', action: 'updated', ids: ['sales'] });
        events.emit('data.changed', { entity: 'document', action: 'created', ids: saved.logoDocumentId ? [saved.logoDocumentId] : [] });
        return saved;
      },
      'quotes.settings.series': () => numberSeries(db),
    },
  };
}
