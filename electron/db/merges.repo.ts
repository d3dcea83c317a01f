// The merge journal (issue #20, migration 0021): one row per merge with the survivor before and after, each
// merged-away record whole, the aliases that lead a merged-away id to the survivor, and the list of merges. The
// linked rows' moves are in merges.moves.repo.ts. Never imports core.
import { sql, type Kysely } from 'kysely';
import { parseJsonColumn } from './json';
import type { RawRow } from './merges.moves.repo';
import type { DB } from './schema';
import type { RecordKind } from './schema.merges';

const TABLE: Record<RecordKind, 'contacts' | 'companies'> = { contact: 'contacts', company: 'companies' };

/** A contact's or company's own row, every column as stored. */
export async function recordRow(db: Kysely<DB>, kind: RecordKind, id: string): Promise<RawRow | undefined> {
  return (await sql<RawRow>`SELECT * FROM ${sql.table(TABLE[kind])} WHERE id = ${id}`.execute(db)).rows[0];
}

/** Whether the id is a record of either kind (a contact id given to companies.merge, or the reverse). */
export async function recordKindOf(db: Kysely<DB>, id: string): Promise<RecordKind | null> {
  const { rows } = await sql<{ kind: RecordKind }>`SELECT 'contact' AS kind FROM contacts WHERE id = ${id} UNION ALL SELECT 'company' FROM companies WHERE id = ${id}`.execute(db);
  return rows[0]?.kind ?? null;
}

/** Every custom value row of these records (any field, Trash included), in key order. */
export async function customRows(db: Kysely<DB>, recordIds: readonly string[]): Promise<RawRow[]> {
  return (await sql<RawRow>`SELECT * FROM custom_values WHERE record_id IN (SELECT value FROM json_each(${JSON.stringify(recordIds)}))
    ORDER BY field_id, record_id, seq`.execute(db)).rows;
}

/** Replaces one field's value rows of a record with `rows` (already carrying that record's id). */
export async function replaceCustomValue(db: Kysely<DB>, fieldId: string, recordId: string, rows: readonly RawRow[]): Promise<void> {
  await sql`DELETE FROM custom_values WHERE field_id = ${fieldId} AND record_id = ${recordId}`.execute(db);
  for (const r of rows) {
    await sql`INSERT INTO custom_values (field_id, record_id, seq, text_value, num_value, sort_text)
      VALUES (${fieldId}, ${recordId}, ${r.seq as number}, ${r.text_value as string | null}, ${r.num_value as number | null}, ${r.sort_text as string | null})`.execute(db);
  }
}

/** Writes the listed columns of a record's row as given (a survivor put back as it was, updated_at included). */
export async function writeRecordColumns(db: Kysely<DB>, kind: RecordKind, id: string, columns: RawRow): Promise<void> {
  const names = Object.keys(columns);
  if (names.length === 0) return;
  await sql`UPDATE ${sql.table(TABLE[kind])} SET ${sql.join(names.map((c) => sql`${sql.ref(c)} = ${columns[c]}`))} WHERE id = ${id}`.execute(db);
}

export async function deleteRecord(db: Kysely<DB>, kind: RecordKind, id: string): Promise<void> {
  await sql`DELETE FROM custom_values WHERE record_id = ${id}`.execute(db);
  await sql`DELETE FROM ${sql.table(TABLE[kind])} WHERE id = ${id}`.execute(db);
}

/** Scored duplicate pairs naming a record (a scan's cache: they go with a merged-away record and come back with it). */
export async function duplicatePairsOf(db: Kysely<DB>, id: string): Promise<RawRow[]> {
  return (await sql<RawRow>`SELECT * FROM duplicate_pairs WHERE a_id = ${id} OR b_id = ${id}`.execute(db)).rows;
}
export async function deleteDuplicatePairsOf(db: Kysely<DB>, id: string): Promise<void> {
  await sql`DELETE FROM duplicate_pairs WHERE a_id = ${id} OR b_id = ${id}`.execute(db);
}

