// The linked rows of a merge (issue #20): moving every row that names a merged-away record to the survivor with one
// journal row each (merge_moves), moving back exactly those that still name it, and copying whole rows out and in
// (a merged-away record, its custom values, rows a foreign key would otherwise delete). Table and column names come
// from core/merges/registry.ts (constants, never user input). Never imports core.
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

/** One column that names a contact or company id, as the registry describes it. */
export interface LinkColumn {
  table: string;
  column: string;
  /** The columns that identify a row for good (journalled as its key; a JSON array when more than one). */
  key: readonly string[];
  /** A constant condition on the table's own columns (e.g. `entity = 'contact'`). */
  where?: string;
  /** Columns that with `column` are unique: a row whose twin already names the survivor cannot move and stays. */
  uniqueWith?: readonly string[];
  /** Another column that always holds the same id (custom link values keep it in sort_text). */
  mirror?: string;
  /** Rows whose this column names one of the merged records are left alone (their values are chosen field by field). */
  excludeMerged?: string;
  /** A JSON column: every string in it equal to the id is moved (its path is journalled). */
  json?: boolean;
}

export type RawRow = Record<string, unknown>;

const id = (name: string) => sql.ref(name);
const keyExpr = (link: LinkColumn, alias = '') =>
  link.key.length === 1 ? sql.ref(`${alias}${link.key[0]!}`) : sql`json_array(${sql.join(link.key.map((k) => sql.ref(`${alias}${k}`)))})`;
const keyMatch = (link: LinkColumn, alias: string) =>
  link.key.length === 1
    ? sql`${sql.ref(`${alias}${link.key[0]!}`)} = m.row_key`
    : sql.join(link.key.map((k, i) => sql`${sql.ref(`${alias}${k}`)} = m.row_key ->> ${sql.raw(`'$[${i}]'`)}`), sql` AND `);
const extra = (link: LinkColumn) => (link.where ? sql`AND (${sql.raw(link.where)})` : sql``);

/**
 * Moves the rows of one column from `loserId` to `survivorId`, journalling each (its key and the id it named). Rows
 * whose unique twin already names the survivor stay (a document linked to both stays linked once). Returns how many moved.
 */
export async function moveColumn(trx: Kysely<DB>, link: LinkColumn, mergeId: string, loserId: string, survivorId: string, merged: readonly string[]): Promise<number> {
  if (link.json) return moveJson(trx, link, mergeId, loserId, survivorId);
  const t = sql.table(link.table);
  const own = (c: string) => sql.ref(`${link.table}.${c}`);
  // Unqualified names in `where` are the table's own here, and the twin's own inside NOT EXISTS (its nearest scope).
  const twin = link.uniqueWith?.length
    ? sql`AND NOT EXISTS (SELECT 1 FROM ${t} o WHERE o.${id(link.column)} = ${survivorId} ${extra(link)} AND ${sql.join(link.uniqueWith.map((c) => sql`o.${id(c)} = ${own(c)}`), sql` AND `)})`
    : sql``;
  const excluded = link.excludeMerged ? sql`AND ${own(link.excludeMerged)} NOT IN (SELECT value FROM json_each(${JSON.stringify(merged)}))` : sql``;
  // The journal and the move select the same rows (same condition, one after the other in one transaction); the move
  // by its own condition walks the column's index, twice as fast as joining the journal back by key.
  const chosen = sql`WHERE ${own(link.column)} = ${loserId} ${extra(link)} ${twin} ${excluded}`;
  const journalled = await sql`INSERT INTO merge_moves (merge_id, tbl, row_key, col, from_id)
    SELECT ${mergeId}, ${link.table}, ${keyExpr(link, `${link.table}.`)}, ${link.column}, ${loserId} FROM ${t} ${chosen}`.execute(trx);
  const n = Number(journalled.numAffectedRows ?? 0n);
  if (n === 0) return 0;
  const set = link.mirror ? sql`${id(link.column)} = ${survivorId}, ${id(link.mirror)} = ${survivorId}` : sql`${id(link.column)} = ${survivorId}`;
  const updated = await sql`UPDATE ${t} SET ${set} ${chosen}`.execute(trx);
  if (Number(updated.numAffectedRows ?? 0n) !== n) throw new Error(`merge: ${link.table}.${link.column} moved ${updated.numAffectedRows} rows, journalled ${n}`);
  return n;
}

/**
 * Moves back the journalled rows of one column that still name the survivor; the others (moved elsewhere, or gone)
 * are left where they are. Returns how many went back and how many were journalled.
 */
