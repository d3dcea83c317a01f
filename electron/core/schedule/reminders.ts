// Appointment reminders: `appointments.due` once per occurrence when its reminder time comes, recurring ones
// too. The app's one wake-up timer (../wake-timer.ts) runs this loop; tests call tick() after moving a manual
// clock instead of sleeping. No SQL, no `electron` import.
import { markReminded, reminderCandidates } from '../../db/schedule.repo';
import type { ServiceDeps } from '../deps';
import type { WakeLoop } from '../wake-timer';
import { MAX_REMINDER_MINUTES } from './fields';
import { addDays, expandOccurrences, occurrenceOf, type StoredRange } from './occurrences';

export interface AppointmentReminders extends WakeLoop {
  /** Fires every appointment reminder that is due now; returns how many occurrences. */
  tick(): Promise<number>;
}

/** The machine's calendar day of an instant (all-day appointments start at local midnight for reminders). */
const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const localMidnight = (day: string) => new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))).getTime();

/**
 * Emits `appointments.due` once per occurrence when now >= its start - reminderMinutes and it has not ended.
 * Each appointment remembers the start of the last occurrence reminded, so each fires once, recurring ones
 * too; reminders missed while the app was closed fire on the first tick after start if the occurrence is still on.
 */
export function createAppointmentReminders({ db, clock, events }: Omit<ServiceDeps, 'newId'>): AppointmentReminders {
  /** When the earliest reminder not yet due falls, as the last tick saw it. */
  let nextAt: number | null = null;

  async function tick(): Promise<number> {
    const now = clock.now();
    const nowMs = now.getTime();
    const horizon = new Date(nowMs + (MAX_REMINDER_MINUTES + 24 * 60) * 60_000);
    let fired = 0;
    nextAt = null;
    for (const a of await reminderCandidates(db, now.toISOString(), horizon.toISOString(), localDay(now))) {
      const lead = (a.reminderMinutes ?? 0) * 60_000;
      const until = new Date(nowMs + lead + 1);
      const range: StoredRange = { fromInstant: now.toISOString(), toInstant: until.toISOString(), fromDay: localDay(now), toDay: addDays(localDay(until), 1) };
      const due: { startsAt: string; endsAt: string }[] = [];
      for (const at of expandOccurrences(a, range)) {
        if (a.remindedUntil !== null && at.startsAt <= a.remindedUntil) continue;
        const remindAt = (a.allDay ? localMidnight(at.startsAt) : Date.parse(at.startsAt)) - lead;
        if (remindAt <= nowMs) due.push(at);
        else if (nextAt === null || remindAt < nextAt) nextAt = remindAt;
      }
      if (due.length === 0) continue;
      // Mark first, only if nobody else did meanwhile: an occurrence's reminder fires once even if two ticks overlap.
      if (!(await markReminded(db, a.id, a.remindedUntil, due[due.length - 1]!.startsAt))) continue;
      for (const at of due) events.emit('appointments.due', { occurrence: occurrenceOf(a, at) });
      fired += due.length;
    }
    return fired;
  }

  return {
    name: 'appointment reminders',
    wakeOn: ['appointment'],
    tick,
    async run() {
      await tick();
      return nextAt;
    },
  };
}
