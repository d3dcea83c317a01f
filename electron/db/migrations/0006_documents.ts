// Documents: metadata rows for files stored by SHA-256 under <dataDir>/documents/ (mode 'copy') or left in
// place and referenced (mode 'link'), and which records each belongs to. A link row per record, with real
// foreign keys, so removing a contact for good drops only its links, never a file another record uses.
// Plain SQL only; no `electron` import.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE documents (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 1000),
    sort_name TEXT NOT NULL,
    type TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    sha256 TEXT CHECK (sha256 IS NULL OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),
    mode TEXT NOT NULL CHECK (mode IN ('copy','link')),
    link_path TEXT,
    -- The target's modification time when linked, to tell the user it has changed since.
    link_mtime_ms INTEGER,
    is_folder INTEGER NOT NULL DEFAULT 0 CHECK (is_folder IN (0,1)),
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    -- The searchable text of a text file (capped); last, so lists never read its overflow pages.
    content TEXT,
    CHECK ((mode = 'copy' AND sha256 IS NOT NULL AND link_path IS NULL) OR (mode = 'link' AND link_path IS NOT NULL))
  ) STRICT`,
  `CREATE INDEX documents_sha256 ON documents(sha256) WHERE sha256 IS NOT NULL`,
  `CREATE INDEX documents_live_created ON documents(created_at, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX documents_live_name ON documents(sort_name, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX documents_trash ON documents(deleted_at, id) WHERE deleted_at IS NOT NULL`,

  `CREATE TABLE document_links (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    contact_id TEXT REFERENCES contacts(id) ON DELETE CASCADE,
    company_id TEXT REFERENCES companies(id) ON DELETE CASCADE,
    job_id TEXT REFERENCES jobs(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    CHECK ((contact_id IS NOT NULL) + (company_id IS NOT NULL) + (job_id IS NOT NULL) = 1)
  ) STRICT`,
  `CREATE INDEX document_links_document ON document_links(document_id)`,
  `CREATE UNIQUE INDEX document_links_contact ON document_links(contact_id, document_id) WHERE contact_id IS NOT NULL`,
  `CREATE UNIQUE INDEX document_links_company ON document_links(company_id, document_id) WHERE company_id IS NOT NULL`,
  `CREATE UNIQUE INDEX document_links_job ON document_links(job_id, document_id) WHERE job_id IS NOT NULL`,

  // Search: names, notes and text contents (see 0001 for why a view).
  `CREATE VIEW documents_search AS SELECT seq, name, note, content FROM documents`,
  `CREATE VIRTUAL TABLE documents_fts USING fts5(name, note, content, content='documents_search', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3')`,
  `CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, name, note, content) VALUES (NEW.seq, NEW.name, NEW.note, NEW.content);
  END`,
  `CREATE TRIGGER documents_fts_bd BEFORE DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, name, note, content) VALUES ('delete', OLD.seq, OLD.name, OLD.note, OLD.content);
  END`,
  `CREATE TRIGGER documents_fts_au AFTER UPDATE OF name, note, content ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, name, note, content) VALUES ('delete', OLD.seq, OLD.name, OLD.note, OLD.content);
    INSERT INTO documents_fts(rowid, name, note, content) VALUES (NEW.seq, NEW.name, NEW.note, NEW.content);
  END`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
