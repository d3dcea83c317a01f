// What happens to an open case (issue #22): status changes (waiting with a chase follow-up; a reopen counted),
// internal notes and calls (a call is also logged on the contact's timeline and answers the customer), and ratings
// recorded by hand. Each change appends its entry and recomputes the clock in the same transaction.
// No SQL (db/*.repo.ts), no `electron` import.
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { insertActivity, updateTask } from '../../db/activities.repo';
import { findStatus } from '../../db/case-statuses.repo';
import { findChaseTask, linkActivityToCase, updateCaseRow } from '../../db/cases.repo';
import type { Row } from '../../db/schema';
import { loadCalendar } from '../../db/service.repo';
import type { FeatureContext } from '../modules';
import type { CaseHelpers } from './cases';
import { addEntry, addFollowUp, dateStart } from './case-open';
import { recomputeCase } from './recompute';
import { caseLabel } from './threading';

const isDone = (c: string) => c === 'resolved' || c === 'closed';
/** The follow-up a waiting status's reminder date makes; one per case, moved when the date changes. */
export const chaseTitle = (number: number, subject: string) => `Chase ${caseLabel(number)}: ${subject}`.slice(0, 200);

export function createCaseFlow(ctx: FeatureContext, { requireCase, get, changed }: CaseHelpers) {
  const { db, clock, newId } = ctx.deps;

  async function setStatus(input: ChannelParsedInput<'cases.setStatus'>): Promise<ChannelOutput<'cases.setStatus'>> {
    await db.transaction().execute(async (trx) => {
      const row = await requireCase(trx, input.id);
      const status = await findStatus(trx, input.statusId);
      if (!status) throw AppError.validation('statusId', 'There is no such status');
      if (input.remindOn && status.category !== 'waiting') throw AppError.validation('remindOn', 'Only a waiting status has a reminder date');
      const now = clock.now();
      const patch: Partial<Row<'cases'>> = { status_id: status.id, category: status.category, updated_at: now.toISOString() };
      if (status.id !== row.status_id) {
        const reopen = isDone(row.category) && !isDone(status.category);
        if (reopen) patch.reopen_count = row.reopen_count + 1;
        await addEntry(trx, ctx.deps, row.id, now.getTime(), reopen ? 'reopened' : 'status', { status_id: status.id, category: status.category, body: input.note ?? null });
      } else if (input.note) {
        await addEntry(trx, ctx.deps, row.id, now.getTime(), 'note', { body: input.note });
      }
      if (status.category === 'waiting') {
        if (input.remindOn !== undefined) patch.remind_on = input.remindOn;
        if (input.remindOn) {
          const { timeZone } = await loadCalendar(trx);
          const dueAt = dateStart(timeZone, input.remindOn);
          const title = chaseTitle(row.number, row.subject);
          const chase = await findChaseTask(trx, row.id, title);
          if (chase) await updateTask(trx, chase.id, { dueAt, allDay: true, remindedAt: null, updatedAt: now.toISOString() });
          else await addFollowUp(trx, ctx.deps, { id: row.id, contactId: row.contact_id, jobId: row.job_id }, title, dueAt);
        }
      } else {
        patch.remind_on = null;
      }
      await updateCaseRow(trx, row.id, patch);
      await recomputeCase(trx, row.id, now.getTime());
    });
    changed('updated', [input.id]);
    return get(input.id);
  }

  async function note(input: ChannelParsedInput<'cases.note'>): Promise<ChannelOutput<'cases.note'>> {
    await db.transaction().execute(async (trx) => {
      const row = await requireCase(trx, input.id);
      const now = clock.now();
      const at = input.at ? Date.parse(input.at) : now.getTime();
      let activityId: string | null = null;
      if (input.kind === 'call') {
        activityId = newId();
        await insertActivity(trx, {
          id: activityId,
          contactId: row.contact_id,
          companyId: row.company_id,
          jobId: row.job_id,
          type: 'call',
          direction: input.direction ?? 'outbound',
          occurredAt: new Date(at).toISOString(),
          durationSeconds: input.minutesSpent ? input.minutesSpent * 60 : null,
          subject: `${caseLabel(row.number)}: ${row.subject}`.slice(0, 200),
          notes: input.body,
          outcome: 'connected',
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
          deletedAt: null,
        });
        await linkActivityToCase(trx, activityId, row.id);
      }
      await addEntry(trx, ctx.deps, row.id, at, input.kind, {
        body: input.body,
        direction: input.kind === 'call' ? (input.direction ?? 'outbound') : null,
        minutes_spent: input.minutesSpent ?? null,
        activity_id: activityId,
      });
      await updateCaseRow(trx, row.id, { time_spent_minutes: row.time_spent_minutes + (input.minutesSpent ?? 0), updated_at: now.toISOString() });
      await recomputeCase(trx, row.id, now.getTime());
    });
    changed('updated', [input.id]);
    return get(input.id);
  }

  async function rate(input: ChannelParsedInput<'cases.rate'>): Promise<ChannelOutput<'cases.rate'>> {
    await db.transaction().execute(async (trx) => {
      const row = await requireCase(trx, input.id);
      const now = clock.now();
      await updateCaseRow(trx, row.id, {
        rating_score: input.score,
        rating_comment: input.comment ?? null,
        rating_at: now.toISOString(),
        rating_source: input.source,
        updated_at: now.toISOString(),
      });
      await addEntry(trx, ctx.deps, row.id, now.getTime(), 'rating', { score: input.score, body: input.comment ?? null, subject: input.source });
      await recomputeCase(trx, row.id, now.getTime());
    });
    changed('updated', [input.id]);
    return get(input.id);
  }

  return { setStatus, note, rate };
}
