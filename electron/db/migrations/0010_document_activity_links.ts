// Documents kept with an activity (a call's photos, a meeting's signed form): document_links gains an
// activity_id. 0006's CHECK says exactly one target per link row, and SQLite cannot alter a CHECK, so the
// table is rebuilt the SQLite way (create new, copy, drop, rename, recreate indexes) keeping every row.
// Nothing references document_links, so dropping it cascades nowhere. Plain SQL only; no `electron` import.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE document_links_new (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    contact_id TEXT REFERENCES contacts(id) ON DELETE CASCADE,
    company_id TEXT REFERENCES companies(id) ON DELETE CASCADE,
    job_id TEXT REFERENCES jobs(id) ON DELETE CASCADE,
    activity_id TEXT REFERENCES activities(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    CHECK ((contact_id IS NOT NULL) + (company_id IS NOT NULL) + (job_id IS NOT NULL) + (activity_id IS NOT NULL) = 1)
  ) STRICT`,
  // rowid kept: lists order a document's links by (created_at, rowid).
  `INSERT INTO document_links_new (rowid, document_id, contact_id, company_id, job_id, activity_id, created_at)
    SELECT rowid, document_id, contact_id, company_id, job_id, NULL, created_at FROM document_links`,
  `DROP TABLE document_links`,
  `ALTER TABLE document_links_new RENAME TO document_links`,
  `CREATE INDEX document_links_document ON document_links(document_id)`,
  `CREATE UNIQUE INDEX document_links_contact ON document_links(contact_id, document_id) WHERE contact_id IS NOT NULL`,
  `CREATE UNIQUE INDEX document_links_company ON document_links(company_id, document_id) WHERE company_id IS NOT NULL`,
  `CREATE UNIQUE INDEX document_links_job ON document_links(job_id, document_id) WHERE job_id IS NOT NULL`,
  `CREATE UNIQUE INDEX document_links_activity ON document_links(activity_id, document_id) WHERE activity_id IS NOT NULL`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
