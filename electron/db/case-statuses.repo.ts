// Case statuses' rows (issue #22): the user's statuses in order, each in one fixed category; built-ins carry a key.
// Never imports core or `electron`.
import type { Kysely } from 'kysely';
import type { CaseStatus } from '../../shared/domain/case';
import type { DB } from './schema';

export async function listStatuses(db: Kysely<DB>): Promise<CaseStatus[]> {
  const rows = await db.selectFrom('case_statuses').selectAll().orderBy('position').orderBy('seq').execute();
  return rows.map((r) => ({ id: r.id, key: r.key, name: r.name, category: r.category, waitingOn: r.waiting_on, position: r.position }));
}

export async function findStatus(db: Kysely<DB>, id: string): Promise<CaseStatus | null> {
  return (await listStatuses(db)).find((s) => s.id === id) ?? null;
}

export async function findStatusByKey(db: Kysely<DB>, key: string): Promise<CaseStatus> {
  const row = (await listStatuses(db)).find((s) => s.key === key);
  if (!row) throw new Error(`built-in case status ${key} is missing`);
  return row;
}

export async function insertStatus(db: Kysely<DB>, s: Omit<CaseStatus, 'key'>): Promise<void> {
  await db.insertInto('case_statuses').values({ id: s.id, key: null, name: s.name, category: s.category, waiting_on: s.waitingOn, position: s.position }).execute();
}

export async function updateStatus(db: Kysely<DB>, s: Pick<CaseStatus, 'id' | 'name' | 'waitingOn' | 'position'>): Promise<void> {
  await db.updateTable('case_statuses').set({ name: s.name, waiting_on: s.waitingOn, position: s.position }).where('id', '=', s.id).execute();
}

export async function deleteStatus(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('case_statuses').where('id', '=', id).execute();
}

/** Cases (Trash included) and timeline entries holding a status. */
export async function countCasesWithStatus(db: Kysely<DB>, id: string): Promise<number> {
  const row = await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('status_id', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Moves a removed status's cases and their timeline entries (so entries keep a name) to another of the same category. */
export async function moveStatusCases(db: Kysely<DB>, fromId: string, toId: string, now: string): Promise<void> {
  await db.updateTable('cases').set({ status_id: toId, updated_at: now }).where('status_id', '=', fromId).execute();
  await db.updateTable('case_events').set({ status_id: toId }).where('status_id', '=', fromId).execute();
}
