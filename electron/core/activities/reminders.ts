// Reminders that fire with no server: when a follow-up falls due it is marked reminded and `tasks.due` is
// emitted (Electron shows an OS notification, the renderer an in-app one). Reminders missed while the app was
// closed fire on the first run after start. The app's one wake-up timer (../wake-timer.ts) runs this loop;
// tests call tick() after moving a manual clock instead of sleeping. No SQL, no `electron` import.
import { dueUnreminded, findTask, markTaskReminded, nextReminderAt, toTask } from '../../db/activities.repo';
import type { ServiceDeps } from '../deps';
import type { WakeLoop } from '../wake-timer';

export interface Reminders extends WakeLoop {
  /** Fires every reminder that is due now; returns how many. */
  tick(): Promise<number>;
}

export function createReminders({ db, clock, events }: Omit<ServiceDeps, 'newId'>): Reminders {
  async function tick(): Promise<number> {
    const now = clock.now().toISOString();
    let fired = 0;
    for (const due of await dueUnreminded(db, now)) {
      // Mark first, in one statement: a reminder fires once even if two ticks overlap.
      if (!(await markTaskReminded(db, due.id, now))) continue;
      const fresh = await findTask(db, due.id);
      if (fresh) events.emit('tasks.due', { task: toTask(fresh, clock.now()) });
      fired++;
    }
    return fired;
  }

  return {
    name: 'reminders',
    wakeOn: ['task'],
    tick,
    async run() {
      await tick();
      const next = await nextReminderAt(db);
      return next === null ? null : Date.parse(next);
    },
  };
}
