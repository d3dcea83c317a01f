// "Attach to C-0042" (issue #22 item 4): a filed email that threading could only suggest a case for (same sender and
// subject, no reference or token) goes onto the case the user chose, with the same consequences as a threaded answer
// (filing.ts answerCase): a wait on the customer ends, a recently resolved case reopens, a closed one is followed up.
// Only an email on the case's own customer's timeline, and not already on a case. No SQL, no `electron` import.
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { findActivity } from '../../db/activities.repo';
import { caseMailRef } from '../../db/case-mail.repo';
import type { FeatureContext } from '../modules';
import { loadCaseDetail } from './case-detail';
import { answerCase } from './filing';
import { caseLabel } from './threading';

/** A filed email's notes are "From: …\nTo: …\n\n<its text>": the case keeps the text. */
const messageText = (notes: string | null) => {
  const text = notes ?? '';
  const gap = text.indexOf('\n\n');
  return gap >= 0 && /^From: /.test(text) ? text.slice(gap + 2) : text;
};

export function createCaseAttach(ctx: FeatureContext) {
  const { db, clock, events } = ctx.deps;
  return async function attachEmail(input: ChannelParsedInput<'cases.attachEmail'>): Promise<ChannelOutput<'cases.attachEmail'>> {
    const filing = await db.transaction().execute(async (trx) => {
      const target = await caseMailRef(trx, input.id);
      if (!target) throw AppError.validation('id', 'There is no such case');
      const activity = await findActivity(trx, input.activityId);
      if (!activity || activity.deleted_at || activity.type !== 'email') throw AppError.validation('activityId', 'There is no such filed email');
      if (activity.contact_id !== target.contactId) {
        throw AppError.validation('activityId', `This email is on ${activity.contact_name}'s timeline; ${caseLabel(target.number)} is another person's case`);
      }
      if (activity.case_id) throw AppError.validation('activityId', 'This email is already on a case');
      const outbound = activity.direction === 'outbound';
      return answerCase(
        trx,
        ctx.deps,
        target,
        {
          activityId: activity.id,
          contactId: activity.contact_id,
          outbound,
          incoming: { subject: activity.subject },
          subject: activity.subject ?? '',
          text: messageText(activity.notes),
          atMs: Math.min(Date.parse(activity.occurred_at), clock.now().getTime()),
        },
        undefined,
      );
    });
    events.emit('data.changed', { entity: 'case', action: 'updated', ids: filing.changed });
    events.emit('data.changed', { entity: 'activity', action: 'updated', ids: [input.activityId] });
    return loadCaseDetail(db, filing.case?.id ?? input.id, clock.now().getTime());
  };
}
