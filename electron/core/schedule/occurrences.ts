// Occurrences: recurrence expansion through ical.js (so our RRULEs mean exactly what other calendars read them
// as), the range a list asks for in its stored forms, and the occurrences of a range with conflicts marked.
// Rows come from db/schedule.repo.ts; no SQL here, no `electron` import.
import ICAL from 'ical.js';
import type { Kysely } from 'kysely';
import type { Appointment, Occurrence, Recurrence } from '../../../shared/domain/appointment';
import { appointmentsInRange, type StoredAppointment } from '../../db/schedule.repo';
import type { DB } from '../../db/schema';
import { utc } from '../links';
import { ianaZone, instantToWall, wallToInstant, zoneFromDefinition, type ZoneRules } from './ics-zones';

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
  if (rule.rule) return ICAL.Recur.fromString(rule.rule);
  const zone = inZone ? zoneOf(rule) : null;
  const endOfUntil = (day: string) => new Date(zone ? wallToInstant(zone, Date.parse(`${day}T23:59:59.000Z`)) : Date.parse(`${day}T23:59:59.000Z`));
  return ICAL.Recur.fromData({
    freq: rule.freq.toUpperCase(),
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
  if (rule.rule) {
    // An imported rule: walk it when it ends (COUNT or UNTIL); an open one, or one too long to walk, has no bound.
    const recur = ICAL.Recur.fromString(rule.rule);
    if (!recur.count && !recur.until) return null;
    const all = expandOccurrences(a, { fromInstant: '0001-01-01T00:00:00.000Z', toInstant: '9999-01-01T00:00:00.000Z', fromDay: '0001-01-01', toDay: '9999-01-01' });
    if (all.length >= MAX_OCCURRENCES) return null;
    lastStart = Math.max(start, ...all.map((o) => msOf(o.startsAt, a.allDay)));
  } else if (rule.until !== undefined) lastStart = Date.parse(`${rule.until}T23:59:59.999Z`);
  else if (rule.count !== undefined) lastStart = start + rule.count * rule.interval * ({ daily: 1, weekly: 7, monthly: 31, yearly: 366 } as const)[rule.freq] * DAY_MS;
  else return null;
  for (const extra of rule.rdates ?? []) lastStart = Math.max(lastStart, msOf(extra, a.allDay));
  // All-day dates and zoned series are wall-clock times: allow for any UTC offset.
  return new Date(lastStart + span + (a.allDay ? 2 * DAY_MS : rule.timeZone || rule.zoneDefinition ? ZONE_MARGIN_MS : 0)).toISOString();
}

/**
 * Where to start iterating a series so a range years after its first occurrence costs what a new one does:
 * a series without a count (which numbers occurrences from the first) moves its start by whole repeat
 * periods, which leaves its pattern unchanged; the first occurrence must itself fit the rule.
 */
function iterationStart(a: When, fromMs: number): string {
  const rule = a.recurrence!;
  // An imported rule may count or skip in ways a whole period does not keep: walk it from its start.
  if (rule.count !== undefined || rule.rule || rule.freq === 'yearly') return a.startsAt;
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

/** The zone a series repeats in: an IANA name, or rules defined in the file it came from; null for UTC. */
export function zoneOf(rule: Recurrence): ZoneRules | null {
  if (rule.zoneDefinition) return zoneFromDefinition(rule.zoneDefinition);
  return rule.timeZone ? ianaZone(rule.timeZone) : null;
}

/** An imported rule's UNTIL, when an instant, as wall-clock time in the series' zone (floating), as the wall-time expansion compares it. */
function untilInWall(text: string, zone: ZoneRules): string {
  const recur = ICAL.Recur.fromString(text);
  if (!recur.until || recur.until.isDate) return text;
  const wall = instantToWall(zone, recur.until.toJSDate().getTime());
  const d = new Date(wall);
  recur.until = ICAL.Time.fromData({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() });
  return recur.toString();
}

/**
 * A series in a time zone repeats in that zone's wall-clock time: expand it as floating time (the same UTC
 * arithmetic, free of daylight saving), then turn each start back into the instant it names there. The
 * duration stays the real one.
 */
function expandInZone(a: When, zone: ZoneRules, range: StoredRange): { startsAt: string; endsAt: string }[] {
  const span = Date.parse(a.endsAt) - Date.parse(a.startsAt);
  const wallStart = instantToWall(zone, Date.parse(a.startsAt));
  const { timeZone: _zone, zoneDefinition: _rules, exceptDates: _except, ...rest } = a.recurrence!;
  const floatingRule: Recurrence = { ...rest };
  if (rest.rule) floatingRule.rule = untilInWall(rest.rule, zone);
  if (rest.rdates) floatingRule.rdates = rest.rdates.map((r) => iso(instantToWall(zone, Date.parse(r))));
  const floating: When = { ...a, startsAt: iso(wallStart), endsAt: iso(wallStart + span), recurrence: floatingRule };
  const wide = { ...range, fromInstant: iso(Date.parse(range.fromInstant) - ZONE_MARGIN_MS), toInstant: iso(Date.parse(range.toInstant) + ZONE_MARGIN_MS) };
  // Exceptions name real instants: checked after the conversion back.
  const except = new Set(a.recurrence!.exceptDates);
  const out: { startsAt: string; endsAt: string }[] = [];
  for (const o of expandOccurrences(floating, wide)) {
    const start = wallToInstant(zone, Date.parse(o.startsAt));
    const [startsAt, endsAt] = [iso(start), iso(start + span)];
    if (startsAt < range.toInstant && endsAt > range.fromInstant && !except.has(startsAt)) out.push({ startsAt, endsAt });
  }
  return out;
}

/** Occurrences (start, end) of one appointment that overlap the range, soonest first, bounded. */
export function expandOccurrences(a: When, range: StoredRange): { startsAt: string; endsAt: string }[] {
  const [from, to] = a.allDay ? [range.fromDay, range.toDay] : [range.fromInstant, range.toInstant];
  if (!a.recurrence) return a.startsAt < to && a.endsAt > from ? [{ startsAt: a.startsAt, endsAt: a.endsAt }] : [];
  const zone = a.allDay ? null : zoneOf(a.recurrence);
  if (zone) return expandInZone(a, zone, range);
  const days = a.allDay ? daysBetween(a.startsAt, a.endsAt) : 0;
  const span = a.allDay ? 0 : Date.parse(a.endsAt) - Date.parse(a.startsAt);
  const endOf = (startsAt: string) => (a.allDay ? addDays(startsAt, days) : new Date(Date.parse(startsAt) + span).toISOString());
  const iterator = toRecur(a.recurrence, a.allDay).iterator(startTime(iterationStart(a, msOf(from, a.allDay)), a.allDay));
  // Exceptions come out after COUNT is applied, as EXDATE does in RFC 5545; extra dates (RDATE) join the rule's.
  const except = a.recurrence.exceptDates?.length ? new Set(a.recurrence.exceptDates) : null;
  const starts = new Set<string>();
  for (let step = 0; step < MAX_STEPS && starts.size < MAX_OCCURRENCES; step++) {
    const next = iterator.next();
    if (!next) break;
    const startsAt = a.allDay ? next.toString().slice(0, 10) : next.toJSDate().toISOString();
    if (startsAt >= to) break;
    if (endOf(startsAt) > from) starts.add(startsAt);
  }
  for (const extra of a.recurrence.rdates ?? []) if (extra < to && endOf(extra) > from) starts.add(extra);
  const out: { startsAt: string; endsAt: string }[] = [];
  for (const startsAt of [...starts].sort()) {
    if (!except?.has(startsAt)) out.push({ startsAt, endsAt: endOf(startsAt) });
    if (out.length >= MAX_OCCURRENCES) break;
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
