// Reading CSV the way spreadsheets expect: encoding and delimiter sniffed from the first bytes,
// records streamed with csv-parse (never the whole file in memory). Writing is ../csv-write.ts's, shared with
// every export. No `electron` import.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { stripControls } from '../plain-text';
import { bomLength, decodeAll, detectEncoding, streamDecoder, type Detected } from './text-encoding';

export interface Sniffed {
  /** A name iconv-lite (and for UTF-8/16 the platform) decodes by. */
  encoding: string;
  /** Bytes of byte order mark to skip. */
  bom: number;
  /** Nothing in the file said so: Windows-1252 was chosen because the bytes are not UTF-8. */
  guessed: boolean;
  /** The first bytes decoded, for delimiter and format detection. */
  head: string;
  /** The first bytes as they are, for telling a PDF, a picture or an archive from text (file-kind.ts). */
  magic: Uint8Array;
}

const SNIFF_BYTES = 64 * 1024;

/** The file's encoding by evidence, or the one the user chose (a matching byte order mark is still skipped). */
export async function sniffFile(path: string, chosen?: string): Promise<Sniffed> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const bytes = buffer.subarray(0, bytesRead);
    if (chosen) return decoded({ encoding: chosen, bom: bomLength(bytes, chosen), guessed: false }, bytes);
    return sniffBytes(bytes, bytesRead < SNIFF_BYTES);
  } finally {
    await handle.close();
  }
}

export function sniffBytes(bytes: Uint8Array, whole: boolean): Sniffed {
  return decoded(detectEncoding(bytes, whole), bytes);
}

function decoded(detected: Detected, bytes: Uint8Array): Sniffed {
  return { ...detected, head: decodeAll(bytes.subarray(detected.bom), detected.encoding), magic: Uint8Array.from(bytes.subarray(0, 32)) };
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
  const decoder = streamDecoder(sniffed.encoding);
  const decode = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onBytes?.(chunk.length);
      done(null, decoder.write(chunk));
    },
    flush(done) {
      done(null, decoder.end());
    },
  });
  // 64 KB chunks: csv-parse works through a chunk in one go, and a 256 KB chunk inside a 4 MB quoted cell held the
  // event loop for over 100 ms (tests/core/parse-ping.test.ts); 64 KB keeps it near 50.
  return createReadStream(path, { start: sniffed.bom, highWaterMark: 64 * 1024 }).pipe(decode);
}

/** The file's bytes one char per byte (Latin-1), for a reader that decodes each value by its own charset. */
export async function* byteStream(path: string, sniffed: Sniffed, onBytes?: (n: number) => void): AsyncGenerator<string> {
  for await (const chunk of createReadStream(path, { start: sniffed.bom, highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    onBytes?.(chunk.length);
    yield chunk.toString('latin1');
  }
}

/** NUL and other control characters are never text a person typed: stripped from every cell (plain-text.ts). */
export { stripControls };

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
    yield { line, toLine, cells: record.map(stripControls) };
    next = toLine + 1;
    parserLines = info.lines;
  }
  while (skipped.length) yield skipped.shift()!;
}

/** How far to look for the header row past a preamble (LinkedIn writes a "Notes:" paragraph first). */
const HEADER_SEARCH = 10;

/**
 * The header row: the first record with two or more named cells, within the first few records. Lines before it
 * (LinkedIn's "Notes:" preamble, a title line) are not contacts. A one-column file's header is its first record.
 */
const MAX_COLUMN_NAME = 200;

export async function findHeader(path: string, sniffed: Sniffed, delimiter: string): Promise<{ line: number; columns: string[] }> {
  let first: { line: number; columns: string[] } | null = null;
  let seen = 0;
  for await (const record of csvRecords(path, sniffed, delimiter)) {
    if (++seen > HEADER_SEARCH) break;
    if (!('cells' in record)) continue;
    // A header name longer than a mapping may name (200: shared/domain/transfer.ts) is cut the same way for
    // preview and run, so the mapping the preview showed is the one the run accepts.
    const columns = record.cells.map((c) => c.trim().slice(0, MAX_COLUMN_NAME));
    first ??= { line: record.line, columns };
    if (columns.filter(Boolean).length >= 2) return { line: record.line, columns };
  }
  return first ?? { line: 0, columns: [] };
}

export type FittedRow = { cells: string[]; extra: string[] } | { unclosed: true };

/**
 * A data record fitted to the header: short rows are padded (Outlook and Thunderbird leave trailing cells out),
 * cells beyond the header are returned apart so they can be kept. A record that spans lines with the wrong
 * number of cells, where a line inside one cell itself splits into cells, is an unclosed quote that swallowed
 * the rows after it: those cannot be read.
 */
export function fitRow(record: { line: number; toLine: number; cells: string[] }, columns: number, delimiter: string): FittedRow {
  const { cells } = record;
  if (cells.length !== columns && record.toLine > record.line) {
    const swallowed = cells.some((cell) => cell.split(/\r\n|\n|\r/).slice(1).some((line) => line.includes(delimiter)));
    if (swallowed) return { unclosed: true };
  }
  if (cells.length >= columns) return { cells: cells.slice(0, columns), extra: cells.slice(columns).filter((c) => c.trim() !== '') };
  return { cells: [...cells, ...Array<string>(columns - cells.length).fill('')], extra: [] };
}
