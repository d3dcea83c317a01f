// Large imports index their new contacts in bulk. Per row, the FTS5 and tag triggers cost several times the
// insert itself; one INSERT … SELECT over a batch's new rows costs a fraction. So the two AFTER INSERT
// triggers now stand down while `bulk_insert` names their table. Only the importer sets it, inside the very
// transaction that inserts the rows, indexes them in bulk and clears it again: no other connection ever sees
// the flag, a crash rolls it back with the rows, and every other writer keeps the per-row triggers.
// Plain SQL only; no `electron` import.
import { sql, type Kysely } from 'kysely';

const standDown = `NOT EXISTS (SELECT 1 FROM bulk_insert WHERE on_table = 'contacts')`;

const statements = [
  `CREATE TABLE bulk_insert (on_table TEXT PRIMARY KEY) STRICT, WITHOUT ROWID`,
  `DROP TRIGGER contacts_tags_ai`,
  `CREATE TRIGGER contacts_tags_ai AFTER INSERT ON contacts WHEN NEW.deleted_at IS NULL AND ${standDown} BEGIN
    INSERT OR IGNORE INTO contact_tags(tag, contact_id) SELECT value, NEW.id FROM json_each(NEW.tags);
  END`,
  `DROP TRIGGER contacts_fts_ai`,
  `CREATE TRIGGER contacts_fts_ai AFTER INSERT ON contacts WHEN ${standDown} BEGIN
    INSERT INTO contacts_fts(rowid, name, details, job_title, tags, notes)
      SELECT seq, name, details, job_title, tags, notes FROM contacts_search WHERE seq = NEW.seq;
  END`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
