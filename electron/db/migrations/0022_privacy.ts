// Privacy (issue #21). Plain SQL only; no application imports.
// - consent_purposes: what people agree to; 'newsletter' is the old email_opt_in flag, which stays as that purpose's
//   current state (kept by the consent repo) so lists, filters, exports and campaigns of old read it unchanged.
// - consent_events: the append-only ledger; triggers refuse UPDATE, and DELETE unless `erasing` names the contact
//   (set and cleared inside the erasure's own transaction, like bulk_insert in 0012).
// - consent_tokens: the unsubscribe token a campaign email carries, per person and purpose.
// - privacy_requests: the request log. erasure_register / erasure_hashes: one-way hashes (HMAC with the store's
//   privacy salt) of an erased person's identifiers, no personal data. privacy_log: what was done, naming no one.
// - retention_rules / retention_decisions: the review list's rules, and "kept because…" / "anonymised" per person.
import { sql, type Kysely } from 'kysely';

/** The default purposes' ids are fixed, so a store and its backups agree on them; the app finds the newsletter by key. */
const NEWSLETTER_PURPOSE_ID = '0b5c7e2a-6f0d-4c1e-9a3b-2d1f00000001';

const statements = [
  `CREATE TABLE consent_purposes (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('email','phone','post','any')),
    description TEXT,
    default_basis TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1)),
    position INTEGER NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`,
  `INSERT INTO consent_purposes (id, key, name, channel, description, default_basis, position, created_at) VALUES
    ('${NEWSLETTER_PURPOSE_ID}', 'newsletter', 'Newsletter', 'email', 'News and updates by email', 'consent', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('0b5c7e2a-6f0d-4c1e-9a3b-2d1f00000002', 'offers-email', 'Offers by email', 'email', NULL, 'consent', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('0b5c7e2a-6f0d-4c1e-9a3b-2d1f00000003', 'offers-phone', 'Offers by phone', 'phone', NULL, 'consent', 2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('0b5c7e2a-6f0d-4c1e-9a3b-2d1f00000004', 'offers-post', 'Offers by post', 'post', NULL, 'legitimateInterest', 3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
  `CREATE TABLE erasing (contact_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID`,
  // No foreign key to contacts: a contact in the Trash keeps its ledger; only the erasure removes it.
  `CREATE TABLE consent_events (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    contact_id TEXT NOT NULL,
    purpose_id TEXT NOT NULL REFERENCES consent_purposes(id),
    action TEXT NOT NULL CHECK (action IN ('given','withdrawn')),
    basis TEXT NOT NULL,
    source TEXT NOT NULL,
    wording TEXT,
    evidence TEXT,
    captured_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX consent_events_contact ON consent_events(contact_id, purpose_id, seq)`,
  `CREATE TRIGGER consent_events_no_update BEFORE UPDATE ON consent_events BEGIN
    SELECT RAISE(ABORT, 'The consent history cannot be changed, only added to');
  END`,
  `CREATE TRIGGER consent_events_no_delete BEFORE DELETE ON consent_events
    WHEN NOT EXISTS (SELECT 1 FROM erasing WHERE contact_id = OLD.contact_id) BEGIN
    SELECT RAISE(ABORT, 'The consent history cannot be changed, only added to');
  END`,
  // The old flag's "yes" is the newsletter ledger's first event, dated when the contact last changed.
  `INSERT INTO consent_events (id, contact_id, purpose_id, action, basis, source, wording, evidence, captured_at, recorded_at)
    SELECT 'migrated-' || id, id, '${NEWSLETTER_PURPOSE_ID}', 'given', 'consent', 'migration', NULL,
      'Opted in to email before Rapport kept a consent history', updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM contacts WHERE email_opt_in = 1`,
  `CREATE TABLE consent_tokens (
    token TEXT PRIMARY KEY,
    contact_id TEXT NOT NULL,
    purpose_id TEXT NOT NULL REFERENCES consent_purposes(id),
    created_at TEXT NOT NULL,
    UNIQUE (contact_id, purpose_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE TABLE privacy_requests (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    contact_id TEXT,
    requester TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('access','erasure','rectification','objection','portability','restriction')),
    received_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    extended_to TEXT,
    extension_reason TEXT,
    status TEXT NOT NULL CHECK (status IN ('open','answered','refused','withdrawn')),
    answered_on TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX privacy_requests_contact ON privacy_requests(contact_id)`,
  `CREATE TABLE erasure_register (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    erased_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE erasure_hashes (
    hash TEXT NOT NULL,
    register_id TEXT NOT NULL REFERENCES erasure_register(id) ON DELETE CASCADE,
    PRIMARY KEY (hash, register_id)
  ) STRICT, WITHOUT ROWID`,
  // The HMAC key of the register's hashes: random per store, so a hash cannot be checked against a list of addresses.
  `INSERT INTO settings (key, value) VALUES ('privacySalt', lower(hex(randomblob(32))))`,
  `CREATE TABLE privacy_log (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    summary TEXT NOT NULL,
    subject TEXT
  ) STRICT`,
  `CREATE TABLE retention_rules (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    applies_to TEXT NOT NULL,
    from_date TEXT NOT NULL CHECK (from_date IN ('lastContacted','lastJob')),
    months INTEGER NOT NULL CHECK (months > 0),
    enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0,1)),
    position INTEGER NOT NULL
  ) STRICT`,
  // The two rules the issue names, on by default: they only ever build a review list.
  `INSERT INTO retention_rules (id, applies_to, from_date, months, enabled, position) VALUES
    ('0b5c7e2a-6f0d-4c1e-9a3b-2d1f00000011', 'prospect', 'lastContacted', 36, 1, 0),
    ('0b5c7e2a-6f0d-4c1e-9a3b-2d1f00000012', 'formerClient', 'lastJob', 72, 1, 1)`,
  `CREATE TABLE retention_decisions (
    contact_id TEXT PRIMARY KEY,
    decision TEXT NOT NULL CHECK (decision IN ('keep','anonymise')),
    reason TEXT,
    until_day TEXT,
    decided_at TEXT NOT NULL
  ) STRICT, WITHOUT ROWID`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
