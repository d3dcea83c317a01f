// Bulk edits of contacts (issue #18): one row per edit of a selection (its change, and for email opt-in the
// consent note and its source), and one item per contact it changed with the fields as they were and the
// contact's updated_at as the edit left it, so "Undo" restores exactly those and leaves later changes alone.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE contact_bulk_edits (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    action TEXT NOT NULL CHECK (action IN ('addTags','removeTags','setKind','setEmailOptIn','linkCompany','trash')),
    change TEXT NOT NULL CHECK (json_valid(change)),
    note TEXT,
    source TEXT NOT NULL DEFAULT 'bulk edit',
    status TEXT NOT NULL CHECK (status IN ('running','done','undone')),
    changed INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    undone_at TEXT
  ) STRICT`,
  // No foreign key to contacts: an item outlives a contact deleted for good (undo then skips it).
  `CREATE TABLE contact_bulk_edit_items (
    edit_id TEXT NOT NULL REFERENCES contact_bulk_edits(id) ON DELETE CASCADE,
    contact_id TEXT NOT NULL,
    before TEXT NOT NULL CHECK (json_valid(before)),
    written_at TEXT NOT NULL,
    PRIMARY KEY (edit_id, contact_id)
  ) STRICT, WITHOUT ROWID`,
  // A contact's own history of bulk changes (the consent ledger of the privacy issue reads opt-in changes by contact).
  `CREATE INDEX contact_bulk_edit_items_contact ON contact_bulk_edit_items(contact_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
