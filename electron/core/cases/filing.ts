// Filing a received email onto its support case (issue #22 items 6, 7 and 10), inside the transaction that files
// it on the contact's timeline (email/eml.ts): threaded by the ids it answers, then by a [C-0042] token (only the
// case's own customer's token counts), only suggested by sender and subject. A customer's answer ends a wait on
// them, reopens a recently resolved case, or opens a follow-up case after the window or after closing; a rating
// email records the rating instead. The user's own filed messages attach but never reopen.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { EmlCaseOutcome, EmlCaseSuggestion } from '../../../shared/domain/email';
import {
  addCaseMessage,
  caseByMessageId,
  caseByNumber,
  caseMailRef,
  casesOfSender,
  contactHasAddress,
  setCaseRating,
  setCaseStatus,
  statusByKey,
  touchCase,
  type CaseMailRef,
} from '../../db/case-mail.repo';
import { linkActivityToCase } from '../../db/cases.repo';
import { loadTargets } from '../../db/service.repo';
import type { DB } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import { addEntry, openCase } from './case-open';
import { parseRating } from './rating';
import { recomputeCase } from './recompute';
import { caseLabel, messageIdsIn, subjectKey, threadMessage, type IncomingMessage } from './threading';

const DAY_MS = 86_400_000;
/** How recently a case must have changed to be suggested for a same-sender, same-subject message. */
const SUGGEST_WITHIN_DAYS = 14;

export interface FiledEmail {
  activityId: string;
  /** The contact the email was filed on (the sender, or for the user's own message its recipient). */
  contactId: string;
  outbound: boolean;
  incoming: IncomingMessage;
  subject: string;
  /** The message's own text (not our From/To header lines). */
  text: string;
  /** When it was sent (epoch ms), never later than now. */
  atMs: number;
}

export interface CaseFiling {
  case?: z.infer<typeof EmlCaseOutcome>;
  suggestedCases?: z.infer<typeof EmlCaseSuggestion>[];
  /** Cases changed, for data.changed after commit. */
  changed: string[];
}

/** A case merged into another routes to the one that stayed (a few hops at most). */
async function survivor(trx: Kysely<DB>, c: CaseMailRef): Promise<CaseMailRef> {
  let current = c;
  for (let hop = 0; hop < 5 && current.mergedIntoId; hop++) {
    const next = await caseMailRef(trx, current.mergedIntoId);
    if (!next) break;
    current = next;
  }
  return current;
}

export async function fileOntoCase(trx: Kysely<DB>, deps: Pick<ServiceDeps, 'clock' | 'newId'>, mail: FiledEmail): Promise<CaseFiling> {
  const now = deps.clock.now();
  const nowMs = now.getTime();
  const sender = mail.incoming.from?.trim().toLowerCase() ?? '';
  const own = messageIdsIn(mail.incoming.messageId ?? null)[0];
  // Already on a case: the same answer filed twice, or a copy of a reply we sent from the case. Its entry exists;
  // filing it again must neither add a second one nor reopen anything.
  const found = own ? await caseByMessageId(trx, own) : null;
  if (found) {
    const known = await survivor(trx, found);
    await linkActivityToCase(trx, mail.activityId, known.id);
    return { case: { id: known.id, label: caseLabel(known.number), how: 'attached', previousLabel: null }, changed: [known.id] };
  }
  // A case takes the message only when it is this person's: the email is filed on its case's customer, or comes from
  // an address of theirs. A token is text anyone can type, and a reference survives forwarding (a colleague answering
  // a thread forwarded to them), so neither may put one person's email on another person's case.
  const theirs = async (c: CaseMailRef | null | undefined) => {
    if (!c) return null;
    if (c.contactId === mail.contactId) return c;
    return !mail.outbound && sender && (await contactHasAddress(trx, c.contactId, sender)) ? c : null;
  };
  const decision = await threadMessage<CaseMailRef>(mail.incoming, {
    caseByMessageId: async (id) => theirs(await caseByMessageId(trx, id)),
    caseByNumber: async (n) => theirs(await caseByNumber(trx, n)),
    casesBySenderSubject: mail.outbound
      ? undefined
      : async (from, key) => (await casesOfSender(trx, from, new Date(nowMs - SUGGEST_WITHIN_DAYS * DAY_MS).toISOString())).filter((c) => subjectKey(c.subject) === key),
  });
  if (decision.kind === 'suggest') {
    return { suggestedCases: decision.cases.map((c) => ({ id: c.id, label: caseLabel(c.number), subject: c.subject })), changed: [] };
  }
  if (decision.kind === 'none') return { changed: [] };
  return answerCase(trx, deps, await survivor(trx, decision.case), mail, own);
}