export async function moveColumnBack(trx: Kysely<DB>, link: LinkColumn, mergeId: string, survivorId: string): Promise<{ back: number; journalled: number }> {
  if (link.json) return moveJsonBack(trx, link, mergeId, survivorId);
  const journalled = Number(
    (await sql<{ n: number }>`SELECT count(*) AS n FROM merge_moves WHERE merge_id = ${mergeId} AND tbl = ${link.table} AND col = ${link.column}`.execute(trx)).rows[0]?.n ?? 0,
  );
  if (journalled === 0) return { back: 0, journalled };
  const t = sql.table(link.table);
  const set = link.mirror ? sql`${id(link.column)} = m.from_id, ${id(link.mirror)} = m.from_id` : sql`${id(link.column)} = m.from_id`;
  // A row moved back must not collide with a twin that names its record again (UPDATE OR IGNORE leaves it).
  const result = await sql`UPDATE OR IGNORE ${t} SET ${set}
    FROM (SELECT row_key, from_id FROM merge_moves WHERE merge_id = ${mergeId} AND tbl = ${link.table} AND col = ${link.column}) m
    WHERE ${keyMatch(link, `${link.table}.`)} AND ${sql.ref(`${link.table}.${link.column}`)} = ${survivorId}`.execute(trx);
  return { back: Number(result.numAffectedRows ?? 0n), journalled };
}

// JSON columns (an outbox message's recipients, a saved segment's filter): the path of each string equal to the id.
type Path = (string | number)[];
function pathsOf(value: unknown, target: string, at: Path = [], out: Path[] = []): Path[] {
  if (value === target) out.push(at);
  else if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, target, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, target, [...at, k], out);
  return out;
}
function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), value);
}
function setAt(value: unknown, path: Path, to: string): void {
  const parent = getAt(value, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = to;
}
/** merge_moves.col of a JSON move: the column, then the path (`recipients.to.0.contactId`). */
const jsonCol = (column: string, path: Path) => [column, ...path.map(String)].join('.');
const parsePath = (col: string): Path => col.split('.').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));

async function moveJson(trx: Kysely<DB>, link: LinkColumn, mergeId: string, loserId: string, survivorId: string): Promise<number> {
  const key = link.key[0]!;
  const rows = (await sql<{ k: string; v: string }>`SELECT ${id(key)} AS k, ${id(link.column)} AS v FROM ${sql.table(link.table)}
    WHERE instr(${id(link.column)}, ${loserId}) > 0 ${extra(link)}`.execute(trx)).rows;
  let n = 0;
  for (const row of rows) {
    const value = JSON.parse(row.v) as unknown;
    const paths = pathsOf(value, loserId);
    if (paths.length === 0) continue;
    for (const path of paths) {
      setAt(value, path, survivorId);
      await sql`INSERT INTO merge_moves (merge_id, tbl, row_key, col, from_id) VALUES (${mergeId}, ${link.table}, ${row.k}, ${jsonCol(link.column, path)}, ${loserId})`.execute(trx);
      n++;
    }
    await sql`UPDATE ${sql.table(link.table)} SET ${id(link.column)} = ${JSON.stringify(value)} WHERE ${id(key)} = ${row.k}`.execute(trx);
  }
  return n;
}

async function moveJsonBack(trx: Kysely<DB>, link: LinkColumn, mergeId: string, survivorId: string): Promise<{ back: number; journalled: number }> {
  const key = link.key[0]!;
  const moves = (await sql<{ row_key: string; col: string; from_id: string }>`SELECT row_key, col, from_id FROM merge_moves
    WHERE merge_id = ${mergeId} AND tbl = ${link.table} AND (col = ${link.column} OR col LIKE ${`${link.column}.%`}) ORDER BY row_key`.execute(trx)).rows;
  let back = 0;
  const byRow = new Map<string, typeof moves>();
  for (const m of moves) byRow.set(m.row_key, [...(byRow.get(m.row_key) ?? []), m]);
  for (const [rowKey, rowMoves] of byRow) {
    const row = (await sql<{ v: string }>`SELECT ${id(link.column)} AS v FROM ${sql.table(link.table)} WHERE ${id(key)} = ${rowKey}`.execute(trx)).rows[0];
    if (!row) continue;
    const value = JSON.parse(row.v) as unknown;
    let changed = false;
    for (const m of rowMoves) {
      const path = parsePath(m.col);
      if (getAt(value, path) !== survivorId) continue;
      setAt(value, path, m.from_id);
      changed = true;
      back++;
    }
    if (changed) await sql`UPDATE ${sql.table(link.table)} SET ${id(link.column)} = ${JSON.stringify(value)} WHERE ${id(key)} = ${rowKey}`.execute(trx);
  }
  return { back, journalled: moves.length };
}

