// The first schema: contacts, companies, their tags, and FTS5 search kept in step by triggers.
// Takes Kysely<any> and plain SQL: a migration must never change meaning when app types change.
import { sql, type Kysely } from 'kysely';

// `seq` is an INTEGER PRIMARY KEY so FTS rowids stay stable across VACUUM; `id` (UUIDv7) is the public id.
// Each FTS table's external content is a view that defines the searchable text once; triggers index
// exactly what the view says, so 'rebuild' and 'integrity-check' agree with the triggers. The views use
// plain columns only: FTS5 reads them schema-qualified, where json_each is not found ("main.json_each"),
// so the app writes contact details (email and phone values, phone digits) to `search_details`, and tag
// arrays are indexed as their JSON text (the tokenizer drops the brackets and quotes).
const statements = [
  `CREATE TABLE companies (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    website TEXT,
    phone TEXT,
    address TEXT,
    notes TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`,
  `CREATE TABLE contacts (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    first_name TEXT,
    last_name TEXT,
    display_name TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    sort_last TEXT NOT NULL,
    emails TEXT NOT NULL DEFAULT '[]',
    phones TEXT NOT NULL DEFAULT '[]',
    search_details TEXT NOT NULL DEFAULT '',
    addresses TEXT NOT NULL DEFAULT '[]',
    job_title TEXT,
    company_id TEXT REFERENCES companies(id) ON DELETE SET NULL,
    website TEXT,
    birthday TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    notes TEXT,
    kind TEXT NOT NULL DEFAULT 'customer' CHECK (kind IN ('customer','prospect','partner','supplier','other')),
    lead_source TEXT,
    email_opt_in INTEGER NOT NULL DEFAULT 0 CHECK (email_opt_in IN (0,1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`,

  // Live-row indexes: one per sort order, each ending in id for keyset paging; partial, so Trash costs nothing.
  `CREATE INDEX contacts_live_name ON contacts(sort_name, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX contacts_live_last ON contacts(sort_last, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX contacts_live_created ON contacts(created_at, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX contacts_live_updated ON contacts(updated_at, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX contacts_live_kind ON contacts(kind, sort_name, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX contacts_trash ON contacts(deleted_at, id) WHERE deleted_at IS NOT NULL`,
  `CREATE INDEX contacts_company ON contacts(company_id, sort_name, id)`,
  `CREATE INDEX companies_live_name ON companies(sort_name, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX companies_live_created ON companies(created_at, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX companies_live_updated ON companies(updated_at, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX companies_trash ON companies(deleted_at, id) WHERE deleted_at IS NOT NULL`,

  // Tags of *live* records only, so counting and filtering never need to look at Trash.
  `CREATE TABLE contact_tags (
    tag TEXT NOT NULL COLLATE NOCASE,
    contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    PRIMARY KEY (tag, contact_id)
  ) WITHOUT ROWID`,
  `CREATE INDEX contact_tags_contact ON contact_tags(contact_id)`,
  `CREATE TABLE company_tags (
    tag TEXT NOT NULL COLLATE NOCASE,
    company_id TEXT NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
    PRIMARY KEY (tag, company_id)
  ) WITHOUT ROWID`,
  `CREATE INDEX company_tags_company ON company_tags(company_id)`,
  `CREATE TRIGGER contacts_tags_ai AFTER INSERT ON contacts WHEN NEW.deleted_at IS NULL BEGIN
    INSERT OR IGNORE INTO contact_tags(tag, contact_id) SELECT value, NEW.id FROM json_each(NEW.tags);
  END`,
  `CREATE TRIGGER contacts_tags_au AFTER UPDATE OF tags, deleted_at ON contacts BEGIN
    DELETE FROM contact_tags WHERE contact_id = OLD.id;
    INSERT OR IGNORE INTO contact_tags(tag, contact_id) SELECT value, NEW.id FROM json_each(NEW.tags) WHERE NEW.deleted_at IS NULL;
  END`,
  `CREATE TRIGGER companies_tags_ai AFTER INSERT ON companies WHEN NEW.deleted_at IS NULL BEGIN
    INSERT OR IGNORE INTO company_tags(tag, company_id) SELECT value, NEW.id FROM json_each(NEW.tags);
  END`,
  `CREATE TRIGGER companies_tags_au AFTER UPDATE OF tags, deleted_at ON companies BEGIN
    DELETE FROM company_tags WHERE company_id = OLD.id;
    INSERT OR IGNORE INTO company_tags(tag, company_id) SELECT value, NEW.id FROM json_each(NEW.tags) WHERE NEW.deleted_at IS NULL;
  END`,

  // Full-text search.
  `CREATE VIEW contacts_search AS SELECT seq, display_name AS name, search_details AS details, job_title, tags, notes FROM contacts`,
  `CREATE VIRTUAL TABLE contacts_fts USING fts5(
    name, details, job_title, tags, notes,
    content='contacts_search', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
  )`,
  `CREATE TRIGGER contacts_fts_ai AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_fts(rowid, name, details, job_title, tags, notes)
      SELECT seq, name, details, job_title, tags, notes FROM contacts_search WHERE seq = NEW.seq;
  END`,
  `CREATE TRIGGER contacts_fts_bd BEFORE DELETE ON contacts BEGIN
    INSERT INTO contacts_fts(contacts_fts, rowid, name, details, job_title, tags, notes)
      SELECT 'delete', seq, name, details, job_title, tags, notes FROM contacts_search WHERE seq = OLD.seq;
  END`,
  `CREATE TRIGGER contacts_fts_bu BEFORE UPDATE OF display_name, search_details, job_title, tags, notes ON contacts BEGIN
    INSERT INTO contacts_fts(contacts_fts, rowid, name, details, job_title, tags, notes)
      SELECT 'delete', seq, name, details, job_title, tags, notes FROM contacts_search WHERE seq = OLD.seq;
  END`,
  `CREATE TRIGGER contacts_fts_au AFTER UPDATE OF display_name, search_details, job_title, tags, notes ON contacts BEGIN
    INSERT INTO contacts_fts(rowid, name, details, job_title, tags, notes)
      SELECT seq, name, details, job_title, tags, notes FROM contacts_search WHERE seq = NEW.seq;
  END`,
  `CREATE VIEW companies_search AS SELECT seq, name, website, phone, tags, notes FROM companies`,
  `CREATE VIRTUAL TABLE companies_fts USING fts5(
    name, website, phone, tags, notes,
    content='companies_search', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
  )`,
  `CREATE TRIGGER companies_fts_ai AFTER INSERT ON companies BEGIN
    INSERT INTO companies_fts(rowid, name, website, phone, tags, notes)
      SELECT seq, name, website, phone, tags, notes FROM companies_search WHERE seq = NEW.seq;
  END`,
  `CREATE TRIGGER companies_fts_bd BEFORE DELETE ON companies BEGIN
    INSERT INTO companies_fts(companies_fts, rowid, name, website, phone, tags, notes)
      SELECT 'delete', seq, name, website, phone, tags, notes FROM companies_search WHERE seq = OLD.seq;
  END`,
  `CREATE TRIGGER companies_fts_bu BEFORE UPDATE OF name, website, phone, tags, notes ON companies BEGIN
    INSERT INTO companies_fts(companies_fts, rowid, name, website, phone, tags, notes)
      SELECT 'delete', seq, name, website, phone, tags, notes FROM companies_search WHERE seq = OLD.seq;
  END`,
  `CREATE TRIGGER companies_fts_au AFTER UPDATE OF name, website, phone, tags, notes ON companies BEGIN
    INSERT INTO companies_fts(rowid, name, website, phone, tags, notes)
      SELECT seq, name, website, phone, tags, notes FROM companies_search WHERE seq = NEW.seq;
  END`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
