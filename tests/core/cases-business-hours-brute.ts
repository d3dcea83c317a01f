// The reference the business-hours calculator is checked against: walk every minute, ask Intl for its local wall
// time, and count it when that weekday's hours cover it, its date is not a holiday and the case clock is running.
// Deliberately naive and independent of electron/core/cases (it reads the calendar's strings itself).
import type { BusinessCalendar, Weekday } from '../../electron/core/cases/business-calendar';
import type { CaseClockEvent, CaseTarget, StatusCategory } from '../../electron/core/cases/case-clock';

export const MIN = 60_000;
const NAMES: Record<string, Weekday> = { Mon: 'monday', Tue: 'tuesday', Wed: 'wednesday', Thu: 'thursday', Fri: 'friday', Sat: 'saturday', Sun: 'sunday' };
const DAYS = Object.keys(NAMES);
const formats = new Map<string, Intl.DateTimeFormat>();
/** zone → UTC minute → local wall time packed in a number (memoised: the same minutes recur across runs). */
const walls = new Map<string, Map<number, number>>();

/** Local date (as yyyymmdd), weekday (0 = Mon) and minute of the day for the UTC minute starting at `ms`, from Intl. */
export function wallOf(zone: string, ms: number): { ymd: number; weekday: number; minute: number } {
  let cache = walls.get(zone);
  if (!cache) walls.set(zone, (cache = new Map()));
  let packed = cache.get(ms);
  if (packed === undefined) {
    let f = formats.get(zone);
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
      formats.set(zone, f);
    }
    // e.g. "Sun, 3/29/2026, 01:59"
    const m = /^(\w{3}), (\d+)\/(\d+)\/(\d+), (\d+):(\d+)$/.exec(f.format(ms));
    if (!m) throw new Error(`unexpected Intl output ${f.format(ms)}`);
    const ymd = Number(m[4]) * 10_000 + Number(m[2]) * 100 + Number(m[3]);
    packed = (ymd * 10 + DAYS.indexOf(m[1]!)) * 10_000 + Number(m[5]) * 60 + Number(m[6]);
    if (cache.size > 3_000_000) cache.clear();
    cache.set(ms, packed);
  }
  const rest = Math.floor(packed / 10_000);
  return { ymd: Math.floor(rest / 10), weekday: rest % 10, minute: packed % 10_000 };
}

const hhmm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
/** The calendar's strings read once per run: holidays as yyyymmdd, hours as minute pairs per weekday (0 = Mon). */
const prepared = new WeakMap<BusinessCalendar, { holidays: Set<number>; hours: [number, number][][] }>();

export function isBusinessMinute(cal: BusinessCalendar, ms: number): boolean {
  let p = prepared.get(cal);
  if (!p) {
    const holidays = new Set(cal.holidays.map((h) => Number(h.replaceAll('-', ''))));
    const hours = DAYS.map((d) => cal.hours[NAMES[d]!].map((iv): [number, number] => [hhmm(iv.start), hhmm(iv.end)]));
    prepared.set(cal, (p = { holidays, hours }));
  }
  const w = wallOf(cal.timeZone, ms);
  if (p.holidays.has(w.ymd)) return false;
  return p.hours[w.weekday]!.some(([s, e]) => s <= w.minute && w.minute < e);
}

/** Running totals of business minutes over [from, from + n min): sums[k] covers the first k minutes. */
export function prefixSums(cal: BusinessCalendar, from: number, n: number): Int32Array {
  const sums = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) sums[k + 1] = sums[k]! + (isBusinessMinute(cal, from + k * MIN) ? 1 : 0);
  return sums;
}

export interface BruteTarget {
  elapsedMin: number;
  achievedAt: number | null;
  dueAt: number | null;
  at75: number | null;
}

/**
 * The case clock minute by minute up to `end`: each minute's state replays every event at or before its start (events
 * after `now` do not exist yet). A minute counts for resolution when the category is open; for response also only
 * before the first response and the first resolve/close. Due = end of the minute at which the count reaches the target.
 */
export function bruteClock(
  cal: BusinessCalendar,
  events: CaseClockEvent[],
  targets: Record<string, CaseTarget>,
  now: number,
  end: number,
): { priority: string; category: StatusCategory; response: BruteTarget; resolution: BruteTarget } {
  const log = events.filter((e) => e.at <= now).sort((a, b) => a.at - b.at);
  const created = log.find((e) => e.kind === 'created')! as Extract<CaseClockEvent, { kind: 'created' }>;
  const isDone = (c: StatusCategory | undefined) => c === 'resolved' || c === 'closed';
  const stateAt = (t: number) => {
    let category: StatusCategory = created.category ?? 'open';
    let priority = created.priority;
    let doneFrom: number | null = isDone(category) ? created.at : null;
    for (const e of log) {
      if (e.at > t) break;
      if (e.kind === 'status') {
        if (isDone(e.category) && doneFrom === null) doneFrom = e.at;
        if (!isDone(e.category)) doneFrom = null;
        category = e.category;
      }
      if (e.kind === 'priority') priority = e.priority;
    }
    return { category, priority, doneFrom };
  };
  const final = stateAt(now);
  const target = targets[final.priority]!;
  const firstResponse = log.find((e) => e.kind === 'firstResponse')?.at ?? Infinity;
  const firstDone = log.find((e) => (e.kind === 'status' || e.kind === 'created') && isDone(e.category))?.at ?? Infinity;
  const responseStop = Math.min(firstResponse, firstDone);
  const res: BruteTarget = { elapsedMin: 0, achievedAt: final.doneFrom, dueAt: null, at75: null };
  const rsp: BruteTarget = { elapsedMin: 0, achievedAt: responseStop === Infinity ? null : responseStop, dueAt: null, at75: null };
  let [resCount, rspCount] = [0, 0];
  const hit = (t: BruteTarget, count: number, targetMs: number, at: number) => {
    if (t.dueAt === null && count * MIN >= targetMs) t.dueAt = at;
    if (t.at75 === null && count * MIN >= Math.round(targetMs * 0.75)) t.at75 = at;
  };
  hit(res, 0, target.resolutionMs, created.at);
  hit(rsp, 0, target.responseMs, created.at);
  for (let t = created.at; t < end; t += MIN) {
    if (stateAt(t).category !== 'open' || !isBusinessMinute(cal, t)) continue;
    resCount++;
    if (t < now) res.elapsedMin++;
    hit(res, resCount, target.resolutionMs, t + MIN);
    if (t >= responseStop) continue;
    rspCount++;
    if (t < now) rsp.elapsedMin++;
    hit(rsp, rspCount, target.responseMs, t + MIN);
  }
  return { priority: final.priority, category: final.category, response: rsp, resolution: res };
}
