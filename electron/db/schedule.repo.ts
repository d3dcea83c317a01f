// The schedule's rows in and out of SQLite: appointments (written and read as camelCase records, the rule
// parsed), the range and reminder queries, and the appointments part of search.global. tests/bench/run.ts
// mirrors the range and search SQL on raw better-sqlite3: change both together. Never imports core.
import { sql, type Kysely } from 'kysely';
import type { SearchHit } from '../../shared/domain/contact';
import type { Appointment, Recurrence } from '../../shared/domain/appointment';
import { toColumns, type ColumnsOf } from './columns';
import { readRows } from './connection';
import { parseJsonColumn } from './json';
import type { DB, Row } from './schema';

type AppointmentColumns = Omit<Row<'appointments'>, 'seq'>;
type AppointmentRow = Row<'appointments'> & { contact_name: string | null };

/** An appointment as read: the wire's fields, its rule parsed. */
export type StoredAppointment = Omit<Appointment, 'recurrence'> & { recurrence: Recurrence | null };
/** A reminder candidate also says up to which occurrence start its reminders have fired. */
export type ReminderCandidate = StoredAppointment & { remindedUntil: string | null };

/** Everything stored of an appointment, as the schedule writes it. */
export interface AppointmentRecord {
  id: string;
  uid: string;
  title: string;
  startsAt: string;
  endsAt: string;
  allDay: boolean;
  location: string | null;
  contactId: string | null;
  jobId: string | null;
  notes: string | null;
  kind: Appointment['kind'];
  recurrence: Recurrence | null;
  reminderMinutes: number | null;
  /** The start of the last occurrence reminded (null: none yet, or re-armed). */
  remindedUntil: string | null;
  /** An upper bound on the series' last end (see occurrences.ts seriesEnd), so range queries skip ended series. */
  seriesEnd: string | null;
  /** Lasts longer than SHORT_SPAN_MS: range queries then look further back for it. */
  longSpan: boolean;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** What counts as a short appointment (long_span = 0): lasting at most a week. */
export const SHORT_SPAN_MS = 7 * 24 * 3600 * 1000;
/** How far before a range a short appointment may start: a week, plus a day for all-day dates' offsets. */
const SHORT_SPAN_SEARCH_MS = SHORT_SPAN_MS + 24 * 3600 * 1000;

const COLUMNS = [
  'id', 'uid', 'title', 'starts_at', 'ends_at', 'all_day', 'location', 'contact_id', 'job_id', 'notes', 'kind',
  'recurrence', 'reminder_minutes', 'reminded_until', 'series_end', 'long_span', 'created_at', 'updated_at', 'deleted_at',
] as const satisfies readonly (keyof AppointmentColumns)[];

const COLUMN_OF = {
  id: 'id', uid: 'uid', title: 'title', startsAt: 'starts_at', endsAt: 'ends_at', allDay: 'all_day', location: 'location',
  contactId: 'contact_id', jobId: 'job_id', notes: 'notes', kind: 'kind', recurrence: 'recurrence', reminderMinutes: 'reminder_minutes',
  remindedUntil: 'reminded_until', seriesEnd: 'series_end', longSpan: 'long_span', createdAt: 'created_at', updatedAt: 'updated_at', deletedAt: 'deleted_at',
} as const satisfies ColumnsOf<AppointmentRecord, AppointmentColumns>;

/** The stored text of a rule: the same rule always gives the same text, so rules compare by it. */
export const ruleText = (rule: Recurrence | null): string | null => (rule ? JSON.stringify(rule) : null);

/** The columns of the fields given (undefined ones left out), flags as 0/1 and the rule as its stored text. */
function columnsOf(record: Partial<AppointmentRecord>): Partial<AppointmentColumns> {
  const { recurrence, ...rest } = record;
  const columns = toColumns<Omit<AppointmentRecord, 'recurrence'>, AppointmentColumns>(rest, COLUMN_OF);
  if (recurrence !== undefined) columns.recurrence = ruleText(recurrence);
  return columns;
}

function recurrenceOf(row: Pick<AppointmentColumns, 'recurrence'>): Recurrence | null {
  return row.recurrence === null ? null : parseJsonColumn<Recurrence | null>(row.recurrence, null);
}

function toStored(row: AppointmentRow): StoredAppointment {
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

export async function findAppointment(db: Kysely<DB>, id: string): Promise<StoredAppointment | undefined> {
  const { rows } = await sql<AppointmentRow>`${SELECT} WHERE a.id = ${id}`.execute(db);
  return rows[0] && toStored(rows[0]);
}

export async function findAppointmentByUid(db: Kysely<DB>, uid: string): Promise<StoredAppointment | undefined> {
  const { rows } = await sql<AppointmentRow>`${SELECT} WHERE a.uid = ${uid}`.execute(db);
  return rows[0] && toStored(rows[0]);
}

export async function insertAppointment(db: Kysely<DB>, record: AppointmentRecord): Promise<void> {
  const row = columnsOf(record) as AppointmentColumns;
  await sql`INSERT INTO appointments (${sql.join(COLUMNS.map((c) => sql.ref(c)))})
    VALUES (${sql.join(COLUMNS.map((c) => row[c]))})`.execute(db);
}

export async function updateAppointment(db: Kysely<DB>, id: string, patch: Partial<AppointmentRecord>): Promise<void> {
  const columns = columnsOf(patch);
  const sets = COLUMNS.filter((c) => c !== 'id' && columns[c] !== undefined).map((c) => sql`${sql.ref(c)} = ${columns[c]}`);
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
): Promise<StoredAppointment[]> {
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
  return rows.map(toStored);
}

/** Every live appointment, for a full export. */
export async function allLiveAppointments(db: Kysely<DB>): Promise<StoredAppointment[]> {
  const { rows } = await sql<AppointmentRow>`${SELECT} WHERE a.deleted_at IS NULL ORDER BY a.starts_at, a.id`.execute(db);
  return rows.map(toStored);
}

/**
 * Live appointments with a reminder that may be due by `horizon` (now + the longest reminder): one-offs that have
 * not ended and whose reminder has not fired, and every recurring one that has started by then.
 */
export async function reminderCandidates(db: Kysely<DB>, now: string, horizon: string, today: string): Promise<ReminderCandidate[]> {
  const { rows } = await sql<AppointmentRow>`${SELECT} WHERE a.seq IN (
      SELECT seq FROM appointments WHERE deleted_at IS NULL AND reminder_minutes IS NOT NULL AND starts_at <= ${horizon}
        AND (recurrence IS NOT NULL OR (ends_at > (CASE all_day WHEN 1 THEN ${today} ELSE ${now} END)
          AND (reminded_until IS NULL OR reminded_until < starts_at)))
    ) ORDER BY a.starts_at, a.id LIMIT 500`.execute(db);
  return rows.map((row) => ({ ...toStored(row), remindedUntil: row.reminded_until }));
}

/** Marks reminders fired up to `until`, only if nobody else did meanwhile (a reminder fires once even if ticks overlap). */
export async function markReminded(db: Kysely<DB>, id: string, previous: string | null, until: string): Promise<boolean> {
  const result = await sql`UPDATE appointments SET reminded_until = ${until}
    WHERE id = ${id} AND reminded_until IS ${previous}`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** One ranked match for search.global's second tier (search.repo.ts TextHit); `deletedAt` flags a match in Trash. */
type TextHit = { hit: SearchHit; score: number; deletedAt: string | null };

/** Appointments matching an FTS query (built by fts.ts toFtsQuery), ranked inside the FTS table before joining rows. */
export async function appointmentTextHits(db: Kysely<DB>, match: string, fetch: number): Promise<TextHit[]> {
  const rows = await readRows(db, sql<{ id: string; title: string; contact: string | null; contact_id: string | null; starts_at: string; recurrence: string | null; score: number; deleted_at: string | null }>`
    SELECT a.id, a.title, c.display_name AS contact, a.contact_id, a.starts_at, a.recurrence, a.deleted_at, f.score
    FROM (SELECT rowid, bm25(appointments_fts, 4.0, 2.0, 1.0) AS score FROM appointments_fts
          WHERE appointments_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
    JOIN appointments a ON a.seq = f.rowid LEFT JOIN contacts c ON c.id = a.contact_id
    ORDER BY f.score`);
  return rows.map((r) => {
    const subtitle = [r.contact, `${r.recurrence ? 'from ' : ''}${r.starts_at.slice(0, 10)}`].filter(Boolean).join(' · ');
    const hit: SearchHit = { type: 'appointment', id: r.id, title: r.title, subtitle, ...(r.contact_id ? { contactId: r.contact_id } : {}) };
    return { hit, score: r.score, deletedAt: r.deleted_at };
  });
}
