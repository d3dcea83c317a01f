// The email domain's rows in and out of SQLite (migration 0008): the outbox and its attachments, templates,
// campaigns, and attachments of received emails. Records leave camelCase with JSON columns parsed; writes take
// them back. No business rules here (the email feature decides); never imports core or `electron`.
import { sql, type Kysely } from 'kysely';
import type { OutboxStatus, StoredRecipient } from '../../shared/domain/email';
import { toColumns, type ColumnsOf } from './columns';
import { parseJsonColumn } from './json';
import type { DB, NewRow, Row } from './schema';

export interface Recipients {
  to: StoredRecipient[];
  cc: StoredRecipient[];
  bcc: StoredRecipient[];
}

/** One message of the outbox, as stored. */
export interface OutboxRecord {
  id: string;
  messageId: string;
  status: OutboxStatus;
  recipients: Recipients;
  replyTo: string | null;
  subject: string;
  body: string;
  templateId: string | null;
  campaignId: string | null;
  jobId: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  sendingAt: string | null;
  sentAt: string | null;
}

/** An attachment's bytes as stored with a message (or with a received email's activity). */
export interface StoredAttachment {
  position: number;
  filename: string;
  contentType: string | null;
  content: Buffer;
}

const OUTBOX_COLUMNS = {
  id: 'id', messageId: 'message_id', status: 'status', replyTo: 'reply_to', subject: 'subject', body: 'body',
  templateId: 'template_id', campaignId: 'campaign_id', jobId: 'job_id', attempts: 'attempts', nextAttemptAt: 'next_attempt_at',
  lastError: 'last_error', createdAt: 'created_at', updatedAt: 'updated_at', sendingAt: 'sending_at', sentAt: 'sent_at',
} as const satisfies ColumnsOf<Omit<OutboxRecord, 'recipients'>, NewRow<'outbox'>>;

type OutboxPatch = Partial<Omit<OutboxRecord, 'id'>>;

function outboxColumns(fields: Partial<OutboxRecord>): Partial<NewRow<'outbox'>> {
  const { recipients, ...rest } = fields;
  return { ...toColumns(rest, OUTBOX_COLUMNS), ...(recipients ? { recipients: JSON.stringify(recipients) } : {}) };
}

function toOutbox(row: Row<'outbox'>): OutboxRecord {
  return {
    id: row.id,
    messageId: row.message_id,
    status: row.status,
    recipients: parseJsonColumn<Recipients>(row.recipients, { to: [], cc: [], bcc: [] }),
    replyTo: row.reply_to,
    subject: row.subject,
    body: row.body,
    templateId: row.template_id,
    campaignId: row.campaign_id,
    jobId: row.job_id,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sendingAt: row.sending_at,
    sentAt: row.sent_at,
  };
}

export async function findOutbox(db: Kysely<DB>, id: string): Promise<OutboxRecord | undefined> {
  const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toOutbox(row);
}

export async function insertOutbox(db: Kysely<DB>, message: OutboxRecord, attachments: readonly StoredAttachment[]): Promise<void> {
  await db.insertInto('outbox').values(outboxColumns(message) as NewRow<'outbox'>).execute();
  for (const a of attachments) {
    await db.insertInto('outbox_attachments').values({ outbox_id: message.id, position: a.position, filename: a.filename, content_type: a.contentType, content: a.content }).execute();
  }
}

/** A case reply's thread headers (issue #22), as fixed when it was queued; both null for any other message. */
export async function outboxThread(db: Kysely<DB>, id: string): Promise<{ inReplyTo: string | null; references: string | null }> {
  const row = await db.selectFrom('outbox').select(['in_reply_to', 'thread_references']).where('id', '=', id).executeTakeFirst();
  return { inReplyTo: row?.in_reply_to ?? null, references: row?.thread_references ?? null };
}

export async function updateOutbox(db: Kysely<DB>, id: string, patch: OutboxPatch): Promise<void> {
  await db.updateTable('outbox').set(outboxColumns(patch)).where('id', '=', id).execute();
}

/**
 * Moves a row from one status to another only if it is still in `from`: the compare-and-set that keeps two
 * workers (or a worker and a user's click) from both acting on one message. True when this call moved it.
 */
