// Quote totals (issue #23): the golden cases from real rounding reports, and the rules a user relies on — discounts
// that add up, optional lines, credits, prices with tax kept as entered, and refusals that name the field.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/ipc/errors';
import { minorToDecimal } from '../../shared/domain/money';
import { checkQuote, quoteTotals, type ItemTotals, type QuoteInput } from '../../shared/domain/quote-totals';
import { formatUnitPrice, parseUnitPrice } from '../../shared/domain/quote-money';
import { DEFAULT_TAX_RATES, formatRate } from '../../shared/domain/tax-rates';
import { GOLDEN, VAT20, item } from '../fixtures/quote-rounding/cases';

const money = (minor: number, currency = 'GBP') => minorToDecimal(minor, currency);
const items = (q: QuoteInput) => quoteTotals(q).lines.filter((l): l is ItemTotals => l.kind === 'item');
const gbp = (lines: QuoteInput['lines'], extra: Partial<QuoteInput> = {}): QuoteInput => ({ currency: 'GBP', pricesIncludeTax: false, rounding: 'line', lines, ...extra });

describe('golden cases from rounding reports', () => {
  it.each(GOLDEN.map((g) => [`${g.name} (${g.source})`, g] as const))('%s', (_, g) => {
    const t = quoteTotals(g.quote);
    const c = g.quote.currency;
    expect({ net: money(t.netTotalMinor, c), tax: money(t.taxTotalMinor, c), gross: money(t.grandTotalMinor, c) }).toEqual({
      net: g.expect.net,
      tax: g.expect.tax,
      gross: g.expect.gross,
    });
    if (g.expect.discount) expect(money(t.discountTotalMinor, c)).toBe(g.expect.discount);
    if (g.expect.lineTaxes) expect(items(g.quote).map((l) => money(l.taxMinor, c))).toEqual(g.expect.lineTaxes);
    if (g.expect.summary) {
      expect(t.taxSummary.map((r) => ({ key: r.key, net: money(r.netMinor, c), tax: money(r.taxMinor, c) }))).toEqual(g.expect.summary);
    }
  });
});

