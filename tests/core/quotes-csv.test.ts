// quotes.exportCsv (issue #23) on real files: one row per line, then a totals row and a VAT row per rate for each
// quote, amounts as decimals from the stored columns (credits bare as "-125.00" so a spreadsheet sums them), formula-
// like text guarded, read back with a CSV parser.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUOTES_CSV_HEADER } from '../../electron/core/quotes/export-csv';
import type { LineInput } from '../../shared/domain/quote';
import { openTestCore, type TestCore } from '../helpers/core';

const VAT20 = { taxRateId: '5a1e57a0-0000-4000-8000-000000000001', rateMilli: 20_000, label: 'VAT 20%' };
const VAT5 = { taxRateId: '5a1e57a0-0000-4000-8000-000000000002', rateMilli: 5_000, label: 'VAT 5% (reduced)' };
const item = (description: string, quantityMilli: number, unitPriceE4: number, extra: Partial<Extract<LineInput, { kind: 'item' }>> = {}): LineInput => ({
  kind: 'item', description, quantityMilli, unitPriceE4, taxes: [VAT20], optional: false, chosen: false, ...extra,
});

let t: TestCore;
beforeAll(async () => {
  t = await openTestCore({ start: '2026-12-06T09:00:00.000Z' });
});
afterAll(() => t.destroy());

const col = (name: (typeof QUOTES_CSV_HEADER)[number]) => QUOTES_CSV_HEADER.indexOf(name);

describe('quotes CSV', () => {
  it('writes each line, a totals row and a VAT row per rate, from the stored figures', async () => {
    const contactId = (await t.call('contacts.create', { firstName: '=HYPERLINK("http://evil")', lastName: 'Smith' })).id;
    const kitchen = await t.call('quotes.create', {
      title: '+cmd|calc',
      contactId,
      discount: { kind: 'amount', minor: 1000 },
      lines: [
        { kind: 'heading', text: 'Kitchen' },
        item('Units', 2500, 1_234_567_800, { unit: 'day' }),
        item('Tiles', 3000, 99_990_000, { taxes: [VAT5], discount: { kind: 'percent', milliPct: 10_000 } }),
        item('Goodwill credit', 1000, -125_000_000),
        item('Extractor', 1000, 2_000_000_000, { optional: true }),
      ],
    });
    const yen = await t.call('quotes.create', { title: 'Tokyo', contactId, currency: 'JPY', lines: [item('Consulting', 3000, 12_345)] });

    const result = await t.call('quotes.exportCsv', {});
    expect(result.path).toMatch(/exports\/rapport-quotes-2026-12-06\.csv$/);
    const text = readFileSync(result.path!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...QUOTES_CSV_HEADER]);
    expect(result.rows).toBe(rows.length - 1);

    const of = (title: string) => rows.filter((r) => r[col('Title')] === title);
    const k = of("'+cmd|calc");
    expect(k.map((r) => r[col('Row')])).toEqual(['heading', 'line', 'line', 'line', 'line', 'total', 'vat', 'vat']);
    expect(k.every((r) => r[col('Quote')] === 'DRAFT' && r[col('Client')] === `'=HYPERLINK("http://evil") Smith` && r[col('Currency')] === 'GBP')).toBe(true);
    const lines = kitchen.lines.filter((l) => l.kind === 'item');
    const dec = (minor: number | null) => (minor === null ? '' : (minor / 100).toFixed(2)); // small test figures only
    expect(k.filter((r) => r[col('Row')] === 'line').map((r) => [r[col('Description')], r[col('Quantity')], r[col('Unit price')], r[col('Amount')], r[col('Net')], r[col('VAT')], r[col('Gross')], r[col('Counted')]])).toEqual(
      lines.map((l) => [l.description, String((l.quantityMilli ?? 0) / 1000), expect.any(String), dec(l.amountMinor), dec(l.netMinor), dec(l.taxMinor), dec(l.grossMinor), l.counted ? 'yes' : 'no']),
    );
    // A unit price keeps its 4 extra decimals only when it has them; a credit is a bare negative number.
    expect(k[1]![col('Unit price')]).toBe('1234.5678');
    expect(k[2]![col('Unit price')]).toBe('99.99');
    expect(k[3]![col('Unit price')]).toBe('-125.00');
    expect(k[3]![col('Amount')]).toBe('-125.00');
    expect(text).toContain(',-125.00,');
    expect(k[2]![col('Discount')]).toBe('10%');
    expect(k[4]![col('Optional')]).toBe('yes');
    const total = k.find((r) => r[col('Row')] === 'total')!;
    expect([total[col('Amount')], total[col('Net')], total[col('VAT')], total[col('Gross')]]).toEqual([
      dec(kitchen.totals.linesTotalMinor), dec(kitchen.totals.netTotalMinor), dec(kitchen.totals.taxTotalMinor), dec(kitchen.totals.grandTotalMinor),
    ]);
    expect(k.filter((r) => r[col('Row')] === 'vat').map((r) => [r[col('Description')], r[col('VAT rate')], r[col('Net')], r[col('VAT')]])).toEqual(
      kitchen.totals.taxSummary.map((s) => [s.label, `${s.rateMilli / 1000}%`, dec(s.netMinor), dec(s.taxMinor)]),
    );

    // A 0-digit currency has no decimal point; its price keeps the 4 decimals it was entered with.
    const y = of('Tokyo');
    expect(y[0]![col('Unit price')]).toBe('1.2345');
    expect(y.find((r) => r[col('Row')] === 'total')![col('Gross')]).toBe(String(yen.totals.grandTotalMinor));
  });

  it('writes nothing when the save dialog is dismissed', async () => {
    Object.assign(t.core.platform, { saveTarget: async () => null });
    expect(await t.call('quotes.exportCsv', {})).toEqual({ path: null, rows: 0 });
  });
});
