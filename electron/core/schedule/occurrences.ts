// Occurrences: recurrence expansion through ical.js (so our RRULEs mean exactly what other calendars read them
// as), the range a list asks for in its stored forms, and the occurrences of a range with conflicts marked.
// Rows come from db/schedule.repo.ts; no SQL here, no `electron` import.
import ICAL from 'ical.js';
import type { Kysely } from 'kysely';
import type { Appointment, Occurrence, Recurrence } from '../../../shared/domain/appointment';
import { appointmentsInRange, type StoredAppointment } from '../../db/schedule.repo';
import type { DB } from '../../db/schema';
import { utc } from '../links';
import { fromWall, toWall } from './zones';

export const DAY_MS = 24 * 3600 * 1000;
/** Expansion never walks more than this many steps of one rule, nor returns more than this many occurrences. */
const MAX_STEPS = 20_000;
const MAX_OCCURRENCES = 2_000;
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export const isPlainDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from one plain date to another. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** What expansion needs of an appointment. */
export type When = Pick<Appointment, 'startsAt' | 'endsAt' | 'allDay'> & { recurrence: Recurrence | null };

export function startTime(startsAt: string, allDay: boolean): ICAL.Time {
  return allDay ? ICAL.Time.fromDateString(startsAt) : ICAL.Time.fromJSDate(new Date(startsAt), true);
}

/**
 * Our rule as an ical.js Recur. `until` is the last day an occurrence may start on: for all-day appointments
 * that date (UNTIL;VALUE=DATE), for timed ones the end of that day in UTC (RFC 5545 wants UNTIL in UTC for a
 * timed DTSTART) — the end of that day in the series' zone when it has one and `inZone` is asked for (export).
 */
export function toRecur(rule: Recurrence, allDay: boolean, inZone = false): ICAL.Recur {
  const endOfUntil = (day: string) =>
    inZone && rule.timeZone ? new Date(fromWall(rule.timeZone, Date.parse(`${day}T23:59:59.000Z`))) : new Date(`${day}T23:59:59.000Z`);
  return ICAL.Recur.fromData({
    freq: rule.freq === 'daily' ? 'DAILY' : rule.freq === 'weekly' ? 'WEEKLY' : 'MONTHLY',
    interval: rule.interval,
    ...(rule.freq === 'weekly' && rule.byWeekday?.length ? { byday: [...rule.byWeekday] } : {}),
    ...(rule.count !== undefined ? { count: rule.count } : {}),
    ...(rule.until !== undefined
      ? { until: allDay ? ICAL.Time.fromDateString(rule.until) : ICAL.Time.fromJSDate(endOfUntil(rule.until), true) }
      : {}),
  });
}

/**
 * A range in both forms an appointment is stored in: instants for timed ones, plain dates (the renderer's own
 * calendar days, end exclusive) for all-day ones, so all-day appointments are never shifted by a time zone.
 */
export interface StoredRange {
  fromInstant: string;
  toInstant: string;
  fromDay: string;
  toDay: string;
}

const msOf = (at: string, allDay: boolean) => Date.parse(allDay ? `${at}T00:00:00Z` : at);

/**
 * An upper bound on when a series' last occurrence ends (an instant), or null if it never ends. Stored with
 * the appointment so a range query skips series that ended before it. All-day dates are local days, so they get
 * two days of margin for any UTC offset; a count is bounded by count × interval × the longest period.
 */
export function seriesEnd(a: When): string | null {
  const rule = a.recurrence;
  if (!rule) return null;
  const start = msOf(a.startsAt, a.allDay);
  const span = msOf(a.endsAt, a.allDay) - start;
  let lastStart: number;
  if (rule.until !== undefined) lastStart = Date.parse(`${rule.until}T23:59:59.999Z`);
  else if (rule.count !== undefined) lastStart = start + rule.count * rule.interval * (rule.freq === 'daily' ? 1 : rule.freq === 'weekly' ? 7 : 31) * DAY_MS;
  else return null;
  // All-day dates and zoned series are wall-clock times: allow for any UTC offset.
  return new Date(lastStart + span + (a.allDay ? 2 * DAY_MS : rule.timeZone ? ZONE_MARGIN_MS : 0)).toISOString();
}

/**
 * Where to start iterating a series so a range years after its first occurrence costs what a new one does:
 * a series without a count (which numbers occurrences from the first) moves its start by whole repeat
 * periods, which leaves its pattern unchanged; the first occurrence must itself fit the rule.
 */
function iterationStart(a: When, fromMs: number): string {
  const rule = a.recurrence!;
  if (rule.count !== undefined) return a.startsAt;
  const start = msOf(a.startsAt, a.allDay);
  if (rule.freq === 'monthly') {
    // Whole months keep the pattern only where every month has the day (1st–28th).
    const first = new Date(start);
    if (first.getUTCDate() > 28) return a.startsAt;
    const target = new Date(fromMs);
    const months = (target.getUTCFullYear() - first.getUTCFullYear()) * 12 + target.getUTCMonth() - first.getUTCMonth() - 2; // two to spare
    const shift = Math.floor(months / rule.interval) * rule.interval;
    if (shift <= 0) return a.startsAt;
    first.setUTCMonth(first.getUTCMonth() + shift);
    return a.allDay ? first.toISOString().slice(0, 10) : first.toISOString();
  }
  const weekday = WEEKDAYS[(new Date(start).getUTCDay() + 6) % 7]!; // getUTCDay counts from Sunday
  if (rule.freq === 'weekly' && rule.byWeekday?.length && !rule.byWeekday.includes(weekday)) return a.startsAt;
  const periodDays = (rule.freq === 'daily' ? 1 : 7) * rule.interval;
  const span = msOf(a.endsAt, a.allDay) - start;
  const periods = Math.floor((fromMs - span - start) / (periodDays * DAY_MS)) - 1; // one period to spare
  if (periods <= 0) return a.startsAt;
  return a.allDay ? addDays(a.startsAt, periods * periodDays) : new Date(start + periods * periodDays * DAY_MS).toISOString();
}

