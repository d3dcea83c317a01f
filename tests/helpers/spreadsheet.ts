// Reads a CSV file the way a spreadsheet opens it, not the way a careful parser would, and tells which cells it
// would run as a formula: the judge of the "no live formula in any export" tests. Written from scratch so it shares
// nothing with the writer it judges.

/**
 * Rows of cells, Excel's way: a line break outside quotes (CRLF, a lone CR or a lone LF) ends the row; a field
 * that starts with a quote runs to the next lone quote (`""` is one quote), and anything after that quote up to
 * the delimiter is appended as it stands; a quote inside an unquoted field is just a character. A BOM is dropped.
 */
export function readAsSpreadsheet(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  let atFieldStart = true;
  const endCell = () => {
    row.push(cell);
    cell = '';
    atFieldStart = true;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (atFieldStart && ch === '"') {
      atFieldStart = false;
      i++;
      for (;;) {
        if (i >= text.length) break; // an unclosed quote swallows the rest of the file, as in Excel
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += text[i++];
      }
      continue;
    }
    atFieldStart = false;
    if (ch === delimiter) {
      endCell();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (!atFieldStart || cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

const FORMULA_START = /^[=+\-@\t\r\n\0]/;
/** A constant a spreadsheet shows as a number: nothing in it can call, reference or fetch. */
const NUMBER = /^-?\d+(?:\.\d+)?$/;
/** A pure phone number: `+`, digits, spaces, brackets, dots and hyphens. */
const PHONE = /^\+[\d ().-]*\d[\d ().-]*$/;

/**
 * Would a spreadsheet evaluate this cell? Yes when it starts with = + - @ tab CR LF or NUL, also after leading
 * white space (LibreOffice's "Trim spaces", Google Sheets). Not for a plain number, nor, in a phone column of a
 * file made for another program's importer, for a pure phone number (the one deliberate exception).
 */
export function isLive(cell: string, phoneColumn = false): boolean {
  if (!FORMULA_START.test(cell) && !/^\s*[=+\-@]/.test(cell)) return false;
  if (NUMBER.test(cell)) return false;
  return !(phoneColumn && PHONE.test(cell));
}

/** Every live cell of a file, with where it is. `phoneColumns` are header names where a pure phone may be bare. */
export function liveCells(rows: string[][], phoneColumns: (header: string) => boolean = () => false): { row: number; column: number; cell: string }[] {
  const header = rows[0] ?? [];
  const live: { row: number; column: number; cell: string }[] = [];
  rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (isLive(cell, r > 0 && phoneColumns(header[c] ?? ''))) live.push({ row: r, column: c, cell });
    }),
  );
  return live;
}
