// Opening a case (issue #22): the one place a case row is inserted, used by cases.create (cases.ts) and by case email
// (a received message that starts a new case, or a reply after the reopen window that continues an earlier one).
// Also the day arithmetic for follow-ups: an all-day task is due from local midnight of its day, in the business
// calendar's zone (the zone the user's working hours are in).
import type { Kysely } from 'kysely';
import type { CaseChannel, CasePriority, CaseType } from '../../../shared/domain/case';
import { appendCaseEvent } from '../../db/case-log.repo';
import { insertTask } from '../../db/activities.repo';
import { insertCase, linkActivityToCase, nextCaseNumber, setTaskCase } from '../../db/cases.repo';
import { findContact } from '../../db/contacts.repo';
import type { DB, NewRow } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import { fromWall, toWall } from '../schedule/zones';
import { recomputeCase } from './recompute';

const DAY_MS = 86_400_000;
/** The built-in New status (migration 0023's fixed id). */
export const NEW_STATUS_ID = '1c4a3c51-2f7e-4b8a-9d6e-5a0c00000001';

export interface OpenCaseInput {
  contactId: string;
  subject: string;
  description: string | null;
  channel: CaseChannel;
  type?: CaseType | undefined;
  priority?: CasePriority | undefined;
  /** The earlier case this one continues (a customer's reply after the reopen window). */
  previousCaseId?: string | null | undefined;
  /** When the case opened (epoch ms): the received email's or the logged call's time, else now. */
  openedAtMs: number;
  /** A call or filed email the case starts from: openCase links it to the case; the caller writes its entry. */
  fromActivityId?: string | undefined;
  /** Omitted: the contact's company; null: none. */
  companyId?: string | null | undefined;
  jobId?: string | null | undefined;
  /** An open-category status the caller checked; New when omitted. */
  statusId?: string | undefined;
  templateId?: string | null | undefined;
}

/**
 * Inserts a case (its number from case_counter, never reused), its 'created' entry at `openedAtMs`, and recomputes
 * its clock. Call inside the caller's transaction, after checking the contact, company, job and status exist; append
 * further entries (the first message or call) and call recomputeCase again if you add any. Returns the id and number.
 */
export async function openCase(trx: Kysely<DB>, deps: Pick<ServiceDeps, 'clock' | 'newId'>, input: OpenCaseInput): Promise<{ id: string; number: number }> {
  const id = deps.newId();
  const number = await nextCaseNumber(trx);
  const now = deps.clock.now().toISOString();
  const priority = input.priority ?? 'normal';
  // Omitted (not null): the contact's company, as on the form.
  const companyId = input.companyId === undefined ? ((await findContact(trx, input.contactId))?.companyId ?? null) : input.companyId;
  await insertCase(trx, {
    id,
    number,
    subject: input.subject,
    description: input.description,
    contact_id: input.contactId,
    company_id: companyId,
    job_id: input.jobId ?? null,
    type: input.type ?? 'question',
    priority,
    channel: input.channel,
    status_id: input.statusId ?? NEW_STATUS_ID,
    category: 'open',
    remind_on: null,
    template_id: input.templateId ?? null,
    previous_case_id: input.previousCaseId ?? null,
    merged_into_id: null,
    opened_ms: input.openedAtMs,
    first_response_ms: null,
    resolved_ms: null,
    response_due_ms: null,
    resolution_due_ms: null,
    next_due_ms: null,
    due_kind: null,
    response_business_ms: null,
    resolution_business_ms: null,
    response_met: null,
    resolution_met: null,
    next_reminder_ms: null,
    rating_score: null,
    rating_comment: null,
    rating_at: null,
    rating_source: null,
    created_at: new Date(input.openedAtMs).toISOString(),
    updated_at: now,
    deleted_at: null,
  });
  await appendCaseEvent(trx, {
    id: deps.newId(),
    case_id: id,
    at: input.openedAtMs,
    kind: 'created',
    direction: null,
    subject: input.subject,
    body: null,
    minutes_spent: null,
    status_id: input.statusId ?? NEW_STATUS_ID,
    category: 'open',
    priority,
    score: null,
    activity_id: null,
    email_id: null,
    created_at: now,
  });
  if (input.fromActivityId) await linkActivityToCase(trx, input.fromActivityId, id);
  await recomputeCase(trx, id, deps.clock.now().getTime());
  return { id, number };
}

/** Local midnight (as a UTC instant) `dayOffset` days after the local day containing `atMs`, in `timeZone`. */
export function localDayStart(timeZone: string, atMs: number, dayOffset = 0): string {
  const wallDay = Math.floor(toWall(timeZone, atMs) / DAY_MS) * DAY_MS;
  return new Date(fromWall(timeZone, wallDay + dayOffset * DAY_MS)).toISOString();
}

/** Local midnight of a 'YYYY-MM-DD' date in `timeZone`, as a UTC instant. */
export function dateStart(timeZone: string, date: string): string {
  return new Date(fromWall(timeZone, Date.parse(`${date}T00:00:00.000Z`))).toISOString();
}

/** Inserts an all-day follow-up on the case (on the contact's list too, so Today shows it). */
export async function addFollowUp(
  trx: Kysely<DB>,
  deps: Pick<ServiceDeps, 'clock' | 'newId'>,
  c: { id: string; contactId: string; jobId: string | null },
  title: string,
  dueAt: string,
): Promise<string> {
  const id = deps.newId();
  const now = deps.clock.now().toISOString();
  await insertTask(trx, {
    id,
    title,
    dueAt,
    allDay: true,
    contactId: c.contactId,
    jobId: c.jobId,
    priority: 'normal',
    notes: null,
    completedAt: null,
    remindedAt: null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  });
  await setTaskCase(trx, id, c.id);
  return id;
}

type EventFields = Partial<Omit<NewRow<'case_events'>, 'id' | 'case_id' | 'at' | 'kind' | 'created_at'>>;
/** Appends one timeline entry with every unset field null. */
export async function addEntry(
  trx: Kysely<DB>,
  deps: Pick<ServiceDeps, 'clock' | 'newId'>,
  caseId: string,
  at: number,
  kind: NewRow<'case_events'>['kind'],
  fields: EventFields = {},
): Promise<string> {
  const id = deps.newId();
  await appendCaseEvent(trx, {
    direction: null, subject: null, body: null, minutes_spent: null, status_id: null, category: null, priority: null, score: null, activity_id: null, email_id: null,
    ...fields,
    id, case_id: caseId, at, kind, created_at: deps.clock.now().toISOString(),
  });
  return id;
}
