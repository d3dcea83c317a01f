// Saved segment rows in and out of SQLite; the filter is stored as the JSON of the validated filter.
// No business rules here (the reports module decides); no `electron` import.
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

/** The segments table (migration 0009); kept here rather than in schema.ts, like the other feature tables. */
export interface SegmentRow {
  id: string;
  name: string;
  filter: string;
  created_at: string;
  updated_at: string;
}

export async function findSegment(db: Kysely<DB>, id: string): Promise<SegmentRow | undefined> {
  return (await sql<SegmentRow>`SELECT id, name, filter, created_at, updated_at FROM segments WHERE id = ${id}`.execute(db)).rows[0];
}

/** Another segment already using this name (case-insensitive), if any. */
export async function segmentNamed(db: Kysely<DB>, name: string, exceptId: string | null): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`SELECT id FROM segments WHERE lower(name) = lower(${name}) AND id IS NOT ${exceptId}`.execute(db);
  return rows[0]?.id;
}

export async function listSegments(db: Kysely<DB>): Promise<SegmentRow[]> {
  return (await sql<SegmentRow>`SELECT id, name, filter, created_at, updated_at FROM segments ORDER BY lower(name), id`.execute(db)).rows;
}

export async function insertSegment(db: Kysely<DB>, row: SegmentRow): Promise<void> {
  await sql`INSERT INTO segments (id, name, filter, created_at, updated_at)
    VALUES (${row.id}, ${row.name}, ${row.filter}, ${row.created_at}, ${row.updated_at})`.execute(db);
}

export async function updateSegment(db: Kysely<DB>, id: string, patch: Pick<SegmentRow, 'name' | 'filter' | 'updated_at'>): Promise<void> {
  await sql`UPDATE segments SET name = ${patch.name}, filter = ${patch.filter}, updated_at = ${patch.updated_at} WHERE id = ${id}`.execute(db);
}

export async function deleteSegment(db: Kysely<DB>, id: string): Promise<number> {
  const result = await sql`DELETE FROM segments WHERE id = ${id}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
