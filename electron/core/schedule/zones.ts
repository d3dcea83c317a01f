// Wall-clock time in an IANA time zone, from the OS's own zone data (Intl): what repeating appointments
// need so "every Tuesday at 10:00" stays at 10:00 local across daylight-saving changes. No `electron` import.

const DAY_MS = 24 * 3600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  return f;
}

export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
export function offsetAt(zone: string, ms: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** An instant as the zone's wall-clock time, written as if it were UTC ("floating" time, DST-free arithmetic). */
export const toWall = (zone: string, ms: number): number => ms + offsetAt(zone, ms);

/**
 * A wall-clock time back to the instant it names in the zone. A time the clocks skip (spring forward) lands
 * an hour later, as calendars do; a time that happens twice (fall back) is the first of the two.
 */
export function fromWall(zone: string, wallMs: number): number {
  // The offsets a day either side cover any one transition near this time.
  const candidates = [...new Set([wallMs - offsetAt(zone, wallMs - DAY_MS), wallMs - offsetAt(zone, wallMs + DAY_MS)])];
  const valid = candidates.filter((ms) => toWall(zone, ms) === wallMs);
  return valid.length > 0 ? Math.min(...valid) : Math.max(...candidates);
}

/** Instants where the zone's offset changes between two instants (to the minute), with the offset after each. */
export function transitions(zone: string, fromMs: number, toMs: number): { at: number; offsetBefore: number; offsetAfter: number }[] {
  const out: { at: number; offsetBefore: number; offsetAfter: number }[] = [];
  const step = 7 * 24 * 3600_000;
  let before = offsetAt(zone, fromMs);
  for (let t = fromMs; t < toMs; t += step) {
    const next = Math.min(t + step, toMs);
    const after = offsetAt(zone, next);
    if (after === before) continue;
    let [lo, hi] = [t, next];
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
      if (offsetAt(zone, mid) === before) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, offsetBefore: before, offsetAfter: after });
    before = after;
  }
  return out;
}
