// Imports (issue #5): one row per import run with its report, and one item per contact it created or
// updated (with the contact's row as it was before, so "Undo import" can put it back). Plain SQL only.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE imports (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    format TEXT NOT NULL,
    dialect TEXT NOT NULL,
    duplicates TEXT NOT NULL CHECK (duplicates IN ('skip','update','create')),
    status TEXT NOT NULL CHECK (status IN ('running','done','cancelled','failed','undone')),
    created INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    rejected_count INTEGER NOT NULL DEFAULT 0,
    rejected TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(rejected)),
    started_at TEXT NOT NULL,
    finished_at TEXT,
    undone_at TEXT
  ) STRICT`,
  `CREATE INDEX imports_started ON imports(started_at DESC, id)`,
  // No foreign key to contacts: an item must outlive a contact that was later deleted for good (undo skips it).
  `CREATE TABLE import_items (
    import_id TEXT NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    entity TEXT NOT NULL CHECK (entity IN ('contact','company')),
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('created','updated')),
    before TEXT CHECK (before IS NULL OR json_valid(before)),
    PRIMARY KEY (import_id, entity, entity_id)
  ) STRICT, WITHOUT ROWID`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
