// Duplicates, merges and data-quality fixes (issue #20). Plain SQL only; no application imports.
// - duplicate_pairs: the last scan's scored pairs (a_id < b_id), replaced per kind by each full scan.
// - duplicate_dismissals: "not a duplicate", kept for good (a_id < b_id).
// - merges / merge_losers / merge_moves: the journal un-merge reads: the survivor before and after, each merged-away
//   record whole, and every linked row that moved (table, row key, column, the id it named before).
// - record_aliases: merged-away ids, so an import or a sync naming one finds the survivor.
// - quality_fixes / quality_fix_items: bulk fixes with the fields as they were, like contact_bulk_edits (0016).
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE duplicate_pairs (
    kind TEXT NOT NULL CHECK (kind IN ('contact','company')),
    a_id TEXT NOT NULL,
    b_id TEXT NOT NULL,
    score REAL NOT NULL,
    reasons TEXT NOT NULL CHECK (json_valid(reasons)),
    scanned_at TEXT NOT NULL,
    PRIMARY KEY (kind, a_id, b_id),
    CHECK (a_id < b_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX duplicate_pairs_score ON duplicate_pairs(kind, score DESC)`,
  `CREATE INDEX duplicate_pairs_b ON duplicate_pairs(b_id)`,
  `CREATE TABLE duplicate_dismissals (
    kind TEXT NOT NULL CHECK (kind IN ('contact','company')),
    a_id TEXT NOT NULL,
    b_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (kind, a_id, b_id),
    CHECK (a_id < b_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE TABLE merges (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('contact','company')),
    survivor_id TEXT NOT NULL,
    survivor_before TEXT NOT NULL CHECK (json_valid(survivor_before)),
    survivor_after TEXT NOT NULL CHECK (json_valid(survivor_after)),
    choices TEXT NOT NULL CHECK (json_valid(choices)),
    created_at TEXT NOT NULL,
    undone_at TEXT
  ) STRICT`,
  `CREATE INDEX merges_survivor ON merges(survivor_id, seq)`,
  `CREATE TABLE merge_losers (
    merge_id TEXT NOT NULL REFERENCES merges(id) ON DELETE CASCADE,
    loser_id TEXT NOT NULL,
    display_name TEXT NOT NULL,
    snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
    PRIMARY KEY (merge_id, loser_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX merge_losers_loser ON merge_losers(loser_id)`,
  `CREATE TABLE merge_moves (
    merge_id TEXT NOT NULL REFERENCES merges(id) ON DELETE CASCADE,
    tbl TEXT NOT NULL,
    row_key TEXT NOT NULL,
    col TEXT NOT NULL,
    from_id TEXT NOT NULL,
    PRIMARY KEY (merge_id, tbl, row_key, col)
  ) STRICT, WITHOUT ROWID`,
  `CREATE TABLE record_aliases (
    alias_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('contact','company')),
    target_id TEXT NOT NULL,
    merge_id TEXT NOT NULL REFERENCES merges(id) ON DELETE CASCADE
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX record_aliases_target ON record_aliases(target_id)`,
  `CREATE TABLE quality_fixes (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    fix TEXT NOT NULL,
    change TEXT NOT NULL CHECK (json_valid(change)),
    status TEXT NOT NULL CHECK (status IN ('running','done','undone')),
    changed INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    undone_at TEXT
  ) STRICT`,
  // No foreign key to contacts: an item outlives a contact deleted for good (undo then skips it).
  `CREATE TABLE quality_fix_items (
    fix_id TEXT NOT NULL REFERENCES quality_fixes(id) ON DELETE CASCADE,
    contact_id TEXT NOT NULL,
    before TEXT NOT NULL CHECK (json_valid(before)),
    written_at TEXT NOT NULL,
    PRIMARY KEY (fix_id, contact_id)
  ) STRICT, WITHOUT ROWID`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
