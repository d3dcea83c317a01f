// Quotes' part of the contract (issue #23), with the business details and sales rules the PDFs print.
// contract.ts spreads this in. Imports zod and shared/ only.
import { z } from 'zod';
import { text } from '../domain/fields';
import { ExportResult } from '../domain/product';
import { PdfResult, Quote, QuoteAccept, QuoteCreate, QuoteDecline, QuoteList, QuoteListInput, QuotePdf, QuoteSend, QuoteUpdate, NumberSeries, SalesSettings, SalesSettingsUpdate, SendResult } from '../domain/quote';
import type { QuotesChannel } from './quotes.channels';
import { ById, Empty } from './shapes';

const Ok = z.object({ ok: z.literal(true) });

export const quotesContract = {
  'quotes.create': { input: QuoteCreate, output: Quote },
  'quotes.get': { input: ById, output: Quote },
  /** A draft only: a sent quote is locked (quotes.revise makes R2). */
  'quotes.update': { input: QuoteUpdate, output: Quote },
  'quotes.list': { input: QuoteListInput, output: QuoteList },
  /** A draft only (a sent quote has a number and stays, for a gapless record). */
  'quotes.delete': { input: ById, output: Ok },
  /** Numbers (in the same transaction), freezes the PDF into the job's documents and queues the email. */
  'quotes.send': { input: QuoteSend, output: SendResult },
  'quotes.accept': { input: QuoteAccept, output: Quote },
  'quotes.decline': { input: QuoteDecline, output: Quote },
  /** A draft copy of a sent quote as the next revision; sending it supersedes the earlier one. */
  'quotes.revise': { input: ById, output: Quote },
  /** The frozen PDF of a sent quote, or a preview of a draft (marked DRAFT, not stored). */
  'quotes.pdf': { input: QuotePdf, output: PdfResult },
  /** Every quote's lines and totals, one row per line plus a totals row per quote, as CSV. */
  'quotes.exportCsv': { input: Empty, output: ExportResult },
  'quotes.settings.get': { input: Empty, output: SalesSettings },
  'quotes.settings.update': { input: SalesSettingsUpdate, output: SalesSettings },
  /** A picked PNG or JPEG becomes the logo on the PDFs (stored in Documents); null removes it. */
  'quotes.settings.setLogo': { input: z.strictObject({ path: text().min(1).max(4096).nullable() }), output: SalesSettings },
  /** The last numbers given, so the settings can show the real next one for a pattern being typed. */
  'quotes.settings.series': { input: Empty, output: NumberSeries },
} as const satisfies Record<QuotesChannel, { input: z.ZodType; output: z.ZodType }>;