export async function transition(db: Kysely<DB>, id: string, from: readonly OutboxStatus[], patch: OutboxPatch): Promise<boolean> {
  const result = await db.updateTable('outbox').set(outboxColumns(patch)).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every message in one of `from` goes back in line (queued, no retry time); returns their ids. */
export async function requeue(db: Kysely<DB>, from: readonly OutboxStatus[], at: string): Promise<string[]> {
  const rows = await db
    .updateTable('outbox')
    .set({ status: 'queued', next_attempt_at: null, updated_at: at })
    .where('status', 'in', [...from])
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Cancels a campaign's messages not yet sent; returns their ids. */
export async function cancelCampaignMessages(db: Kysely<DB>, campaignId: string, at: string): Promise<string[]> {
  const rows = await db
    .updateTable('outbox')
    .set({ status: 'cancelled', next_attempt_at: null, updated_at: at })
    .where('campaign_id', '=', campaignId)
    .where('status', 'in', ['queued', 'waiting', 'paused'])
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function attachmentsOf(db: Kysely<DB>, outboxId: string): Promise<StoredAttachment[]> {
  const rows = await db.selectFrom('outbox_attachments').selectAll().where('outbox_id', '=', outboxId).orderBy('position').execute();
  return rows.map((r) => ({ position: r.position, filename: r.filename, contentType: r.content_type, content: r.content }));
}

export async function attachmentSizes(db: Kysely<DB>, outboxId: string): Promise<{ filename: string; size: number }[]> {
  const { rows } = await sql<{ filename: string; size: number }>`SELECT filename, length(content) AS size FROM outbox_attachments
    WHERE outbox_id = ${outboxId} ORDER BY position`.execute(db);
  return rows;
}

export async function listOutbox(db: Kysely<DB>, status: OutboxStatus | undefined, limit: number): Promise<OutboxRecord[]> {
  let q = db.selectFrom('outbox').selectAll();
  if (status) q = q.where('status', '=', status);
  return (await q.orderBy('created_at', 'desc').orderBy('seq', 'desc').limit(limit).execute()).map(toOutbox);
}

export async function outboxCounts(db: Kysely<DB>, campaignId?: string): Promise<Record<string, number>> {
  const where = campaignId ? sql`WHERE campaign_id = ${campaignId}` : sql``;
  const { rows } = await sql<{ status: string; n: number }>`SELECT status, count(*) AS n FROM outbox ${where} GROUP BY status`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Messages whose turn has come, oldest first: queued ones, and waiting ones whose retry time has passed. */
export async function dueOutbox(db: Kysely<DB>, now: string, limit: number): Promise<OutboxRecord[]> {
  const rows = await db
    .selectFrom('outbox')
    .selectAll()
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'waiting'), eb('next_attempt_at', '<=', now)])]))
    .orderBy('created_at')
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(toOutbox);
}

