// Calendar imports (issue #15): one row per .ics import with its report, and one item per appointment it
// created or updated (with the row as it was before, and its updated_at as the import left it), so "Undo"
// removes or restores only what nobody changed since. Contacts' imports tables (0007) name contacts and
// companies only, hence tables of their own. Plain SQL only.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE calendar_imports (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running','done','cancelled','failed','undone')),
    created INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes)),
    started_at TEXT NOT NULL,
    finished_at TEXT,
    undone_at TEXT
  ) STRICT`,
  `CREATE INDEX calendar_imports_started ON calendar_imports(started_at DESC, id)`,
  // No foreign key to appointments: an item outlives an appointment deleted for good (undo then skips it).
  `CREATE TABLE calendar_import_items (
    import_id TEXT NOT NULL REFERENCES calendar_imports(id) ON DELETE CASCADE,
    appointment_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('created','updated')),
    before TEXT CHECK (before IS NULL OR json_valid(before)),
    written_at TEXT NOT NULL,
    PRIMARY KEY (import_id, appointment_id)
  ) STRICT, WITHOUT ROWID`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
