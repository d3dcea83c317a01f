// Calendar imports' rows (migration 0015): the run and its report, one item per appointment it created or
// updated with that appointment's columns before, and undo, which touches only appointments nobody changed
// since the import wrote them. Every SQL statement of calendar imports lives here. Never imports core.
import { sql, type Kysely } from 'kysely';
import type { CalendarImportReport, CalendarReportNote } from '../../shared/domain/calendar-import';
import { parseJsonColumn } from './json';
import type { DB, Row } from './schema';

/** The appointment columns an import may change and undo puts back (identity and creation time never change). */
const RESTORED = [
  'title', 'starts_at', 'ends_at', 'all_day', 'location', 'contact_id', 'job_id', 'notes', 'kind', 'recurrence',
  'reminder_minutes', 'reminded_until', 'series_end', 'long_span', 'updated_at', 'deleted_at',
] as const satisfies readonly (keyof Row<'appointments'>)[];

type Restored = Pick<Row<'appointments'>, (typeof RESTORED)[number]>;

export interface CalendarImportCounts {
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
}

function toReport(row: Row<'calendar_imports'>): CalendarImportReport {
  return {
    importId: row.id,
    fileName: row.file_name,
    status: row.status,
    created: row.created,
    updated: row.updated,
    skipped: row.skipped,
    rejected: row.rejected,
    notes: parseJsonColumn<CalendarReportNote[]>(row.notes, []),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    undoneAt: row.undone_at,
  };
}

export async function startCalendarImport(db: Kysely<DB>, run: { id: string; fileName: string; startedAt: string }): Promise<void> {
  await db.insertInto('calendar_imports').values({ id: run.id, file_name: run.fileName, status: 'running', started_at: run.startedAt }).execute();
}

/**
 * Records that the import is about to create (after the insert) or update (before the update) an appointment:
 * an update's item keeps the row as it is now. `writtenAt` is the updated_at the import gives it.
 */
export async function recordCalendarImportItem(
  db: Kysely<DB>,
  item: { importId: string; appointmentId: string; action: 'created' | 'updated'; writtenAt: string },
): Promise<void> {
  const before =
    item.action === 'updated'
      ? sql<string>`(SELECT json_object(${sql.join(RESTORED.map((c) => sql`${sql.lit(c)}, ${sql.ref(c)}`))}) FROM appointments WHERE id = ${item.appointmentId})`
      : sql<null>`NULL`;
  await sql`INSERT INTO calendar_import_items (import_id, appointment_id, action, before, written_at)
    VALUES (${item.importId}, ${item.appointmentId}, ${item.action}, ${before}, ${item.writtenAt})`.execute(db);
}

export async function saveCalendarImportCounts(db: Kysely<DB>, id: string, counts: CalendarImportCounts, notes: readonly CalendarReportNote[]): Promise<void> {
  await db.updateTable('calendar_imports').set({ ...counts, notes: JSON.stringify(notes) }).where('id', '=', id).execute();
}

export async function finishCalendarImport(db: Kysely<DB>, id: string, status: 'done' | 'cancelled' | 'failed', finishedAt: string): Promise<CalendarImportReport> {
  await db.updateTable('calendar_imports').set({ status, finished_at: finishedAt }).where('id', '=', id).execute();
  return (await findCalendarImport(db, id))!;
}

export async function findCalendarImport(db: Kysely<DB>, id: string): Promise<CalendarImportReport | undefined> {
  const row = await db.selectFrom('calendar_imports').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toReport(row);
}

export async function listCalendarImports(db: Kysely<DB>, limit = 50): Promise<CalendarImportReport[]> {
  const rows = await db.selectFrom('calendar_imports').selectAll().orderBy('started_at', 'desc').orderBy('seq', 'desc').limit(limit).execute();
  return rows.map(toReport);
}

/** An import a crash or a quit left 'running' is over: reported as cancelled, its finished batches kept. */
export async function closeInterruptedCalendarImports(db: Kysely<DB>, now: string): Promise<void> {
  await db.updateTable('calendar_imports').set({ status: 'cancelled', finished_at: now }).where('status', '=', 'running').execute();
}

export interface CalendarUndone {
  /** Appointments deleted (created by the import and untouched since). */
  deleted: string[];
  /** Appointments moved to Trash (created by the import, edited since: the edit stays recoverable). */
  trashed: string[];
  /** Appointments put back as they were before the import. */
  restored: string[];
  /** Appointments the import updated that were changed again since: left alone. */
  kept: number;
}

/** Undoes an import in one transaction and marks it undone. */
export async function undoCalendarImport(db: Kysely<DB>, importId: string, now: string): Promise<CalendarUndone> {
  return db.transaction().execute(async (trx) => {
    const done: CalendarUndone = { deleted: [], trashed: [], restored: [], kept: 0 };
    const items = await trx.selectFrom('calendar_import_items').selectAll().where('import_id', '=', importId).execute();
    for (const item of items) {
      const current = await trx.selectFrom('appointments').select(['updated_at', 'deleted_at']).where('id', '=', item.appointment_id).executeTakeFirst();
      if (!current) continue; // deleted for good since
      const untouched = current.updated_at === item.written_at;
      if (item.action === 'created') {
        if (untouched) {
          await trx.deleteFrom('appointments').where('id', '=', item.appointment_id).execute();
          done.deleted.push(item.appointment_id);
        } else if (current.deleted_at === null) {
          await trx.updateTable('appointments').set({ deleted_at: now, updated_at: now }).where('id', '=', item.appointment_id).execute();
          done.trashed.push(item.appointment_id);
        }
        continue;
      }
      const before = parseJsonColumn<Restored | null>(item.before, null);
      if (!untouched || !before) {
        done.kept++;
        continue;
      }
      const values = Object.fromEntries(RESTORED.map((c) => [c, before[c]])) as Restored;
      await trx.updateTable('appointments').set(values).where('id', '=', item.appointment_id).execute();
      done.restored.push(item.appointment_id);
    }
    await trx.updateTable('calendar_imports').set({ status: 'undone', undone_at: now }).where('id', '=', importId).execute();
    return done;
  });
}
