// The quote builder's arithmetic as typed (issue #23): quantities and prices as text become exact integers, the
// live totals come from priceDocument (the function main prices with), issues land on the on-screen line, and a
// catalogue price is converted between with- and without-VAT exactly.
import { describe, expect, test } from 'vitest';
import { blankHeading, blankItem, lineInput, milliText, parseMilli, priceInMode, priceValues, updateInput, type QuoteFormValues } from '../../renderer/src/features/quotes/quote-draft';

const VAT20 = [{ taxRateId: '00000000-0000-4000-8000-000000000020', rateMilli: 20_000, label: 'VAT 20%' }];
const item = (text: string, quantity: string, unitPrice: string, extra: Partial<ReturnType<typeof blankItem>> = {}) => ({ ...blankItem(VAT20), text, quantity, unitPrice, ...extra });
const values = (lines: QuoteFormValues['lines'], extra: Partial<QuoteFormValues> = {}): QuoteFormValues => ({
  title: 'Kitchen',
  validUntil: '',
  pricesIncludeTax: false,
  discountKind: 'none',
  discount: '',
  lines,
  notes: '',
  terms: '',
  ...extra,
});
const gbp = { currency: 'GBP', rounding: 'line' as const };

describe('quote builder values', () => {
  test('quantities keep up to 3 decimals exactly, and read back the same', () => {
    expect(parseMilli('2.5')).toBe(2500);
    expect(parseMilli('1,000.125')).toBe(1_000_125);
    expect(parseMilli('0.001')).toBe(1);
    expect(parseMilli('1.2345')).toBeNull();
    expect(parseMilli('two')).toBeNull();
    expect(parseMilli('')).toBeNull();
    expect(milliText(2500)).toBe('2.5');
    expect(milliText(1000)).toBe('1');
    expect(milliText(1)).toBe('0.001');
  });

  test('a typed line becomes the contract’s line, or says which field is wrong in the app’s words', () => {
    const ok = lineInput(item('Labour', '2.5', '45.125', { unit: 'hour', discountKind: 'percent', discount: '10' }), 'GBP');
    expect(ok).toEqual({
      input: { kind: 'item', productId: null, description: 'Labour', unit: 'hour', quantityMilli: 2500, unitPriceE4: 45_125_000, discount: { kind: 'percent', milliPct: 10_000 }, taxes: VAT20, optional: false, chosen: false },
    });
    const bad = lineInput(item('Labour', '2.5.1', '12.3456789'), 'GBP');
    expect(bad).toEqual({
      issues: [
        { path: 'quantityMilli', message: 'Enter a quantity such as 1 or 2.5 (up to 3 decimal places)' },
        { path: 'unitPriceE4', message: 'Enter a price such as 12.50 (up to 6 decimal places)' },
      ],
    });
    expect(lineInput(blankHeading(), 'GBP')).toEqual({ input: { kind: 'heading', text: '' } });
  });

  test('the live totals are priceDocument’s, to the penny, with an unchosen optional line left out', () => {
    const priced = priceValues(
      values([{ ...blankHeading(), text: 'Kitchen' }, item('Units', '3', '333.333'), item('Fitting', '1', '250'), item('Extra socket', '1', '40', { optional: true })], {
        discountKind: 'amount',
        discount: '10.00',
      }),
      gbp,
    );
    expect(priced.issues).toEqual([]);
    expect(priced.totals).toMatchObject({ linesTotalMinor: 125_000, discountTotalMinor: 1_000, netTotalMinor: 124_000, taxTotalMinor: 24_800, grandTotalMinor: 148_800 });
    expect(priced.totals!.taxSummary).toEqual([{ key: VAT20[0]!.taxRateId, label: 'VAT 20%', rateMilli: 20_000, netMinor: 124_000, taxMinor: 24_800 }]);
    // Each line's amount column, by its index on screen (the heading has none).
    expect([...priced.amounts.entries()]).toEqual([
      [1, 100_000],
      [2, 25_000],
      [3, 4_000],
    ]);
  });

  test('a line that does not parse is left out of the totals and its issue names its on-screen index', () => {
    const priced = priceValues(values([item('Units', 'x', '10'), item('Fitting', '2', '10'), { ...item('No tax', '1', '5'), taxes: [] }]), gbp);
    expect(priced.skipped).toBe(1);
    expect(priced.totals).toBeNull();
    expect(priced.issues).toEqual([
      { path: 'lines.0.quantityMilli', message: 'Enter a quantity such as 1 or 2.5 (up to 3 decimal places)' },
      // priceDocument saw it as its second line; the builder shows it on the third.
      { path: 'lines.2.taxes', message: 'Choose a tax rate (Zero or Exempt when no tax applies)' },
    ]);
  });

  test('the save input carries every line, or every issue', () => {
    const good = updateInput(values([item('Fitting', '1', '250')], { validUntil: '2026-12-31', notes: '  ' }), 'GBP');
    expect(good).toMatchObject({ input: { title: 'Kitchen', validUntil: '2026-12-31', discount: null, notes: null, lines: [{ kind: 'item', unitPriceE4: 250_000_000 }] } });
    const bad = updateInput(values([item('Fitting', '1', '250')], { discountKind: 'percent', discount: '120' }), 'GBP');
    expect(bad).toEqual({ issues: [{ path: 'discount.milliPct', message: 'Enter a percentage between 0 and 100 (up to 3 decimal places)' }] });
  });

  test('a catalogue price with VAT is converted to the quote’s net mode and back, to 1/10,000 of a penny', () => {
    // £120.00 including 20 % is £100.00 net.
    expect(priceInMode(1_200_000_000, true, 20_000, false)).toBe(1_000_000_000);
    expect(priceInMode(1_000_000_000, false, 20_000, true)).toBe(1_200_000_000);
    // £10.00 including 20 %: 8.333333… rounds half up at the fourth extra place.
    expect(priceInMode(100_000_000, true, 20_000, false)).toBe(83_333_333);
    expect(priceInMode(100_000_000, true, 0, false)).toBe(100_000_000);
    expect(priceInMode(100_000_000, true, 20_000, true)).toBe(100_000_000);
  });
});
