// Money in the UI: integer minor units (pence, cents) from the server shown with Intl.NumberFormat, and what
// the user types parsed back to minor units with string arithmetic, so "0.29" is 29 and never 28.999….

/** How many minor-unit digits a currency has (GBP 2, JPY 0, BHD 3); 2 when the code is unknown. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function formatMoney(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amountMinor / 10 ** digits);
  } catch {
    return `${(amountMinor / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}

/** Minor units as the text a money input shows: 125050 GBP -> "1250.50". */
export function minorToInput(amountMinor: number | null, currency: string): string {
  if (amountMinor === null) return '';
  const digits = currencyDigits(currency);
  if (digits === 0) return String(amountMinor);
  const text = String(amountMinor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * What the user typed as minor units: "1,250.50" -> 125050, "£300" -> 30000, "" -> null.
 * Returns undefined when it is not an amount (letters, two points, more decimals than the currency has).
 */
export function parseMoney(text: string, currency: string): number | null | undefined {
  const cleaned = text.replace(/[\s,£$€¥]/g, '');
  if (cleaned === '') return null;
  const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[1] === '' && !match[2])) return undefined;
  const digits = currencyDigits(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return undefined;
  const minor = Number(`${match[1] || '0'}${fraction.padEnd(digits, '0')}`);
  return Number.isSafeInteger(minor) ? minor : undefined;
}
