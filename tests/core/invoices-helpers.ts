// Shared by the invoices tests: a backend whose printer gives small fixed PDF bytes (what they print does not
// matter here: the PDF's own tests check that), and an accepted quote made through the quotes channels.
import type { Platform } from '../../electron/core/platform';
import { harnessPlatform } from '../../electron/harness/platform';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';

/** Migration 0024's fixed ids of seeded rates. */
export const GB_STANDARD = '5a1e57a0-0000-4000-8000-000000000001';
export const GB_REDUCED = '5a1e57a0-0000-4000-8000-000000000002';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** The harness platform with a printer (the last page it printed in `printer.html`); `printer.fail` makes the next print throw. */
export function printingPlatform(dataDir: string): Platform & { printer: { fail: boolean; prints: number; html: string } } {
  const base = harnessPlatform(dataDir);
  const printer = { fail: false, prints: 0, html: '' };
  return {
    ...base,
    printer,
    async printToPdf(html) {
      printer.html = html;
      if (printer.fail) {
        printer.fail = false;
        throw new Error('The printer stopped');
      }
      printer.prints++;
      return new Uint8Array(PDF);
    },
  };
}

export async function openInvoicesCore(start = '2026-11-22T09:00:00.000Z') {
  const dataDir = tempDir();
  const platform = printingPlatform(dataDir);
  const t = await openTestCore({ dataDir, start, platform });
  return Object.assign(t, { printer: platform.printer });
}

export type InvoicesCore = Awaited<ReturnType<typeof openInvoicesCore>>;

const item = (description: string, quantityMilli: number, unitPriceE4: number, taxRateId = GB_STANDARD, rateMilli = 20_000, extra: object = {}) => ({
  kind: 'item' as const,
  description,
  quantityMilli,
  unitPriceE4,
  taxes: [{ taxRateId, rateMilli, label: rateMilli === 20_000 ? 'VAT' : 'VAT reduced' }],
  ...extra,
});

/** A client with an email address, their job, and a quote for it with a heading, two counted lines and an optional one. */
export async function clientAndJob(t: TestCore, options: { email?: boolean; amountMinor?: number | null } = {}) {
  const contact = await t.call('contacts.create', { firstName: 'Maya', lastName: 'Patel', emails: options.email === false ? [] : [{ label: 'work', value: 'maya@example.com' }] });
  const job = await t.call('jobs.create', { title: 'Kitchen refit', contactId: contact.id, amountMinor: options.amountMinor ?? null, currency: 'GBP' });
  return { contactId: contact.id, jobId: job.id };
}

/** An accepted quote (sent on paper, accepted by phone) for the job; `chooseOptional` picks its optional line. */
export async function acceptedQuote(t: TestCore, ids: { contactId: string; jobId: string }, chooseOptional = false, followUps: ('startWork' | 'sendInvoice')[] = []) {
  const quote = await t.call('quotes.create', {
    title: 'Kitchen refit',
    jobId: ids.jobId,
    contactId: ids.contactId,
    discount: { kind: 'percent', milliPct: 5_000 },
    lines: [
      { kind: 'heading', text: 'Units' },
      item('Base units', 3_000, 499_990_000),
      item('Fitting', 2_500, 333_330_000, GB_REDUCED, 5_000),
      item('Soft-close hinges', 12_000, 8_500_000, GB_STANDARD, 20_000, { optional: true }),
    ],
  });
  await t.call('quotes.send', { id: quote.id, markSentOnly: true });
  const optional = quote.lines.find((l) => l.optional)!;
  return t.call('quotes.accept', { id: quote.id, method: 'call', chosenLineIds: chooseOptional ? [optional.id] : [], followUps });
}
