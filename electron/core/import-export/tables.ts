// CSV export of companies, jobs and activities: one fixed, documented layout each, read in pages of rows (by
// seq, so a million activities never sit in memory) and written like the contact export. No `electron` import.
import { sql } from 'kysely';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { parseJsonColumn } from '../../db/json';
import type { FeatureContext } from '../modules';
import { csvLine, writeFileAtomically } from './csv-io';
import { ExportCancelled, type ExportRuns } from './export-runs';

type Row = Record<string, string | number | null>;
interface Table {
  header: string[];
  /** Rows the export will write (for its progress bar). */
  count: ReturnType<typeof sql<{ n: number }>>;
  select: (afterSeq: number, limit: number) => ReturnType<typeof sql<Row>>;
  cells: (row: Row) => string[];
}

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** Minor units as a decimal in the currency's own number of digits (JPY 0, GBP 2, BHD 3). */
function major(minor: number | null, currency: string): string {
  if (minor === null) return '';
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // an unknown code keeps two digits
  }
  return (minor / 10 ** digits).toFixed(digits);
}

const TABLES: Record<ChannelParsedInput<'export.table'>['table'], Table> = {
  companies: {
    header: ['Name', 'Website', 'Phone', 'Street', 'City', 'Region', 'Postcode', 'Country', 'Tags', 'Notes', 'Created'],
    count: sql`SELECT count(*) AS n FROM companies WHERE deleted_at IS NULL`,
    select: (after, limit) => sql<Row>`SELECT seq, name, website, phone, address, tags, notes, created_at FROM companies
      WHERE deleted_at IS NULL AND seq > ${after} ORDER BY seq LIMIT ${limit}`,
    cells(r) {
      const a = parseJsonColumn<Record<string, string> | null>(r.address as string | null, null) ?? {};
      return [text(r.name), text(r.website), text(r.phone), text(a.street), text(a.city), text(a.region), text(a.postcode), text(a.country), parseJsonColumn<string[]>(r.tags as string, []).join(' ::: '), text(r.notes), text(r.created_at)];
    },
  },
  jobs: {
    header: ['Title', 'Client', 'Company', 'Stage', 'Amount', 'Currency', 'Due date', 'Probability %', 'Notes', 'Lost reason', 'Created'],
    count: sql`SELECT count(*) AS n FROM jobs WHERE deleted_at IS NULL`,
    select: (after, limit) => sql<Row>`SELECT j.seq, j.title, c.display_name AS client, co.name AS company, s.name AS stage, j.amount_minor, j.currency,
        j.due_date, j.probability, j.notes, j.lost_reason, j.created_at
      FROM jobs j LEFT JOIN contacts c ON c.id = j.contact_id LEFT JOIN companies co ON co.id = j.company_id LEFT JOIN pipeline_stages s ON s.id = j.stage_id
      WHERE j.deleted_at IS NULL AND j.seq > ${after} ORDER BY j.seq LIMIT ${limit}`,
    cells: (r) => [text(r.title), text(r.client), text(r.company), text(r.stage), major(r.amount_minor as number | null, String(r.currency)), text(r.currency), text(r.due_date), text(r.probability), text(r.notes), text(r.lost_reason), text(r.created_at)],
  },
  activities: {
    header: ['When', 'Type', 'Direction', 'Contact', 'Company', 'Subject', 'Notes', 'Outcome', 'Duration (minutes)'],
    count: sql`SELECT count(*) AS n FROM activities WHERE deleted_at IS NULL`,
    select: (after, limit) => sql<Row>`SELECT a.seq, a.occurred_at, a.type, a.direction, c.display_name AS contact, co.name AS company, a.subject, a.notes, a.outcome, a.duration_seconds
      FROM activities a LEFT JOIN contacts c ON c.id = a.contact_id LEFT JOIN companies co ON co.id = a.company_id
      WHERE a.deleted_at IS NULL AND a.seq > ${after} ORDER BY a.seq LIMIT ${limit}`,
    cells: (r) => [text(r.occurred_at), text(r.type), text(r.direction), text(r.contact), text(r.company), text(r.subject), text(r.notes), text(r.outcome), r.duration_seconds === null ? '' : String(Math.round(Number(r.duration_seconds) / 60))],
  },
};

const PAGE = 2000;

export async function exportTable(ctx: FeatureContext, runs: ExportRuns, input: ChannelParsedInput<'export.table'>) {
  const table = TABLES[input.table];
  const target = await ctx.platform.saveTarget(`${input.table}.csv`, [{ name: 'CSV', extensions: ['csv'] }]);
  if (!target) return { path: null, count: 0, cancelled: true };
  const { rows: counted } = await table.count.execute(ctx.deps.db);
  const run = runs.start(Number(counted[0]?.n ?? 0));
  let count = 0;
  try {
    await writeFileAtomically(target, async (write) => {
      let after = 0;
      let buffer = (input.bom ? '\uFEFF' : '') + csvLine(table.header);
      for (;;) {
        const { rows } = await table.select(after, PAGE).execute(ctx.deps.db);
        for (const row of rows) buffer += csvLine(table.cells(row));
        count += rows.length;
        run.advance(rows.length);
        await write(buffer);
        buffer = '';
        if (rows.length < PAGE) break;
        after = Number(rows[rows.length - 1]!.seq);
      }
    });
  } catch (error) {
    if (error instanceof ExportCancelled) return { path: null, count: 0, cancelled: true };
    throw error;
  } finally {
    run.finish();
  }
  return { path: target, count, cancelled: false };
}
