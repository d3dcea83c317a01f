// The activities domain's rows in and out of SQLite: logged activities (the timeline, keyset-paged newest
// first) and follow-ups (open ones by due time, done ones newest first). Rows <-> camelCase records here;
// no business rules (the services decide). Never imports core or `electron`.
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Activity, Task } from '../../shared/domain/activity';
import { toColumns, type ColumnsOf } from './columns';
import { readRows } from './connection';
import { afterCursor, finishPage } from './keyset';
import type { ActivitiesTable, DB, TasksTable } from './schema';

// ------------------------------------------------------------------------------------------------ activities

export type ActivityRow = Selectable<ActivitiesTable> & { contact_name: string };
type ActivityInsert = Omit<ActivitiesTable, 'seq' | 'case_id'>;
/** An activity as written: the wire's fields less the joined contact name. */
export type ActivityRecord = Omit<Activity, 'contactName'>;

const ACTIVITY_COLUMNS = {
  id: 'id', contactId: 'contact_id', companyId: 'company_id', jobId: 'job_id', type: 'type', direction: 'direction',
  occurredAt: 'occurred_at', durationSeconds: 'duration_seconds', subject: 'subject', notes: 'notes', outcome: 'outcome',
  createdAt: 'created_at', updatedAt: 'updated_at', deletedAt: 'deleted_at',
} as const satisfies ColumnsOf<ActivityRecord, ActivityInsert>;

