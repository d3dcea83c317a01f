// Target reminders (issue #22 item 5): `cases.due` when a case has used 75 % and 100 % of its response or
// resolution time. The instants come from the clock cache (cases.next_reminder_ms, written by recompute.ts), so this
// loop only wakes when one is due; the app's one wake-up timer runs it (../wake-timer.ts) beside the follow-up and
// appointment reminders, and Electron main turns the event into the same desktop notification. Tests call tick().
import type { CaseDue } from '../../../shared/domain/case';
import type { z } from 'zod';
import { casesWithReminderDue, nextReminderMs, setRemindersSent } from '../../db/case-mail.repo';
import type { FeatureContext } from '../modules';
import type { WakeLoop } from '../wake-timer';
import { pendingReminders, recomputeCase } from './recompute';
import { caseLabel } from './threading';

export interface CaseReminders extends WakeLoop {
  /** Sends every reminder due now; resolves to how many were sent. */
  tick(): Promise<number>;
}

type Due = z.infer<typeof CaseDue>;

export function createCaseReminders(ctx: FeatureContext): CaseReminders {
  const { db, clock, events } = ctx.deps;

  async function tick(): Promise<number> {
    const now = clock.now().getTime();
    const out: Due[] = [];
    for (const c of await casesWithReminderDue(db, now)) {
      // One transaction per case: the keys sent and the next instant are written together, so a reminder goes once.
      const sent = await db.transaction().execute(async (trx) => {
        const clockNow = await recomputeCase(trx, c.id, now);
        if (!clockNow) return [];
        const already = JSON.parse(c.remindersSent) as string[];
        const due = pendingReminders(clockNow, already).filter((r) => r.at <= now);
        if (due.length === 0) return [];
        // A case seen late (the app was closed) has both 75 % and 100 % past: only the highest of a target is news.
        const shown = (['response', 'resolution'] as const)
          .map((target) => due.filter((r) => r.target === target).sort((a, b) => b.percent - a.percent)[0])
          .filter((r) => r !== undefined);
        await setRemindersSent(trx, c.id, [...already, ...due.map((r) => r.key)]);
        await recomputeCase(trx, c.id, now);
        return shown.map((r): Due => ({ id: c.id, label: caseLabel(c.number), subject: c.subject, target: r.target, percent: r.percent, dueAt: new Date(r.dueAt).toISOString() }));
      });
      out.push(...sent);
    }
    for (const due of out) events.emit('cases.due', due);
    return out.length;
  }

  return {
    name: 'case reminders',
    // A new case, a status or priority change, or new targets may bring the next reminder closer.
    wakeOn: ['case', 'service'],
    tick,
    async run() {
      await tick();
      return nextReminderMs(db);
    },
  };
}
