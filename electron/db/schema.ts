// Every table and view the migrations create, as Kysely sees them at the latest version (snake_case; repos
// translate to the camelCase wire). JSON columns hold text written by the repos; BLOBs read as Buffers.
// Migrations never import this (they describe the past); nothing here imports application code.
import type { Generated, Insertable, Selectable } from 'kysely';
import type {
  ActivityDaysTable,
  ClientJobsTable,
  ContactTouchesTable,
  JobMilestonesTable,
  PipelineTotalsTable,
  RevenueMonthsTable,
  StageCategory,
} from './schema.summaries';
import type { ContactBulkEditItemsTable, ContactBulkEditsTable } from './schema.bulk-edits';
import type { CustomFieldsTable, CustomValuesTable } from './schema.custom-fields';
import type { DuplicateDismissalsTable, DuplicatePairsTable, MergeLosersTable, MergeMovesTable, MergesTable, QualityFixItemsTable, QualityFixesTable, RecordAliasesTable } from './schema.merges';
import type { ConsentEventsTable, ConsentPurposesTable, ConsentTokensTable, ErasingTable, ErasureHashesTable, ErasureRegisterTable, PrivacyLogTable, PrivacyRequestsTable, RetentionDecisionsTable, RetentionRulesTable } from './schema.privacy';
import type { InvoicesTable, NumberSeriesTable, PaymentsTable, ProductsTable, QuotesTable, SaleLinesTable, TaxRatesTable } from './schema.quotes';
import type { SyncAccountsTable, SyncCollectionsTable, SyncConflictsTable, SyncObjectsTable } from './schema.sync';
import type { CaseCounterTable, CaseEventsTable, CaseMessagesTable, CaseStatusesTable, CaseTemplatesTable, CasesTable } from './schema.cases';

export type { ActivityDaysTable, ClientJobsTable, ContactTouchesTable, JobMilestonesTable, PipelineTotalsTable, RevenueMonthsTable };

// 0001, 0002 (last_contacted_at, next_task_due_at kept by triggers), 0014 (index only).
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

/** Tags of live records only, kept by triggers (0001, 0012). */
export interface TagLinkTable {
  tag: string;
  contact_id: string;
}

export interface CompanyTagLinkTable {
  tag: string;
  company_id: string;
}

// 0002, 0005 (job_id).
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
  /** The case this belongs to (0023, issue #22); optional on insert. */
  case_id: Generated<string | null>;
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
  /** The case this belongs to (0023, issue #22); optional on insert. */
  case_id: Generated<string | null>;
  /** The quote or invoice this follow-up is about (0024, issue #23): expiry, start work, send invoice. */
  quote_id: Generated<string | null>;
  invoice_id: Generated<string | null>;
}

// 0003: app settings (key -> text, JSON for structured values), the pipeline, jobs and their stage history.
export interface SettingsTable {
  key: string;
  value: string;
}

export interface PipelineStagesTable {
  seq: Generated<number>;
  id: string;
  name: string;
  position: number;
  category: StageCategory;
  created_at: string;
  updated_at: string;
}