/** Campaign messages that started sending since `since`: what the per-minute throttle counts. */
export async function campaignSendsSince(db: Kysely<DB>, since: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM outbox WHERE campaign_id IS NOT NULL AND sending_at >= ${since}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** At start-up: anything still 'sending' was in flight when the app stopped. It may have been delivered. */
export async function markInFlightUncertain(db: Kysely<DB>, now: string): Promise<string[]> {
  const rows = await db
    .updateTable('outbox')
    .set({ status: 'uncertain', updated_at: now, last_error: 'Rapport stopped while this was being sent: it may have been delivered.' })
    .where('status', '=', 'sending')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

// ------------------------------------------------------------------------------------------------ templates

export interface TemplateRecord {
  id: string;
  name: string;
  subject: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

const TEMPLATE_COLUMNS = {
  id: 'id', name: 'name', subject: 'subject', body: 'body', createdAt: 'created_at', updatedAt: 'updated_at', deletedAt: 'deleted_at',
} as const satisfies ColumnsOf<TemplateRecord, NewRow<'email_templates'>>;

const toTemplateRecord = (row: Row<'email_templates'>): TemplateRecord => ({
  id: row.id, name: row.name, subject: row.subject, body: row.body, createdAt: row.created_at, updatedAt: row.updated_at, deletedAt: row.deleted_at,
});

export async function findTemplate(db: Kysely<DB>, id: string): Promise<TemplateRecord | undefined> {
  const row = await db.selectFrom('email_templates').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toTemplateRecord(row);
}

export async function listTemplates(db: Kysely<DB>): Promise<TemplateRecord[]> {
  return (await db.selectFrom('email_templates').selectAll().where('deleted_at', 'is', null).orderBy('name').execute()).map(toTemplateRecord);
}

export async function insertTemplate(db: Kysely<DB>, template: TemplateRecord): Promise<void> {
  await db.insertInto('email_templates').values(toColumns(template, TEMPLATE_COLUMNS) as NewRow<'email_templates'>).execute();
}

export async function updateTemplate(db: Kysely<DB>, id: string, patch: Partial<Omit<TemplateRecord, 'id'>>): Promise<void> {
  await db.updateTable('email_templates').set(toColumns(patch, TEMPLATE_COLUMNS)).where('id', '=', id).execute();
}

// ------------------------------------------------------------------------------------------------ campaigns

export interface Skipped {
  contactId: string;
  name: string;
  reason: string;
}

export interface CampaignRecord {
  id: string;
  name: string;
  templateId: string;
  segment: Record<string, unknown>;
  skipped: Skipped[];
  cancelledAt: string | null;
  createdAt: string;
}

const toCampaign = (row: Row<'email_campaigns'>): CampaignRecord => ({
  id: row.id,
  name: row.name,
  templateId: row.template_id,
  segment: parseJsonColumn<Record<string, unknown>>(row.segment, {}),
  skipped: parseJsonColumn<Skipped[]>(row.skipped, []),
  cancelledAt: row.cancelled_at,
  createdAt: row.created_at,
});

export async function insertCampaign(db: Kysely<DB>, c: CampaignRecord): Promise<void> {
  await db
    .insertInto('email_campaigns')
    .values({ id: c.id, name: c.name, template_id: c.templateId, segment: JSON.stringify(c.segment), skipped: JSON.stringify(c.skipped), cancelled_at: c.cancelledAt, created_at: c.createdAt })
    .execute();
}

export async function findCampaign(db: Kysely<DB>, id: string): Promise<CampaignRecord | undefined> {
  const row = await db.selectFrom('email_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCampaign(row);
}

export async function listCampaigns(db: Kysely<DB>, limit: number): Promise<CampaignRecord[]> {
  return (await db.selectFrom('email_campaigns').selectAll().orderBy('created_at', 'desc').orderBy('seq', 'desc').limit(limit).execute()).map(toCampaign);
}

export async function setCampaignSkipped(db: Kysely<DB>, id: string, skipped: readonly Skipped[]): Promise<void> {
  await db.updateTable('email_campaigns').set({ skipped: JSON.stringify(skipped) }).where('id', '=', id).execute();
}

export async function setCampaignCancelled(db: Kysely<DB>, id: string, cancelledAt: string): Promise<void> {
  await db.updateTable('email_campaigns').set({ cancelled_at: cancelledAt }).where('id', '=', id).execute();
}

/** A template's name even once it is deleted (a campaign still names what it sent). */
export async function templateName(db: Kysely<DB>, id: string): Promise<string | null> {
  return (await db.selectFrom('email_templates').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
}

// ------------------------------------------------------------------------------------------------ contacts

/** The live contact with this address (case-insensitive), for filing a typed address or a received email. */
export async function findContactIdByEmail(db: Kysely<DB>, address: string): Promise<string | null> {
  const { rows } = await sql<{ id: string }>`SELECT c.id FROM contacts c, json_each(c.emails) e
    WHERE c.deleted_at IS NULL AND lower(json_extract(e.value, '$.value')) = lower(${address})
    ORDER BY c.updated_at DESC LIMIT 1`.execute(db);
  return rows[0]?.id ?? null;
}

/** A received email's attachments, kept with the activity it was filed as. */
export async function insertReceivedAttachments(db: Kysely<DB>, activityId: string, attachments: readonly StoredAttachment[]): Promise<void> {
  for (const a of attachments) {
    await db.insertInto('email_received_attachments').values({ activity_id: activityId, position: a.position, filename: a.filename, content_type: a.contentType, content: a.content }).execute();
  }
}
