// CSV export of companies, jobs and activities: one fixed, documented layout each, read in pages of rows (by
// seq, so a million activities never sit in memory) and written like the contact export. No SQL here (the
// reads are import-export.exports.repo's); no `electron` import.
import type { Kysely } from 'kysely';
import { minorToDecimal } from '../../../shared/domain/money';
import type { FieldDefinition, FieldRecordType } from '../../../shared/domain/custom-fields';
import { customHeaders } from '../../../shared/domain/import-custom';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { readCustom } from '../../db/fields.repo';
import { activitiesToExport, companiesToExport, countLive, jobsToExport, type ExportTableName } from '../../db/import-export.exports.repo';
import type { DB } from '../../db/schema';
import type { FeatureContext } from '../modules';
import { csvLine, plainColumns, type PlainForm } from '../csv-write';
import { writeFileAtomically } from '../export-file';
import { valueAsText } from '../fields/convert';
import { customDefinitions } from '../fields/record-custom';
import { ExportCancelled, type ExportRuns } from './export-runs';

interface Table {
  header: string[];
  /** Number columns: a plain decimal goes out bare (see PLAIN in csv-write), anything else is guarded. */
  numbers?: readonly string[];
  /** The next page's lines after `afterSeq`, each with its seq (where the page after it starts) and record id. */
  page: (db: Kysely<DB>, afterSeq: number, limit: number) => Promise<{ seq: number; id?: string; cells: string[] }[]>;
  /** The record type whose custom fields follow the fixed columns (issue #19). */
  fields?: FieldRecordType;
}

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

const TABLES: Record<ChannelParsedInput<'export.table'>['table'] & ExportTableName, Table> = {
  companies: {
    fields: 'company',
    header: ['Name', 'Website', 'Phone', 'Street', 'City', 'Region', 'Postcode', 'Country', 'Tags', 'Notes', 'Created'],
    page: async (db, after, limit) =>
      (await companiesToExport(db, after, limit)).map((r) => ({
        seq: r.seq,
        id: r.id,
        cells: [text(r.name), text(r.website), text(r.phone), text(r.address.street), text(r.address.city), text(r.address.region), text(r.address.postcode), text(r.address.country), r.tags.join(' ::: '), text(r.notes), text(r.createdAt)],
      })),
  },
  jobs: {
    fields: 'job',
    header: ['Title', 'Client', 'Company', 'Stage', 'Amount', 'Currency', 'Due date', 'Probability %', 'Notes', 'Lost reason', 'Created'],
    numbers: ['Amount', 'Probability %'],
    page: async (db, after, limit) =>
      (await jobsToExport(db, after, limit)).map((r) => ({
        seq: r.seq,
        id: r.id,
        // Minor units as a decimal in the currency's own number of digits (JPY 0, GBP 2, BHD 3).
        cells: [text(r.title), text(r.client), text(r.company), text(r.stage), r.amountMinor === null ? '' : minorToDecimal(r.amountMinor, r.currency), text(r.currency), text(r.dueDate), text(r.probability), text(r.notes), text(r.lostReason), text(r.createdAt)],
      })),
  },
  activities: {
    header: ['When', 'Type', 'Direction', 'Contact', 'Company', 'Subject', 'Notes', 'Outcome', 'Duration (minutes)'],
    numbers: ['Duration (minutes)'],
    page: async (db, after, limit) =>
      (await activitiesToExport(db, after, limit)).map((r) => ({
        seq: r.seq,
        cells: [text(r.occurredAt), text(r.type), text(r.direction), text(r.contact), text(r.company), text(r.subject), text(r.notes), text(r.outcome), r.durationSeconds === null ? '' : String(Math.round(Number(r.durationSeconds) / 60))],
      })),
  },
};

const PAGE = 2000;

export async function exportTable(ctx: FeatureContext, runs: ExportRuns, input: ChannelParsedInput<'export.table'>) {
  const table = TABLES[input.table];
  const target = await ctx.platform.saveTarget(`${input.table}.csv`, [{ name: 'CSV', extensions: ['csv'] }]);
  if (!target) return { path: null, count: 0, cancelled: true };
  const run = runs.start(await countLive(ctx.deps.db, input.table));
  // Custom fields after the fixed columns, archived ones too, headed by their labels; numbers and amounts bare like Amount.
  const fields: FieldDefinition[] = table.fields ? await customDefinitions(ctx.deps.db, table.fields) : [];
  const header = [...table.header, ...customHeaders(fields, table.header)];
  const numeric = (i: number) => (i < table.header.length ? (table.numbers?.includes(table.header[i]!) ?? false) : fields[i - table.header.length]!.type === 'number' || fields[i - table.header.length]!.type === 'money');
  const plain: ReadonlyMap<number, PlainForm> = plainColumns(header, (_, i) => numeric(i), 'number');
  let count = 0;
  try {
    await writeFileAtomically(target, async (write) => {
      let after = 0;
      let buffer = (input.bom ? '\uFEFF' : '') + csvLine(header);
      for (;;) {
        const lines = await table.page(ctx.deps.db, after, PAGE);
        const custom = fields.length && table.fields ? await readCustom(ctx.deps.db, table.fields, lines.map((l) => l.id!), fields) : null;
        for (const line of lines) {
          const values = custom?.get(line.id!) ?? {};
          buffer += csvLine(fields.length ? [...line.cells, ...fields.map((f) => valueAsText(f, values[f.key] ?? null))] : line.cells, ',', false, plain);
        }
        count += lines.length;
        run.advance(lines.length);
        await write(buffer);
        buffer = '';
        if (lines.length < PAGE) break;
        after = Number(lines[lines.length - 1]!.seq);
      }
    }, ctx.dataDir);
  } catch (error) {
    if (error instanceof ExportCancelled) return { path: null, count: 0, cancelled: true };
    throw error;
  } finally {
    run.finish();
  }
  return { path: target, count, cancelled: false };
}
