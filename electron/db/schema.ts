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
  schema_migrations: SchemaMigrationsTable;
}