/** The widest UTC offsets there are (UTC−12 to UTC+14), as a margin when moving between instants and wall time. */
const ZONE_MARGIN_MS = 14 * 3600 * 1000;
export const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A series in a time zone repeats in that zone's wall-clock time: expand it as floating time (the same UTC
 * arithmetic, free of daylight saving), then turn each start back into the instant it names there. The
 * duration stays the real one.
 */
function expandInZone(a: When, zone: string, range: StoredRange): { startsAt: string; endsAt: string }[] {
  const span = Date.parse(a.endsAt) - Date.parse(a.startsAt);
  const wallStart = toWall(zone, Date.parse(a.startsAt));
  const floating: When = { ...a, startsAt: iso(wallStart), endsAt: iso(wallStart + span), recurrence: { ...a.recurrence!, timeZone: undefined } };
  const wide = { ...range, fromInstant: iso(Date.parse(range.fromInstant) - ZONE_MARGIN_MS), toInstant: iso(Date.parse(range.toInstant) + ZONE_MARGIN_MS) };
  delete floating.recurrence!.exceptDates; // they name real instants: checked below
  const except = new Set(a.recurrence!.exceptDates);
  const out: { startsAt: string; endsAt: string }[] = [];
  for (const o of expandOccurrences(floating, wide)) {
    const start = fromWall(zone, Date.parse(o.startsAt));
    const [startsAt, endsAt] = [iso(start), iso(start + span)];
    if (startsAt < range.toInstant && endsAt > range.fromInstant && !except.has(startsAt)) out.push({ startsAt, endsAt });
  }
  return out;
}

/** Occurrences (start, end) of one appointment that overlap the range, soonest first, bounded. */
export function expandOccurrences(a: When, range: StoredRange): { startsAt: string; endsAt: string }[] {
  const [from, to] = a.allDay ? [range.fromDay, range.toDay] : [range.fromInstant, range.toInstant];
  if (!a.recurrence) return a.startsAt < to && a.endsAt > from ? [{ startsAt: a.startsAt, endsAt: a.endsAt }] : [];
  if (!a.allDay && a.recurrence.timeZone) return expandInZone(a, a.recurrence.timeZone, range);
  const days = a.allDay ? daysBetween(a.startsAt, a.endsAt) : 0;
  const span = a.allDay ? 0 : Date.parse(a.endsAt) - Date.parse(a.startsAt);
  const iterator = toRecur(a.recurrence, a.allDay).iterator(startTime(iterationStart(a, msOf(from, a.allDay)), a.allDay));
  // Exceptions come out after COUNT is applied, as EXDATE does in RFC 5545.
  const except = a.recurrence.exceptDates?.length ? new Set(a.recurrence.exceptDates) : null;
  const out: { startsAt: string; endsAt: string }[] = [];
  for (let step = 0; step < MAX_STEPS && out.length < MAX_OCCURRENCES; step++) {
    const next = iterator.next();
    if (!next) break;
    const startsAt = a.allDay ? next.toString().slice(0, 10) : next.toJSDate().toISOString();
    if (startsAt >= to) break;
    const endsAt = a.allDay ? addDays(startsAt, days) : new Date(Date.parse(startsAt) + span).toISOString();
    if (endsAt > from && !except?.has(startsAt)) out.push({ startsAt, endsAt });
  }
  return out;
}

/** The renderer's range in the two forms stored: instants, and its own calendar days (end exclusive). */
export function storedRange(from: string, to: string): StoredRange {
  const toMidnight = /T00:00(:00(\.0+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(to);
  return { fromInstant: utc(from), toInstant: utc(to), fromDay: from.slice(0, 10), toDay: toMidnight ? to.slice(0, 10) : addDays(to.slice(0, 10), 1) };
}

export function occurrenceOf(a: StoredAppointment, at: { startsAt: string; endsAt: string }): Occurrence {
  return {
    appointmentId: a.id,
    title: a.title,
    startsAt: at.startsAt,
    endsAt: at.endsAt,
    allDay: a.allDay,
    kind: a.kind,
    location: a.location,
    contactId: a.contactId,
    contactName: a.contactName,
    recurring: a.recurrence !== null,
    conflict: false,
  };
}

/** Sorted by start; a timed occurrence that overlaps another timed one (touching ends do not) is a conflict. */
export function markConflicts(items: Occurrence[]): Occurrence[] {
  items.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.endsAt < b.endsAt ? -1 : a.endsAt > b.endsAt ? 1 : 0));
  const timed = items.filter((o) => !o.allDay && o.endsAt > o.startsAt);
  for (let i = 0; i < timed.length; i++) {
    const a = timed[i]!;
    for (let j = i + 1; j < timed.length && timed[j]!.startsAt < a.endsAt; j++) {
      a.conflict = true;
      timed[j]!.conflict = true;
    }
  }
  return items;
}

export async function occurrencesBetween(db: Kysely<DB>, range: StoredRange, only: { jobId?: string | undefined; contactId?: string | undefined } = {}): Promise<Occurrence[]> {
  const items: Occurrence[] = [];
  for (const a of await appointmentsInRange(db, range, only)) {
    for (const at of expandOccurrences(a, range)) items.push(occurrenceOf(a, at));
  }
  return markConflicts(items);
}
