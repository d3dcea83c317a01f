// Outbox, template and campaign rows in and out of SQLite (tables from migration 0008, typed here rather than
// in schema.ts). No business rules here; no `electron` import.
import { sql, type Generated, type Kysely, type Selectable } from 'kysely';
import type { Email, OutboxItem, OutboxStatus, StoredRecipient, Template } from '../../shared/domain/email';
import { parseJsonColumn } from './json';
import type { DB } from './schema';

export interface OutboxTable {
  seq: Generated<number>;
  id: string;
  message_id: string;
  status: OutboxStatus;
  /** JSON { to, cc, bcc }: StoredRecipient[] each. */
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
}
export interface OutboxAttachmentsTable {
  outbox_id: string;
  position: number;
  filename: string;
  content_type: string | null;
  content: Buffer;
}
export interface TemplatesTable {
  seq: Generated<number>;
  id: string;
  name: string;
  subject: string;
  body: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
export interface CampaignsTable {
  seq: Generated<number>;
  id: string;
  name: string;
  template_id: string;
  segment: string;
  skipped: string;
  cancelled_at: string | null;
  created_at: string;
}
export interface ReceivedAttachmentsTable {
  activity_id: string;
  position: number;
  filename: string;
  content_type: string | null;
  content: Buffer;
}

// A type alias, not an interface: withTables needs an index-signature-compatible record.
type EmailTables = {
  outbox: OutboxTable;
  outbox_attachments: OutboxAttachmentsTable;
  email_templates: TemplatesTable;
  email_campaigns: CampaignsTable;
  email_received_attachments: ReceivedAttachmentsTable;
};
export type EmailDb = Kysely<DB & EmailTables>;
export const emailDb = (db: Kysely<DB>): EmailDb => db.withTables<EmailTables>() as unknown as EmailDb;

export type OutboxRow = Selectable<OutboxTable>;
export type TemplateRow = Selectable<TemplatesTable>;
export type CampaignRow = Selectable<CampaignsTable>;
export type OutboxInsert = Omit<OutboxRow, 'seq'>;
export interface Recipients {
  to: StoredRecipient[];
  cc: StoredRecipient[];
  bcc: StoredRecipient[];
}

export function recipientsOf(row: Pick<OutboxRow, 'recipients'>): Recipients {
  return parseJsonColumn<Recipients>(row.recipients, { to: [], cc: [], bcc: [] });
}

export function toOutboxItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    status: row.status,
    to: recipientsOf(row).to,
    subject: row.subject,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    campaignId: row.campaign_id,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

export function toEmail(row: OutboxRow, attachments: { filename: string; size: number }[]): Email {
  const r = recipientsOf(row);
  return { ...toOutboxItem(row), messageId: row.message_id, cc: r.cc, bcc: r.bcc, replyTo: row.reply_to, body: row.body, templateId: row.template_id, attachments };
}

export async function findOutbox(db: Kysely<DB>, id: string): Promise<OutboxRow | undefined> {
  return emailDb(db).selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOutbox(db: Kysely<DB>, row: OutboxInsert, attachments: Omit<OutboxAttachmentsTable, 'outbox_id'>[]): Promise<void> {
  const edb = emailDb(db);
  await edb.insertInto('outbox').values(row).execute();
  for (const a of attachments) await edb.insertInto('outbox_attachments').values({ ...a, outbox_id: row.id }).execute();
}

export async function updateOutbox(db: Kysely<DB>, id: string, patch: Partial<OutboxInsert>): Promise<void> {
  await emailDb(db).updateTable('outbox').set(patch).where('id', '=', id).execute();
}

/**
 * Moves a row from one status to another only if it is still in `from`: the compare-and-set that keeps two
 * workers (or a worker and a user's click) from both acting on one message. True when this call moved it.
 */
export async function transition(db: Kysely<DB>, id: string, from: readonly OutboxStatus[], patch: Partial<OutboxInsert>): Promise<boolean> {
  const result = await emailDb(db).updateTable('outbox').set(patch).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function attachmentsOf(db: Kysely<DB>, outboxId: string): Promise<OutboxAttachmentsTable[]> {
  return emailDb(db).selectFrom('outbox_attachments').selectAll().where('outbox_id', '=', outboxId).orderBy('position').execute();
}

export async function attachmentSizes(db: Kysely<DB>, outboxId: string): Promise<{ filename: string; size: number }[]> {
  const { rows } = await sql<{ filename: string; size: number }>`SELECT filename, length(content) AS size FROM outbox_attachments
    WHERE outbox_id = ${outboxId} ORDER BY position`.execute(db);
  return rows;
}

export async function listOutbox(db: Kysely<DB>, status: OutboxStatus | undefined, limit: number): Promise<OutboxRow[]> {
  let q = emailDb(db).selectFrom('outbox').selectAll();
  if (status) q = q.where('status', '=', status);
  return q.orderBy('created_at', 'desc').orderBy('seq', 'desc').limit(limit).execute();
}

export async function outboxCounts(db: Kysely<DB>, campaignId?: string): Promise<Record<string, number>> {
  const where = campaignId ? sql`WHERE campaign_id = ${campaignId}` : sql``;
  const { rows } = await sql<{ status: string; n: number }>`SELECT status, count(*) AS n FROM outbox ${where} GROUP BY status`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Messages whose turn has come, oldest first: queued ones, and waiting ones whose retry time has passed. */
export async function dueOutbox(db: Kysely<DB>, now: string, limit: number): Promise<OutboxRow[]> {
  return emailDb(db)
    .selectFrom('outbox')
    .selectAll()
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'waiting'), eb('next_attempt_at', '<=', now)])]))
    .orderBy('created_at')
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** Campaign messages that started sending since `since`: what the per-minute throttle counts. */
export async function campaignSendsSince(db: Kysely<DB>, since: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM outbox WHERE campaign_id IS NOT NULL AND sending_at >= ${since}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** At start-up: anything still 'sending' was in flight when the app stopped. It may have been delivered. */
export async function markInFlightUncertain(db: Kysely<DB>, now: string): Promise<string[]> {
  const rows = await emailDb(db)
    .updateTable('outbox')
    .set({ status: 'uncertain', updated_at: now, last_error: 'Rapport stopped while this was being sent: it may have been delivered.' })
    .where('status', '=', 'sending')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export function toTemplate(row: TemplateRow, fields: string[]): Template {
  return { id: row.id, name: row.name, subject: row.subject, body: row.body, fields, createdAt: row.created_at, updatedAt: row.updated_at };
}

export async function findTemplate(db: Kysely<DB>, id: string): Promise<TemplateRow | undefined> {
  return emailDb(db).selectFrom('email_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listTemplates(db: Kysely<DB>): Promise<TemplateRow[]> {
  return emailDb(db).selectFrom('email_templates').selectAll().where('deleted_at', 'is', null).orderBy('name').execute();
}

/** The live contact with this address (case-insensitive), for filing a typed address or a received email. */
export async function findContactIdByEmail(db: Kysely<DB>, address: string): Promise<string | null> {
  const { rows } = await sql<{ id: string }>`SELECT c.id FROM contacts c, json_each(c.emails) e
    WHERE c.deleted_at IS NULL AND lower(json_extract(e.value, '$.value')) = lower(${address})
    ORDER BY c.updated_at DESC LIMIT 1`.execute(db);
  return rows[0]?.id ?? null;
}
