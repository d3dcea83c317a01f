// Activity rows in and out of SQLite; the timeline is keyset-paged newest first. No `electron` import.
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Activity } from '../../shared/domain/activity';
import { afterCursor, finishPage } from './keyset';
import { readRows } from './connection';
import type { ActivitiesTable, DB } from './schema';

export type ActivityRow = Selectable<ActivitiesTable> & { contact_name: string };
export type ActivityInsert = Omit<ActivitiesTable, 'seq'>;

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

const SELECT = sql`SELECT a.*, c.display_name AS contact_name FROM activities a JOIN contacts c ON c.id = a.contact_id`;

export async function findActivity(db: Kysely<DB>, id: string): Promise<ActivityRow | undefined> {
  const { rows } = await sql<ActivityRow>`${SELECT} WHERE a.id = ${id}`.execute(db);
  return rows[0];
}

export async function insertActivity(db: Kysely<DB>, row: ActivityInsert): Promise<void> {
  await db.insertInto('activities').values(row).execute();
}

export async function updateActivity(db: Kysely<DB>, id: string, patch: Partial<ActivityInsert>): Promise<void> {
  await db.updateTable('activities').set(patch).where('id', '=', id).execute();
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
  const rows = await readRows(db, sql<ActivityRow>`${SELECT} WHERE ${sql.join(where, sql` AND `)}
    ORDER BY a.occurred_at DESC, a.id DESC LIMIT ${q.limit + 1}`);
  return finishPage(rows, q.limit, 'occurred_at');
}
