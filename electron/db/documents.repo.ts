// Documents and their links to records in and out of SQLite, written and read as camelCase records; and the
// documents part of search.global. The text column `content` is only ever written and searched, never
// selected for lists. tests/bench/run.ts mirrors the search SQL on raw better-sqlite3. Never imports core.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { SearchHit } from '../../shared/domain/contact';
import { foldForSort } from '../../shared/domain/text';
import { readRows } from './connection';
import { toFtsQuery } from './fts';
import { afterCursor, finishPage } from './keyset';
import type { DB, Row } from './schema';

type DocumentColumns = Omit<Row<'documents'>, 'seq'>;
type DocumentRow = Omit<Row<'documents'>, 'content'>;

/** A document as stored (its searchable text left out). */
export interface DocumentRecord {
  id: string;
  name: string;
  type: string;
  size: number;
  sha256: string | null;
  mode: 'copy' | 'link';
  linkPath: string | null;
  /** A linked file's modification time when it was attached, to notice it changed. */
  linkMtimeMs: number | null;
  isFolder: boolean;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}
/** A new document: its record and the text search indexes (null when it has none). */
export type NewDocument = DocumentRecord & { content: string | null };
/** What a document's row may change after it is attached. */
export type DocumentPatch = Partial<Pick<DocumentRecord, 'name' | 'note' | 'updatedAt' | 'deletedAt'>>;
export type TargetType = 'contact' | 'company' | 'job' | 'activity';
export interface DocumentLink {
  documentId: string;
  type: TargetType;
  id: string;
  title: string;
  /** Activities only: the contact whose timeline it is on. */
  contactId: string | null;
}

const COLUMNS = [
  'id', 'name', 'sort_name', 'type', 'size', 'sha256', 'mode', 'link_path', 'link_mtime_ms', 'is_folder', 'note',
  'created_at', 'updated_at', 'deleted_at', 'content',
] as const satisfies readonly (keyof DocumentColumns)[];
const ROW = sql.raw(COLUMNS.filter((c) => c !== 'content').map((c) => `d.${c}`).join(', '));
const TARGET_COLUMN: Record<TargetType, string> = { contact: 'contact_id', company: 'company_id', job: 'job_id', activity: 'activity_id' };

