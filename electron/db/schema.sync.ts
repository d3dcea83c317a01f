// The tables of migration 0025 (issue #24: sync with the user's CardDAV/CalDAV server) for schema.ts's DB, split out
// for length. Imports no application code.
export type SyncRecordKindColumn = 'contact' | 'appointment' | 'task';

export interface SyncAccountsTable {
  id: string;
  name: string;
  server_url: string;
  username: string;
  /** The vCard version new cards are written in: 3.0 for servers that only take it (iCloud, Google), else 4.0. */
  vcard_version: '3.0' | '4.0';
  enabled: number;
  last_sync_at: string | null;
  last_error: string | null;
  failures: number;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SyncCollectionsTable {
  id: string;
  account_id: string;
  href: string;
  kind: 'addressbook' | 'calendar';
  display_name: string;
  /** JSON CalendarComponent[]. */
  components: string;
  /** Where new local contacts / appointments / follow-ups go (1) in this account. */
  role_contacts: number;
  role_events: number;
  role_tasks: number;
  sync_token: string | null;
  ctag: string | null;
  supports_sync: number;
  last_full_sync_at: string | null;
}

export interface SyncObjectsTable {
  collection_id: string;
  href: string;
  etag: string | null;
  uid: string;
  record_kind: SyncRecordKindColumn;
  local_id: string;
  base_text: string;
  local_hash: string;
  state: 'clean' | 'conflict';
  problem: string | null;
  updated_at: string;
}

export interface SyncConflictsTable {
  id: string;
  collection_id: string;
  href: string;
  record_kind: SyncRecordKindColumn;
  local_id: string | null;
  kind: 'bothEdited' | 'deletedHere' | 'deletedThere';
  base_text: string | null;
  local_text: string | null;
  remote_text: string | null;
  remote_etag: string | null;
  /** JSON SyncConflictField[]. */
  fields: string;
  created_at: string;
  resolved_at: string | null;
}
