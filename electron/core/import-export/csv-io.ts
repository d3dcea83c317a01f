// Reading and writing CSV the way spreadsheets expect: encoding and delimiter sniffed from the first bytes,
// records streamed with csv-parse (never the whole file in memory), RFC 4180 quoting and formula
// neutralisation on the way out. No `electron` import.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';

export interface Sniffed {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Bytes of byte order mark to skip. */
  bom: number;
  /** The first bytes decoded, for delimiter and format detection. */
  head: string;
}

const SNIFF_BYTES = 64 * 1024;

export async function sniffFile(path: string): Promise<Sniffed> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return sniffBytes(buffer.subarray(0, bytesRead), bytesRead < SNIFF_BYTES);
  } finally {
    await handle.close();
  }
}

export function sniffBytes(bytes: Uint8Array, whole: boolean): Sniffed {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decoded('utf-8', 3, bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded('utf-16le', 2, bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded('utf-16be', 2, bytes);
  // Not valid UTF-8 (ignoring a character cut at the sniff boundary): Windows-1252, what Excel writes
  // on Western-European Windows, which also decodes any byte so nothing is refused.
  let end = bytes.length;
  if (!whole) while (end > 0 && end > bytes.length - 4 && (bytes[end - 1]! & 0xc0) === 0x80) end--;
  if (!whole && end > 0 && bytes[end - 1]! >= 0xc0) end--;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return decoded('utf-8', 0, bytes);
  } catch {
    return decoded('windows-1252', 0, bytes);
  }
}

function decoded(encoding: Sniffed['encoding'], bom: number, bytes: Uint8Array): Sniffed {
  return { encoding, bom, head: new TextDecoder(encoding).decode(bytes.subarray(bom)) };
}

/** The delimiter that splits the header line into the most cells (quotes respected). */
export function detectDelimiter(head: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of head) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

/** A stream of text decoded from the file's bytes (the BOM skipped). */
export function decodedStream(path: string, sniffed: Sniffed, onBytes?: (n: number) => void) {
  const decoder = new TextDecoder(sniffed.encoding);
  const decode = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onBytes?.(chunk.length);
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
  return createReadStream(path, { start: sniffed.bom, highWaterMark: 256 * 1024 }).pipe(decode);
}

export type CsvRecord = { line: number; toLine: number; cells: string[] } | { line: number; toLine: number; error: string };

const lineBreaks = (raw: string) => (raw.match(/\r\n|\n|\r/g) ?? []).length;

/**
 * Every record with the lines it spans. Lines are counted from each record's raw text (csv-parse counts a
 * CRLF inside quotes twice). A record csv-parse cannot read becomes an error entry and reading goes on
 * after it: the import never stops silently.
 */
export async function* csvRecords(path: string, sniffed: Sniffed, delimiter: string, onBytes?: (n: number) => void): AsyncGenerator<CsvRecord> {
  const skipped: CsvRecord[] = [];
  let next = 1; // the line the next record starts on
  let parserLines = 0; // csv-parse's own count at the last good record, to translate a skip's line
  const parser = decodedStream(path, sniffed, onBytes).pipe(
    parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_records_with_error: true, info: true, raw: true, skip_empty_lines: true }),
  );
  parser.on('skip', (error: Error & { lines?: number }) => {
    const toLine = Math.max(next, (error.lines ?? parserLines + 1) - (parserLines - (next - 1)));
    skipped.push({ line: next, toLine, error: /quote/i.test(error.message) ? 'Unclosed quote: these lines could not be read' : error.message });
    next = toLine + 1;
  });
  for await (const { record, info, raw } of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
    while (skipped.length) yield skipped.shift()!;
    // Empty lines before the record are skipped by csv-parse but are part of its raw text.
    const leading = /^(?:\r\n|\n|\r)*/.exec(raw)![0];
    const line = next + lineBreaks(leading);
    const body = raw.slice(leading.length).replace(/(?:\r\n|\n|\r)$/, '');
    const toLine = line + lineBreaks(body);
    yield { line, toLine, cells: record };
    next = toLine + 1;
    parserLines = info.lines;
  }
  while (skipped.length) yield skipped.shift()!;
}

// ---- writing ----

/** OWASP CSV injection: a cell a spreadsheet would run as a formula gets a leading apostrophe. */
const FORMULA = /^'*[=+\-@\t\r]/;
export function neutralise(value: string): string {
  // Cells already starting with apostrophes before a formula character get one more, so undoing is exact.
  return FORMULA.test(value) ? `'${value}` : value;
}
export function unneutralise(value: string): string {
  return value.length > 1 && value[0] === "'" && FORMULA.test(value) ? value.slice(1) : value;
}

/**
 * One RFC 4180 record. Written by hand rather than with csv-stringify: with a CRLF record delimiter
 * csv-stringify leaves a field holding a lone LF unquoted, which splits the record when read back.
 */
export function csvLine(cells: readonly string[], delimiter = ',', quoteAll = false): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    if (i) out += delimiter;
    const cell = cells[i]!;
    // Most cells of a wide layout are empty: nothing to neutralise or quote.
    if (cell === '' && !quoteAll) continue;
    const raw = neutralise(cell);
    const needs = quoteAll || NEEDS_QUOTES.test(raw) || raw.includes(delimiter);
    out += needs ? `"${raw.replaceAll('"', '""')}"` : raw;
  }
  return `${out}\r\n`;
}

/** A quote, a line break, or leading or trailing white space (which readers would trim) must be quoted. */
const NEEDS_QUOTES = /["\n\r]|^\s|\s$/;

/**
 * Streams text into a temp file beside `target` and renames it into place only when `fill` finishes, so a
 * failed or interrupted export never leaves half a file under the chosen name. `write` waits when the disk
 * is slower than the producer (back-pressure).
 */
export async function writeFileAtomically(target: string, fill: (write: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
  const temp = `${target}.${process.pid}.part`;
  const out = createWriteStream(temp, { encoding: 'utf8' });
  try {
    await fill(async (text) => {
      if (!out.write(text)) await once(out, 'drain');
    });
    out.end();
    await once(out, 'finish');
    await rename(temp, target);
  } catch (error) {
    out.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}
