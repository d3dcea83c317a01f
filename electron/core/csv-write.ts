// The one CSV writer of every export (contacts and their presets, companies, jobs, activities, report tables, the
// tables of Export everything), so no channel can write a cell a spreadsheet splits or runs as a formula. Pure
// functions, no I/O: import-export, reports and data all import it, and it imports nothing.

/**
 * A cell a spreadsheet would evaluate (OWASP "CSV Injection", ASVS 1.2.10): one starting with = + - or @, or
 * with tab, CR, LF or NUL. Also = + - @ after leading white space, because LibreOffice's "Trim spaces" import
 * option and Google Sheets drop that white space before they look at the first character. Leading apostrophes
 * are looked through, so that the one `neutralise` adds is the one `unneutralise` removes, exactly.
 */
const FORMULA = /^'*(?:\s*[=+\-@]|[\t\r\n\0])/;

/** The OWASP guard: a formula-like cell gets a leading apostrophe, which spreadsheets take as "this is text". */
export function neutralise(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}

/** Undoes `neutralise` (Rapport's own CSV import): only an apostrophe that `neutralise` would have added goes. */
export function unneutralise(value: string): string {
  return value.length > 1 && value[0] === "'" && FORMULA.test(value) ? value.slice(1) : value;
}

/**
 * Values a column made for them may hold bare. Neither form can name a function, a cell, a file or a link: no
 * letter, `=`, `@`, `|`, `!`, `:` or quote fits in it, so a spreadsheet can at most do arithmetic with it.
 * - phone: `+`, then only digits, spaces, brackets, dots and hyphens, with 5 to 20 digits. Google's and Outlook's
 *   own exports write such numbers bare, and their importers keep an apostrophe as part of the number (README,
 *   "Phone numbers in Google and Outlook files"). `+1+cmd|' /C calc'!A0` is not one: it is guarded.
 * - number: a plain decimal (an amount, a count of days), negative ones included; `-5` is a constant, not a formula.
 */
export const PLAIN = {
  phone: (value: string) => /^\+[0-9 ().-]+$/.test(value) && digitCount(value) >= 5 && digitCount(value) <= 20,
  number: (value: string) => /^-?[0-9]+(?:\.[0-9]+)?$/.test(value),
} as const;
export type PlainForm = keyof typeof PLAIN;

const digitCount = (value: string) => value.replace(/[^0-9]/g, '').length;

/** A quote, a comma, a line break (CR or LF alone too), or leading or trailing white space (which readers trim). */
const NEEDS_QUOTES = /[",\n\r]|^\s|\s$/;

/**
 * One RFC 4180 record, CRLF-terminated. Written by hand rather than with csv-stringify: with a CRLF record
 * delimiter csv-stringify leaves a field holding a lone LF or CR unquoted, which splits the record in a
 * spreadsheet and puts the rest of the cell, unguarded, at the start of a new row.
 * `plain`: cells (by index) that may go out bare when they have that form (see PLAIN); all others are guarded.
 */
export function csvLine(cells: readonly string[], delimiter = ',', quoteAll = false, plain?: ReadonlyMap<number, PlainForm>): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    if (i) out += delimiter;
    const cell = cells[i]!;
    // Most cells of a wide layout are empty: nothing to neutralise or quote.
    if (cell === '' && !quoteAll) continue;
    const form = plain?.get(i);
    const raw = form !== undefined && PLAIN[form](cell) ? cell : neutralise(cell);
    out += quoteAll || NEEDS_QUOTES.test(raw) || raw.includes(delimiter) ? `"${raw.replaceAll('"', '""')}"` : raw;
  }
  return `${out}\r\n`;
}

/** The indexes of `header` whose name passes `pick`, each allowed the one plain form. */
export function plainColumns(header: readonly string[], pick: (name: string, index: number) => boolean, form: PlainForm): Map<number, PlainForm> {
  return new Map(header.flatMap((name, i) => (pick(name, i) ? [[i, form] as const] : [])));
}
