// A line's tax carries the rate's name as it was when the line was made (issue #23): a line sent with only the rate's
// id gets the name copied in by main, so the VAT summary on screen, in the PDF and in the CSV reads "VAT 20%", never an
// id; renaming the rate later changes no saved line. Invoice lines are checked the same way as quote lines.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { item, quoteWorld, VAT20, type QuoteWorld } from './quotes-seed';

let w: QuoteWorld;
beforeEach(async () => {
  w = await quoteWorld();
});
afterEach(() => w.t.destroy());

describe('tax names on lines', () => {
  it('copies the rate name into a line given only its id, and keeps it when the rate is renamed', async () => {
    const q = await w.t.call('quotes.create', { title: 'Sink', jobId: w.jobId, lines: [item('Sink', 1, 120)] });
    expect(q.lines[0]!.taxes).toEqual([{ taxRateId: VAT20, rateMilli: 20_000, label: 'VAT 20%' }]);
    expect(q.totals.taxSummary.map((r) => r.label)).toEqual(['VAT 20%']);
    await w.t.call('taxRates.update', { id: VAT20, name: 'Standard rate' });
    expect((await w.t.call('quotes.get', { id: q.id })).totals.taxSummary.map((r) => r.label)).toEqual(['VAT 20%']);
    const typed = await w.t.call('quotes.update', { id: q.id, lines: [item('Sink', 1, 120, { taxes: [{ taxRateId: VAT20, rateMilli: 20_000, label: 'VAT (std)' }] })] });
    expect(typed.totals.taxSummary.map((r) => r.label)).toEqual(['VAT (std)']);
  });

  it('refuses an invoice line with a tax rate that does not exist, naming the line', async () => {
    const invoice = await w.t.call('invoices.create', { jobId: w.jobId });
    const bad = await w.t.fail('invoices.update', { id: invoice.id, lines: [item('Boiler', 1, 900, { taxes: [{ taxRateId: '00000000-0000-4000-8000-000000000000', rateMilli: 20_000 }] })] });
    expect(bad.issues).toEqual([{ path: 'lines.0.taxes.0.taxRateId', message: 'That tax rate no longer exists: choose another' }]);
    const good = await w.t.call('invoices.update', { id: invoice.id, lines: [item('Boiler', 1, 900)] });
    expect(good.totals.taxSummary.map((r) => r.label)).toEqual(['VAT 20%']);
  });
});