export interface JobsTable {
  seq: Generated<number>;
  id: string;
  title: string;
  sort_title: string;
  contact_id: string | null;
  company_id: string | null;
  stage_id: string;
  amount_minor: number | null;
  currency: string;
  due_date: string | null;
  probability: number | null;
  notes: string | null;
  lost_reason: string | null;
  rank: number;
  stage_changed_at: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** Written by triggers on jobs only. */
export interface JobStageHistoryTable {
  seq: Generated<number>;
  job_id: string;
  from_stage: string | null;
  to_stage: string;
  at: string;
}

// 0004.
export interface AppointmentsTable {
  seq: Generated<number>;
  id: string;
  uid: string;
  title: string;
  starts_at: string;
  ends_at: string;
  all_day: number;
  location: string | null;
  contact_id: string | null;
  job_id: string | null;
  notes: string | null;
  kind: string;
  /** JSON Recurrence, or NULL for a one-off. */
  recurrence: string | null;
  reminder_minutes: number | null;
  reminded_until: string | null;
  series_end: string | null;
  long_span: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

// 0006, 0010 (activity_id).
export interface DocumentsTable {
  seq: Generated<number>;
  id: string;
  name: string;
  sort_name: string;
  type: string;
  size: number;
  sha256: string | null;
  mode: 'copy' | 'link';
  link_path: string | null;
  link_mtime_ms: number | null;
  is_folder: number;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  content: string | null;
}

/** Exactly one of the four targets is set. Lists order a document's links by (created_at, rowid). */
export interface DocumentLinksTable {
  document_id: string;
  contact_id: string | null;
  company_id: string | null;
  job_id: string | null;
  activity_id: string | null;
  created_at: string;
}

// 0007.
export interface ImportsTable {
  seq: Generated<number>;
  id: string;
  file_name: string;
  format: string;
  dialect: string;
  duplicates: 'skip' | 'update' | 'create';
  status: 'running' | 'done' | 'cancelled' | 'failed' | 'undone';
  created: number;
  updated: number;
  skipped: number;
  rejected_count: number;
  /** JSON RowProblem[]. */
  rejected: string;
  started_at: string;
  finished_at: string | null;
  undone_at: string | null;
}

export interface ImportItemsTable {
  import_id: string;
  entity: 'contact' | 'company';
  entity_id: string;
  action: 'created' | 'updated';
  /** JSON of the row before an update, so undo can put it back. */
  before: string | null;
}

// 0015.
export interface CalendarImportsTable {
  seq: Generated<number>;
  id: string;
  file_name: string;
  status: 'running' | 'done' | 'cancelled' | 'failed' | 'undone';
  created: Generated<number>;
  updated: Generated<number>;
  skipped: Generated<number>;
  rejected: Generated<number>;
  /** JSON CalendarReportNote[]. */
  notes: Generated<string>;
  started_at: string;
  finished_at: Generated<string | null>;
  undone_at: Generated<string | null>;
}

export interface CalendarImportItemsTable {
  import_id: string;
  appointment_id: string;
  action: 'created' | 'updated';
  /** JSON of the appointment's columns before an update, so undo can put them back. */
  before: string | null;
  /** The appointment's updated_at as the import left it: undo touches it only if it is still this. */
  written_at: string;
}

// 0008. SMTP settings live in `settings`.
export interface EmailTemplatesTable {
  seq: Generated<number>;
  id: string;
  name: string;
  subject: string;
  body: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface EmailCampaignsTable {
  seq: Generated<number>;
  id: string;
  name: string;
  template_id: string;
  /** JSON segment filter. */
  segment: string;
  /** JSON list of the contacts left out, with why. */
  skipped: string;
  cancelled_at: string | null;
  created_at: string;
}

export interface OutboxTable {
  seq: Generated<number>;
  id: string;
  message_id: string;
  status: 'queued' | 'sending' | 'sent' | 'waiting' | 'failed' | 'paused' | 'uncertain' | 'cancelled';
  /** JSON { to, cc, bcc }. */
  recipients: string;
  reply_to: string | null;
  subject: string;
  body: string;
  template_id: string | null;
  campaign_id: string | null;
  job_id: string | null;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  sending_at: string | null;
  sent_at: string | null;
  /** The case this belongs to (0023, issue #22); optional on insert. */
  case_id: Generated<string | null>;
  /** A case reply's In-Reply-To and References (space-separated <ids>) (0023). */
  in_reply_to: Generated<string | null>;
  thread_references: Generated<string | null>;
}

export interface OutboxAttachmentsTable {
  outbox_id: string;
  position: number;
  filename: string;
  content_type: string | null;
  content: Buffer;
}

export interface EmailReceivedAttachmentsTable {
  activity_id: string;
  position: number;
  filename: string;
  content_type: string | null;
  content: Buffer;
}

// 0009.
export interface SegmentsTable {
  seq: Generated<number>;
  id: string;
  name: string;
  /** JSON of the validated SegmentFilter. */
  filter: string;
  created_at: string;
  updated_at: string;
}

// 0012: names a table whose per-row index triggers stand down inside the importer's transaction.
export interface BulkInsertTable {
  on_table: string;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: string;
}

// Search (FTS5 external content): a view defines each table's searchable text; `rowid` is the record's seq.
// The column named after the table takes MATCH queries and commands ('delete', 'rebuild').
export interface FtsTable {
  rowid: number;
  rank: number;
}
type Fts<Name extends string, Columns extends string> = FtsTable & Record<Name, string> & Record<Columns, string | null>;

export interface DB {
  sync_accounts: SyncAccountsTable;
  sync_collections: SyncCollectionsTable;
  sync_objects: SyncObjectsTable;
  sync_conflicts: SyncConflictsTable;
  tax_rates: TaxRatesTable;
  products: ProductsTable;
  number_series: NumberSeriesTable;
  quotes: QuotesTable;
  invoices: InvoicesTable;
  sale_lines: SaleLinesTable;
  payments: PaymentsTable;
  contacts: ContactsTable;
  companies: CompaniesTable;
  contact_tags: TagLinkTable;
  company_tags: CompanyTagLinkTable;
  activities: ActivitiesTable;
  tasks: TasksTable;
  settings: SettingsTable;
  pipeline_stages: PipelineStagesTable;
  jobs: JobsTable;
  job_stage_history: JobStageHistoryTable;
  appointments: AppointmentsTable;
  documents: DocumentsTable;
  document_links: DocumentLinksTable;
  imports: ImportsTable;
  import_items: ImportItemsTable;
  calendar_imports: CalendarImportsTable;
  calendar_import_items: CalendarImportItemsTable;
  contact_bulk_edits: ContactBulkEditsTable;
  contact_bulk_edit_items: ContactBulkEditItemsTable;
  email_templates: EmailTemplatesTable;
  email_campaigns: EmailCampaignsTable;
  outbox: OutboxTable;
  outbox_attachments: OutboxAttachmentsTable;
  email_received_attachments: EmailReceivedAttachmentsTable;
  segments: SegmentsTable;
  job_milestones: JobMilestonesTable;
  activity_days: ActivityDaysTable;
  contact_touches: ContactTouchesTable;
  pipeline_totals: PipelineTotalsTable;
  revenue_months: RevenueMonthsTable;
  client_jobs: ClientJobsTable;
  bulk_insert: BulkInsertTable;
  schema_migrations: SchemaMigrationsTable;
  custom_fields: CustomFieldsTable;
  custom_values: CustomValuesTable;
  duplicate_pairs: DuplicatePairsTable;
  duplicate_dismissals: DuplicateDismissalsTable;
  merges: MergesTable;
  merge_losers: MergeLosersTable;
  merge_moves: MergeMovesTable;
  record_aliases: RecordAliasesTable;
  quality_fixes: QualityFixesTable;
  quality_fix_items: QualityFixItemsTable;
  consent_purposes: ConsentPurposesTable;
  consent_events: ConsentEventsTable;
  erasing: ErasingTable;
  consent_tokens: ConsentTokensTable;
  privacy_requests: PrivacyRequestsTable;
  erasure_register: ErasureRegisterTable;
  erasure_hashes: ErasureHashesTable;
  privacy_log: PrivacyLogTable;
  retention_rules: RetentionRulesTable;
  retention_decisions: RetentionDecisionsTable;
  case_statuses: CaseStatusesTable;
  case_counter: CaseCounterTable;
  case_templates: CaseTemplatesTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_messages: CaseMessagesTable;

