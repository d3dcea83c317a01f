// Issue #23 with issue #21: "Export this person's data" holds their quotes (every revision) and invoices with the
// lines and payments, in data.json and as CSV sections, and nobody else's.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';
import { item, kitchenQuote, quoteWorld, type QuoteWorld } from './quotes-seed';

let w: QuoteWorld;
const TOTALS = { lines_total_minor: 20_000, discount_total_minor: 0, net_total_minor: 20_000, tax_total_minor: 0, grand_total_minor: 20_000, tax_summary: '[]', rounding_note: '' };
beforeEach(async () => {
  w = await quoteWorld();
});
afterEach(() => w.t.destroy());

describe('privacy.export of quotes and invoices', () => {
  it('includes their quotes, invoices, lines and payments, and not another client\u2019s', async () => {
    const q = await kitchenQuote(w);
    await w.t.call('quotes.send', { id: q.id, markSentOnly: true });
    const r2 = await w.t.call('quotes.revise', { id: q.id });
    const other = (await w.t.call('contacts.create', { firstName: 'Other', lastName: 'Client' })).id;
    await w.t.call('quotes.create', { title: 'Not theirs', contactId: other, lines: [item('Fence', 1, 100)] });

    // An invoice row as the invoices feature stores one (its own tests cover making it): two lines, one payment.
    const db = w.t.core.store.db;
    const at = '2026-11-23T09:00:00.000Z';
    await db
      .insertInto('invoices')
      .values({ id: 'inv-1', number: 'INV-2026-0001', status: 'partlyPaid', title: 'Kitchen sink', quote_id: q.id, job_id: w.jobId, contact_id: w.contactId, company_id: null, currency: 'GBP', prices_include_tax: 0, rounding: 'line', page_size: 'A4', paid_minor: 10_000, payment_terms_days: 30, ...TOTALS, created_at: at, updated_at: at })
      .execute();
    for (const [position, id] of ['line-a', 'line-b'].entries()) {
      await db.insertInto('sale_lines').values({ id, invoice_id: 'inv-1', position, kind: 'item', description: `Line ${position}`, quantity_milli: 1000, unit_price_e4: 1_000_000, taxes: '[]', optional: 0, chosen: 0, counted: 1 }).execute();
    }
    await db.insertInto('payments').values({ id: 'pay-1', invoice_id: 'inv-1', amount_minor: 10_000, paid_on: '2026-11-23', method: 'bankTransfer', note: 'Deposit', created_at: at }).execute();

    const review = await w.t.call('privacy.export', { contactId: w.contactId, review: true });
    expect(review.counts).toMatchObject({ quotes: 2, quoteLines: 4, invoices: 1, invoiceLines: 2, payments: 1 });

    const result = await w.t.call('privacy.export', { contactId: w.contactId });
    const dir = tempDir('rapport-sar-');
    execFileSync('unzip', ['-q', result.path!, '-d', dir]);
    const data = JSON.parse(readFileSync(join(dir, 'data.json'), 'utf8')) as Record<string, { id: string; title?: string; number?: string | null }[]>;
    expect(data.quotes!.map((x) => [x.id, x.number])).toEqual([
      [q.id, 'Q-2026-0001'],
      [r2.id, null],
    ]);
    expect(data.invoices!.map((x) => x.id)).toEqual(['inv-1']);
    expect(data.payments!.map((x) => x.id)).toEqual(['pay-1']);
    expect(readFileSync(join(dir, 'csv', 'quoteLines.csv'), 'utf8')).toContain('Labour');
    expect(JSON.stringify(data)).not.toContain('Not theirs');
  });
});
