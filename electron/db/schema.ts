// Row types of the tables as Kysely sees them (snake_case; repos translate to the camelCase wire).
// JSON columns hold text written by the repos. Migrations never import this: it describes the latest schema.
import type { Generated } from 'kysely';

export interface ContactsTable {
  seq: Generated<number>;
  id: string;
  first_name: string | null;
  last_name: string | null;
  display_name: string;
  sort_name: string;
  sort_last: string;
  emails: string;
  phones: string;
  /** Email and phone values plus phone digits, for search only (see migration 0001). */
  search_details: string;
  addresses: string;
  job_title: string | null;
  company_id: string | null;
  website: string | null;
  birthday: string | null;
  tags: string;
  notes: string | null;
  kind: string;
  lead_source: string | null;
  email_opt_in: number;
  /** '' when never contacted (see migration 0002). */
  last_contacted_at: Generated<string>;
  next_task_due_at: Generated<string | null>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CompaniesTable {
  seq: Generated<number>;
  id: string;
  name: string;
  sort_name: string;
  website: string | null;
  phone: string | null;
  address: string | null;
  notes: string | null;
  tags: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ActivitiesTable {
  seq: Generated<number>;
  id: string;
  contact_id: string;
  company_id: string | null;
  job_id: string | null;
  type: string;
  direction: string | null;
  occurred_at: string;
  duration_seconds: number | null;
  subject: string | null;
  notes: string | null;
  outcome: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface TasksTable {
  seq: Generated<number>;
  id: string;
  title: string;
  due_at: string | null;
  all_day: number;
  contact_id: string | null;
  job_id: string | null;
  priority: string;
  notes: string | null;
  completed_at: string | null;
  reminded_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface TagLinkTable {
  tag: string;
  contact_id: string;
}

export interface CompanyTagLinkTable {
  tag: string;
  company_id: string;
}

export interface FtsTable {
  rowid: number;
  rank: number;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: string;
}

export interface DB {
  contacts: ContactsTable;
  companies: CompaniesTable;
  contact_tags: TagLinkTable;
  company_tags: CompanyTagLinkTable;
  contacts_fts: FtsTable & { contacts_fts: string };
  companies_fts: FtsTable & { companies_fts: string };
  activities: ActivitiesTable;
  tasks: TasksTable;
  activities_fts: FtsTable & { activities_fts: string };
  tasks_fts: FtsTable & { tasks_fts: string };
  schema_migrations: SchemaMigrationsTable;
}
