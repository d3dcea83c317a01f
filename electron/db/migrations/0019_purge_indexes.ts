// Deleting for good (issue #18): a contact's, company's or job's delete cascades to (or unlinks) its activities,
// and SQLite finds them by the foreign key column alone. The activity indexes of 0002 and 0005 only cover live
// rows, so without these each purged record read every activity. Plain SQL only; no `electron` import.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE INDEX activities_contact_all ON activities(contact_id)`,
  `CREATE INDEX activities_company_all ON activities(company_id) WHERE company_id IS NOT NULL`,
  `CREATE INDEX activities_job_all ON activities(job_id) WHERE job_id IS NOT NULL`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