/**
 * Nameless contacts of these companies are shown under their company's name: after their company changed (moved to
 * the survivor, or back), their display and sort names follow it. Their updated_at stays: nobody edited them.
 */
export async function nameNamelessByCompany(db: Kysely<DB>, companyIds: readonly string[], derive: (row: RawRow, companyName: string | null) => RawRow): Promise<string[]> {
  const rows = (await sql<RawRow & { company_name: string | null }>`SELECT c.*, co.name AS company_name FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
    WHERE c.company_id IN (SELECT value FROM json_each(${JSON.stringify(companyIds)})) AND c.first_name IS NULL AND c.last_name IS NULL`.execute(db)).rows;
  const changed: string[] = [];
  for (const row of rows) {
    const next = derive(row, row.company_name);
    const diff = Object.fromEntries(Object.entries(next).filter(([k, v]) => row[k] !== v));
    if (Object.keys(diff).length === 0) continue;
    await writeRecordColumns(db, 'contact', row.id as string, diff);
    changed.push(row.id as string);
  }
  return changed;
}

export interface MergeRecord {
  id: string;
  kind: RecordKind;
  survivorId: string;
  survivorBefore: unknown;
  survivorAfter: unknown;
  choices: Record<string, string>;
  createdAt: string;
  undoneAt: string | null;
}

export async function insertMerge(db: Kysely<DB>, m: Omit<MergeRecord, 'undoneAt'>): Promise<void> {
  await db
    .insertInto('merges')
    .values({
      id: m.id, kind: m.kind, survivor_id: m.survivorId, survivor_before: JSON.stringify(m.survivorBefore), survivor_after: JSON.stringify(m.survivorAfter),
      choices: JSON.stringify(m.choices), created_at: m.createdAt, undone_at: null,
    })
    .execute();
}

export async function setSurvivorAfter(db: Kysely<DB>, mergeId: string, after: unknown): Promise<void> {
  await db.updateTable('merges').set({ survivor_after: JSON.stringify(after) }).where('id', '=', mergeId).execute();
}

export async function findMerge(db: Kysely<DB>, id: string): Promise<MergeRecord | undefined> {
  const row = await db.selectFrom('merges').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    row && {
      id: row.id, kind: row.kind, survivorId: row.survivor_id, survivorBefore: parseJsonColumn<unknown>(row.survivor_before, null),
      survivorAfter: parseJsonColumn<unknown>(row.survivor_after, null), choices: parseJsonColumn(row.choices, {}), createdAt: row.created_at, undoneAt: row.undone_at,
    }
  );
}

export async function setMergeUndone(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('merges').set({ undone_at: at }).where('id', '=', id).execute();
}

export interface LoserRecord {
  loserId: string;
  displayName: string;
  /** The record's row, its custom value rows, and rows that would have gone with it (by table). */
  snapshot: { row: RawRow; custom: RawRow[]; children: Record<string, RawRow[]> };
}

export async function insertLoser(db: Kysely<DB>, mergeId: string, l: LoserRecord): Promise<void> {
  await db.insertInto('merge_losers').values({ merge_id: mergeId, loser_id: l.loserId, display_name: l.displayName, snapshot: JSON.stringify(l.snapshot) }).execute();
}

export async function losersOf(db: Kysely<DB>, mergeId: string): Promise<LoserRecord[]> {
  const rows = await db.selectFrom('merge_losers').selectAll().where('merge_id', '=', mergeId).orderBy('loser_id').execute();
  return rows.map((r) => ({ loserId: r.loser_id, displayName: r.display_name, snapshot: parseJsonColumn(r.snapshot, { row: {}, custom: [], children: {} }) }));
}

