// Money on both sides of the wire: an integer of minor units plus an ISO 4217 code, with each currency's number of
// digits taken from Intl (GBP 2, JPY 0, BHD 3) and all arithmetic on strings, so "0.29" is 29 and never 28.999….
// Pure: no Node, no DOM, nothing but the language's own Intl.

/** How many minor-unit digits a currency has (GBP 2, JPY 0, BHD 3); 2 when the code is unknown. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Minor units as a plain decimal in the currency's own digits (125050 GBP -> "1250.50", 5000 JPY -> "5000"). */
export function minorToDecimal(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * Minor units for people to read: 125050 GBP -> "£1,250.50", 5000 JPY -> "¥5,000", 1500 BHD -> "BHD 1.500" (with a no-break space).
 * `locale` is a BCP 47 tag; left out, the runtime's own (the user's, in the renderer). An unknown code
 * still shows its amount: "1250.50 XYZ".
 */
export function formatMoney(amountMinor: number, currency: string, locale?: string): string {
  const decimal = minorToDecimal(amountMinor, currency);
  const digits = currencyDigits(currency);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(decimal as `${number}`);
  } catch {
    return `${decimal} ${currency}`;
  }
}

/** What `parseMoney` made of a text: minor units (null for an empty text), or why it is not an amount. */
export type ParsedMoney = { ok: true; minor: number | null } | { ok: false; error: string };

/**
 * What a user typed, as minor units: "1,250.50" -> 125050, "£300" -> 30000, "" -> null.
 * Fails, saying why, on letters, a sign, two points, more decimals than the currency has, or a number too big to
 * hold exactly.
 */
export function parseMoney(text: string, currency: string): ParsedMoney {
  const cleaned = text.replace(/[\s,£$€¥]/g, '');
  if (cleaned === '') return { ok: true, minor: null };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[1] === '' && !match[2])) return { ok: false, error: `"${text.trim()}" is not an amount` };
  const digits = currencyDigits(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return { ok: false, error: digits === 0 ? `${currency} has no decimal places` : `${currency} has ${digits} decimal place${digits === 1 ? '' : 's'}` };
  }
  const minor = Number(`${match[1] || '0'}${fraction.padEnd(digits, '0')}`);
  return Number.isSafeInteger(minor) ? { ok: true, minor } : { ok: false, error: 'The amount is too large' };
}

/**
 * ISO 4217 codes the runtime's Intl may leave out (fund codes, and codes newer than its ICU data). Everything else
 * comes from Intl.supportedValuesOf('currency'), which Node 22 and Chromium both have: the active ISO 4217 list.
 */
const ISO_4217_EXTRA = ['BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW', 'VED', 'XCG', 'ZWG', 'SLE', 'XDR', 'XSU', 'XUA'];

let known: Set<string> | null = null;

/** Whether `code` (any case, spaces around allowed) is a real ISO 4217 currency: "GBP" yes, "POU" or "POUNDS" no. */
export function isCurrencyCode(code: string): boolean {
  const c = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(c)) return false;
  known ??= new Set([...Intl.supportedValuesOf('currency'), ...ISO_4217_EXTRA]);
  return known.has(c);
}
