// All SQL of sync (issue #24): accounts, their collections, the per-item state that makes "no duplicate, no lost edit"
// possible, and conflict cards. Row mapping to shared/domain/sync shapes happens in core/sync/accounts.ts.
import type { Kysely, Selectable } from 'kysely';
import type { DB } from './schema';
import type { SyncAccountsTable, SyncCollectionsTable, SyncConflictsTable, SyncObjectsTable, SyncRecordKindColumn } from './schema.sync';

export type AccountRow = Selectable<SyncAccountsTable>;
export type CollectionRow = Selectable<SyncCollectionsTable>;
export type ObjectRow = Selectable<SyncObjectsTable>;
export type ConflictRow = Selectable<SyncConflictsTable>;

// ---------------------------------------------------------------------------------------------- accounts

export const accountRows = (db: Kysely<DB>) => db.selectFrom('sync_accounts').selectAll().orderBy('created_at').execute();

export const accountRow = (db: Kysely<DB>, id: string) => db.selectFrom('sync_accounts').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertAccount(db: Kysely<DB>, row: AccountRow): Promise<void> {
  await db.insertInto('sync_accounts').values(row).execute();
}

export async function updateAccount(db: Kysely<DB>, id: string, patch: Partial<Omit<AccountRow, 'id'>>): Promise<void> {
  await db.updateTable('sync_accounts').set(patch).where('id', '=', id).execute();
}

/** Its collections, objects and conflicts go with it (ON DELETE CASCADE); local records stay. */
export async function deleteAccount(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sync_accounts').where('id', '=', id).execute();
}

// ---------------------------------------------------------------------------------------------- collections

export const collectionRows = (db: Kysely<DB>, accountId?: string) => {
  let query = db.selectFrom('sync_collections').selectAll();
  if (accountId) query = query.where('account_id', '=', accountId);
  return query.orderBy('href').execute();
};

export const collectionRow = (db: Kysely<DB>, id: string) => db.selectFrom('sync_collections').selectAll().where('id', '=', id).executeTakeFirst();

export async function upsertCollection(db: Kysely<DB>, row: CollectionRow): Promise<void> {
  await db
    .insertInto('sync_collections')
    .values(row)
    .onConflict((oc) => oc.columns(['account_id', 'href']).doUpdateSet({
      display_name: row.display_name, components: row.components, role_contacts: row.role_contacts, role_events: row.role_events, role_tasks: row.role_tasks,
    }))
    .execute();
}

export async function deleteCollections(db: Kysely<DB>, accountId: string, keepHrefs: readonly string[]): Promise<void> {
  let query = db.deleteFrom('sync_collections').where('account_id', '=', accountId);
  if (keepHrefs.length > 0) query = query.where('href', 'not in', keepHrefs);
  await query.execute();
}

/** Written only after the local changes the token covers have committed (a crash re-fetches; it never skips). */
export async function saveCollectionState(db: Kysely<DB>, id: string, state: { sync_token?: string | null; ctag?: string | null; supports_sync?: number; last_full_sync_at?: string }): Promise<void> {
  await db.updateTable('sync_collections').set(state).where('id', '=', id).execute();
}

// ---------------------------------------------------------------------------------------------- objects

export const objectRows = (db: Kysely<DB>, collectionId: string) => db.selectFrom('sync_objects').selectAll().where('collection_id', '=', collectionId).execute();

export const objectByHref = (db: Kysely<DB>, collectionId: string, href: string) =>
  db.selectFrom('sync_objects').selectAll().where('collection_id', '=', collectionId).where('href', '=', href).executeTakeFirst();

export async function putObject(db: Kysely<DB>, row: ObjectRow): Promise<void> {
  await db
    .insertInto('sync_objects')
    .values(row)
    .onConflict((oc) => oc.columns(['collection_id', 'href']).doUpdateSet({
      etag: row.etag, uid: row.uid, record_kind: row.record_kind, local_id: row.local_id, base_text: row.base_text,
      local_hash: row.local_hash, state: row.state, problem: row.problem, updated_at: row.updated_at,
    }))
    .execute();
}

