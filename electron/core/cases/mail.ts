// Replies from a case (issue #22 item 8): written to the same durable outbox as any email (exactly once, retried by
// its worker), with the case token in the subject and In-Reply-To/References to the case's thread so the customer's
// mail program keeps one conversation and their answer files back onto the case. Rating links (rating.ts) on request.
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { addCaseMessage, caseMailRef, caseMessageIds, setOutboxThread, statusById, touchCase } from '../../db/case-mail.repo';
import { findCase } from '../../db/cases.repo';
import { findTemplate } from '../../db/email.repo';
import type { Outbox } from '../email/outbox';
import type { MergeValues } from '../email/merge';
import { loadSmtp } from '../email/settings';
import { requireContact } from '../links';
import type { FeatureContext } from '../modules';
import { addEntry } from './case-open';
import type { createCases } from './cases';
import { ratingLinks } from './rating';
import { recomputeCase } from './recompute';
import { caseLabel, messageIdsIn, replySubject } from './threading';

/** References kept: the thread's first message and the latest ones (RFC 5322 §3.6.4 allows trimming the middle). */
const MAX_REFERENCES = 20;

const TYPE_WORDS: Record<string, string> = { question: 'Question', problem: 'Problem', request: 'Request', complaint: 'Complaint', warranty: 'Warranty', other: 'Other' };
const PRIORITY_WORDS: Record<string, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };

/** The ids a reply names in References: all of a short thread, else the first and the latest. */
export function referencesOf(thread: readonly string[]): string[] {
  if (thread.length <= MAX_REFERENCES) return [...thread];
  return [thread[0]!, ...thread.slice(thread.length - (MAX_REFERENCES - 1))];
}

export function createCaseMail(ctx: FeatureContext, outbox: Outbox, cases: ReturnType<typeof createCases>) {
  const { db, clock, events } = ctx.deps;

  async function reply(input: ChannelParsedInput<'cases.reply'>): Promise<ChannelOutput<'cases.reply'>> {
    const ref = await caseMailRef(db, input.id);
    if (!ref) throw AppError.validation('id', 'There is no such case');
    const template = input.templateId ? await findTemplate(db, input.templateId) : undefined;
    if (input.templateId && (!template || template.deletedAt)) throw AppError.validation('templateId', 'This reply template no longer exists; choose another');
    const rawBody = input.body ?? template?.body ?? '';
    if (rawBody.trim() === '') throw AppError.validation('body', 'Write the reply, or choose a reply template');
    const rawSubject = input.subject?.trim() || template?.subject || ref.subject;
    // Checked before anything is queued: a reply that went out must not be followed by "no such status".
    if (input.statusId && !(await statusById(db, input.statusId))) throw AppError.validation('statusId', 'There is no such status');

    const outboxId = await db.transaction().execute(async (trx) => {
      const row = await findCase(trx, ref.id);
      if (!row) throw AppError.validation('id', 'There is no such case');
      const contact = await requireContact(trx, row.contact_id);
      // Named on the case, not on a recipient list the user never saw.
      if (!contact.emails[0]?.value) throw AppError.validation('id', `${contact.displayName} has no email address: add one on their page to reply by email`);
      const to = await outbox.resolve([{ contactId: contact.id }], 'to', trx);
      const caseValues: MergeValues = {
        'case.number': caseLabel(row.number),
        'case.subject': row.subject,
        'case.status': row.status_name,
        'case.type': TYPE_WORDS[row.type] ?? row.type,
        'case.priority': PRIORITY_WORDS[row.priority] ?? row.priority,
      };
      const merged = await outbox.merged(rawSubject, rawBody, to, row.job_id, trx, caseValues);
      let body = merged.body;
      if (input.askRating) {
        const own = (await loadSmtp(trx)).fromAddress;
        if (!own) throw AppError.validation('askRating', 'Set up your email address (Settings, Email) before asking for a rating');
        body = `${body.replace(/\s+$/, '')}\n\n${ratingLinks(row.number, own)}`;
      }
      const subject = replySubject(merged.subject, row.number);
      const stored = to.map(({ address, name, contactId }) => ({ address, name, contactId }));
      const id = await outbox.insert(trx, { recipients: { to: stored, cc: [], bcc: [] }, subject, body, templateId: template?.id ?? null, jobId: row.job_id });
      const thread = await caseMessageIds(trx, ref.id);
      const last = thread[thread.length - 1];
      const references = referencesOf(thread);
      const messageId = await setOutboxThread(trx, id, ref.id, last ? `<${last}>` : null, references.length ? references.map((m) => `<${m}>`).join(' ') : null);
      const nowMs = clock.now().getTime();
      const own = messageIdsIn(messageId)[0];
      if (own) await addCaseMessage(trx, ref.id, own, nowMs);
      await addEntry(trx, ctx.deps, ref.id, nowMs, 'reply', { direction: 'outbound', subject, body, minutes_spent: input.minutesSpent ?? null, email_id: id });
      await touchCase(trx, ref.id, clock.now().toISOString(), input.minutesSpent ?? 0);
      await recomputeCase(trx, ref.id, nowMs);
      return id;
    });
    await outbox.queued([outboxId]);
    events.emit('data.changed', { entity: 'case', action: 'updated', ids: [ref.id] });
    // Same rules as choosing the status by hand (a waiting status may set a reminder; resolved stops the clock).
    if (input.statusId) return cases.setStatus({ id: ref.id, statusId: input.statusId });
    return cases.get(ref.id);
  }

  return { reply };
}
