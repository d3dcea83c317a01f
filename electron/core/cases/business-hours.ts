// Business time between instants, and the instant a given amount of business time runs out: the clock under case
// response and resolution targets (issue #22). Instants in and out are UTC epoch milliseconds (numbers), amounts are
// milliseconds. Pure functions, no database; imports business-calendar.ts only.
//
// Definition: an instant is business time when its local wall-clock time (in the calendar's zone) falls inside that
// weekday's hours and its local date is not a holiday. So on a spring-forward day the skipped wall times simply never
// happen (hours covering the gap lose them), and on a fall-back day a repeated hour that is covered counts twice.
// How: the span is cut where the zone's offset changes; within a piece the offset is constant, so the piece maps to one
// stretch of wall time and is measured day by day. Cost grows with the number of days, never with minutes.
import { AppError } from '../../../shared/ipc/errors';
import { type BusinessCalendar, type CompiledCalendar, compileCalendar, DAY_MS } from './business-calendar';

/** Longest amount addBusinessMs accepts: a year of round-the-clock time, far beyond any support target. */
export const MAX_BUSINESS_MS = 365 * DAY_MS;

/** Day 0 (1970-01-01) was a Thursday, 4 in getUTCDay() numbering. */
const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

export function assertInstant(path: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw AppError.validation(path, 'is not a point in time (expected milliseconds since 1970)');
}

/**
 * Walks the wall-clock stretch [x, y) spending `left` ms of business time: the wall time at which it runs out, or
 * NaN with `spent` set to what the stretch held (with `left` infinite: the business ms inside the stretch).
 */
function spendWall(cal: CompiledCalendar, x: number, y: number, left: number): { at: number; spent: number } {
  let spent = 0;
  for (let day = Math.floor(x / DAY_MS); day * DAY_MS < y; day++) {
    if (cal.holidays.has(day)) continue;
    const base = day * DAY_MS;
    for (const [s, e] of cal.week[weekday(day)]!) {
      const lo = Math.max(base + s, x);
      const hi = Math.min(base + e, y);
      if (hi <= lo) continue;
      if (hi - lo >= left - spent) return { at: lo + (left - spent), spent: left };
      spent += hi - lo;
    }
  }
  return { at: Number.NaN, spent };
}

/** Business time in [from, to) in ms; 0 when `to` is not after `from`. */
export function businessMsBetween(calendar: BusinessCalendar, from: number, to: number): number {
  assertInstant('from', from);
  assertInstant('to', to);
  return measure(compileCalendar(calendar), from, to);
}

/** The same, on an already compiled calendar (the case clock calls this many times per case). */
export function measure(cal: CompiledCalendar, from: number, to: number): number {
  let sum = 0;
  for (let t = from; t < to; ) {
    const { offset, until } = cal.zone.piece(t);
    const end = Math.min(until, to);
    sum += spendWall(cal, t + offset, end + offset, Number.POSITIVE_INFINITY).spent;
    t = end;
  }
  return sum;
}

/**
 * The earliest instant at which `ms` of business time has passed since `from` (for due times). `from` itself when
 * `ms` is 0. When the amount runs out exactly at closing time the answer is that closing time, not the next opening.
 */
export function addBusinessMs(calendar: BusinessCalendar, from: number, ms: number): number {
  assertInstant('from', from);
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw AppError.validation('ms', 'must be a business time of zero or more milliseconds');
  if (ms > MAX_BUSINESS_MS) throw AppError.validation('ms', 'must be at most 365 days of business time');
  return advance(compileCalendar(calendar), from, ms);
}

/** The same, on an already compiled calendar. */
export function advance(cal: CompiledCalendar, from: number, ms: number): number {
  if (ms <= 0) return from;
  // Terminates: validation demands some weekly hours and holidays are finite, so business time always comes round again.
  let left = ms;
  for (let t = from; ; ) {
    const { offset, until } = cal.zone.piece(t);
    const found = spendWall(cal, t + offset, until + offset, left);
    if (!Number.isNaN(found.at)) return found.at - offset;
    left -= found.spent;
    t = until;
  }
}