/**
 * What a message does to the case it belongs to (found by threading above, or chosen by the user from a suggestion):
 * it becomes an entry; a rating records the rating; a customer's answer ends a wait on them, reopens a case resolved
 * within the window, or opens a follow-up case when the case is closed or resolved longer ago.
 */
export async function answerCase(trx: Kysely<DB>, deps: Pick<ServiceDeps, 'clock' | 'newId'>, target: CaseMailRef, mail: FiledEmail, own: string | undefined): Promise<CaseFiling> {
  const now = deps.clock.now();
  const nowMs = now.getTime();
  const nowIso = now.toISOString();
  const body = mail.text.trim().slice(0, 20_000) || null;

  // Attaches the message as an entry of `caseId` (the activity, the thread id, the time).
  const attach = async (caseId: string) => {
    await addEntry(trx, deps, caseId, mail.atMs, 'message', { direction: mail.outbound ? 'outbound' : 'inbound', subject: mail.subject.slice(0, 300), body, activity_id: mail.activityId });
    await linkActivityToCase(trx, mail.activityId, caseId);
    if (own) await addCaseMessage(trx, caseId, own, mail.atMs);
    await touchCase(trx, caseId, nowIso);
  };

  const rating = mail.outbound ? null : parseRating(mail.subject, mail.text);
  if (rating && rating.caseNumber === target.number) {
    await setCaseRating(trx, target.id, { score: rating.score, comment: rating.comment, at: new Date(mail.atMs).toISOString(), source: 'email' });
    await addEntry(trx, deps, target.id, mail.atMs, 'rating', { direction: 'inbound', subject: mail.subject.slice(0, 300), body: rating.comment, score: rating.score, activity_id: mail.activityId });
    await linkActivityToCase(trx, mail.activityId, target.id);
    if (own) await addCaseMessage(trx, target.id, own, mail.atMs);
    await recomputeCase(trx, target.id, nowMs);
    return { case: { id: target.id, label: caseLabel(target.number), how: 'rated', previousLabel: null }, changed: [target.id] };
  }

  const outcome = (how: 'attached' | 'reopened') => ({ case: { id: target.id, label: caseLabel(target.number), how, previousLabel: null }, changed: [target.id] });
  if (mail.outbound || target.category === 'open' || (target.category === 'waiting' && target.waitingOn !== 'customer')) {
    await attach(target.id);
    await recomputeCase(trx, target.id, nowMs);
    return outcome('attached');
  }

  const inProgress = await statusByKey(trx, 'inProgress');
  if (!inProgress) throw new Error('The built-in In progress status is missing');
  if (target.category === 'waiting') {
    // The customer answered what the case was waiting for: it is the user's turn again.
    await attach(target.id);
    await setCaseStatus(trx, target.id, inProgress.id, 'open', nowIso);
    await addEntry(trx, deps, target.id, Math.max(mail.atMs, nowMs), 'status', { status_id: inProgress.id, category: 'open' });
    await recomputeCase(trx, target.id, nowMs);
    return outcome('attached');
  }

  const { reopenWithinDays } = await loadTargets(trx);
  const withinWindow = target.category === 'resolved' && target.resolvedMs !== null && mail.atMs - target.resolvedMs <= reopenWithinDays * DAY_MS;
  if (withinWindow) {
    await attach(target.id);
    await setCaseStatus(trx, target.id, inProgress.id, 'open', nowIso, true);
    await addEntry(trx, deps, target.id, Math.max(mail.atMs, nowMs), 'reopened', { status_id: inProgress.id, category: 'open' });
    await recomputeCase(trx, target.id, nowMs);
    return outcome('reopened');
  }

  // Closed, or resolved too long ago: a new case that follows up the old one, starting with this message.
  const opened = await openCase(trx, deps, {
    contactId: target.contactId,
    subject: target.subject,
    description: null,
    channel: 'email',
    previousCaseId: target.id,
    openedAtMs: mail.atMs,
    fromActivityId: mail.activityId,
  });
  await attach(opened.id);
  await recomputeCase(trx, opened.id, nowMs);
  return { case: { id: opened.id, label: caseLabel(opened.number), how: 'newCase', previousLabel: caseLabel(target.number) }, changed: [opened.id, target.id] };
}
