// Appointment rows in and out of SQLite. The table is not in schema.ts's DB yet (0004 is wired separately),
// so every statement here is a `sql` template over the row type below. No `electron` import.
import { sql, type Kysely } from 'kysely';
import type { Appointment, Recurrence } from '../../shared/domain/appointment';
import { parseJsonColumn } from './json';
import type { DB } from './schema';

export interface AppointmentsTable {
  seq: number;
  id: string;
  uid: string;
  title: string;
  starts_at: string;
  ends_at: string;
  all_day: number;
  location: string | null;
  contact_id: string | null;
  job_id: string | null;
  notes: string | null;
  kind: string;
  recurrence: string | null;
  reminder_minutes: number | null;
  reminded_until: string | null;
  series_end: string | null;
  long_span: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type AppointmentRow = AppointmentsTable & { contact_name: string | null };

/** What counts as a short appointment (long_span = 0): lasting at most a week. */
export const SHORT_SPAN_MS = 7 * 24 * 3600 * 1000;
/** How far before a range a short appointment may start: a week, plus a day for all-day dates' offsets. */
const SHORT_SPAN_SEARCH_MS = SHORT_SPAN_MS + 24 * 3600 * 1000;
export type AppointmentInsert = Omit<AppointmentsTable, 'seq'>;

const COLUMNS = [
  'id', 'uid', 'title', 'starts_at', 'ends_at', 'all_day', 'location', 'contact_id', 'job_id', 'notes', 'kind',
  'recurrence', 'reminder_minutes', 'reminded_until', 'series_end', 'long_span', 'created_at', 'updated_at', 'deleted_at',
] as const satisfies readonly (keyof AppointmentInsert)[];

export function recurrenceOf(row: Pick<AppointmentsTable, 'recurrence'>): Recurrence | null {
  return row.recurrence === null ? null : parseJsonColumn<Recurrence | null>(row.recurrence, null);
}

export function toAppointment(row: AppointmentRow): Appointment {
  return {
    id: row.id,
    uid: row.uid,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    allDay: row.all_day === 1,
    location: row.location,
    contactId: row.contact_id,
    contactName: row.contact_name,
    jobId: row.job_id,
    notes: row.notes,
    kind: row.kind as Appointment['kind'],
    recurrence: recurrenceOf(row),
    reminderMinutes: row.reminder_minutes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

const SELECT = sql`SELECT a.*, c.display_name AS contact_name FROM appointments a LEFT JOIN contacts c ON c.id = a.contact_id`;

export async function findAppointment(db: Kysely<DB>, id: string): Promise<AppointmentRow | undefined> {
  const { rows } = await sql<AppointmentRow>`${SELECT} WHERE a.id = ${id}`.execute(db);
  return rows[0];
}

export async function findAppointmentByUid(db: Kysely<DB>, uid: string): Promise<AppointmentRow | undefined> {
  const { rows } = await sql<AppointmentRow>`${SELECT} WHERE a.uid = ${uid}`.execute(db);
  return rows[0];
}

export async function insertAppointment(db: Kysely<DB>, row: AppointmentInsert): Promise<void> {
  await sql`INSERT INTO appointments (${sql.join(COLUMNS.map((c) => sql.ref(c)))})
    VALUES (${sql.join(COLUMNS.map((c) => row[c]))})`.execute(db);
}

export async function updateAppointment(db: Kysely<DB>, id: string, patch: Partial<AppointmentInsert>): Promise<void> {
  const sets = COLUMNS.filter((c) => c !== 'id' && patch[c] !== undefined).map((c) => sql`${sql.ref(c)} = ${patch[c]}`);
  if (sets.length === 0) return;
  await sql`UPDATE appointments SET ${sql.join(sets)} WHERE id = ${id}`.execute(db);
}

/**
 * Live appointments that may have an occurrence in a range: one-offs that overlap it (the caller passes the
 * bounds as stored strings: instants for timed rows, dates for all-day rows) and every recurring one.
 */
export async function appointmentsInRange(
  db: Kysely<DB>,
  range: { fromInstant: string; toInstant: string; fromDay: string; toDay: string },
  only: { jobId?: string | undefined; contactId?: string | undefined } = {},
): Promise<AppointmentRow[]> {
  const narrow = [
    ...(only.jobId ? [sql` AND a.job_id = ${only.jobId}`] : []),
    ...(only.contactId ? [sql` AND a.contact_id = ${only.contactId}`] : []),
  ];
  // Up to a week long (long_span = 0) means starting at most 8 days before the range (a day for offsets).
  const earliestInstant = new Date(Date.parse(range.fromInstant) - SHORT_SPAN_SEARCH_MS).toISOString();
  const earliestDay = new Date(Date.parse(`${range.fromDay}T00:00:00Z`) - SHORT_SPAN_SEARCH_MS).toISOString().slice(0, 10);
  const { rows } = await sql<AppointmentRow>`${SELECT} WHERE a.seq IN (
      SELECT seq FROM appointments WHERE deleted_at IS NULL AND recurrence IS NULL AND long_span = 0 AND all_day = 0
        AND starts_at >= ${earliestInstant} AND starts_at < ${range.toInstant} AND ends_at > ${range.fromInstant}
      UNION ALL
      SELECT seq FROM appointments WHERE deleted_at IS NULL AND recurrence IS NULL AND long_span = 0 AND all_day = 1
        AND starts_at >= ${earliestDay} AND starts_at < ${range.toDay} AND ends_at > ${range.fromDay}
      UNION ALL
      SELECT seq FROM appointments WHERE deleted_at IS NULL AND recurrence IS NULL AND long_span = 1
        AND ends_at > CASE all_day WHEN 1 THEN ${range.fromDay} ELSE ${range.fromInstant} END
        AND starts_at < CASE all_day WHEN 1 THEN ${range.toDay} ELSE ${range.toInstant} END
      UNION ALL
      SELECT seq FROM appointments WHERE deleted_at IS NULL AND recurrence IS NOT NULL AND starts_at < ${range.toInstant}
        AND (series_end IS NULL OR series_end > ${range.fromInstant})
    )${sql.join(narrow, sql``)} ORDER BY a.starts_at, a.id`.execute(db);
  return rows;
}

/** Every live appointment, for a full export. */
export async function allLiveAppointments(db: Kysely<DB>): Promise<AppointmentRow[]> {
  const { rows } = await sql<AppointmentRow>`${SELECT} WHERE a.deleted_at IS NULL ORDER BY a.starts_at, a.id`.execute(db);
  return rows;
}

/**
 * Live appointments with a reminder that may be due by `horizon` (now + the longest reminder): one-offs that have
 * not ended and whose reminder has not fired, and every recurring one that has started by then.
 */
export async function reminderCandidates(db: Kysely<DB>, now: string, horizon: string, today: string): Promise<AppointmentRow[]> {
  const { rows } = await sql<AppointmentRow>`${SELECT} WHERE a.seq IN (
      SELECT seq FROM appointments WHERE deleted_at IS NULL AND reminder_minutes IS NOT NULL AND starts_at <= ${horizon}
        AND (recurrence IS NOT NULL OR (ends_at > (CASE all_day WHEN 1 THEN ${today} ELSE ${now} END)
          AND (reminded_until IS NULL OR reminded_until < starts_at)))
    ) ORDER BY a.starts_at, a.id LIMIT 500`.execute(db);
  return rows;
}

/** Marks reminders fired up to `until`, only if nobody else did meanwhile (a reminder fires once even if ticks overlap). */
export async function markReminded(db: Kysely<DB>, id: string, previous: string | null, until: string): Promise<boolean> {
  const result = await sql`UPDATE appointments SET reminded_until = ${until}
    WHERE id = ${id} AND reminded_until IS ${previous}`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}
