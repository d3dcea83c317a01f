// SQL of bulk edits on contacts (issue #18): the ids a list filter matches, a chunk of contact rows, and the
// bulk-edit journal (migration 0016) that lets an edit be undone exactly. Contacts are written through
// contacts.repo.ts, the same statements contacts.update uses, so search, tags and report summaries follow.
import { sql, type Kysely } from 'kysely';
import type { BulkChange } from '../../shared/domain/contact-bulk';
import { readRows } from './connection';
import { exportContactsQuery, toContactColumns, type ContactFieldColumns, type ContactQuery, type ContactRow, type ContactWrite } from './contacts.repo';
import type { DB } from './schema';
import type { BulkEditAction } from './schema.bulk-edits';

/** Ids read per statement: a 30,000-contact filter is read in a few short statements, the event loop turning between. */
const ID_PAGE = 5000;

/** Every live contact a list filter matches (the list's own WHERE), in id order, a page per statement. */
export async function matchingContactIds(db: Kysely<DB>, q: Omit<ContactQuery, 'limit' | 'cursor' | 'sort' | 'trashed'>): Promise<string[]> {
  const query = exportContactsQuery(q, undefined);
  if (!query) return [];
  const ids: string[] = [];
  for (let after = ''; ; ) {
    const rows = await readRows(db, sql<{ id: string }>`SELECT id FROM (${query}) WHERE id > ${after} ORDER BY id LIMIT ${ID_PAGE}`);
    for (const r of rows) ids.push(r.id);
    if (rows.length < ID_PAGE) return ids;
    after = rows[rows.length - 1]!.id;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The rows of these contacts (any missing are left out), with their company's name. */
export async function contactRowsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<ContactRow[]> {
  const rows = await sql<ContactRow>`SELECT c.*, co.name AS company_name FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
    WHERE c.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(db);
  return rows.rows;
}

/** The columns a bulk edit writes, by the fields it changes (derived names go with the company of a nameless contact). */
const COLUMNS_OF: Record<string, readonly (keyof ContactFieldColumns)[]> = {
  tags: ['tags'],
  kind: ['kind'],
  emailOptIn: ['email_opt_in'],
  companyId: ['company_id', 'display_name', 'sort_name', 'sort_last'],
  // The Data quality fixes (issue #20). A contact with no name shows under its email or phone, so those move it too.
  firstName: ['first_name', 'display_name', 'sort_name', 'sort_last'],
  lastName: ['last_name', 'display_name', 'sort_name', 'sort_last'],
  emails: ['emails', 'search_details', 'display_name', 'sort_name', 'sort_last'],
  phones: ['phones', 'search_details', 'display_name', 'sort_name', 'sort_last'],
  jobTitle: ['job_title'],
};

export interface ContactRewrite {
  id: string;
  fields: ContactWrite;
  companyName: string | null;
}

/**
 * Writes the columns of `changed` fields (toContactColumns: the same derived values as contacts.update) for a
 * chunk of contacts in one statement. Only those columns are set, so the search and tag triggers run only
 * when what they index changed: a kind or opt-in change over 30,000 contacts does not re-index them all.
 */
export async function rewriteContacts(db: Kysely<DB>, changed: readonly string[], rows: readonly ContactRewrite[], now: string): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(changed.flatMap((field) => COLUMNS_OF[field] ?? []))];
  if (columns.length === 0) throw new Error(`No columns for ${changed.join(', ')}`);
  const values = rows.map((r) => {
    const all = toContactColumns(r.fields, r.companyName);
    return [r.id, ...columns.map((c) => all[c])];
  });
  const set = sql.join(columns.map((c, i) => sql`${sql.ref(c)} = j.value ->> ${`$[${i + 1}]`}`));
  await sql`UPDATE contacts SET ${set}, updated_at = ${now} FROM json_each(${JSON.stringify(values)}) j WHERE contacts.id = j.value ->> 0`.execute(db);
}

/** Into Trash (`deletedAt` set) or back out of it (null), a chunk at a time. */
export async function setContactsDeleted(db: Kysely<DB>, ids: readonly string[], deletedAt: string | null, now: string): Promise<void> {
  if (ids.length === 0) return;
  await sql`UPDATE contacts SET deleted_at = ${deletedAt}, updated_at = ${now} WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(db);
}

export interface BulkEditRecord {
  id: string;
  action: BulkEditAction;
  status: 'running' | 'done' | 'undone';
  note: string | null;
  source: string;
  changed: number;
  createdAt: string;
}

export async function insertBulkEdit(db: Kysely<DB>, edit: { id: string; change: BulkChange; note: string | null; createdAt: string }): Promise<void> {
  await db
    .insertInto('contact_bulk_edits')
    .values({ id: edit.id, action: edit.change.action, change: JSON.stringify(edit.change), note: edit.note, status: 'running', created_at: edit.createdAt })
    .execute();
}

export async function findBulkEdit(db: Kysely<DB>, id: string): Promise<BulkEditRecord | undefined> {
  const row = await db.selectFrom('contact_bulk_edits').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, action: row.action, status: row.status, note: row.note, source: row.source, changed: row.changed, createdAt: row.created_at };
}

export async function setBulkEditStatus(db: Kysely<DB>, id: string, status: 'running' | 'done' | 'undone', changed: number, undoneAt: string | null): Promise<void> {
  await db.updateTable('contact_bulk_edits').set({ status, changed, undone_at: undoneAt }).where('id', '=', id).execute();
}

/** One contact in the journal of a stepped write (a bulk edit, 0016; a data-quality fix, 0021): what Undo reads. */
export interface JournalItem {
  contactId: string;
  /** The changed fields as they were (camelCase, as on the wire). */
  before: Record<string, unknown>;
  /** The contact's updated_at as the write left it: Undo leaves alone a contact edited since. */
  writtenAt: string;
}
export type BulkEditItem = JournalItem;

/** The journals with that item shape: their items table and the column naming the write. */
export type Journal = { items: 'contact_bulk_edit_items'; key: 'edit_id' } | { items: 'quality_fix_items'; key: 'fix_id' };
const BULK_EDITS: Journal = { items: 'contact_bulk_edit_items', key: 'edit_id' };

/** Journals a step's changed contacts in one statement. */
export async function insertJournalItems(db: Kysely<DB>, journal: Journal, id: string, items: readonly JournalItem[]): Promise<void> {
  if (items.length === 0) return;
  const json = JSON.stringify(items.map((i) => [i.contactId, JSON.stringify(i.before), i.writtenAt]));
  await sql`INSERT INTO ${sql.table(journal.items)} (${sql.ref(journal.key)}, contact_id, before, written_at)
    SELECT ${id}, value ->> 0, value ->> 1, value ->> 2 FROM json_each(${json})`.execute(db);
}

/** A page of a write's journal items in contact id order, after `afterContactId`. */
export async function journalItems(db: Kysely<DB>, journal: Journal, id: string, afterContactId: string, limit: number): Promise<JournalItem[]> {
  const { rows } = await sql<{ contact_id: string; before: string; written_at: string }>`SELECT contact_id, before, written_at
    FROM ${sql.table(journal.items)} WHERE ${sql.ref(journal.key)} = ${id} AND contact_id > ${afterContactId} ORDER BY contact_id LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ contactId: r.contact_id, before: JSON.parse(r.before) as Record<string, unknown>, writtenAt: r.written_at }));
}

export const insertBulkEditItems = (db: Kysely<DB>, editId: string, items: readonly BulkEditItem[]) => insertJournalItems(db, BULK_EDITS, editId, items);
export const bulkEditItems = (db: Kysely<DB>, editId: string, afterContactId: string, limit: number) => journalItems(db, BULK_EDITS, editId, afterContactId, limit);

/**
 * While a bulk edit's steps run, their commits skip the fsync (WAL with synchronous=NORMAL: a killed process loses
 * nothing, a power cut at most the last steps, whole); back to FULL, the edit's last commit makes every step
 * durable at once, as an import's does. An fsync per 20 ms step would otherwise take most of the edit's time.
 */
export async function setStepCommits(db: Kysely<DB>, stepping: boolean): Promise<void> {
  await sql.raw(`PRAGMA synchronous = ${stepping ? 'NORMAL' : 'FULL'}`).execute(db);
}