  contacts_search: { seq: number; name: string; details: string; job_title: string | null; tags: string; notes: string | null };
  companies_search: { seq: number; name: string; website: string | null; phone: string | null; tags: string; notes: string | null };
  activities_search: { seq: number; subject: string | null; notes: string | null };
  tasks_search: { seq: number; title: string; notes: string | null };
  jobs_search: { seq: number; title: string; notes: string | null };
  appointments_search: { seq: number; title: string; location: string | null; notes: string | null };
  documents_search: { seq: number; name: string; note: string | null; content: string | null };
  cases_search: { seq: number; subject: string; description: string | null };

  contacts_fts: Fts<'contacts_fts', 'name' | 'details' | 'job_title' | 'tags' | 'notes'>;
  companies_fts: Fts<'companies_fts', 'name' | 'website' | 'phone' | 'tags' | 'notes'>;
  activities_fts: Fts<'activities_fts', 'subject' | 'notes'>;
  tasks_fts: Fts<'tasks_fts', 'title' | 'notes'>;
  jobs_fts: Fts<'jobs_fts', 'title' | 'notes'>;
  appointments_fts: Fts<'appointments_fts', 'title' | 'location' | 'notes'>;
  documents_fts: Fts<'documents_fts', 'name' | 'note' | 'content'>;
  cases_fts: Fts<'cases_fts', 'subject' | 'description'>;
}

/** A row as read from a table (Generated columns unwrapped). */
export type Row<T extends keyof DB> = Selectable<DB[T]>;
/** A row as written to a table (Generated columns optional). */
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
