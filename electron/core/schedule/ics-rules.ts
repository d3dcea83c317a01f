// An imported event's repeat as Rapport stores it: the simple fields (freq, interval, weekdays, until, count)
// when the file's RRULE says no more than they can, so the dialog can edit it; otherwise the RRULE text itself,
// which expansion hands to ical.js's engine. RDATE, EXDATE and the series' zone come along. No `electron` import.
import ICAL from 'ical.js';
import type { Recurrence } from '../../../shared/domain/appointment';
import { floatingTime, instantToWall, wallOf, type ZoneRules } from './ics-zones';
import { addDays, iso, WEEKDAYS } from './occurrences';

/** A problem that costs the event (it is skipped and reported with this reason). */
export class RuleProblem extends Error {}

/** What reading a repeat needs of its event. */
export interface EventTimes {
  allDay: boolean;
  startsAt: string;
  /** DTSTART as written, as wall-clock ms. */
  startWall: number;
  /** The zone floating values of the event are read in. */
  context: ZoneRules;
  /** The zone a series repeats in, as stored: an IANA name, the file's own definition, or neither (UTC). */
  zone: { timeZone?: string; zoneDefinition?: string };
}

const FREQS = { DAILY: 'daily', WEEKLY: 'weekly', MONTHLY: 'monthly', YEARLY: 'yearly' } as const;

/**
 * An all-day series' UNTIL written as a date-time (Outlook: the last day's local midnight, in UTC) as a date:
 * an exact quarter-hour in the afternoon UTC is a local midnight east of Greenwich, so the next day.
 */
function untilDate(until: ICAL.Time): string {
  const wall = wallOf(until);
  const d = new Date(wall);
  const utc = until.zone === ICAL.Timezone.utcTimezone;
  const localMidnightEast = utc && d.getUTCHours() >= 12 && d.getUTCSeconds() === 0 && d.getUTCMinutes() % 15 === 0;
  return localMidnightEast ? addDays(iso(wall).slice(0, 10), 1) : iso(wall).slice(0, 10);
}

/** The simple fields when they say all of the rule; null when only the rule text can. */
function simpleRule(recur: ICAL.Recur, times: EventTimes): Recurrence | null {
  const freq = FREQS[recur.freq as keyof typeof FREQS];
  if (!freq || freq === 'yearly' || recur.interval > 99 || (recur.count && recur.until) || (recur.count ?? 0) > 1000) return null;
  const rule: Recurrence = { freq, interval: recur.interval || 1 };
  for (const [part, values] of Object.entries(recur.parts)) {
    if (!values || (Array.isArray(values) && values.length === 0)) continue;
    if (part !== 'BYDAY' || freq !== 'weekly') return null;
    const days = (values as unknown[]).map((d) => String(d).toUpperCase());
    if (days.some((d) => !(WEEKDAYS as readonly string[]).includes(d))) return null;
    rule.byWeekday = [...new Set(days)] as Recurrence['byWeekday'];
  }
  const wkst = (recur.toJSON() as { wkst?: unknown }).wkst;
  if (wkst !== undefined && String(wkst).toUpperCase() !== 'MO' && rule.interval > 1 && rule.byWeekday) return null;
  if (recur.count) rule.count = recur.count;
  if (recur.until) {
    if (times.allDay || recur.until.isDate) {
      rule.until = times.allDay ? untilDate(recur.until) : recur.until.toString().slice(0, 10);
    } else {
      // The last day an occurrence may start on, in the series' own wall-clock days.
      const wall = recur.until.zone === ICAL.Timezone.utcTimezone ? instantToWall(times.zone.timeZone || times.zone.zoneDefinition ? times.context : { offsetAt: () => 0 }, wallOf(recur.until)) : wallOf(recur.until);
      const start = iso(times.zone.timeZone || times.zone.zoneDefinition ? times.startWall : Date.parse(times.startsAt));
      const day = iso(wall).slice(0, 10);
      rule.until = start.slice(11) > iso(wall).slice(11) ? addDays(day, -1) : day;
    }
    if (rule.until < times.startsAt.slice(0, 10)) return null;
  }
  return rule;
}

/** Whether the rule itself yields DTSTART (RFC 5545 counts DTSTART as the first occurrence even when it does not). */
function yieldsStart(recur: ICAL.Recur, times: EventTimes): boolean {
  try {
    const first = recur.iterator(floatingTime(times.startWall, times.allDay)).next();
    return !!first && wallOf(first) === (times.allDay ? Date.parse(`${times.startsAt}T00:00:00Z`) : times.startWall);
  } catch {
    return true;
  }
}

/**
 * The stored repeat of an event: null for a one-off. RDATEs without an RRULE become a one-occurrence rule plus
 * those dates. A repeat more often than daily is refused (the event is skipped and reported).
 */
export function readRule(given: ICAL.Recur | null, rdates: string[], exdates: string[], times: EventTimes): Recurrence | null {
  if (!given && rdates.length === 0) return null;
  const extra: Partial<Recurrence> = { ...times.zone };
  if (exdates.length > 0) extra.exceptDates = exdates;
  if (!given) return { freq: 'daily', interval: 1, rule: 'FREQ=DAILY;COUNT=1', ...extra, rdates };
  const freq = FREQS[given.freq as keyof typeof FREQS];
  if (!freq) throw new RuleProblem(`repeats ${String(given.freq ?? 'in an unknown way').toLowerCase()}, more often than once a day, which Rapport does not keep`);
  const recur = given.clone();
  if (times.allDay && recur.until && !recur.until.isDate) recur.until = ICAL.Time.fromDateString(untilDate(recur.until));
  const all = [...rdates];
  if (!yieldsStart(recur, times)) all.push(times.startsAt);
  if (all.length > 0) extra.rdates = [...new Set(all)].sort();
  const simple = simpleRule(recur, times);
  if (simple) return { ...simple, ...extra };
  return { freq, interval: Math.min(Math.max(recur.interval || 1, 1), 99), rule: recur.toString(), ...extra };
}
