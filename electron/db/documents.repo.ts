// Document rows and their links to records in and out of SQLite. The tables are not in schema.ts's DB
// (0006 is wired separately), so every statement is a `sql` template over the row types below. The text
// column `content` is only ever written and searched, never selected for lists. No `electron` import.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { toFtsQuery } from './fts';
import { afterCursor, finishPage } from './keyset';
import type { DB } from './schema';

export interface DocumentsTable {
  seq: number;
  id: string;
  name: string;
  sort_name: string;
  type: string;
  size: number;
  sha256: string | null;
  mode: 'copy' | 'link';
  link_path: string | null;
  link_mtime_ms: number | null;
  is_folder: number;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  content: string | null;
}

export type DocumentRow = Omit<DocumentsTable, 'content'>;
export type DocumentInsert = Omit<DocumentsTable, 'seq'>;
export type TargetType = 'contact' | 'company' | 'job' | 'activity';
export interface LinkRow {
  document_id: string;
  type: TargetType;
  id: string;
  title: string;
  /** Activities only: the contact whose timeline it is on. */
  contact_id: string | null;
}

const COLUMNS = [
  'id', 'name', 'sort_name', 'type', 'size', 'sha256', 'mode', 'link_path', 'link_mtime_ms', 'is_folder', 'note',
  'created_at', 'updated_at', 'deleted_at', 'content',
] as const satisfies readonly (keyof DocumentInsert)[];
const ROW = sql.raw(COLUMNS.filter((c) => c !== 'content').map((c) => `d.${c}`).join(', '));
const TARGET_COLUMN: Record<TargetType, string> = { contact: 'contact_id', company: 'company_id', job: 'job_id', activity: 'activity_id' };

export async function insertDocument(db: Kysely<DB>, row: DocumentInsert): Promise<void> {
  await sql`INSERT INTO documents (${sql.join(COLUMNS.map((c) => sql.ref(c)))}) VALUES (${sql.join(COLUMNS.map((c) => row[c]))})`.execute(db);
}

export async function updateDocument(db: Kysely<DB>, id: string, patch: Partial<DocumentInsert>): Promise<void> {
  const sets = COLUMNS.filter((c) => c !== 'id' && patch[c] !== undefined).map((c) => sql`${sql.ref(c)} = ${patch[c]}`);
  if (sets.length === 0) return;
  await sql`UPDATE documents SET ${sql.join(sets)} WHERE id = ${id}`.execute(db);
}

export async function findDocument(db: Kysely<DB>, id: string): Promise<DocumentRow | undefined> {
  return (await sql<DocumentRow>`SELECT ${ROW}, d.seq FROM documents d WHERE d.id = ${id}`.execute(db)).rows[0];
}

/** The records each document belongs to, with the name each is shown by (records in Trash included). */
export async function linksOf(db: Kysely<DB>, documentIds: readonly string[]): Promise<LinkRow[]> {
  if (documentIds.length === 0) return [];
  const { rows } = await sql<LinkRow>`
    SELECT l.document_id,
      CASE WHEN l.contact_id IS NOT NULL THEN 'contact' WHEN l.company_id IS NOT NULL THEN 'company' WHEN l.job_id IS NOT NULL THEN 'job' ELSE 'activity' END AS type,
      coalesce(l.contact_id, l.company_id, l.job_id, l.activity_id) AS id,
      -- An activity is named by its subject, else by its kind, and whose it is and when ("Call with Maya, 2026-11-22").
      coalesce(c.display_name, co.name, j.title, coalesce(a.subject, upper(substr(a.type, 1, 1)) || substr(a.type, 2)) || ' with ' || ac.display_name || ', ' || substr(a.occurred_at, 1, 10)) AS title,
      a.contact_id
    FROM document_links l
    LEFT JOIN contacts c ON c.id = l.contact_id LEFT JOIN companies co ON co.id = l.company_id LEFT JOIN jobs j ON j.id = l.job_id
    LEFT JOIN activities a ON a.id = l.activity_id LEFT JOIN contacts ac ON ac.id = a.contact_id
    WHERE l.document_id IN (${sql.join(documentIds)}) ORDER BY l.created_at, l.rowid`.execute(db);
  return rows;
}

export async function addLink(db: Kysely<DB>, documentId: string, type: TargetType, targetId: string, now: string): Promise<void> {
  await sql`INSERT INTO document_links (document_id, ${sql.ref(TARGET_COLUMN[type])}, created_at) VALUES (${documentId}, ${targetId}, ${now})
    ON CONFLICT DO NOTHING`.execute(db);
}