describe('quote totals', () => {
  it('shares a whole-quote discount in proportion, the odd penny to the largest remainder, summing exactly', () => {
    // £10.00 off 100 + 200 + 300: exact 1.666…, 3.333…, 5.00 -> 1.66, 3.33, 5.00 leaves 0.01 for the largest fraction (line 1).
    const q = gbp([item('1', '100', [VAT20]), item('1', '200', [VAT20]), item('1', '300', [VAT20])], { discount: { kind: 'amount', minor: 1000 } });
    expect(items(q).map((l) => l.quoteDiscountMinor)).toEqual([167, 333, 500]);
    expect(quoteTotals(q).subtotalMinor).toBe(60000 - 1000);
  });

  it('never takes a line below zero when sharing a discount (five 1p lines less 2p)', () => {
    const q = gbp(Array.from({ length: 5 }, () => item('1', '0.01', [VAT20])), { discount: { kind: 'amount', minor: 2 } });
    expect(items(q).map((l) => l.netMinor)).toEqual([0, 0, 1, 1, 1]);
  });

  it('lists an optional line with its price but counts it only when chosen', () => {
    const lines: QuoteInput['lines'] = [{ kind: 'heading', text: 'Kitchen' }, item('1', '1000', [VAT20]), item('2', '50', [VAT20], { optional: true })];
    const open = quoteTotals(gbp(lines));
    expect(open.lines[0]).toEqual({ kind: 'heading', text: 'Kitchen' });
    expect(open.lines[2]).toMatchObject({ kind: 'item', counted: false, netMinor: 10000, taxMinor: 2000, grossMinor: 12000 });
    expect(open.grandTotalMinor).toBe(120000);
    const chosen = quoteTotals(gbp([lines[0]!, lines[1]!, { ...(lines[2] as object), chosen: true } as QuoteInput['lines'][number]]));
    expect(chosen.grandTotalMinor).toBe(132000);
  });

  it('rounds a credit line away from zero, like its debit', () => {
    // −1.25 at 10 %: −0.125 -> −0.13, and +1.25 gives +0.13.
    const rate = { key: 'r10', rateMilli: 10_000 };
    expect(items(gbp([item('1', '-1.25', [rate])]))[0]).toMatchObject({ netMinor: -125, taxMinor: -13, grossMinor: -138 });
    expect(items(gbp([item('1', '1.25', [rate])]))[0]).toMatchObject({ netMinor: 125, taxMinor: 13, grossMinor: 138 });
  });

  it('keeps prices entered with tax to the penny, credits included', () => {
    const q = gbp([item('3', '19.99', [VAT20]), item('1', '-10.00', [VAT20]), item('1', '7.50', [{ key: 'gb-reduced', rateMilli: 5000 }])], {
      pricesIncludeTax: true,
      rounding: 'document',
    });
    const t = quoteTotals(q);
    expect(t.grandTotalMinor).toBe(5997 - 1000 + 750);
    expect(t.netTotalMinor + t.taxTotalMinor).toBe(t.grandTotalMinor);
    // 49.97 × 20/120 = 8.328… -> 8.33; 7.50 × 5/105 = 0.357… -> 0.36.
    expect(t.taxSummary.map((r) => [r.key, r.taxMinor])).toEqual([['gb-standard', 833], ['gb-reduced', 36]]);
  });

  it('works in the currency’s own minor units (yen has none)', () => {
    const line = { kind: 'item' as const, quantityMilli: 3000, unitPriceE4: 333 * 10_000, taxes: [{ key: 'jp', rateMilli: 10_000 }] };
    const t = quoteTotals({ ...gbp([line]), currency: 'JPY' });
    // 3 × ¥333 = ¥999; 10 % = ¥99.9 -> ¥100 (no sen to keep); ¥1,099.
    expect([t.netTotalMinor, t.taxTotalMinor, t.grandTotalMinor]).toEqual([999, 100, 1099]);
    expect(t.roundingNote).toContain('nearest 1 ');
  });

  it('states its rounding rule in words for the PDF', () => {
    const base = gbp([item('1', '1', [VAT20])]);
    expect(quoteTotals(base).roundingNote).toMatch(/VAT is worked out on each line and rounded to the nearest 0\.01/);
    expect(quoteTotals({ ...base, rounding: 'document', pricesIncludeTax: true }).roundingNote).toMatch(/^Prices include VAT.*rounded once/);
  });

  it('refuses absurd figures, naming each field in words', () => {
    const q = gbp([
      { kind: 'heading', text: 'Work' },
      item('0', '10', [VAT20]),
      item('1', '10', [], { discount: { kind: 'percent', milliPct: 120_000 } }),
      item('1', '10', [VAT20, VAT20]),
      item('1', '10', [{ key: 'x', rateMilli: 250_000 }]),
    ]);
    expect(checkQuote(q)).toEqual([
      { path: 'lines.1.quantityMilli', message: 'The quantity must be more than 0 (for a credit, use a negative price)' },
      { path: 'lines.2.discount.milliPct', message: 'A discount is between 0 % and 100 %' },
      { path: 'lines.2.taxes', message: 'Choose a tax rate (Zero or Exempt when no tax applies)' },
      { path: 'lines.3.taxes.1.key', message: 'The same tax is on this line twice' },
      { path: 'lines.4.taxes.0.rateMilli', message: 'A tax rate is between 0 % and 100 % (up to 3 decimal places)' },
    ]);
    let thrown: unknown;
    try {
      quoteTotals(q);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('VALIDATION');
    expect((thrown as AppError).issues).toHaveLength(5);
  });

  it('answers figures that arrive as the wrong kind (a stored or pasted quote) with issues, not a crash', () => {
    const junk = JSON.parse('{"currency":"GBP","pricesIncludeTax":"yes","rounding":"cents","discount":{"kind":"half"},"lines":[null,{"kind":"item","quantityMilli":"2","unitPriceE4":1.5,"taxes":[null]}]}') as QuoteInput;
    expect(checkQuote(junk).map((i) => i.path)).toEqual([
      'rounding',
      'pricesIncludeTax',
      'discount.kind',
      'lines.0.kind',
      'lines.1.quantityMilli',
      'lines.1.unitPriceE4',
      'lines.1.taxes.0.key',
      'lines.1.taxes.0.rateMilli',
    ]);
  });

  it('refuses totals past 10^12 minor units, and discounts larger than what they discount', () => {
    expect(checkQuote(gbp([item('1000', '99999999', [VAT20])]))).toEqual([{ path: 'lines.0.unitPriceE4', message: 'This line comes to more than 10000000000.00' }]);
    expect(checkQuote(gbp([item('6', '1000000000', [VAT20]), item('6', '1000000000', [VAT20])]))).toEqual([
      { path: 'lines', message: 'The quote comes to more than 10000000000.00' },
    ]);
    expect(checkQuote(gbp([item('1', '10', [VAT20], { discount: { kind: 'amount', minor: 1001 } })]))).toEqual([
      { path: 'lines.0.discount.minor', message: 'The discount is more than the line' },
    ]);
    expect(checkQuote(gbp([item('1', '10', [VAT20])], { discount: { kind: 'amount', minor: 1001 } }))).toEqual([
      { path: 'discount.minor', message: 'The discount is more than the quote' },
    ]);
    expect(checkQuote(gbp([item('1', '10', [VAT20])]))).toEqual([]);
  });
});

describe('unit prices and default rates', () => {
  it('reads and writes unit prices with up to 4 extra decimals, exactly', () => {
    expect(parseUnitPrice('2314.815', 2)).toBe(2_314_815_000);
    expect(parseUnitPrice('1,250.5', 2)).toBe(1_250_500_000);
    expect(parseUnitPrice('-0.000001', 2)).toBe(-1);
    expect([parseUnitPrice('0.0000001', 2), parseUnitPrice('12a', 2), parseUnitPrice('', 2)]).toEqual([null, null, null]);
    expect([formatUnitPrice(2_314_815_000, 2), formatUnitPrice(12_500_000, 2), formatUnitPrice(-1, 2), formatUnitPrice(50_000, 0)]).toEqual([
      '2314.815',
      '12.50',
      '-0.000001',
      '5',
    ]);
  });

  it('ships the default rates exactly, with unique ids', () => {
    const byId = new Map(DEFAULT_TAX_RATES.map((r) => [r.id, r]));
    expect(byId.size).toBe(DEFAULT_TAX_RATES.length);
    expect([byId.get('ca-qc-qst')!.rateMilli, byId.get('ie-reduced')!.rateMilli, byId.get('gb-standard')!.rateMilli]).toEqual([9975, 13_500, 20_000]);
    expect([formatRate(9975), formatRate(20_000), formatRate(5_500), formatRate(0)]).toEqual(['9.975%', '20%', '5.5%', '0%']);
  });
});
