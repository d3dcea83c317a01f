// Sync with the user's own CardDAV/CalDAV server (issue #24). Plain SQL only; no application imports.
// - sync_accounts: one per server login; the password is only in the platform's secret store (sync.password.<id>).
//   The status columns (last_sync_at, last_error, failures, next_attempt_at) are the scheduler's backoff memory.
// - sync_collections: the address book and calendars an account syncs, with the server's sync-token and CTag. The
//   token is written only after the local changes it covers have committed, so a crash means fetching again, never
//   skipping a change.
// - sync_objects: one per item on the server that stands for a local record (contact, appointment, follow-up):
//   its href, ETag, UID, the last text both sides agreed on (base_text: the three-way merge's base) and a hash of
//   what the local record rendered as then (local_hash: the record changed here when it renders differently now).
//   UNIQUE (collection_id, uid) is what makes a second copy of an item impossible.
// - sync_conflicts: a card the user resolves: the three texts, the clashing fields, and the server's ETag then.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

const statements = [
  `CREATE TABLE sync_accounts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    server_url TEXT NOT NULL,
    username TEXT NOT NULL,
    vcard_version TEXT NOT NULL DEFAULT '4.0' CHECK (vcard_version IN ('3.0','4.0')),
    enabled INTEGER NOT NULL DEFAULT 1,
    last_sync_at TEXT,
    last_error TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE sync_collections (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES sync_accounts(id) ON DELETE CASCADE,
    href TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('addressbook','calendar')),
    display_name TEXT NOT NULL,
    components TEXT NOT NULL DEFAULT '[]',
    role_contacts INTEGER NOT NULL DEFAULT 0,
    role_events INTEGER NOT NULL DEFAULT 0,
    role_tasks INTEGER NOT NULL DEFAULT 0,
    sync_token TEXT,
    ctag TEXT,
    supports_sync INTEGER NOT NULL DEFAULT 0,
    last_full_sync_at TEXT,
    UNIQUE (account_id, href)
  ) STRICT`,
  `CREATE TABLE sync_objects (
    collection_id TEXT NOT NULL REFERENCES sync_collections(id) ON DELETE CASCADE,
    href TEXT NOT NULL,
    etag TEXT,
    uid TEXT NOT NULL,
    record_kind TEXT NOT NULL CHECK (record_kind IN ('contact','appointment','task')),
    local_id TEXT NOT NULL,
    base_text TEXT NOT NULL,
    local_hash TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'clean' CHECK (state IN ('clean','conflict')),
    problem TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (collection_id, href),
    UNIQUE (collection_id, uid)
  ) STRICT`,
  `CREATE INDEX sync_objects_local ON sync_objects (record_kind, local_id)`,
  `CREATE TABLE sync_conflicts (
    id TEXT PRIMARY KEY,
    collection_id TEXT NOT NULL REFERENCES sync_collections(id) ON DELETE CASCADE,
    href TEXT NOT NULL,
    record_kind TEXT NOT NULL CHECK (record_kind IN ('contact','appointment','task')),
    local_id TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('bothEdited','deletedHere','deletedThere')),
    base_text TEXT,
    local_text TEXT,
    remote_text TEXT,
    remote_etag TEXT,
    fields TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    resolved_at TEXT
  ) STRICT`,
  `CREATE UNIQUE INDEX sync_conflicts_open ON sync_conflicts (collection_id, href) WHERE resolved_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
