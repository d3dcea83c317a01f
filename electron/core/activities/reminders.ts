// Reminders that fire with no server: main sleeps until the next follow-up falls due, marks it reminded
// and emits `tasks.due` (Electron shows an OS notification, the renderer an in-app one). Reminders
// missed while the app was closed fire on the first tick after start. Time comes from the Clock, so
// tests call tick() after moving a manual clock instead of sleeping. No `electron` import.
import { sql } from 'kysely';
import { dueUnreminded, findTask, nextReminderAt, toTask } from '../../db/tasks.repo';
import type { ServiceDeps } from '../deps';
import type { Logger } from '../logger';

/** Re-check at least this often, so a changed system clock or a sleeping laptop is noticed soon. */
const MAX_SLEEP_MS = 60_000;

export interface Reminders {
  /** Fires every reminder that is due now; returns how many. */
  tick(): Promise<number>;
  start(): void;
  stop(): void;
}

export function createReminders({ db, clock, events }: Omit<ServiceDeps, 'newId'>, logger: Logger): Reminders {
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  // A check cut short by closing the store is expected, not a failure worth reporting.
  const failed = (error: unknown) => {
    if (running) logger.error('reminders failed', error);
  };

  async function fire(): Promise<number> {
    const now = clock.now().toISOString();
    let fired = 0;
    for (const row of await dueUnreminded(db, now)) {
      // Mark first, in one statement: a reminder fires once even if two ticks overlap.
      const marked = await sql`UPDATE tasks SET reminded_at = ${now} WHERE id = ${row.id} AND reminded_at IS NULL`.execute(db);
      if (Number(marked.numAffectedRows ?? 0) === 0) continue;
      const fresh = await findTask(db, row.id);
      if (fresh) events.emit('tasks.due', { task: toTask(fresh, clock.now()) });
      fired++;
    }
    return fired;
  }

  async function schedule(): Promise<void> {
    if (!running) return;
    if (timer) clearTimeout(timer);
    const next = await nextReminderAt(db);
    const wait = next === null ? MAX_SLEEP_MS : Math.min(MAX_SLEEP_MS, Math.max(0, Date.parse(next) - clock.now().getTime()));
    timer = setTimeout(() => void tick().catch(failed), wait);
    timer.unref(); // never keeps a process (tests, harness) alive on its own
  }

  async function tick(): Promise<number> {
    const fired = await fire();
    await schedule();
    return fired;
  }

  // A new, snoozed or rescheduled follow-up may be due sooner than the current sleep.
  events.subscribe((name, payload) => {
    if (running && name === 'data.changed' && (payload as { entity: string }).entity === 'task') void schedule();
  });

  return {
    tick,
    start() {
      running = true;
      void tick().catch(failed);
    },
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
