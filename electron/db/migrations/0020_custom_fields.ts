// Custom fields (issue #19): definitions per record type, and their values in entity-attribute-value form, so adding
// a field to 100,000 contacts writes one row and rewrites nothing. One value row per (field, record, seq); a
// several-choices value is one row per chosen option. Plain SQL only; no application imports.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE custom_fields (
    id TEXT PRIMARY KEY,
    record_type TEXT NOT NULL,
    key TEXT NOT NULL,
    label TEXT NOT NULL,
    type TEXT NOT NULL,
    currency TEXT,
    required INTEGER NOT NULL DEFAULT 0,
    default_value TEXT,
    help TEXT,
    section TEXT,
    position INTEGER NOT NULL,
    options TEXT NOT NULL DEFAULT '[]',
    archived INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    UNIQUE (record_type, key)
  )`,
  `CREATE INDEX custom_fields_order ON custom_fields(record_type, position)`,
  // num_value: numbers, money in minor units, yes/no as 0/1. text_value: text, ISO dates, option ids, linked ids.
  // sort_text: the folded text (or the ISO date) a list sorts and compares by.
  `CREATE TABLE custom_values (
    field_id TEXT NOT NULL REFERENCES custom_fields(id) ON DELETE CASCADE,
    record_id TEXT NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0,
    text_value TEXT,
    num_value REAL,
    sort_text TEXT,
    PRIMARY KEY (field_id, record_id, seq)
  ) WITHOUT ROWID`,
  // Filter and sort by one field walk these in order and stop after a page.
  `CREATE INDEX custom_values_num ON custom_values(field_id, num_value, record_id)`,
  `CREATE INDEX custom_values_sort ON custom_values(field_id, sort_text, record_id)`,
  // A record's values (its page, its deletion for good).
  `CREATE INDEX custom_values_record ON custom_values(record_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
