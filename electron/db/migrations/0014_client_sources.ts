// The lead-source figures without reading every contact row of the period:
// - client_jobs (0011) also carries its contact's creation time and lead source, so the won clients and the paid
//   revenue per lead source come from the client rows alone (a few thousand) instead of a lookup per contact;
// - contacts_live_created also holds lead_source, so counting the period's new contacts per source reads the
//   index alone. Its (created_at, id) order, which the contacts list sorts by, is unchanged.
// Plain SQL only; no `electron` import.
import { sql, type Kysely } from 'kysely';

const statements = [
  `ALTER TABLE client_jobs ADD COLUMN created_at TEXT`,
  `ALTER TABLE client_jobs ADD COLUMN lead_source TEXT`,
  `UPDATE client_jobs SET (created_at, lead_source) = (SELECT c.created_at, c.lead_source FROM contacts c WHERE c.id = client_jobs.contact_id)`,
  // A contact's row is made by the job triggers of 0011; it copies the contact's fields here, once.
  `CREATE TRIGGER client_jobs_source_ai AFTER INSERT ON client_jobs BEGIN
    UPDATE client_jobs SET (created_at, lead_source) = (SELECT c.created_at, c.lead_source FROM contacts c WHERE c.id = NEW.contact_id)
      WHERE contact_id = NEW.contact_id;
  END`,
  `CREATE TRIGGER client_jobs_source_au AFTER UPDATE OF created_at, lead_source ON contacts BEGIN
    UPDATE client_jobs SET created_at = NEW.created_at, lead_source = NEW.lead_source WHERE contact_id = NEW.id;
  END`,
  `DROP INDEX contacts_live_created`,
  `CREATE INDEX contacts_live_created ON contacts(created_at, id, lead_source) WHERE deleted_at IS NULL`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
