// Shared set-up of the quotes tests (issue #23): the real backend on a fresh file, the calendar in UTC (so "today" is
// the same on any machine), a client with an email address and a job of theirs, and line inputs. Where the PDF's
// content does not matter, `quickPdf` prints a small PDF naming the page's hash (distinct pages give distinct bytes)
// instead of launching Chromium; `failNext` makes the next print throw, as a printer that fails would.
import { createHash } from 'node:crypto';
import { saveCalendar } from '../../electron/db/service.repo';
import type { Platform } from '../../electron/core/platform';
import { harnessPlatform } from '../../electron/harness/platform';
import type { LineInput } from '../../shared/domain/quote';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';

export const VAT20 = '5a1e57a0-0000-4000-8000-000000000001';
export const VAT5 = '5a1e57a0-0000-4000-8000-000000000002';

/** £ amount to the unit-price scale (1/10,000 of a penny). */
export const pounds = (p: number) => Math.round(p * 100) * 10_000;

export const item = (description: string, quantity: number, price: number, extra: Partial<Extract<LineInput, { kind: 'item' }>> = {}): LineInput => ({
  kind: 'item',
  description,
  quantityMilli: quantity * 1000,
  unitPriceE4: pounds(price),
  taxes: [{ taxRateId: VAT20, rateMilli: 20_000 }],
  optional: false,
  chosen: false,
  ...extra,
});

export interface QuoteWorld {
  t: TestCore;
  contactId: string;
  jobId: string;
  printer: { fails: number; prints: number };
}

/** A platform whose printToPdf makes a tiny PDF naming the page (fast), and can be told to fail. */
export function quickPdfPlatform(dataDir: string, printer: { fails: number; prints: number }): Platform {
  const base = harnessPlatform(dataDir);
  return {
    ...base,
    async printToPdf(html) {
      if (printer.fails > 0) {
        printer.fails--;
        throw new Error('printer jammed');
      }
      printer.prints++;
      const hash = createHash('sha256').update(html).digest('hex');
      return new TextEncoder().encode(`%PDF-1.4\n% page ${hash}\n%%EOF\n`);
    },
  };
}

export async function quoteWorld(options: { start?: string; realPdf?: boolean } = {}): Promise<QuoteWorld> {
  const dataDir = tempDir('rapport-quotes-');
  const printer = { fails: 0, prints: 0 };
  const t = await openTestCore({ dataDir, start: options.start ?? '2026-11-23T09:00:00.000Z', ...(options.realPdf ? {} : { platform: quickPdfPlatform(dataDir, printer) }) });
  const hours = [{ start: '09:00', end: '17:00' }];
  await saveCalendar(t.core.store.db, { timeZone: 'UTC', hours: { monday: hours, tuesday: hours, wednesday: hours, thursday: hours, friday: hours, saturday: [], sunday: [] }, holidays: [] });
  const contactId = (await t.call('contacts.create', { firstName: 'Megan', lastName: 'Jones', emails: [{ value: 'megan@client.test' }], addresses: [{ street: '1 High Street', city: 'Leeds', postcode: 'LS1 1AA' }] })).id;
  const jobId = (await t.call('jobs.create', { title: 'Kitchen refit', contactId })).id;
  return { t, contactId, jobId, printer };
}

/** A draft on the world's job with two lines (2 h labour at £35, a £120 sink), £190 net, £228 with VAT. */
export function kitchenQuote(w: QuoteWorld, extra: Record<string, unknown> = {}) {
  return w.t.call('quotes.create', { title: 'Kitchen sink', jobId: w.jobId, lines: [item('Labour', 2, 35), item('Sink', 1, 120)], ...extra });
}
