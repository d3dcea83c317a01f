// A case's email (issue #22): the Message-IDs that thread mail onto a case (case_messages), the lookups threading
// uses (by Message-ID, by number, by sender), a reply's thread headers on its outbox row, ratings, and the cases
// whose next target reminder is due. All SQL for these; no rules. Never imports core or `electron`.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema';
import type { StatusCategoryColumn } from './schema.cases';

type Db = Kysely<DB> | Transaction<DB>;

/** What filing and replying need to know about a case. */
export interface CaseMailRef {
  id: string;
  number: number;
  subject: string;
  contactId: string;
  statusId: string;
  category: StatusCategoryColumn;
  waitingOn: 'customer' | 'supplier' | null;
  resolvedMs: number | null;
  mergedIntoId: string | null;
}

interface RefRow {
  id: string;
  number: number;
  subject: string;
  contact_id: string;
  status_id: string;
  category: StatusCategoryColumn;
  waiting_on: 'customer' | 'supplier' | null;
  resolved_ms: number | null;
  merged_into_id: string | null;
}

const toRef = (r: RefRow): CaseMailRef => ({
  id: r.id,
  number: r.number,
  subject: r.subject,
  contactId: r.contact_id,
  statusId: r.status_id,
  category: r.category,
  waitingOn: r.waiting_on,
  resolvedMs: r.resolved_ms,
  mergedIntoId: r.merged_into_id,
});

const REF = sql`SELECT k.id, k.number, k.subject, k.contact_id, k.status_id, k.category, s.waiting_on, k.resolved_ms, k.merged_into_id
  FROM cases k JOIN case_statuses s ON s.id = k.status_id`;

/** A case not in the Trash, by id. */
export async function caseMailRef(db: Db, id: string): Promise<CaseMailRef | null> {
  const { rows } = await sql<RefRow>`${REF} WHERE k.id = ${id} AND k.deleted_at IS NULL`.execute(db);
  return rows[0] ? toRef(rows[0]) : null;
}

/** The case a Message-ID (without brackets) was sent from or filed onto. */
export async function caseByMessageId(db: Db, messageId: string): Promise<CaseMailRef | null> {
  const { rows } = await sql<RefRow>`${REF} JOIN case_messages m ON m.case_id = k.id
    WHERE m.message_id = ${messageId} AND k.deleted_at IS NULL`.execute(db);
  return rows[0] ? toRef(rows[0]) : null;
}

export async function caseByNumber(db: Db, n: number): Promise<CaseMailRef | null> {
  const { rows } = await sql<RefRow>`${REF} WHERE k.number = ${n} AND k.deleted_at IS NULL`.execute(db);
  return rows[0] ? toRef(rows[0]) : null;
}

/** Cases of contacts with this address (any of their emails) changed since `sinceIso`, newest first. */
export async function casesOfSender(db: Db, address: string, sinceIso: string): Promise<CaseMailRef[]> {
  const { rows } = await sql<RefRow>`${REF} WHERE k.deleted_at IS NULL AND k.merged_into_id IS NULL AND k.updated_at >= ${sinceIso}
    AND k.contact_id IN (SELECT c.id FROM contacts c, json_each(c.emails) e
      WHERE c.deleted_at IS NULL AND lower(json_extract(e.value, '$.value')) = lower(${address}))
    ORDER BY k.updated_at DESC LIMIT 20`.execute(db);
  return rows.map(toRef);
}

/** Whether the contact has this address among their emails. */
export async function contactHasAddress(db: Db, contactId: string, address: string): Promise<boolean> {
  const { rows } = await sql<{ one: number }>`SELECT 1 AS one FROM contacts c, json_each(c.emails) e
    WHERE c.id = ${contactId} AND lower(json_extract(e.value, '$.value')) = lower(${address}) LIMIT 1`.execute(db);
  return rows.length > 0;
}

/** Remembers a message of the case's thread; the same id filed twice stays one row (and on its first case). */
export async function addCaseMessage(db: Db, caseId: string, messageId: string, at: number): Promise<void> {
  await db.insertInto('case_messages').values({ message_id: messageId, case_id: caseId, at }).onConflict((oc) => oc.column('message_id').doNothing()).execute();
}

