// Opens an import file as a stream of built records: sniffs CSV or vCard, encoding, delimiter and dialect,
// and maps CSV columns by name. Shared by the preview and the run, so both read a file the same way.
import { basename, extname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Dialect, ImportPreview, MappingEntry, RowProblem } from '../../../shared/domain/transfer';
import { AppError } from '../../../shared/ipc/errors';
import { fileKindOf } from '../file-kind';
import { pacer } from '../steps';
import { byteStream, csvRecords, decodedStream, detectDelimiter, findHeader, fitRow, sniffFile, type Sniffed } from './csv-io';
import { detectDialect, mapColumns } from './dialects';
import { buildFromCells, compileMapping, warningText, type Built, type CustomDef } from './records';
import { asciiSafe } from './text-encoding';
import { vcardRecords } from './vcard';

export interface SourceItem {
  line: number;
  built: Built;
  /** What the preview shows for the row: CSV cells, or a card's name. */
  cells: string[];
  /** Per-field warnings with the line each value is on (vCard; a CSV row's are on its line). */
  warnings?: RowProblem[];
}

export interface Source {
  fileName: string;
  format: ImportPreview['format'];
  dialect: Dialect;
  encoding: string;
  /** Nothing in the file named its encoding and the bytes are not UTF-8: Windows-1252 is a guess. */
  encodingGuessed: boolean;
  delimiter: string;
  columns: string[];
  mapping: MappingEntry[];
  /** Records after the header, mapped with `mapping` (or the detected one). */
  items(mapping?: readonly MappingEntry[], onBytes?: (n: number) => void): AsyncGenerator<SourceItem>;
}

/** A byte stream's chunks come out as Buffers (UTF-8 of the decoded text): the vCard reader takes strings. */
async function* asText(stream: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const utf8 = new StringDecoder('utf8');
  for await (const chunk of stream) yield typeof chunk === 'string' ? chunk : utf8.write(chunk);
  yield utf8.end();
}

/**
 * vCard by its first line, or by its name when its bytes show no other kind; anything else a CSV reader would
 * import as garbage (a PDF, a picture, random bytes, a calendar) is refused, naming what it is (issue #16).
 */
function formatOf(path: string, sniffed: Sniffed): 'vcard' | 'csv' {
  if (/^\s*BEGIN:VCARD/i.test(sniffed.head)) return 'vcard';
  const kind = fileKindOf(sniffed.magic, sniffed.head);
  if (kind === 'a calendar file (iCalendar)') throw AppError.validation('path', `This file is ${kind}, not a CSV or vCard file: import it in the Calendar`);
  if (kind) throw AppError.validation('path', `This file is ${kind}, not a CSV or vCard file`);
  return ['.vcf', '.vcard'].includes(extname(path).toLowerCase()) ? 'vcard' : 'csv';
}

export interface OpenOptions {
  /** The encoding the user chose in the preview, instead of the detected one. */
  encoding?: string | undefined;
  /** The contact custom fields (archived too): columns named like one map to it, X-RAPPORT-<KEY> reads into it. */
  fields?: readonly CustomDef[];
}

export async function openSource(path: string, options: OpenOptions = {}): Promise<Source> {
  const sniffed = await sniffFile(path, options.encoding);
  const fileName = basename(path);
  if (formatOf(path, sniffed) === 'vcard') {
    return {
      fileName,
      format: 'vcard',
      dialect: 'vcard',
      encoding: sniffed.encoding,
      encodingGuessed: sniffed.guessed,
      delimiter: '',
      columns: [],
      mapping: [],
      async *items(_mapping, onBytes) {
        // In an ASCII-compatible encoding each value is decoded from its own bytes, so a CHARSET on one line
        // and UTF-8 on the next both read right; UTF-16 and the like are decoded whole first.
        const bytes = asciiSafe(sniffed.encoding);
        const chunks = bytes ? byteStream(path, sniffed, onBytes) : asText(decodedStream(path, sniffed, onBytes));
        const pace = pacer();
        for await (const { line, built, name, warnings } of vcardRecords(chunks, { bytes, chosen: options.encoding ?? null }, options.fields)) {
          yield { line, built, cells: [name], warnings };
          await pace();
        }
      },
    };
  }

  const delimiter = detectDelimiter(sniffed.head);
  // The header is found past any preamble (LinkedIn's "Notes:" lines); records up to it are not contacts.
  const { line: headerLine, columns } = await findHeader(path, sniffed, delimiter);
  // (Google's legacy header ends with a comma: its unnamed last column maps to nothing.)
  const dialect = detectDialect(columns);
  const fields = options.fields ?? [];
  const detected = mapColumns(columns, dialect, fields);
  return {
    fileName,
    format: 'csv',
    dialect,
    encoding: sniffed.encoding,
    encodingGuessed: sniffed.guessed,
    delimiter,
    columns,
    mapping: detected,
    async *items(mapping = detected, onBytes) {
      const compiled = compileMapping(columns, mapping, dialect, fields);
      // The reader's work and the caller's per record share the budget: the event loop gets a turn every few ms.
      const pace = pacer();
      for await (const record of csvRecords(path, sniffed, delimiter, onBytes)) {
        await pace();
        if (record.line <= headerLine) continue;
        if ('error' in record) {
          const lines = record.toLine > record.line ? `lines ${record.line}–${record.toLine}` : `line ${record.line}`;
          yield { line: record.line, built: { reason: `${record.error} (${lines})` }, cells: [] };
          continue;
        }
        // Short rows are padded and cells past the header kept (csv-io's fitRow); only a swallowing quote is unreadable.
        const fitted = fitRow(record, columns.length, delimiter);
        if ('unclosed' in fitted) {
          yield { line: record.line, built: { reason: `Unclosed quote: lines ${record.line}–${record.toLine} could not be read` }, cells: record.cells };
          continue;
        }
        const built = buildFromCells(fitted.cells, compiled, fitted.extra);
        const warnings = 'record' in built ? built.warnings.map((w) => ({ line: record.line, reason: warningText(w) })) : [];
        yield { line: record.line, built, cells: fitted.cells, ...(warnings.length ? { warnings } : {}) };
      }
    },
  };
}
