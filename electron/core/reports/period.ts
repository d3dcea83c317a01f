// Periods as the reports read them: whole UTC days in, half-open ISO ranges [start, end) out, plus the
// period just before (churn) and the same period a year earlier (revenue comparison). No `electron` import.
import type { Range } from '../../db/reports.repo';

const DAY = 86_400_000;

export interface Period {
  current: Range;
  previous: Range;
  yearEarlier: Range;
  /** YYYY-MM of every month the period touches, in order. */
  months: string[];
  previousFrom: string;
  previousTo: string;
}

const dayStart = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const iso = (ms: number) => new Date(ms).toISOString();

/** The same calendar day a year earlier (29 February becomes 28 February). */
export function yearEarlier(instant: string): string {
  const d = new Date(instant);
  const target = new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return iso(target.getTime() + (d.getTime() % DAY));
}

export function monthBefore(month: string, years: number): string {
  const [y, m] = month.split('-');
  return `${String(Number(y) - years).padStart(4, '0')}-${m}`;
}

export function period(from: string, to: string): Period {
  const start = dayStart(from);
  const end = dayStart(to) + DAY;
  const length = end - start;
  const months: string[] = [];
  for (let d = new Date(start); d.getTime() < end; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
    months.push(d.toISOString().slice(0, 7));
  }
  return {
    current: { start: iso(start), end: iso(end) },
    previous: { start: iso(start - length), end: iso(start) },
    yearEarlier: { start: yearEarlier(iso(start)), end: yearEarlier(iso(end)) },
    months,
    previousFrom: iso(start - length).slice(0, 10),
    previousTo: iso(start - DAY).slice(0, 10),
  };
}

/** The range of one month, clipped to a period. */
export function monthRange(month: string, within: Range): Range {
  const start = Date.parse(`${month}-01T00:00:00.000Z`);
  const d = new Date(start);
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return { start: iso(Math.max(start, Date.parse(within.start))), end: iso(Math.min(end, Date.parse(within.end))) };
}

export const daysBetween = (from: string, to: Date) => Math.floor((to.getTime() - Date.parse(from)) / DAY);
