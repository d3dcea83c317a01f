// Email: the durable outbox (every message is written here before anything is sent, with its Message-ID
// and its attachments' bytes, so a retry never depends on the network or on the file still existing),
// templates, campaigns, and attachments of received .eml files. SMTP settings live in the settings table
// (0003) as JSON; the password never touches this file. Plain SQL only; no `electron` import.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE email_templates (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`,
  `CREATE TABLE email_campaigns (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    template_id TEXT NOT NULL REFERENCES email_templates(id),
    segment TEXT NOT NULL CHECK (json_valid(segment)),
    skipped TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(skipped)),
    cancelled_at TEXT,
    created_at TEXT NOT NULL
  ) STRICT`,
  // queued -> sending -> sent | waiting (retry at next_attempt_at) | failed (server's words) | paused (535)
  // | uncertain (found in 'sending' at start-up: may have been sent) ; cancelled by the user.
  `CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    message_id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('queued','sending','sent','waiting','failed','paused','uncertain','cancelled')),
    recipients TEXT NOT NULL CHECK (json_valid(recipients)),
    reply_to TEXT,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    template_id TEXT,
    campaign_id TEXT REFERENCES email_campaigns(id),
    job_id TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sending_at TEXT,
    sent_at TEXT
  ) STRICT`,
  `CREATE INDEX outbox_due ON outbox(status, next_attempt_at)`,
  `CREATE INDEX outbox_created ON outbox(created_at, id)`,
  `CREATE INDEX outbox_campaign ON outbox(campaign_id, status) WHERE campaign_id IS NOT NULL`,
  `CREATE INDEX outbox_throttle ON outbox(sending_at) WHERE campaign_id IS NOT NULL`,
  `CREATE TABLE outbox_attachments (
    outbox_id TEXT NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    filename TEXT NOT NULL,
    content_type TEXT,
    content BLOB NOT NULL,
    PRIMARY KEY (outbox_id, position)
  ) STRICT`,
  // Attachments of a received email filed on a timeline (.eml import), kept with the activity.
  `CREATE TABLE email_received_attachments (
    activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    filename TEXT NOT NULL,
    content_type TEXT,
    content BLOB NOT NULL,
    PRIMARY KEY (activity_id, position)
  ) STRICT`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