function toRecord(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    size: row.size,
    sha256: row.sha256,
    mode: row.mode,
    linkPath: row.link_path,
    linkMtimeMs: row.link_mtime_ms,
    isFolder: row.is_folder === 1,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** The columns a patch sets (undefined fields left out); a new name brings its sort key. */
function patchColumns(patch: DocumentPatch): Partial<DocumentColumns> {
  const out: Partial<DocumentColumns> = {};
  if (patch.name !== undefined) Object.assign(out, { name: patch.name, sort_name: foldForSort(patch.name) });
  if (patch.note !== undefined) out.note = patch.note;
  if (patch.updatedAt !== undefined) out.updated_at = patch.updatedAt;
  if (patch.deletedAt !== undefined) out.deleted_at = patch.deletedAt;
  return out;
}

export async function insertDocument(db: Kysely<DB>, doc: NewDocument): Promise<void> {
  const row: DocumentColumns = {
    id: doc.id,
    name: doc.name,
    sort_name: foldForSort(doc.name),
    type: doc.type,
    size: doc.size,
    sha256: doc.sha256,
    mode: doc.mode,
    link_path: doc.linkPath,
    link_mtime_ms: doc.linkMtimeMs,
    is_folder: doc.isFolder ? 1 : 0,
    note: doc.note,
    created_at: doc.createdAt,
    updated_at: doc.updatedAt,
    deleted_at: doc.deletedAt,
    content: doc.content,
  };
  await sql`INSERT INTO documents (${sql.join(COLUMNS.map((c) => sql.ref(c)))}) VALUES (${sql.join(COLUMNS.map((c) => row[c]))})`.execute(db);
}

export async function updateDocument(db: Kysely<DB>, id: string, patch: DocumentPatch): Promise<void> {
  const columns = patchColumns(patch);
  const sets = COLUMNS.filter((c) => c !== 'id' && columns[c] !== undefined).map((c) => sql`${sql.ref(c)} = ${columns[c]}`);
  if (sets.length === 0) return;
  await sql`UPDATE documents SET ${sql.join(sets)} WHERE id = ${id}`.execute(db);
}

export async function findDocument(db: Kysely<DB>, id: string): Promise<DocumentRecord | undefined> {
  const row = (await sql<DocumentRow>`SELECT ${ROW}, d.seq FROM documents d WHERE d.id = ${id}`.execute(db)).rows[0];
  return row && toRecord(row);
}

/** The records each document belongs to, with the name each is shown by (records in Trash included). */
export async function linksOf(db: Kysely<DB>, documentIds: readonly string[]): Promise<DocumentLink[]> {
  if (documentIds.length === 0) return [];
  const { rows } = await sql<{ document_id: string; type: TargetType; id: string; title: string; contact_id: string | null }>`
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
  return rows.map((r) => ({ documentId: r.document_id, type: r.type, id: r.id, title: r.title, contactId: r.contact_id }));
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

export async function listDocuments(db: Kysely<DB>, q: DocumentQuery): Promise<{ items: DocumentRecord[]; total: number; nextCursor: string | null }> {
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
  const { items, nextCursor } = finishPage(rows, q.limit, 'sort_key');
  return { items: items.map(toRecord), total, nextCursor };
}

/** Every row that stores its bytes here (Trash included: a trashed document can still be restored). */
export async function storedRows(db: Kysely<DB>): Promise<{ id: string; name: string; sha256: string }[]> {
  return (await sql<{ id: string; name: string; sha256: string }>`SELECT id, name, sha256 FROM documents WHERE sha256 IS NOT NULL ORDER BY id`.execute(db)).rows;
}

/** Every live document that links to a file in place, for the integrity check. */
export async function linkedDocuments(db: Kysely<DB>): Promise<DocumentRecord[]> {
  return (await sql<DocumentRow>`SELECT ${ROW}, d.seq FROM documents d WHERE d.mode = 'link' AND d.deleted_at IS NULL ORDER BY d.id`.execute(db)).rows.map(toRecord);
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

/** One ranked match for search.global's second tier (search.repo.ts TextHit); `deletedAt` flags a match in Trash. */
type TextHit = { hit: SearchHit; score: number; deletedAt: string | null };

/** Documents by name, note and text contents through documents_fts, ranked inside the FTS table before joining rows. */
export async function documentTextHits(db: Kysely<DB>, match: string, fetch: number): Promise<TextHit[]> {
  const rows = await readRows(db, sql<{ id: string; name: string; created_at: string; linked: string | null; contact_id: string | null; score: number; deleted_at: string | null }>`
    SELECT d.id, d.name, d.created_at, d.deleted_at, f.score,
      (SELECT coalesce(c.display_name, co.name, j.title) FROM document_links l LEFT JOIN contacts c ON c.id = l.contact_id
        LEFT JOIN companies co ON co.id = l.company_id LEFT JOIN jobs j ON j.id = l.job_id
        WHERE l.document_id = d.id ORDER BY l.created_at LIMIT 1) AS linked,
      (SELECT l.contact_id FROM document_links l WHERE l.document_id = d.id AND l.contact_id IS NOT NULL ORDER BY l.created_at LIMIT 1) AS contact_id
    FROM (SELECT rowid, bm25(documents_fts, 6.0, 2.0, 1.0) AS score FROM documents_fts
          WHERE documents_fts MATCH ${match} ORDER BY score LIMIT ${fetch}) AS f
    JOIN documents d ON d.seq = f.rowid
    ORDER BY f.score`);
  return rows.map((r) => {
    const subtitle = [r.linked, r.created_at.slice(0, 10)].filter(Boolean).join(' · ');
    const hit: SearchHit = { type: 'document', id: r.id, title: r.name, subtitle, ...(r.contact_id ? { contactId: r.contact_id } : {}) };
    return { hit, score: r.score, deletedAt: r.deleted_at };
  });
}
