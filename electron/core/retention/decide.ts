// What the user decides for a person on the review list (issue #21): keep them (with a reason, off the list until a
// day), or anonymise them: their personal data goes from the contact row, search and undo records, while the kind,
// company link and jobs (with their amounts) stay, so reports and revenue stay true. Erasing is privacy.erase.
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { logPrivacy } from '../../db/privacy-log.repo';
import { anonymiseContact, findContactForRetention, findDecision, saveDecision } from '../../db/retention.repo';
import type { ServiceDeps } from '../deps';
import { formatDay } from '../day-words';
import { addMonths, isoDay } from './words';

/** The anonymised name: "Anonymised" "contact 3f9c2a", from the id's random tail (a UUIDv7's head is its time). */
export function anonymisedName(id: string): { first: string; last: string } {
  return { first: 'Anonymised', last: `contact ${id.replace(/-/g, '').slice(-6)}` };
}

export function createRetentionDecisions({ db, clock, events, newId }: ServiceDeps) {
  return {
    async decide(input: ChannelParsedInput<'retention.decide'>): Promise<ChannelOutput<'retention.decide'>> {
      const now = clock.now();
      const at = now.toISOString();
      const today = isoDay(now);
      const untilDay = input.decision === 'keep' ? (input.until ?? isoDay(addMonths(now, 12))) : null;
      if (untilDay !== null && untilDay <= today) throw AppError.validation('until', 'Choose a day after today');
      // No backup first, unlike other destructive steps: a copy taken now would keep exactly what the user chose to
      // remove. The decision is one contact, made on purpose, in one transaction.
      await db.transaction().execute(async (trx) => {
        if (!(await findContactForRetention(trx, input.contactId))) throw AppError.notFound('Contact', input.contactId);
        if ((await findDecision(trx, input.contactId))?.decision === 'anonymise') throw AppError.validation('contactId', 'This contact is already anonymised');
        if (input.decision === 'anonymise') await anonymiseContact(trx, input.contactId, anonymisedName(input.contactId), at);
        await saveDecision(trx, { contactId: input.contactId, decision: input.decision, reason: input.reason ?? null, untilDay, at });
        // The reason stays out of the log: it may name people. The subject is a one-way hash (logPrivacy).
        const summary = untilDay ? `Retention review: kept until ${formatDay(untilDay)}` : 'Retention review: contact anonymised';
        await logPrivacy(trx, { id: newId(), at, kind: 'retention', summary, contactId: input.contactId });
      });
      events.emit('data.changed', { entity: 'retention', action: 'updated', ids: [input.contactId] });
      if (input.decision === 'anonymise') events.emit('data.changed', { entity: 'contact', action: 'updated', ids: [input.contactId] });
      return { contactId: input.contactId, decision: input.decision };
    },
  };
}
