// The erasure register (issue #21): one-way hashes of erased people's identifiers, kept so a restored backup, a
// purged backup or an import cannot quietly bring them back. Also carries the register (with the salt its hashes
// were made with, and the privacy log) from one store into another: into a restored store, into a backup's copy.
// Never imports core.
import { sql, type Kysely } from 'kysely';
import { parseJsonColumn } from './json';
import type { DB } from './schema';
import { getSetting, setSetting } from './settings.repo';

export async function writeRegister(db: Kysely<DB>, registerId: string, erasedAt: string, hashes: readonly string[]): Promise<void> {
  // An entry already there (the same erasure applied again to a restored store or a backup) gains any new hashes.
  await db.insertInto('erasure_register').values({ id: registerId, erased_at: erasedAt }).onConflict((oc) => oc.column('id').doNothing()).execute();
  for (const hash of new Set(hashes)) await db.insertInto('erasure_hashes').values({ hash, register_id: registerId }).onConflict((oc) => oc.doNothing()).execute();
}

/** Every hash in the register, with the entry (and its date) it belongs to. */
export async function registerHashes(db: Kysely<DB>): Promise<Map<string, { registerId: string; erasedAt: string }>> {
  const rows = await db.selectFrom('erasure_hashes as h').innerJoin('erasure_register as r', 'r.id', 'h.register_id').select(['h.hash', 'r.id', 'r.erased_at']).execute();
  return new Map(rows.map((r) => [r.hash, { registerId: r.id, erasedAt: r.erased_at }]));
}

/** Every contact (Trash included) with the identifiers a register hash is made from. */
export async function contactIdentifiers(db: Kysely<DB>): Promise<{ id: string; emails: string[]; phones: string[] }[]> {
  const rows = await db.selectFrom('contacts').select(['id', 'emails', 'phones']).execute();
  const values = (json: string) => parseJsonColumn<{ value?: unknown }[]>(json, []).map((e) => (typeof e.value === 'string' ? e.value : '')).filter(Boolean);
  return rows.map((r) => ({ id: r.id, emails: values(r.emails), phones: values(r.phones) }));
}

/** The ids of every contact in the store (Trash included): people who are there now were not erased. */
export async function contactIds(db: Kysely<DB>): Promise<Set<string>> {
  return new Set((await db.selectFrom('contacts').select('id').execute()).map((r) => r.id));
}

export interface ErasureState {
  salt: string | null;
  register: { id: string; erased_at: string }[];
  hashes: { hash: string; register_id: string }[];
  log: { id: string; at: string; kind: string; summary: string; subject: string | null }[];
}

/** What must outlive a restore: the register, the salt its hashes need, and the privacy log (it names no one). */
export async function readErasureState(db: Kysely<DB>): Promise<ErasureState> {
  return {
    salt: await getSetting(db, 'privacySalt'),
    register: await db.selectFrom('erasure_register').select(['id', 'erased_at']).orderBy('seq').execute(),
    hashes: await db.selectFrom('erasure_hashes').select(['hash', 'register_id']).execute(),
    log: await db.selectFrom('privacy_log').select(['id', 'at', 'kind', 'summary', 'subject']).orderBy('seq').execute(),
  };
}

/**
 * Adds `state` to a store (on the caller's transaction): register entries and log lines it lacks, and the salt. A
 * store with another salt (a backup from before privacy existed, migrated anew) takes this one: its own register is
 * then re-hashed by nobody, so such a store has no register entries of its own (it cannot: they came later).
 */
export async function mergeErasureState(db: Kysely<DB>, state: ErasureState): Promise<void> {
  if (state.salt && (await getSetting(db, 'privacySalt')) !== state.salt) await setSetting(db, 'privacySalt', state.salt);
  for (const r of state.register) await db.insertInto('erasure_register').values(r).onConflict((oc) => oc.column('id').doNothing()).execute();
  for (const h of state.hashes) await db.insertInto('erasure_hashes').values(h).onConflict((oc) => oc.doNothing()).execute();
  for (const l of state.log) await db.insertInto('privacy_log').values(l).onConflict((oc) => oc.column('id').doNothing()).execute();
}

/** Whether the store has the privacy tables (a backup's copy from before migration 0022 does not). */
export async function hasRegister(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'erasure_register'`.execute(db);
  return rows[0]!.n > 0;
}

/** What a backup's manifest says about its copy, read again after the copy was purged. */
export async function copyFacts(db: Kysely<DB>) {
  const count = async (table: 'contacts' | 'companies' | 'jobs' | 'activities' | 'documents') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow()).n);
  const blobs = await db.selectFrom('documents').select(['sha256', 'size']).where('mode', '=', 'copy').where('sha256', 'is not', null).execute();
  const schema = await db.selectFrom('schema_migrations').select((eb) => eb.fn.max('name').as('name')).executeTakeFirst();
  return {
    counts: { contacts: await count('contacts'), companies: await count('companies'), jobs: await count('jobs'), activities: await count('activities'), documents: await count('documents') },
    blobs: blobs.map((b) => ({ sha256: b.sha256!, size: b.size })),
    schemaVersion: String(schema?.name ?? ''),
  };
}

export async function integrityProblems(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
  return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
}
