// Activities and follow-ups can belong to a job as well as a person, so a job's page shows its calls,
// notes and next steps. Deleting a job (from Trash, later) unlinks them rather than losing them.
import { sql, type Kysely } from 'kysely';

const statements = [
  `ALTER TABLE activities ADD COLUMN job_id TEXT REFERENCES jobs(id) ON DELETE SET NULL`,
  `ALTER TABLE tasks ADD COLUMN job_id TEXT REFERENCES jobs(id) ON DELETE SET NULL`,
  `CREATE INDEX activities_job_time ON activities(job_id, occurred_at, id) WHERE deleted_at IS NULL AND job_id IS NOT NULL`,
  `CREATE INDEX tasks_job ON tasks(job_id, due_at) WHERE job_id IS NOT NULL`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