/** The case's thread, oldest first (ids without brackets). */
export async function caseMessageIds(db: Db, caseId: string): Promise<string[]> {
  const rows = await db.selectFrom('case_messages').select('message_id').where('case_id', '=', caseId).orderBy('at').orderBy('message_id').execute();
  return rows.map((r) => r.message_id);
}

/** Links a queued reply to its case and fixes its thread headers (values as written in the header). */
export async function setOutboxThread(db: Db, outboxId: string, caseId: string, inReplyTo: string | null, references: string | null): Promise<string> {
  const row = await db
    .updateTable('outbox')
    .set({ case_id: caseId, in_reply_to: inReplyTo, thread_references: references })
    .where('id', '=', outboxId)
    .returning('message_id')
    .executeTakeFirstOrThrow();
  return row.message_id;
}

export async function setCaseRating(db: Db, caseId: string, r: { score: number; comment: string | null; at: string; source: 'email' | 'call' | 'manual' }): Promise<void> {
  await db.updateTable('cases').set({ rating_score: r.score, rating_comment: r.comment, rating_at: r.at, rating_source: r.source, updated_at: r.at }).where('id', '=', caseId).execute();
}

/** Moves a case to a status (the caller appends the matching event and recomputes). */
export async function setCaseStatus(db: Db, caseId: string, statusId: string, category: StatusCategoryColumn, at: string, reopened = false): Promise<void> {
  await db
    .updateTable('cases')
    .set({ status_id: statusId, category, remind_on: null, updated_at: at, ...(reopened ? { reopen_count: sql<number>`reopen_count + 1` } : {}) })
    .where('id', '=', caseId)
    .execute();
}

export async function touchCase(db: Db, caseId: string, at: string, addMinutes = 0): Promise<void> {
  await db
    .updateTable('cases')
    .set({ updated_at: at, ...(addMinutes > 0 ? { time_spent_minutes: sql<number>`time_spent_minutes + ${addMinutes}` } : {}) })
    .where('id', '=', caseId)
    .execute();
}

/** A status by its built-in key ('inProgress'). */
export async function statusByKey(db: Db, key: string): Promise<{ id: string; category: StatusCategoryColumn } | null> {
  const row = await db.selectFrom('case_statuses').select(['id', 'category']).where('key', '=', key).executeTakeFirst();
  return row ?? null;
}

export async function statusById(db: Db, id: string): Promise<{ id: string; category: StatusCategoryColumn } | null> {
  const row = await db.selectFrom('case_statuses').select(['id', 'category']).where('id', '=', id).executeTakeFirst();
  return row ?? null;
}

/** Open cases whose next reminder instant has come (oldest first), not in the Trash. */
export async function casesWithReminderDue(db: Db, nowMs: number, limit = 200): Promise<{ id: string; number: number; subject: string; remindersSent: string }[]> {
  const rows = await db
    .selectFrom('cases')
    .select(['id', 'number', 'subject', 'reminders_sent'])
    .where('next_reminder_ms', 'is not', null)
    .where('next_reminder_ms', '<=', nowMs)
    .where('deleted_at', 'is', null)
    .orderBy('next_reminder_ms')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, number: r.number, subject: r.subject, remindersSent: r.reminders_sent }));
}

/** The earliest reminder instant still to come, or null. */
export async function nextReminderMs(db: Db): Promise<number | null> {
  const row = await db.selectFrom('cases').select((eb) => eb.fn.min('next_reminder_ms').as('next')).where('deleted_at', 'is', null).executeTakeFirst();
  return (row?.next as number | null | undefined) ?? null;
}

export async function setRemindersSent(db: Db, caseId: string, sent: readonly string[]): Promise<void> {
  await db.updateTable('cases').set({ reminders_sent: JSON.stringify(sent) }).where('id', '=', caseId).execute();
}

/**
 * A case reply was delivered and filed on the contact's timeline: that activity belongs to the case too, and the
 * reply's entry points at it. Nothing happens for an email not sent from a case.
 */
export async function linkSentReply(db: Db, outboxId: string, activityId: string): Promise<void> {
  const row = await db.selectFrom('outbox').select('case_id').where('id', '=', outboxId).executeTakeFirst();
  if (!row?.case_id) return;
  await db.updateTable('activities').set({ case_id: row.case_id }).where('id', '=', activityId).execute();
  await db.updateTable('case_events').set({ activity_id: activityId }).where('email_id', '=', outboxId).where('kind', '=', 'reply').where('activity_id', 'is', null).execute();
}