export function toActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    contactId: row.contact_id,
    contactName: row.contact_name,
    companyId: row.company_id,
    jobId: row.job_id,
    type: row.type as Activity['type'],
    direction: row.direction as Activity['direction'],
    occurredAt: row.occurred_at,
    durationSeconds: row.duration_seconds,
    subject: row.subject,
    notes: row.notes,
    outcome: row.outcome as Activity['outcome'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

const SELECT_ACTIVITY = sql`SELECT a.*, c.display_name AS contact_name FROM activities a JOIN contacts c ON c.id = a.contact_id`;

export async function findActivity(db: Kysely<DB>, id: string): Promise<ActivityRow | undefined> {
  const { rows } = await sql<ActivityRow>`${SELECT_ACTIVITY} WHERE a.id = ${id}`.execute(db);
  return rows[0];
}

export async function insertActivity(db: Kysely<DB>, activity: ActivityRecord): Promise<void> {
  await db.insertInto('activities').values(toColumns<ActivityRecord, ActivityInsert>(activity, ACTIVITY_COLUMNS) as ActivityInsert).execute();
}

export async function updateActivity(db: Kysely<DB>, id: string, patch: Partial<ActivityRecord>): Promise<void> {
  await db.updateTable('activities').set(toColumns<ActivityRecord, ActivityInsert>(patch, ACTIVITY_COLUMNS)).where('id', '=', id).execute();
}

export interface ActivityQuery {
  contactId?: string | undefined;
  companyId?: string | undefined;
  jobId?: string | undefined;
  type?: string | undefined;
  trashed: boolean;
  limit: number;
  cursor?: string | undefined;
}

/** A timeline page, newest first: contact's, company's, or everyone's (the Activity page). */
export async function listActivities(db: Kysely<DB>, q: ActivityQuery): Promise<{ items: ActivityRow[]; nextCursor: string | null }> {
  const where: RawBuilder<SqlBool>[] = [q.trashed ? sql`a.deleted_at IS NOT NULL` : sql`a.deleted_at IS NULL`];
  if (q.contactId) where.push(sql`a.contact_id = ${q.contactId}`);
  if (q.companyId) where.push(sql`a.company_id = ${q.companyId}`);
  if (q.jobId) where.push(sql`a.job_id = ${q.jobId}`);
  if (q.type) where.push(sql`a.type = ${q.type}`);
  if (q.cursor) where.push(afterCursor(q.cursor, 'a.occurred_at', 'a.id', 'desc'));
  const rows = await readRows(db, sql<ActivityRow>`${SELECT_ACTIVITY} WHERE ${sql.join(where, sql` AND `)}
    ORDER BY a.occurred_at DESC, a.id DESC LIMIT ${q.limit + 1}`);
  return finishPage(rows, q.limit, 'occurred_at');
}

// ------------------------------------------------------------------------------------------------ follow-ups

export type TaskRow = Selectable<TasksTable> & { contact_name: string | null };
type TaskInsert = Omit<TasksTable, 'seq' | 'case_id' | 'quote_id' | 'invoice_id'>;
/** A follow-up as written: the wire's fields less what is joined or computed, plus when its reminder fired. */
export type TaskRecord = Omit<Task, 'contactName' | 'overdue'> & { remindedAt: string | null };

const TASK_COLUMNS = {
  id: 'id', title: 'title', dueAt: 'due_at', allDay: 'all_day', contactId: 'contact_id', jobId: 'job_id', priority: 'priority',
  notes: 'notes', completedAt: 'completed_at', remindedAt: 'reminded_at', createdAt: 'created_at', updatedAt: 'updated_at', deletedAt: 'deleted_at',
} as const satisfies ColumnsOf<TaskRecord, TaskInsert>;

const DAY_MS = 24 * 3600 * 1000;

/** When a task becomes overdue: a timed task at its due time, an all-day task when its day is over. */
export function overdueFrom(row: Pick<TasksTable, 'due_at' | 'all_day'>): string | null {
  if (!row.due_at) return null;
  return row.all_day ? new Date(Date.parse(row.due_at) + DAY_MS).toISOString() : row.due_at;
}

export function toTask(row: TaskRow, now: Date): Task {
  const from = overdueFrom(row);
  return {
    id: row.id,
    title: row.title,
    dueAt: row.due_at,
    allDay: row.all_day === 1,
    contactId: row.contact_id,
    contactName: row.contact_name,
    jobId: row.job_id,
    priority: row.priority as Task['priority'],
    notes: row.notes,
    completedAt: row.completed_at,
    overdue: !row.completed_at && !row.deleted_at && from !== null && from <= now.toISOString(),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

const SELECT_TASK = sql`SELECT t.*, c.display_name AS contact_name FROM tasks t LEFT JOIN contacts c ON c.id = t.contact_id`;
/** SQL for overdueFrom(), so "overdue" means the same in a query and in toTask(). */
export const OVERDUE_FROM = sql`CASE WHEN t.all_day = 1 THEN strftime('%Y-%m-%dT%H:%M:%fZ', t.due_at, '+1 day') ELSE t.due_at END`;
const OPEN = sql<SqlBool>`t.completed_at IS NULL AND t.deleted_at IS NULL`;

export async function findTask(db: Kysely<DB>, id: string): Promise<TaskRow | undefined> {
  const { rows } = await sql<TaskRow>`${SELECT_TASK} WHERE t.id = ${id}`.execute(db);
  return rows[0];
}

export async function insertTask(db: Kysely<DB>, task: TaskRecord): Promise<void> {
  await db.insertInto('tasks').values(toColumns<TaskRecord, TaskInsert>(task, TASK_COLUMNS) as TaskInsert).execute();
}

export async function updateTask(db: Kysely<DB>, id: string, patch: Partial<TaskRecord>): Promise<void> {
  await db.updateTable('tasks').set(toColumns<TaskRecord, TaskInsert>(patch, TASK_COLUMNS)).where('id', '=', id).execute();
}

export interface TaskQuery {
  status: 'open' | 'overdue' | 'done' | 'trashed';
  contactId?: string | undefined;
  jobId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Open and overdue tasks soonest first (undated last); done tasks most recently completed first; trashed ones most recently deleted first. */
export async function listTasks(db: Kysely<DB>, q: TaskQuery, now: Date): Promise<{ items: TaskRow[]; nextCursor: string | null }> {
  const where: RawBuilder<SqlBool>[] = [];
  if (q.contactId) where.push(sql`t.contact_id = ${q.contactId}`);
  if (q.jobId) where.push(sql`t.job_id = ${q.jobId}`);
  if (q.status === 'done') {
    where.push(sql`t.completed_at IS NOT NULL AND t.deleted_at IS NULL`);
    if (q.cursor) where.push(afterCursor(q.cursor, 't.completed_at', 't.id', 'desc'));
    const { rows } = await sql<TaskRow>`${SELECT_TASK} WHERE ${sql.join(where, sql` AND `)}
      ORDER BY t.completed_at DESC, t.id DESC LIMIT ${q.limit + 1}`.execute(db);
    return finishPage(rows, q.limit, 'completed_at');
  }
  if (q.status === 'trashed') {
    where.push(sql`t.deleted_at IS NOT NULL`);
    if (q.cursor) where.push(afterCursor(q.cursor, 't.deleted_at', 't.id', 'desc'));
    const { rows } = await sql<TaskRow>`${SELECT_TASK} WHERE ${sql.join(where, sql` AND `)}
      ORDER BY t.deleted_at DESC, t.id DESC LIMIT ${q.limit + 1}`.execute(db);
    return finishPage(rows, q.limit, 'deleted_at');
  }
  where.push(OPEN);
  if (q.status === 'overdue') where.push(sql`t.due_at IS NOT NULL AND ${OVERDUE_FROM} <= ${now.toISOString()}`);
  // Undated tasks sort after dated ones: '~' sorts after any ISO date.
  const key = sql`coalesce(t.due_at, '~')`;
  if (q.cursor) where.push(afterCursor(q.cursor, 'due_key', 't.id', 'asc'));
  const { rows } = await sql<TaskRow & { due_key: string }>`SELECT * FROM (
      SELECT t.*, c.display_name AS contact_name, ${key} AS due_key FROM tasks t LEFT JOIN contacts c ON c.id = t.contact_id
    ) t WHERE ${sql.join(where, sql` AND `)} ORDER BY t.due_key, t.id LIMIT ${q.limit + 1}`.execute(db);
  return finishPage(rows, q.limit, 'due_key');
}

/** Open tasks due in [from, to), soonest first, for the Today view. */
export async function tasksDueBetween(db: Kysely<DB>, from: string | null, to: string): Promise<TaskRow[]> {
  const { rows } = await sql<TaskRow>`${SELECT_TASK} WHERE ${OPEN} AND t.due_at IS NOT NULL
    AND t.due_at < ${to} ${from === null ? sql`` : sql`AND t.due_at >= ${from}`}
    ORDER BY t.due_at, t.id LIMIT 500`.execute(db);
  return rows;
}

/** Open, dated tasks whose reminder has not fired and whose due time has come. */
export async function dueUnreminded(db: Kysely<DB>, now: string): Promise<TaskRow[]> {
  const { rows } = await sql<TaskRow>`${SELECT_TASK} WHERE t.reminded_at IS NULL AND ${OPEN}
    AND t.due_at IS NOT NULL AND t.due_at <= ${now} ORDER BY t.due_at LIMIT 100`.execute(db);
  return rows;
}

/** Marks a follow-up reminded, in one statement: false when another tick already did (it fires once). */
export async function markTaskReminded(db: Kysely<DB>, id: string, now: string): Promise<boolean> {
  const marked = await sql`UPDATE tasks SET reminded_at = ${now} WHERE id = ${id} AND reminded_at IS NULL`.execute(db);
  return Number(marked.numAffectedRows ?? 0) > 0;
}

/** When the next reminder is due, to sleep until then. */
export async function nextReminderAt(db: Kysely<DB>): Promise<string | null> {
  const { rows } = await sql<{ at: string | null }>`SELECT min(due_at) AS at FROM tasks t
    WHERE t.reminded_at IS NULL AND ${OPEN} AND t.due_at IS NOT NULL`.execute(db);
  return rows[0]?.at ?? null;
}
