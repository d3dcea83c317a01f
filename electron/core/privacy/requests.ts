// The privacy request log (issue #21): a request is due one calendar month after it came in (Art. 12(3) GDPR),
// may be extended by up to two further months with a reason, and is closed as answered, refused or withdrawn.
// Every change goes to the privacy log in words that name no one. No SQL here (db/privacy.repo.ts has it).
import { addMonths, format } from 'date-fns';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { PrivacyRequest } from '../../../shared/domain/privacy';
import { AppError } from '../../../shared/ipc/errors';
import { findContact } from '../../db/contacts.repo';
import { logPrivacy } from '../../db/privacy-log.repo';
import { findRequest, insertRequest, listRequests, updateRequest } from '../../db/privacy.repo';
import type { ServiceDeps } from '../deps';

const KIND_WORDS: Record<PrivacyRequest['kind'], string> = {
  access: 'Access',
  erasure: 'Erasure',
  rectification: 'Rectification',
  objection: 'Objection',
  portability: 'Portability',
  restriction: 'Restriction',
};

/** A calendar day (YYYY-MM-DD) read as that day in local time, so adding months never drifts across midnight. */
function dayOf(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}

const dayText = (date: Date) => format(date, 'yyyy-MM-dd');

/** `months` calendar months after `day`, clamped to the month's end: 31 Jan + 1 → 28 Feb (29 in a leap year). */
export function addCalendarMonths(day: string, months: number): string {
  return dayText(addMonths(dayOf(day), months));
}

/** The day a request must be answered by, before any extension. */
export const dueOnFor = (receivedOn: string) => addCalendarMonths(receivedOn, 1);
/** The latest an extension may run to: two further months after the first (three after receipt). */
export const latestExtension = (receivedOn: string) => addCalendarMonths(receivedOn, 3);

export function createRequests(deps: ServiceDeps) {
  const { db, clock, events, newId } = deps;

  async function checkContact(contactId: string | null): Promise<void> {
    // A person in the Trash is still held, so a request may name them; only an unknown id is refused.
    if (contactId !== null && !(await findContact(db, contactId))) throw AppError.notFound('Contact', contactId);
  }

  return {
    list(input: ChannelParsedInput<'privacy.requests.list'>): Promise<ChannelOutput<'privacy.requests.list'>> {
      return listRequests(db, input);
    },

    async create(input: ChannelParsedInput<'privacy.requests.create'>): Promise<ChannelOutput<'privacy.requests.create'>> {
      await checkContact(input.contactId);
      const request: PrivacyRequest = {
        id: newId(),
        contactId: input.contactId,
        requester: input.requester ?? null,
        kind: input.kind,
        receivedOn: input.receivedOn,
        dueOn: dueOnFor(input.receivedOn),
        extendedTo: null,
        extensionReason: null,
        status: 'open',
        answeredOn: null,
        notes: input.notes ?? null,
        createdAt: clock.now().toISOString(),
      };
      await db.transaction().execute(async (trx) => {
        await insertRequest(trx, request);
        await logPrivacy(trx, { id: newId(), at: request.createdAt, kind: 'request', summary: `${KIND_WORDS[request.kind]} request received on ${request.receivedOn}, due ${request.dueOn}`, contactId: request.contactId });
      });
      events.emit('data.changed', { entity: 'privacyRequest', action: 'created', ids: [request.id] });
      return request;
    },

    async update(input: ChannelParsedInput<'privacy.requests.update'>): Promise<ChannelOutput<'privacy.requests.update'>> {
      const before = await findRequest(db, input.id);
      if (!before) throw AppError.notFound('Privacy request', input.id);
      if (input.contactId !== undefined) await checkContact(input.contactId);
      const next: PrivacyRequest = { ...before };
      if (input.contactId !== undefined) next.contactId = input.contactId;
      if (input.notes !== undefined) next.notes = input.notes;
      if (input.extensionReason !== undefined) next.extensionReason = input.extensionReason;
      if (input.extendedTo !== undefined) next.extendedTo = input.extendedTo;
      const baseDue = dueOnFor(next.receivedOn);
      if (next.extendedTo !== null) {
        const latest = latestExtension(next.receivedOn);
        if (next.extendedTo <= baseDue) throw AppError.validation('extendedTo', `An extension must run past the due date (${baseDue})`);
        if (next.extendedTo > latest) throw AppError.validation('extendedTo', `A request can be extended by two further months at most: to ${latest} at the latest`);
        if (!next.extensionReason) throw AppError.validation('extensionReason', 'Say why the request needs longer: the person must be told the reason');
      }
      next.dueOn = next.extendedTo ?? baseDue;
      if (input.status !== undefined) next.status = input.status;
      if (input.answeredOn !== undefined) next.answeredOn = input.answeredOn;
      if (next.status === 'answered' || next.status === 'refused') {
        // Closing without a date means "today" on the user's calendar.
        next.answeredOn ??= dayText(clock.now());
        if (next.answeredOn < next.receivedOn) throw AppError.validation('answeredOn', `Must be on or after the day the request came in (${next.receivedOn})`);
      } else if (next.status === 'open') {
        next.answeredOn = null;
      }
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await updateRequest(trx, next, now);
        for (const summary of changeWords(before, next)) {
          await logPrivacy(trx, { id: newId(), at: now, kind: 'request', summary, contactId: next.contactId });
        }
      });
      events.emit('data.changed', { entity: 'privacyRequest', action: 'updated', ids: [next.id] });
      return next;
    },
  };
}

/** What changed, one log line each, in words that name no one (no requester, no notes). */
function changeWords(before: PrivacyRequest, after: PrivacyRequest): string[] {
  const kind = KIND_WORDS[after.kind];
  const words: string[] = [];
  if (after.extendedTo !== before.extendedTo) words.push(after.extendedTo ? `${kind} request extended to ${after.extendedTo}` : `${kind} request extension removed, due ${after.dueOn}`);
  if (after.status !== before.status) {
    const what = { open: 'reopened', answered: `answered on ${after.answeredOn}`, refused: `refused on ${after.answeredOn}`, withdrawn: 'withdrawn' }[after.status];
    words.push(`${kind} request ${what}`);
  } else if (after.answeredOn !== before.answeredOn && after.answeredOn) words.push(`${kind} request answer date set to ${after.answeredOn}`);
  if (after.contactId !== before.contactId) words.push(`${kind} request linked to ${after.contactId ? 'a contact' : 'no contact'}`);
  if (words.length === 0) words.push(`${kind} request updated`);
  return words;
}
