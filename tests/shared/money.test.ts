// The one money module: digits per currency from Intl, exact parsing of what a user types, and display in a locale.
// Three currencies cover the cases: GBP (2 decimals), JPY (none: 5000 minor units is ¥5,000, not ¥50) and BHD (3).
import { describe, expect, it } from 'vitest';
import { currencyDigits, formatMoney, minorToDecimal, parseMoney } from '../../shared/domain/money';

describe('currencyDigits', () => {
  it('takes each currency’s digits from Intl, and 2 for a code Intl does not know', () => {
    expect(currencyDigits('GBP')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('BHD')).toBe(3);
    expect(currencyDigits('not a code')).toBe(2);
  });
});

describe('formatMoney', () => {
  it('shows GBP with two decimals', () => {
    expect(formatMoney(125050, 'GBP', 'en-GB')).toBe('£1,250.50');
    expect(formatMoney(29, 'GBP', 'en-GB')).toBe('£0.29');
  });

  it('shows JPY minor units as whole yen', () => {
    expect(formatMoney(5000, 'JPY', 'en')).toBe('¥5,000');
    expect(formatMoney(5000, 'JPY', 'en-GB')).toBe('JP¥5,000');
  });

  it('shows BHD with three decimals', () => {
    expect(formatMoney(1500, 'BHD', 'en')).toBe('BHD\u00a01.500');
    expect(formatMoney(1234567, 'BHD', 'en')).toBe('BHD\u00a01,234.567');
  });

  it('follows the locale and keeps negative amounts', () => {
    expect(formatMoney(125050, 'GBP', 'de-DE')).toBe('1.250,50\u00a0£');
    expect(formatMoney(-125050, 'GBP', 'en-GB')).toBe('-£1,250.50');
  });

  it('is exact beyond what a float holds to the penny', () => {
    expect(formatMoney(900719925474099, 'GBP', 'en-GB')).toBe('£9,007,199,254,740.99');
  });

  it('still shows the amount for a code Intl does not know', () => {
    expect(formatMoney(125050, 'XX1', 'en')).toBe('1250.50 XX1');
  });
});

describe('minorToDecimal', () => {
  it('writes plain decimals in the currency’s own digits', () => {
    expect(minorToDecimal(125050, 'GBP')).toBe('1250.50');
    expect(minorToDecimal(5, 'GBP')).toBe('0.05');
    expect(minorToDecimal(-5, 'GBP')).toBe('-0.05');
    expect(minorToDecimal(5000, 'JPY')).toBe('5000');
    expect(minorToDecimal(1500, 'BHD')).toBe('1.500');
    expect(minorToDecimal(7, 'BHD')).toBe('0.007');
  });
});

describe('parseMoney', () => {
  it('reads GBP as pence, with grouping and symbols', () => {
    expect(parseMoney('1,250.50', 'GBP')).toEqual({ ok: true, minor: 125050 });
    expect(parseMoney('£300', 'GBP')).toEqual({ ok: true, minor: 30000 });
    expect(parseMoney('0.29', 'GBP')).toEqual({ ok: true, minor: 29 });
    expect(parseMoney('.5', 'GBP')).toEqual({ ok: true, minor: 50 });
    expect(parseMoney(' 12. ', 'GBP')).toEqual({ ok: true, minor: 1200 });
  });

  it('reads JPY as whole yen and refuses decimals', () => {
    expect(parseMoney('5,000', 'JPY')).toEqual({ ok: true, minor: 5000 });
    expect(parseMoney('¥5000', 'JPY')).toEqual({ ok: true, minor: 5000 });
    expect(parseMoney('50.5', 'JPY')).toEqual({ ok: false, error: 'JPY has no decimal places' });
  });

  it('reads BHD with three decimals and refuses a fourth', () => {
    expect(parseMoney('1.5', 'BHD')).toEqual({ ok: true, minor: 1500 });
    expect(parseMoney('1.234', 'BHD')).toEqual({ ok: true, minor: 1234 });
    expect(parseMoney('1.2345', 'BHD')).toEqual({ ok: false, error: 'BHD has 3 decimal places' });
  });

  it('gives null for an empty text', () => {
    expect(parseMoney('', 'GBP')).toEqual({ ok: true, minor: null });
    expect(parseMoney('   ', 'GBP')).toEqual({ ok: true, minor: null });
  });

  it('says why a text is not an amount', () => {
    expect(parseMoney('abc', 'GBP')).toEqual({ ok: false, error: '"abc" is not an amount' });
    expect(parseMoney('1.2.3', 'GBP').ok).toBe(false);
    expect(parseMoney('.', 'GBP').ok).toBe(false);
    expect(parseMoney('-5', 'GBP').ok).toBe(false);
    expect(parseMoney('1.234', 'GBP')).toEqual({ ok: false, error: 'GBP has 2 decimal places' });
    expect(parseMoney('99999999999999999', 'GBP')).toEqual({ ok: false, error: 'The amount is too large' });
  });

  it('round-trips with minorToDecimal', () => {
    for (const [minor, currency] of [[125050, 'GBP'], [5000, 'JPY'], [1234, 'BHD'], [0, 'GBP']] as const) {
      expect(parseMoney(minorToDecimal(minor, currency), currency)).toEqual({ ok: true, minor });
    }
  });
});