export async function removeLink(db: Kysely<DB>, documentId: string, type: TargetType, targetId: string): Promise<void> {
  await sql`DELETE FROM document_links WHERE document_id = ${documentId} AND ${sql.ref(TARGET_COLUMN[type])} = ${targetId}`.execute(db);
}

export type DocumentSortKey = 'createdAt' | 'name' | 'size' | 'type';
const SORT_KEYS: Record<DocumentSortKey, { key: RawBuilder<unknown>; direction: 'asc' | 'desc' }> = {
  createdAt: { key: sql`d.created_at`, direction: 'desc' },
  name: { key: sql`d.sort_name`, direction: 'asc' },
  size: { key: sql`d.size`, direction: 'desc' },
  type: { key: sql`d.type`, direction: 'asc' },
};

export interface DocumentQuery {
  target?: { type: TargetType; id: string } | undefined;
  /** Documents of any of these activities (a timeline page's). */
  activityIds?: readonly string[] | undefined;
  query?: string | undefined;
  sort: DocumentSortKey;
  direction?: 'asc' | 'desc' | undefined;
  trashed: boolean;
  limit: number;
  cursor?: string | undefined;
}

export async function listDocuments(db: Kysely<DB>, q: DocumentQuery): Promise<{ items: DocumentRow[]; total: number; nextCursor: string | null }> {
  const where: RawBuilder<SqlBool>[] = [q.trashed ? sql`d.deleted_at IS NOT NULL` : sql`d.deleted_at IS NULL`];
  if (q.target) {
    where.push(sql`d.id IN (SELECT document_id FROM document_links WHERE ${sql.ref(TARGET_COLUMN[q.target.type])} = ${q.target.id})`);
  }
  if (q.activityIds && q.activityIds.length > 0) {
    where.push(sql`d.id IN (SELECT document_id FROM document_links WHERE activity_id IN (${sql.join(q.activityIds)}))`);
  }
  if (q.query && q.query.trim() !== '') {
    const match = toFtsQuery(q.query);
    if (match === null) return { items: [], total: 0, nextCursor: null };
    where.push(sql`d.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ${match})`);
  }
  const { key, direction: natural } = SORT_KEYS[q.sort];
  const direction = q.direction ?? natural;
  const all = sql.join(where, sql` AND `);
  const total = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM documents d WHERE ${all}`.execute(db)).rows[0]?.n ?? 0);
  const page = [sql<SqlBool>`1`];
  if (q.cursor) page.push(afterCursor(q.cursor, 'sort_key', 'd.id', direction));
  const order = sql.raw(direction);
  const { rows } = await sql<DocumentRow & { sort_key: string | number }>`SELECT * FROM (
      SELECT ${ROW}, d.seq, ${key} AS sort_key FROM documents d WHERE ${all}
    ) d WHERE ${sql.join(page, sql` AND `)} ORDER BY sort_key ${order}, d.id ${order} LIMIT ${q.limit + 1}`.execute(db);
  return { ...finishPage(rows, q.limit, 'sort_key'), total };
}

/** Every row that stores its bytes here (Trash included: a trashed document can still be restored). */
export async function storedRows(db: Kysely<DB>): Promise<{ id: string; name: string; sha256: string }[]> {
  return (await sql<{ id: string; name: string; sha256: string }>`SELECT id, name, sha256 FROM documents WHERE sha256 IS NOT NULL ORDER BY id`.execute(db)).rows;
}

export async function linkRows(db: Kysely<DB>): Promise<DocumentRow[]> {
  return (await sql<DocumentRow>`SELECT ${ROW}, d.seq FROM documents d WHERE d.mode = 'link' AND d.deleted_at IS NULL ORDER BY d.id`.execute(db)).rows;
}

export async function shaInUse(db: Kysely<DB>, sha256: string): Promise<boolean> {
  return (await sql`SELECT 1 FROM documents WHERE sha256 = ${sha256} LIMIT 1`.execute(db)).rows.length > 0;
}

/** Deletes every document in Trash (their links go with them) and returns the hashes they held. */
export async function deleteTrashed(db: Kysely<DB>): Promise<{ count: number; hashes: string[] }> {
  const { rows } = await sql<{ id: string; sha256: string | null }>`SELECT id, sha256 FROM documents WHERE deleted_at IS NOT NULL`.execute(db);
  await sql`DELETE FROM documents WHERE deleted_at IS NOT NULL`.execute(db);
  return { count: rows.length, hashes: [...new Set(rows.flatMap((r) => (r.sha256 ? [r.sha256] : [])))] };
}
