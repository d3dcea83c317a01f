// The business calendar support targets are measured on (issue #22): a time zone, weekly opening hours as local
// wall-clock times, and whole-day holidays. Validated here in the app's own words, then compiled once into plain
// numbers so business-hours.ts does arithmetic only. Pure functions, no database; imports schedule/zones (Intl) only.
import { AppError, type FieldIssue } from '../../../shared/ipc/errors';
import { isTimeZone, offsetAt } from '../schedule/zones';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One stretch of opening hours, local wall-clock 'HH:MM'; `end` may be '24:00' (midnight at the end of the day). */
export interface BusinessInterval {
  start: string;
  end: string;
}

/**
 * A calendar is a value: to change it, make a new object (compiled forms are cached per object).
 * `hours` lists zero or more non-overlapping intervals per weekday; `holidays` are local dates 'YYYY-MM-DD'.
 */
export interface BusinessCalendar {
  timeZone: string;
  hours: Record<Weekday, BusinessInterval[]>;
  holidays: string[];
}

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Index of each weekday name in Date#getUTCDay() order (0 = Sunday), which is how epoch days are numbered below. */
const JS_DAY: Record<Weekday, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

/** 'HH:MM' to minutes after local midnight; '24:00' is allowed (only an end can use it, start < end checks that). */
function minutes(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/** 'YYYY-MM-DD' to the number of days since 1970-01-01, or null when it is not a real date. */
export function epochDay(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** Every problem with a calendar, each naming its field (`hours.monday.1.start`), in words a user can act on. */
export function calendarIssues(input: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const cal = (input ?? {}) as Partial<Record<keyof BusinessCalendar, unknown>>;
  if (typeof cal.timeZone !== 'string' || cal.timeZone.trim() === '') {
    issues.push({ path: 'timeZone', message: 'Choose a time zone, such as Europe/London' });
  } else if (!isTimeZone(cal.timeZone)) {
    issues.push({ path: 'timeZone', message: `"${cal.timeZone}" is not a time zone Rapport knows; use a name such as Europe/London` });
  }
  const hours = (cal.hours ?? null) as Record<string, unknown> | null;
  if (typeof hours !== 'object' || hours === null) {
    issues.push({ path: 'hours', message: 'List the opening hours for each day of the week' });
  } else {
    let any = false;
    for (const day of WEEKDAYS) {
      const list = hours[day];
      if (!Array.isArray(list)) {
        issues.push({ path: `hours.${day}`, message: 'List the opening hours for this day (an empty list when closed)' });
        continue;
      }
      const seen: { start: number; end: number; index: number; text: string }[] = [];
      list.forEach((item: unknown, i) => {
        const iv = (item ?? {}) as Partial<BusinessInterval>;
        const start = minutes(iv.start);
        const end = minutes(iv.end);
        const path = `hours.${day}.${i}`;
        if (start === null || start === 24 * 60) issues.push({ path: `${path}.start`, message: 'Write the start as a time between 00:00 and 23:59, such as 09:00' });
        if (end === null) issues.push({ path: `${path}.end`, message: 'Write the end as a time between 00:01 and 24:00, such as 17:30' });
        if (start === null || end === null || start === 24 * 60) return;
        if (start >= end) {
          issues.push({ path: `${path}.end`, message: `The end (${iv.end}) must be later than the start (${iv.start}) on the same day` });
          return;
        }
        seen.push({ start, end, index: i, text: `${iv.start}–${iv.end}` });
      });
      seen.sort((a, b) => a.start - b.start);
      for (let k = 1; k < seen.length; k++) {
        const [prev, cur] = [seen[k - 1]!, seen[k]!];
        if (cur.start < prev.end) issues.push({ path: `hours.${day}.${Math.max(prev.index, cur.index)}`, message: `${cur.text} overlaps ${prev.text}` });
      }
      if (seen.length > 0) any = true;
    }
    if (!any && !issues.some((i) => i.path.startsWith('hours'))) {
      issues.push({ path: 'hours', message: 'Add business hours to at least one day, or no target could ever fall due' });
    }
  }
  if (!Array.isArray(cal.holidays)) {
    issues.push({ path: 'holidays', message: 'List the holidays (an empty list when there are none)' });
  } else {
    cal.holidays.forEach((h: unknown, i) => {
      if (epochDay(h) === null) issues.push({ path: `holidays.${i}`, message: `${JSON.stringify(h)} is not a date; write it as YYYY-MM-DD, such as 2026-12-25` });
    });
  }
  return issues;
}

/** Throws the validation error the user sees (first problem in the message, all of them in `issues`). */
export function assertCalendar(input: unknown): asserts input is BusinessCalendar {
  const issues = calendarIssues(input);
  if (issues.length > 0) throw new AppError('VALIDATION', `${issues[0]!.path}: ${issues[0]!.message}`, issues);
}

/** A zone's offset history as sorted change points, filled in a UTC year at a time as instants need it. */
class ZoneOffsets {
  private readonly chunks = new Map<number, { at: number[]; offset: number[] }>();
  static readonly CHUNK_MS = 366 * DAY_MS;
  constructor(private readonly zone: string) {}

  /**
   * The offset in force at `ms`, and when it next changes (or the chunk ends). Intl is sampled once a day and each
   * change found by bisection to the second, so later lookups are a binary search: this is what keeps a year-long
   * span well under a millisecond. tzdata never changes offset twice within one day, so daily samples miss nothing.
   */
  piece(ms: number): { offset: number; until: number } {
    const index = Math.floor(ms / ZoneOffsets.CHUNK_MS);
    const chunk = this.chunk(index);
    let [lo, hi] = [0, chunk.at.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (chunk.at[mid]! <= ms) lo = mid;
      else hi = mid - 1;
    }
    return { offset: chunk.offset[lo]!, until: chunk.at[lo + 1] ?? (index + 1) * ZoneOffsets.CHUNK_MS };
  }

  private chunk(index: number): { at: number[]; offset: number[] } {
    const cached = this.chunks.get(index);
    if (cached) return cached;
    const start = index * ZoneOffsets.CHUNK_MS;
    const end = start + ZoneOffsets.CHUNK_MS;
    const at = [start];
    const offset = [offsetAt(this.zone, start)];
    for (let t = start; t < end; t += DAY_MS) {
      const next = Math.min(t + DAY_MS, end - 1000);
      const before = offset[offset.length - 1]!;
      if (offsetAt(this.zone, next) === before) continue;
      // Offsets are whole seconds and change on a whole second: bisect over seconds.
      let [lo, hi] = [Math.floor(t / 1000), Math.floor(next / 1000)];
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(this.zone, mid * 1000) === before) lo = mid;
        else hi = mid;
      }
      at.push(hi * 1000);
      offset.push(offsetAt(this.zone, hi * 1000));
    }
    const built = { at, offset };
    this.chunks.set(index, built);
    return built;
  }
}

