// The privacy request log (issue #21, migration 0022): who asked for what, when it came in and when it is due.
// SQL and row mapping only; the rules (due dates, extension limits) are in core/privacy/requests.ts.
import type { Kysely } from 'kysely';
import type { PrivacyRequest, RequestKind, RequestListItem } from '../../shared/domain/privacy';
import { decodeCursor, finishPage } from './keyset';
import type { DB, Row } from './schema';

export type RequestStatusValue = PrivacyRequest['status'];

function toRequest(row: Row<'privacy_requests'>): PrivacyRequest {
  return {
    id: row.id,
    contactId: row.contact_id,
    requester: row.requester,
    kind: row.kind as RequestKind,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    extendedTo: row.extended_to,
    extensionReason: row.extension_reason,
    status: row.status as RequestStatusValue,
    answeredOn: row.answered_on,
    notes: row.notes,
    createdAt: row.created_at,
  };
}

export async function findRequest(db: Kysely<DB>, id: string): Promise<PrivacyRequest | undefined> {
  const row = await db.selectFrom('privacy_requests').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRequest(row);
}

export async function insertRequest(db: Kysely<DB>, r: PrivacyRequest): Promise<void> {
  await db
    .insertInto('privacy_requests')
    .values({
      id: r.id,
      contact_id: r.contactId,
      requester: r.requester,
      kind: r.kind,
      received_on: r.receivedOn,
      due_on: r.dueOn,
      extended_to: r.extendedTo,
      extension_reason: r.extensionReason,
      status: r.status,
      answered_on: r.answeredOn,
      notes: r.notes,
      created_at: r.createdAt,
      updated_at: r.createdAt,
    })
    .execute();
}

/** Writes the whole request back (the caller merged the patch and checked the rules). */
export async function updateRequest(db: Kysely<DB>, r: PrivacyRequest, now: string): Promise<void> {
  await db
    .updateTable('privacy_requests')
    .set({
      contact_id: r.contactId,
      requester: r.requester,
      due_on: r.dueOn,
      extended_to: r.extendedTo,
      extension_reason: r.extensionReason,
      status: r.status,
      answered_on: r.answeredOn,
      notes: r.notes,
      updated_at: now,
    })
    .where('id', '=', r.id)
    .execute();
}

/** Newest first (by when it was logged); filtered by status and/or contact; each with the person's name (null once gone). */
export async function listRequests(
  db: Kysely<DB>,
  q: { status?: RequestStatusValue; contactId?: string; limit: number; cursor?: string },
): Promise<{ items: RequestListItem[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('privacy_requests as r')
    .leftJoin('contacts as c', 'c.id', 'r.contact_id')
    .selectAll('r')
    .select('c.display_name as contact_name')
    .orderBy('r.seq', 'desc')
    .limit(q.limit + 1);
  if (q.status) query = query.where('r.status', '=', q.status);
  if (q.contactId) query = query.where('r.contact_id', '=', q.contactId);
  if (q.cursor) query = query.where('r.seq', '<', Number(decodeCursor(q.cursor).value));
  const { items, nextCursor } = finishPage(await query.execute(), q.limit, 'seq');
  return { items: items.map((row) => ({ ...toRequest(row), contactName: row.contact_name ?? null })), nextCursor };
}

/** A person's requests, oldest first: the subject-access export lists them. */
export async function requestsOfContact(db: Kysely<DB>, contactId: string): Promise<PrivacyRequest[]> {
  return (await db.selectFrom('privacy_requests').selectAll().where('contact_id', '=', contactId).orderBy('seq').execute()).map(toRequest);
}
