// The reads the sync mappers make of Rapport's own records (issue #24): which are live, contacts with their company's
// name, the UIDs contacts have on a server and what an item's X-RAPPORT-CONTACT / -JOB name. Batched so 10,000
// records take a handful of queries. Writes go through the features' services, not here.
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

export type SyncedTable = 'contacts' | 'appointments' | 'tasks';

/** Ids per query: far below SQLite's variable limit, few enough round trips for 10,000 records. */
const CHUNK = 900;
export const chunks = <T>(list: readonly T[], size = CHUNK): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** The records among these ids not in Trash. */
export async function liveIds(db: Kysely<DB>, table: SyncedTable, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(ids)) {
    for (const row of await db.selectFrom(table).select('id').where('id', 'in', part).where('deleted_at', 'is', null).execute()) out.add(row.id);
  }
  return out;
}

/**
 * Every live record a collection may carry, with the UID a new server item gets: contacts and follow-ups their id,
 * appointments their own UID; an appointment's moved occurrence (uid `<series>#<recurrence-id>`) rides with its series.
 */
export async function liveRecords(db: Kysely<DB>, table: SyncedTable): Promise<{ id: string; uid: string }[]> {
  if (table === 'appointments') {
    return db.selectFrom('appointments').select(['id', 'uid']).where('deleted_at', 'is', null).where(sql<number>`instr(uid, '#')`, '=', 0).orderBy('seq').execute();
  }
  const rows = await db.selectFrom(table).select('id').where('deleted_at', 'is', null).orderBy('seq').execute();
  return rows.map((r) => ({ id: r.id, uid: r.id }));
}

/** Contact rows with their company's name (as contacts.repo's toContact reads them). */
export async function contactRowsWithCompany(db: Kysely<DB>, ids: readonly string[]) {
  const rows = [];
  for (const part of chunks(ids)) {
    rows.push(...(await db.selectFrom('contacts as c').leftJoin('companies as co', 'co.id', 'c.company_id').selectAll('c').select('co.name as company_name').where('c.id', 'in', part).execute()));
  }
  return rows;
}

/** The oldest live company whose sort key (folded name) is this one. */
export async function liveCompanyWithSortName(db: Kysely<DB>, sortName: string): Promise<string | null> {
  const row = await db.selectFrom('companies').select('id').where('sort_name', '=', sortName).where('deleted_at', 'is', null).orderBy('created_at').executeTakeFirst();
  return row?.id ?? null;
}

/** Follow-up rows (live ones) as activities.repo's toTask reads them. */
export async function taskRows(db: Kysely<DB>, ids: readonly string[]) {
  const rows = [];
  for (const part of chunks(ids)) {
    rows.push(...(await db.selectFrom('tasks').selectAll().select((eb) => eb.lit(null).as('contact_name')).where('id', 'in', part).where('deleted_at', 'is', null).execute()));
  }
  return rows.map((row) => ({ ...row, contact_name: null }));
}

/** The UID each contact has on a server (the sync table's), else its id: what X-RAPPORT-CONTACT carries. */
export async function contactUids(db: Kysely<DB>, contactIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map(contactIds.map((id) => [id, id]));
  for (const part of chunks([...new Set(contactIds)])) {
    const rows = await db.selectFrom('sync_objects').select(['uid', 'local_id']).where('record_kind', '=', 'contact').where('local_id', 'in', part).orderBy('uid').execute();
    for (const row of rows.reverse()) out.set(row.local_id, row.uid);
  }
  return out;
}

/** The live contact an X-RAPPORT-CONTACT names: by its UID on a server, else by id. */
export async function liveContactFor(db: Kysely<DB>, ref: string): Promise<string | undefined> {
  const synced = await db.selectFrom('sync_objects').select('local_id').where('record_kind', '=', 'contact').where('uid', '=', ref).executeTakeFirst();
  const live = await db.selectFrom('contacts').select('id').where('id', '=', synced?.local_id ?? ref).where('deleted_at', 'is', null).executeTakeFirst();
  return live?.id;
}

export async function liveJob(db: Kysely<DB>, id: string): Promise<string | undefined> {
  return (await db.selectFrom('jobs').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst())?.id;
}

/** The live overrides of a series: appointments whose uid is `${uid}#${recurrenceId}` (ics.ts occurrenceUid). */
export async function liveOverrides(db: Kysely<DB>, uid: string): Promise<{ id: string; uid: string }[]> {
  const { rows } = await sql<{ id: string; uid: string }>`SELECT id, uid FROM appointments WHERE deleted_at IS NULL AND substr(uid, 1, ${uid.length + 1}) = ${`${uid}#`} ORDER BY uid`.execute(db);
  return rows;
}
