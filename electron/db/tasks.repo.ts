// Task rows in and out of SQLite: open ones by due time, done ones newest first. No `electron` import.
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Task } from '../../shared/domain/activity';
import { afterCursor, finishPage } from './keyset';
import type { DB, TasksTable } from './schema';

export type TaskRow = Selectable<TasksTable> & { contact_name: string | null };
export type TaskInsert = Omit<TasksTable, 'seq'>;

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

const SELECT = sql`SELECT t.*, c.display_name AS contact_name FROM tasks t LEFT JOIN contacts c ON c.id = t.contact_id`;
/** SQL for overdueFrom(), so "overdue" means the same in a query and in toTask(). */
export const OVERDUE_FROM = sql`CASE WHEN t.all_day = 1 THEN strftime('%Y-%m-%dT%H:%M:%fZ', t.due_at, '+1 day') ELSE t.due_at END`;
const OPEN = sql<SqlBool>`t.completed_at IS NULL AND t.deleted_at IS NULL`;

export async function findTask(db: Kysely<DB>, id: string): Promise<TaskRow | undefined> {
  const { rows } = await sql<TaskRow>`${SELECT} WHERE t.id = ${id}`.execute(db);
  return rows[0];
}

export async function insertTask(db: Kysely<DB>, row: TaskInsert): Promise<void> {
  await db.insertInto('tasks').values(row).execute();
}

export async function updateTask(db: Kysely<DB>, id: string, patch: Partial<TaskInsert>): Promise<void> {
  await db.updateTable('tasks').set(patch).where('id', '=', id).execute();
}

export interface TaskQuery {
  status: 'open' | 'overdue' | 'done';
  contactId?: string | undefined;
  jobId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Open and overdue tasks soonest first (undated last); done tasks most recently completed first. */
export async function listTasks(db: Kysely<DB>, q: TaskQuery, now: Date): Promise<{ items: TaskRow[]; nextCursor: string | null }> {
  const where: RawBuilder<SqlBool>[] = [];
  if (q.contactId) where.push(sql`t.contact_id = ${q.contactId}`);
  if (q.jobId) where.push(sql`t.job_id = ${q.jobId}`);
  if (q.status === 'done') {
    where.push(sql`t.completed_at IS NOT NULL AND t.deleted_at IS NULL`);
    if (q.cursor) where.push(afterCursor(q.cursor, 't.completed_at', 't.id', 'desc'));
    const { rows } = await sql<TaskRow>`${SELECT} WHERE ${sql.join(where, sql` AND `)}
      ORDER BY t.completed_at DESC, t.id DESC LIMIT ${q.limit + 1}`.execute(db);
    return finishPage(rows, q.limit, 'completed_at');
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
  const { rows } = await sql<TaskRow>`${SELECT} WHERE ${OPEN} AND t.due_at IS NOT NULL
    AND t.due_at < ${to} ${from === null ? sql`` : sql`AND t.due_at >= ${from}`}
    ORDER BY t.due_at, t.id LIMIT 500`.execute(db);
  return rows;
}

/** Open, dated tasks whose reminder has not fired and whose due time has come. */
export async function dueUnreminded(db: Kysely<DB>, now: string): Promise<TaskRow[]> {
  const { rows } = await sql<TaskRow>`${SELECT} WHERE t.reminded_at IS NULL AND ${OPEN}
    AND t.due_at IS NOT NULL AND t.due_at <= ${now} ORDER BY t.due_at LIMIT 100`.execute(db);
  return rows;
}

/** When the next reminder is due, to sleep until then. */
export async function nextReminderAt(db: Kysely<DB>): Promise<string | null> {
  const { rows } = await sql<{ at: string | null }>`SELECT min(due_at) AS at FROM tasks t
    WHERE t.reminded_at IS NULL AND ${OPEN} AND t.due_at IS NOT NULL`.execute(db);
  return rows[0]?.at ?? null;
}
