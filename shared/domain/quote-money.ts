// Exact arithmetic for quotes (issue #23): BigInt division with half-up rounding, and the one way a rounded amount is
// shared out over lines. No floats anywhere, so the screen, the PDF, the CSV and the stored totals cannot drift apart
// (SuiteCRM #6003: 475.99999999999994 became 475). Imports nothing.

/** Unit prices carry 4 digits beyond the currency's own: an integer count of 1/10,000 of a minor unit (£12.50 = 12_500_000). */
export const PRICE_SCALE = 10_000n;
/** Quantities are integer thousandths (2.5 hours = 2500). */
export const QUANTITY_SCALE = 1_000n;
/** Rates and percentage discounts are thousandths of a percent (20 % = 20_000, 9.975 % = 9_975); 100 % = 100_000. */
export const PERCENT_SCALE = 100_000n;

/** n / d to the nearest integer, halves away from zero (2.5 -> 3, -2.5 -> -3: a credit rounds like its debit). d > 0. */
export function divHalfUp(n: bigint, d: bigint): bigint {
  const q = (2n * (n < 0n ? -n : n) + d) / (2n * d);
  return n < 0n ? -q : q;
}

/** n / d rounded down (towards minus infinity); BigInt's own `/` cuts towards zero, which is wrong for credits. d > 0. */
export function divFloor(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n ? q - 1n : q;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** An exact amount in minor units: n / d with d > 0. */
export type Exact = { n: bigint; d: bigint };

/** The exact amounts over one denominator (their least common multiple), so they can be summed and compared as integers. */
export function commonDenominator(values: readonly Exact[]): { d: bigint; ns: bigint[] } {
  let d = 1n;
  for (const v of values) d = (d / gcd(d, v.d)) * v.d;
  return { d, ns: values.map((v) => v.n * (d / v.d)) };
}

/**
 * Shares `total` (an integer) out in proportion to exact amounts whose sum is within one half of it, so the shares sum
 * to `total` exactly: each takes its amount rounded down, and the units left over go one each to the largest fractional
 * parts (the largest remainder method). Each share therefore differs from its exact amount by less than one minor unit,
 * which "give the remainder to the largest line" cannot promise (five 1p lines less 2p: round each to 0, then the
 * largest line would take 2p and go below zero). Ties go to `before(i, j)`, which callers make independent of line
 * order where totals depend on it.
 */
export function shareOut(total: bigint, values: readonly Exact[], before: (i: number, j: number) => number): bigint[] {
  const { d, ns } = commonDenominator(values);
  const floors = ns.map((n) => divFloor(n, d));
  let left = total - floors.reduce((a, b) => a + b, 0n);
  if (left < 0n || left > BigInt(values.length)) throw new Error(`shareOut: ${total} is not the rounded sum of the parts`);
  const remainders = ns.map((n, i) => n - floors[i]! * d);
  const order = ns.map((_, i) => i).sort((i, j) => (remainders[j]! > remainders[i]! ? 1 : remainders[j]! < remainders[i]! ? -1 : before(i, j)));
  for (const i of order) {
    if (left === 0n) break;
    floors[i]! += 1n;
    left -= 1n;
  }
  return floors;
}

/**
 * A unit price typed by a person, as 1/10,000 of a minor unit: "2314.815" GBP -> 2_314_815_000 (SuiteCRM #1776
 * needed the third decimal to reach a round total). Up to 4 decimals beyond the currency's own; a leading minus for a
 * credit line. Returns null when the text is not such a number.
 */
export function parseUnitPrice(text: string, currencyDigits: number): number | null {
  const match = /^\s*(-)?(\d+)(?:\.(\d+))?\s*$/.exec(text.replace(/,/g, ''));
  if (!match) return null;
  const fraction = match[3] ?? '';
  if (fraction.length > currencyDigits + 4) return null;
  const value = BigInt(match[2]! + fraction.padEnd(currencyDigits + 4, '0')) * (match[1] ? -1n : 1n);
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
}

/** A unit price back as text with only the decimals it needs beyond the currency's (2_314_815_000, 2 -> "2314.815"). */
export function formatUnitPrice(unitPriceE4: number, currencyDigits: number): string {
  const places = currencyDigits + 4;
  const digits = String(Math.abs(unitPriceE4)).padStart(places + 1, '0');
  let fraction = digits.slice(-places);
  while (fraction.length > currencyDigits && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${unitPriceE4 < 0 ? '-' : ''}${digits.slice(0, -places)}${fraction ? `.${fraction}` : ''}`;
}
