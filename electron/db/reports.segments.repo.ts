// Saved segment rows in and out of SQLite (migration 0009); the filter is stored as the JSON of the validated
// filter and read back as that text. No business rules here (the reports module decides); imports no core.
import type { Kysely } from 'kysely';
import type { DB, Row } from './schema';

/** A stored segment, its filter still JSON text. */
export interface StoredSegment {
  id: string;
  name: string;
  filter: string;
  createdAt: string;
  updatedAt: string;
}

const toStored = (row: Pick<Row<'segments'>, 'id' | 'name' | 'filter' | 'created_at' | 'updated_at'>): StoredSegment => ({
  id: row.id,
  name: row.name,
  filter: row.filter,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const COLUMNS = ['id', 'name', 'filter', 'created_at', 'updated_at'] as const;

export async function findSegment(db: Kysely<DB>, id: string): Promise<StoredSegment | undefined> {
  const row = await db.selectFrom('segments').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toStored(row);
}

/** Another segment already using this name (case-insensitive), if any. */
export async function segmentNamed(db: Kysely<DB>, name: string, exceptId: string | null): Promise<string | undefined> {
  const row = await db
    .selectFrom('segments')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', eb.fn('lower', [eb.val(name)])))
    .where('id', 'is not', exceptId)
    .executeTakeFirst();
  return row?.id;
}

export async function listSegments(db: Kysely<DB>): Promise<StoredSegment[]> {
  const rows = await db.selectFrom('segments').select(COLUMNS).orderBy((eb) => eb.fn('lower', ['name'])).orderBy('id').execute();
  return rows.map(toStored);
}

export async function insertSegment(db: Kysely<DB>, s: StoredSegment): Promise<void> {
  await db.insertInto('segments').values({ id: s.id, name: s.name, filter: s.filter, created_at: s.createdAt, updated_at: s.updatedAt }).execute();
}

export async function updateSegment(db: Kysely<DB>, id: string, patch: Pick<StoredSegment, 'name' | 'filter' | 'updatedAt'>): Promise<void> {
  await db.updateTable('segments').set({ name: patch.name, filter: patch.filter, updated_at: patch.updatedAt }).where('id', '=', id).execute();
}

export async function deleteSegment(db: Kysely<DB>, id: string): Promise<number> {
  const result = await db.deleteFrom('segments').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows);
}