export async function setObjectState(db: Kysely<DB>, collectionId: string, href: string, patch: Partial<Pick<ObjectRow, 'state' | 'local_hash' | 'problem' | 'href' | 'etag'>>): Promise<void> {
  await db.updateTable('sync_objects').set(patch).where('collection_id', '=', collectionId).where('href', '=', href).execute();
}

export async function deleteObject(db: Kysely<DB>, collectionId: string, href: string): Promise<void> {
  await db.deleteFrom('sync_objects').where('collection_id', '=', collectionId).where('href', '=', href).execute();
}

/** The record a merged-away record now lives on (merges keep their losers' ids as aliases, issue #20). */
export async function aliasTarget(db: Kysely<DB>, kind: SyncRecordKindColumn, id: string): Promise<string | null> {
  if (kind !== 'contact') return null;
  const row = await db.selectFrom('record_aliases').select('target_id').where('alias_id', '=', id).where('kind', '=', 'contact').executeTakeFirst();
  return row?.target_id ?? null;
}

// ---------------------------------------------------------------------------------------------- conflicts

export const openConflictOf = (db: Kysely<DB>, collectionId: string, href: string) =>
  db.selectFrom('sync_conflicts').selectAll().where('collection_id', '=', collectionId).where('href', '=', href).where('resolved_at', 'is', null).executeTakeFirst();

/** The open card of an item goes: a newer version from the server supersedes it (a new card follows if it still clashes). */
export async function dropOpenConflict(db: Kysely<DB>, collectionId: string, href: string): Promise<void> {
  await db.deleteFrom('sync_conflicts').where('collection_id', '=', collectionId).where('href', '=', href).where('resolved_at', 'is', null).execute();
}

export async function insertConflict(db: Kysely<DB>, row: ConflictRow): Promise<void> {
  // One open card per item: a newer clash on the same item replaces the card's texts.
  await dropOpenConflict(db, row.collection_id, row.href);
  await db.insertInto('sync_conflicts').values(row).execute();
}

export const openConflicts = (db: Kysely<DB>, accountId?: string) => {
  let query = db
    .selectFrom('sync_conflicts as c')
    .innerJoin('sync_collections as k', 'k.id', 'c.collection_id')
    .innerJoin('sync_accounts as a', 'a.id', 'k.account_id')
    .selectAll('c')
    .select(['a.id as account_id', 'a.name as account_name'])
    .where('c.resolved_at', 'is', null);
  if (accountId) query = query.where('a.id', '=', accountId);
  return query.orderBy('c.created_at').execute();
};

export const conflictRow = (db: Kysely<DB>, id: string) => db.selectFrom('sync_conflicts').selectAll().where('id', '=', id).executeTakeFirst();

export async function markResolved(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('sync_conflicts').set({ resolved_at: at }).where('id', '=', id).execute();
}

export async function conflictCounts(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('sync_conflicts as c')
    .innerJoin('sync_collections as k', 'k.id', 'c.collection_id')
    .select(['k.account_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('c.resolved_at', 'is', null)
    .groupBy('k.account_id')
    .execute();
  return new Map(rows.map((r) => [r.account_id, Number(r.n)]));
}

/** Items kept unread (sync_objects.problem) of an account: what the status shows. */
export async function unreadableItems(db: Kysely<DB>, accountId: string, limit = 20): Promise<{ href: string; problem: string }[]> {
  const rows = await db
    .selectFrom('sync_objects as o')
    .innerJoin('sync_collections as k', 'k.id', 'o.collection_id')
    .select(['o.href', 'o.problem'])
    .where('k.account_id', '=', accountId)
    .where('o.problem', 'is not', null)
    .orderBy('o.href')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ href: r.href, problem: r.problem ?? '' }));
}
