// Duplicates, merges and data-quality fixes (issue #20). Plain SQL only; no application imports.
// - duplicate_pairs: the last scan's scored pairs (a_id < b_id), replaced per kind by each full scan.
// - duplicate_dismissals: "not a duplicate", kept for good (a_id < b_id).
// - contact_match_keys: live contacts' email and phone keys, kept by triggers (the form's duplicate check).
// - merges / merge_losers / merge_moves: the journal un-merge reads: the survivor before and after, each merged-away
//   record whole, and every linked row that moved (table, row key, column, the id it named before).
// - record_aliases: merged-away ids, so an import or a sync naming one finds the survivor.
// - quality_fixes / quality_fix_items: bulk fixes with the fields as they were, like contact_bulk_edits (0016).
import { sql, type Kysely } from 'kysely';

const digits = (value: string) =>
  [' ', '-', '(', ')', '+', '.', '/'].reduce((expr, ch) => `replace(${expr}, '${ch}', '')`, `coalesce(${value}, '')`);
/**
 * INSERTs of row `r`'s email and phone keys (r is NEW in a trigger; `from` adds "contacts c," for the backfill, where
 * `where` keeps live rows). json_each joins as a table-valued function: SQLite has no LATERAL subquery.
 */
function matchKeysOf(r: string, from = '', where = '1'): string {
  const email = `json_extract(e.value, '$.value')`;
  const phone = digits(`json_extract(p.value, '$.value')`);
  const list = (column: string) => `json_each(CASE WHEN json_valid(${r}.${column}) THEN ${r}.${column} ELSE '[]' END)`;
  return `INSERT OR IGNORE INTO contact_match_keys (key, record_id)
    SELECT 'e:' || lower(trim(${email})), ${r}.id FROM ${from} ${list('emails')} e WHERE trim(coalesce(${email}, '')) <> '' AND ${where}
    UNION SELECT 'p:' || substr(${phone}, -9), ${r}.id FROM ${from} ${list('phones')} p WHERE length(${phone}) >= 7 AND ${phone} NOT GLOB '*[^0-9]*' AND ${where}`;
}

/** An activity that counts as being in touch (0002's rule; `row` is 'NEW.', 'OLD.', 'a.' or '' for the bare table). */
const COUNTED = (row: string) =>
  `${row}deleted_at IS NULL AND ${row}type <> 'note' AND coalesce(${row}outcome, '') NOT IN ('no_answer', 'busy', 'wrong_number')`;

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
  // Each live contact's email and phone keys, kept by triggers so the form's "Looks like…" check finds a match by
  // index at any size, just after any write. Email: trimmed, lower-cased. Phone: its last nine digits (seven at
  // least), what "+44 7700 900123" and "07700 900123" share. Derived data (never moved by a merge: the triggers follow
  // the contacts rows).
  `CREATE TABLE contact_match_keys (
    key TEXT NOT NULL,
    record_id TEXT NOT NULL,
    PRIMARY KEY (key, record_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX contact_match_keys_record ON contact_match_keys(record_id)`,
  // Stands down during a bulk import (bulk_insert, 0012), which fills its rows' keys in one statement (db/match-keys.ts).
  `CREATE TRIGGER contact_match_keys_ai AFTER INSERT ON contacts WHEN NEW.deleted_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM bulk_insert WHERE on_table = 'contacts') BEGIN ${matchKeysOf('NEW')}; END`,
  `CREATE TRIGGER contact_match_keys_au AFTER UPDATE OF emails, phones, deleted_at ON contacts BEGIN
    DELETE FROM contact_match_keys WHERE record_id = OLD.id;
    ${matchKeysOf('NEW', '', 'NEW.deleted_at IS NULL')};
  END`,
  `CREATE TRIGGER contact_match_keys_ad AFTER DELETE ON contacts BEGIN DELETE FROM contact_match_keys WHERE record_id = OLD.id; END`,
  matchKeysOf('c', 'contacts c,', 'c.deleted_at IS NULL'),
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
  // A merge moves thousands of activities in one statement: per row, these two triggers (0002, 0011) cost four times
  // the move itself. While `bulk_insert` names 'activities' (set and cleared inside the merge's own transaction, as the
  // importer does for 'contacts' in 0012) they stand down, and the merge recomputes both for the few contacts it moved
  // between (db/merges.moves.repo.ts). Their bodies are those of 0002 and 0011, copied (a migration imports no other).
  `DROP TRIGGER activities_contacted_au`,
  `CREATE TRIGGER activities_contacted_au AFTER UPDATE OF contact_id, type, occurred_at, outcome, deleted_at ON activities
    WHEN NOT EXISTS (SELECT 1 FROM bulk_insert WHERE on_table = 'activities') BEGIN
    UPDATE contacts SET last_contacted_at = coalesce((SELECT max(occurred_at) FROM activities WHERE contact_id = contacts.id AND ${COUNTED('')}), '')
      WHERE id IN (OLD.contact_id, NEW.contact_id);
  END`,
  `DROP TRIGGER contact_touches_au`,
  `CREATE TRIGGER contact_touches_au AFTER UPDATE OF contact_id, type, outcome, occurred_at, deleted_at ON activities
    WHEN ((${COUNTED('OLD.')}) OR (${COUNTED('NEW.')})) AND NOT EXISTS (SELECT 1 FROM bulk_insert WHERE on_table = 'activities') BEGIN
    DELETE FROM contact_touches WHERE contact_id = OLD.contact_id AND touches <= 1 AND ${COUNTED('OLD.')};
    UPDATE contact_touches SET touches = touches - 1,
      first_at = CASE WHEN first_at = OLD.occurred_at
        THEN (SELECT min(a.occurred_at) FROM activities a WHERE a.contact_id = OLD.contact_id AND ${COUNTED('a.')}) ELSE first_at END,
      last_at = CASE WHEN last_at = OLD.occurred_at
        THEN (SELECT max(a.occurred_at) FROM activities a WHERE a.contact_id = OLD.contact_id AND ${COUNTED('a.')}) ELSE last_at END
    WHERE contact_id = OLD.contact_id AND ${COUNTED('OLD.')};
    INSERT INTO contact_touches (contact_id, first_at, last_at, touches) SELECT NEW.contact_id, NEW.occurred_at, NEW.occurred_at, 1 WHERE ${COUNTED('NEW.')}
    ON CONFLICT (contact_id) DO UPDATE SET first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at), touches = touches + 1;
  END`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