/** The calendar as numbers: per JS weekday the sorted [start, end) in ms after local midnight; holidays as epoch days. */
export interface CompiledCalendar {
  week: [number, number][][];
  weeklyMs: number;
  holidays: Set<number>;
  zone: ZoneOffsets;
}

const zones = new Map<string, ZoneOffsets>();
const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

/** Validates once per calendar object and caches the result (a calendar is treated as an unchanging value). */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const hit = compiled.get(calendar);
  if (hit) return hit;
  assertCalendar(calendar);
  const week: [number, number][][] = [[], [], [], [], [], [], []];
  for (const day of WEEKDAYS) {
    week[JS_DAY[day]] = calendar.hours[day]
      .map((iv): [number, number] => [minutes(iv.start)! * MINUTE_MS, minutes(iv.end)! * MINUTE_MS])
      .sort((a, b) => a[0] - b[0]);
  }
  const weeklyMs = week.flat().reduce((sum, [s, e]) => sum + e - s, 0);
  let zone = zones.get(calendar.timeZone);
  if (!zone) zones.set(calendar.timeZone, (zone = new ZoneOffsets(calendar.timeZone)));
  const out: CompiledCalendar = { week, weeklyMs, holidays: new Set(calendar.holidays.map((h) => epochDay(h)!)), zone };
  compiled.set(calendar, out);
  return out;
}
