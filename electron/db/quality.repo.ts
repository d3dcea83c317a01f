// SQL of the Data quality page (issue #20): companies with no people (a WHERE alone: companies are few), pages of
// live contacts for the checks on contacts (read in pages so the pass over them gives the event loop turns), and
// the fix journal (quality_fixes, migration 0021) that lets a fix be undone exactly. No `electron` import.
import { sql, type Kysely } from 'kysely';
import { insertJournalItems, journalItems, type Journal, type JournalItem } from './contacts.bulk.repo';
import { readRows } from './connection';
import { afterCursor, finishPage } from './keyset';
import type { DB } from './schema';

const noPeople = sql`co.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM contacts p WHERE p.company_id = co.id AND p.deleted_at IS NULL)`;

export async function countCompaniesWithoutPeople(db: Kysely<DB>): Promise<number> {
  return (await readRows(db, sql<{ n: number }>`SELECT count(*) AS n FROM companies co WHERE ${noPeople}`))[0]?.n ?? 0;
}

export async function countLive(db: Kysely<DB>): Promise<{ contacts: number; companies: number }> {
  const rows = await readRows(
    db,
    sql<{ contacts: number; companies: number }>`SELECT (SELECT count(*) FROM contacts WHERE deleted_at IS NULL) AS contacts,
      (SELECT count(*) FROM companies WHERE deleted_at IS NULL) AS companies`,
  );
  return rows[0] ?? { contacts: 0, companies: 0 };
}

/** A page of the companies with no live people in name order (keyset on sort_name, id), with the total. */
export async function listCompaniesWithoutPeople(
  db: Kysely<DB>,
  q: { limit: number; cursor?: string | undefined },
): Promise<{ items: { id: string; name: string; sort_name: string }[]; total: number; nextCursor: string | null }> {
  const rows = await readRows(
    db,
    sql<{ id: string; name: string; sort_name: string }>`SELECT co.id, co.name, co.sort_name FROM companies co
      WHERE ${noPeople} AND ${q.cursor ? afterCursor(q.cursor, 'co.sort_name', 'co.id', 'asc') : sql`1`}
      ORDER BY co.sort_name, co.id LIMIT ${q.limit + 1}`,
  );
  return { ...finishPage(rows, q.limit, 'sort_name'), total: await countCompaniesWithoutPeople(db) };
}

/** What the code-side checks read of a contact. */
export interface ContactFieldsRow {
  seq: number;
  id: string;
  first_name: string | null;
  last_name: string | null;
  display_name: string;
  sort_name: string;
  emails: string;
  phones: string;
  addresses: string;
  job_title: string | null;
  /** '' when never contacted. */
  last_contacted_at: string;
  created_at: string;
}

/** Live contacts after `afterSeq`, `limit` at a time (rowid order: each page is one short index walk). */
export async function contactFieldsPage(db: Kysely<DB>, afterSeq: number, limit: number): Promise<ContactFieldsRow[]> {
  return readRows(
    db,
    sql<ContactFieldsRow>`SELECT seq, id, first_name, last_name, display_name, sort_name, emails, phones, addresses, job_title, last_contacted_at, created_at FROM contacts
      WHERE deleted_at IS NULL AND seq > ${afterSeq} ORDER BY seq LIMIT ${limit}`,
  );
}

/** The live ones of these contacts. */
export async function contactFieldsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<ContactFieldsRow[]> {
  return readRows(
    db,
    sql<ContactFieldsRow>`SELECT seq, id, first_name, last_name, display_name, sort_name, emails, phones, addresses, job_title, last_contacted_at, created_at FROM contacts
      WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) ORDER BY seq`,
  );
}

export interface QualityFixRecord {
  id: string;
  fix: string;
  status: 'running' | 'done' | 'undone';
  changed: number;
}

export async function insertQualityFix(db: Kysely<DB>, fix: { id: string; fix: string; change: unknown; createdAt: string }): Promise<void> {
  await db.insertInto('quality_fixes').values({ id: fix.id, fix: fix.fix, change: JSON.stringify(fix.change), status: 'running', created_at: fix.createdAt }).execute();
}

export async function findQualityFix(db: Kysely<DB>, id: string): Promise<QualityFixRecord | undefined> {
  const row = await db.selectFrom('quality_fixes').select(['id', 'fix', 'status', 'changed']).where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, fix: row.fix, status: row.status, changed: row.changed };
}

export async function setQualityFixStatus(db: Kysely<DB>, id: string, status: 'done' | 'undone', changed: number, undoneAt: string | null): Promise<void> {
  await db.updateTable('quality_fixes').set({ status, changed, undone_at: undoneAt }).where('id', '=', id).execute();
}

export type QualityFixItem = JournalItem;
const QUALITY_FIXES: Journal = { items: 'quality_fix_items', key: 'fix_id' };

export const insertQualityFixItems = (db: Kysely<DB>, fixId: string, items: readonly QualityFixItem[]) => insertJournalItems(db, QUALITY_FIXES, fixId, items);
/** A page of a fix's items in contact id order, after `afterContactId`. */
export const qualityFixItems = (db: Kysely<DB>, fixId: string, afterContactId: string, limit: number) => journalItems(db, QUALITY_FIXES, fixId, afterContactId, limit);
