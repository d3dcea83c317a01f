// Opens an import file as a stream of built records: sniffs CSV or vCard, encoding, delimiter and dialect,
// and maps CSV columns by name. Shared by the preview and the run, so both read a file the same way.
import { basename, extname } from 'node:path';
import type { Dialect, ImportPreview, MappingEntry } from '../../../shared/domain/transfer';
import { csvRecords, decodedStream, detectDelimiter, sniffFile, type Sniffed } from './csv-io';
import { detectDialect, mapColumns } from './dialects';
import { buildFromCells, compileMapping, type Built } from './records';
import { vcardRecords } from './vcard';

export interface SourceItem {
  line: number;
  built: Built;
  /** What the preview shows for the row: CSV cells, or a card's name. */
  cells: string[];
}

export interface Source {
  fileName: string;
  format: ImportPreview['format'];
  dialect: Dialect;
  encoding: string;
  delimiter: string;
  columns: string[];
  mapping: MappingEntry[];
  /** Records after the header, mapped with `mapping` (or the detected one). */
  items(mapping?: readonly MappingEntry[], onBytes?: (n: number) => void): AsyncGenerator<SourceItem>;
}

const isVcard = (path: string, sniffed: Sniffed) => ['.vcf', '.vcard'].includes(extname(path).toLowerCase()) || /^\s*BEGIN:VCARD/i.test(sniffed.head);

export async function openSource(path: string): Promise<Source> {
  const sniffed = await sniffFile(path);
  const fileName = basename(path);
  if (isVcard(path, sniffed)) {
    return {
      fileName,
      format: 'vcard',
      dialect: 'vcard',
      encoding: sniffed.encoding,
      delimiter: '',
      columns: [],
      mapping: [],
      async *items(_mapping, onBytes) {
        for await (const { line, built, name } of vcardRecords(decodedStream(path, sniffed, onBytes))) yield { line, built, cells: [name] };
      },
    };
  }

  const delimiter = detectDelimiter(sniffed.head);
  let columns: string[] = [];
  for await (const record of csvRecords(path, sniffed, delimiter)) {
    if ('cells' in record) columns = record.cells.map((c) => c.trim());
    break;
  }
  // (Google's legacy header ends with a comma: its unnamed last column maps to nothing.)
  const dialect = detectDialect(columns);
  const detected = mapColumns(columns, dialect);
  return {
    fileName,
    format: 'csv',
    dialect,
    encoding: sniffed.encoding,
    delimiter,
    columns,
    mapping: detected,
    async *items(mapping = detected, onBytes) {
      const compiled = compileMapping(columns, mapping, dialect);
      let header = true;
      for await (const record of csvRecords(path, sniffed, delimiter, onBytes)) {
        if (header) {
          header = false;
          if ('cells' in record) continue;
        }
        if ('error' in record) {
          const lines = record.toLine > record.line ? `lines ${record.line}–${record.toLine}` : `line ${record.line}`;
          yield { line: record.line, built: { reason: `${record.error} (${lines})` }, cells: [] };
          continue;
        }
        const { cells } = record;
        const extra = cells.slice(columns.length);
        if (cells.length < columns.length || extra.some((c) => c.trim() !== '')) {
          // A record running over several lines with the wrong cell count is an unclosed quote that swallowed them.
          const reason = record.toLine > record.line ? `Unclosed quote: lines ${record.line}–${record.toLine} could not be read` : `Expected ${columns.length} columns, found ${cells.length}`;
          yield { line: record.line, built: { reason }, cells };
          continue;
        }
        yield { line: record.line, built: buildFromCells(cells, compiled), cells };
      }
    },
  };
}