/** Journalled moves of a merge per (table, column): what the list and the result count. */
export async function movedCounts(db: Kysely<DB>, mergeId: string): Promise<{ tbl: string; col: string; n: number }[]> {
  return (await sql<{ tbl: string; col: string; n: number }>`SELECT tbl, CASE WHEN instr(col, '.') > 0 THEN substr(col, 1, instr(col, '.') - 1) ELSE col END AS col,
    count(*) AS n FROM merge_moves WHERE merge_id = ${mergeId} GROUP BY 1, 2`.execute(db)).rows;
}

/** Whole rows of a table whose `column` names `value` (with rowid for tables that have no key of their own). */
export async function rowsNaming(trx: Kysely<DB>, table: string, column: string, value: string): Promise<RawRow[]> {
  return (await sql<RawRow>`SELECT * FROM ${sql.table(table)} WHERE ${id(column)} = ${value}`.execute(trx)).rows;
}

/** Puts whole rows back as they were copied out (INSERT OR IGNORE: a row that exists again is left as it is). */
export async function insertRows(trx: Kysely<DB>, table: string, rows: readonly RawRow[], omit: readonly string[] = []): Promise<number> {
  let n = 0;
  for (const row of rows) {
    const columns = Object.keys(row).filter((c) => !omit.includes(c));
    const result = await sql`INSERT OR IGNORE INTO ${sql.table(table)} (${sql.join(columns.map((c) => id(c)))}) VALUES (${sql.join(columns.map((c) => row[c]))})`.execute(trx);
    n += Number(result.numAffectedRows ?? 0n);
  }
  return n;
}

export async function deleteRowsNaming(trx: Kysely<DB>, table: string, column: string, value: string): Promise<void> {
  await sql`DELETE FROM ${sql.table(table)} WHERE ${id(column)} = ${value}`.execute(trx);
}

/** Whether a table has a row with this seq (a record put back keeps its seq, its search rowid, when it is free). */
export async function seqTaken(trx: Kysely<DB>, table: 'contacts' | 'companies', seq: number): Promise<boolean> {
  return (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE seq = ${seq}`.execute(trx)).rows[0]!.n > 0;
}

/** An activity that counts as being in touch: 0002's rule, as the triggers of 0002, 0011 and 0021 apply it. */
const COUNTED = `a.deleted_at IS NULL AND a.type <> 'note' AND coalesce(a.outcome, '') NOT IN ('no_answer', 'busy', 'wrong_number')`;

/**
 * Lifts (or puts back) the per-row contact summaries of activities for the rest of this transaction (0021): the caller
 * moves many activities, then recomputeTouches for the contacts they moved between, before it commits.
 */
export async function standDownActivityTriggers(trx: Kysely<DB>, down: boolean): Promise<void> {
  if (down) await sql`INSERT OR IGNORE INTO bulk_insert (on_table) VALUES ('activities')`.execute(trx);
  else await sql`DELETE FROM bulk_insert WHERE on_table = 'activities'`.execute(trx);
}

/** What the stood-down triggers would have kept, for these contacts: last contacted, and their touches summary. */
export async function recomputeTouches(trx: Kysely<DB>, contactIds: readonly string[]): Promise<void> {
  const ids = JSON.stringify(contactIds);
  await sql`UPDATE contacts SET last_contacted_at = coalesce((SELECT max(a.occurred_at) FROM activities a WHERE a.contact_id = contacts.id AND ${sql.raw(COUNTED)}), '')
    WHERE id IN (SELECT value FROM json_each(${ids}))`.execute(trx);
  await sql`DELETE FROM contact_touches WHERE contact_id IN (SELECT value FROM json_each(${ids}))`.execute(trx);
  await sql`INSERT INTO contact_touches (contact_id, first_at, last_at, touches)
    SELECT a.contact_id, min(a.occurred_at), max(a.occurred_at), count(*) FROM activities a
    WHERE a.contact_id IN (SELECT value FROM json_each(${ids})) AND ${sql.raw(COUNTED)} GROUP BY a.contact_id`.execute(trx);
}