/** The live merge that took this record away, if any (a survivor merged into another since). */
export async function liveMergeTaking(db: Kysely<DB>, recordId: string): Promise<{ mergeId: string; survivorId: string } | undefined> {
  const row = await sql<{ merge_id: string; survivor_id: string }>`SELECT l.merge_id, m.survivor_id FROM merge_losers l JOIN merges m ON m.id = l.merge_id
    WHERE l.loser_id = ${recordId} AND m.undone_at IS NULL ORDER BY m.seq DESC LIMIT 1`.execute(db);
  return row.rows[0] && { mergeId: row.rows[0].merge_id, survivorId: row.rows[0].survivor_id };
}

export async function insertAlias(db: Kysely<DB>, alias: { aliasId: string; kind: RecordKind; targetId: string; mergeId: string }): Promise<void> {
  await db.insertInto('record_aliases').values({ alias_id: alias.aliasId, kind: alias.kind, target_id: alias.targetId, merge_id: alias.mergeId }).execute();
}

export async function deleteAliases(db: Kysely<DB>, mergeId: string): Promise<void> {
  await db.deleteFrom('record_aliases').where('merge_id', '=', mergeId).execute();
}

/**
 * The record an id now stands for: itself when it is a record, else the survivor it was merged into (following a
 * chain, as later merges move aliases to their own survivor), else null.
 */
export async function resolveRecordId(db: Kysely<DB>, kind: RecordKind, id: string): Promise<string | null> {
  let at = id;
  for (let hop = 0; hop < 20; hop++) {
    if (await recordRow(db, kind, at)) return at;
    const alias = await db.selectFrom('record_aliases').select('target_id').where('alias_id', '=', at).where('kind', '=', kind).executeTakeFirst();
    if (!alias) return null;
    at = alias.target_id;
  }
  return null;
}

export interface MergeListRow {
  id: string;
  kind: RecordKind;
  survivorId: string;
  survivorName: string | null;
  survivorBefore: string;
  createdAt: string;
  undoneAt: string | null;
  merged: { id: string; displayName: string }[];
}

/** Merges newest first (into one survivor, or all), with the merged-away records' names as they were. */
export async function listMerges(db: Kysely<DB>, q: { recordId?: string | undefined; includeUndone: boolean; limit: number }): Promise<MergeListRow[]> {
  let query = db
    .selectFrom('merges as m')
    .leftJoin('contacts as c', (j) => j.onRef('c.id', '=', 'm.survivor_id').on('m.kind', '=', 'contact'))
    .leftJoin('companies as co', (j) => j.onRef('co.id', '=', 'm.survivor_id').on('m.kind', '=', 'company'))
    .select(['m.id', 'm.kind', 'm.survivor_id', 'm.survivor_before', 'm.created_at', 'm.undone_at', 'c.display_name', 'co.name'])
    .orderBy('m.seq', 'desc')
    .limit(q.limit);
  if (q.recordId) query = query.where('m.survivor_id', '=', q.recordId);
  if (!q.includeUndone) query = query.where('m.undone_at', 'is', null);
  const rows = await query.execute();
  const losers = rows.length
    ? await db.selectFrom('merge_losers').select(['merge_id', 'loser_id', 'display_name']).where('merge_id', 'in', rows.map((r) => r.id)).orderBy('display_name').execute()
    : [];
  return rows.map((r) => ({
    id: r.id, kind: r.kind, survivorId: r.survivor_id, survivorName: r.display_name ?? r.name ?? null, survivorBefore: r.survivor_before,
    createdAt: r.created_at, undoneAt: r.undone_at,
    merged: losers.filter((l) => l.merge_id === r.id).map((l) => ({ id: l.loser_id, displayName: l.display_name })),
  }));
}

/** The custom fields that still exist (a field deleted for good since a merge takes its values with it). */
export async function existingFieldIds(db: Kysely<DB>): Promise<Set<string>> {
  return new Set((await db.selectFrom('custom_fields').select('id').execute()).map((f) => f.id));
}

/** Of these document ids, those still stored (a link to a document deleted for good since is not put back). */
export async function existingDocumentIds(db: Kysely<DB>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await db.selectFrom('documents').select('id').where('id', 'in', ids).execute()).map((d) => d.id));
}
