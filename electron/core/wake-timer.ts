// One timer for every loop that fires at a time of day (follow-up reminders, appointment reminders): it sleeps
// until the earliest moment any loop is next due, then runs them all, so the app holds one timer, not one per
// feature. Time comes from the Clock; tests run the loops by hand and never start this. No `electron` import.
import type { Clock } from './clock';
import type { EventBus } from './events';
import type { Logger } from './logger';

/** Re-check at least this often, so a changed system clock or a sleeping laptop is noticed soon. */
export const MAX_SLEEP_MS = 60_000;

export interface WakeLoop {
  /** Named in the log when a run fails. */
  readonly name: string;
  /** The `data.changed` entities after which this loop may be due sooner than the current sleep. */
  readonly wakeOn: readonly string[];
  /** Does what is due now; resolves to the time (ms since the epoch) it is next due, or null if nothing is waiting. */
  run(): Promise<number | null>;
}

export interface WakeTimer {
  start(): void;
  stop(): void;
}

export function createWakeTimer(loops: readonly WakeLoop[], { clock, events, logger }: { clock: Clock; events: EventBus; logger: Logger }): WakeTimer {
  const wakeOn = new Set(loops.flatMap((loop) => loop.wakeOn));
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let unsubscribe: (() => void) | null = null;
  /** Bumped by every run: only the latest run sets the next sleep, so an older, slower one cannot undo it. */
  let generation = 0;

  async function runOne(loop: WakeLoop): Promise<number | null> {
    try {
      return await loop.run();
    } catch (error) {
      // A run cut short by closing the store is expected, not a failure worth reporting.
      if (running) logger.error(`${loop.name} failed`, error);
      return null;
    }
  }

  async function wake(): Promise<void> {
    const mine = ++generation;
    const next = await Promise.all(loops.map(runOne));
    if (!running || mine !== generation) return;
    const due = next.filter((at): at is number => at !== null);
    const wait = due.length === 0 ? MAX_SLEEP_MS : Math.min(MAX_SLEEP_MS, Math.max(0, Math.min(...due) - clock.now().getTime()));
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void wake(), wait);
    timer.unref(); // never keeps a process (tests, harness) alive on its own
  }

  return {
    start() {
      if (running) return;
      running = true;
      // A new, moved or snoozed item may be due sooner than the current sleep.
      unsubscribe = events.subscribe((name, payload) => {
        if (running && name === 'data.changed' && wakeOn.has((payload as { entity: string }).entity)) void wake();
      });
      void wake();
    },
    stop() {
      running = false;
      unsubscribe?.();
      unsubscribe = null;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
