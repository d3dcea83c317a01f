// Retention on an injected clock: two years of hourly backups, pruning after each as the app does, then exactly
// which are kept; and the size cap (oldest first, never the newest 3, shared documents counted once).
import { describe, expect, it } from 'vitest';
import { retain, type RetainedItem } from '../../electron/core/backups/retention';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const big = 1e15;

/** Runs hourly backups from `start` for `hours`, pruning after each one; returns the kept times, oldest first. */
function simulate(start: number, hours: number): number[] {
  let kept: RetainedItem[] = [];
  for (let i = 0; i < hours; i++) {
    const at = start + i * HOUR;
    kept.push({ id: String(at), at, bytes: 1 });
    const keep = new Set(retain(kept, at, { capBytes: big }));
    kept = kept.filter((item) => keep.has(item.id));
  }
  return kept.map((item) => item.at).sort((a, b) => a - b);
}

const isoWeek = (t: number) => Math.floor((t + 3 * DAY) / (7 * DAY));
const month = (t: number) => new Date(t).toISOString().slice(0, 7);
const hourOf = (t: number) => new Date(t).getUTCHours();
const sunday = (t: number) => new Date(t).getUTCDay() === 0;

describe('retention over two years of hourly backups', () => {
  it('keeps the last 24 h, then one a day for 30 days, one a week for a year, one a month before that', () => {
    const start = Date.parse('2025-01-01T00:00:00Z');
    const hours = 2 * 365 * 24;
    const end = start + (hours - 1) * HOUR;
    const kept = simulate(start, hours);

    // What must be left, derived independently: pruning after every backup means a day keeps its 23:00 backup,
    // a week the survivor of its Sunday, and a month the last Sunday's; the newest of each tier's boundary stays.
    const all = Array.from({ length: hours }, (_, i) => start + i * HOUR);
    const dayBoundary = end - DAY;
    const weekSurvivors = all.filter((t) => hourOf(t) === 23 && end - t >= 30 * DAY);
    const weekBoundary = weekSurvivors[weekSurvivors.length - 1]!;
    const monthEntrants = all.filter((t) => hourOf(t) === 23 && sunday(t) && end - t >= 365 * DAY);
    const lastInMonth = new Map<string, number>();
    for (const t of monthEntrants) lastInMonth.set(month(t), t);
    const expected = all.filter((t) => {
      const age = end - t;
      if (age < DAY) return true;
      if (age < 30 * DAY) return hourOf(t) === 23 || t === dayBoundary;
      if (age < 365 * DAY) return t === weekBoundary || (hourOf(t) === 23 && sunday(t) && isoWeek(t) !== isoWeek(weekBoundary));
      return lastInMonth.get(month(t)) === t;
    });
    expect(kept.map((t) => new Date(t).toISOString())).toEqual(expected.map((t) => new Date(t).toISOString()));

    // And in plain numbers (the run ends at 23:00, so the day tier's boundary backup is that day's 23:00 one).
    const tier = (lo: number, hi: number) => kept.filter((t) => end - t >= lo && end - t < hi).length;
    expect([tier(0, DAY), tier(DAY, 30 * DAY), tier(30 * DAY, 365 * DAY), tier(365 * DAY, Infinity)]).toEqual([24, 29, 49, 12]);
  });
});

describe('the size cap', () => {
  const now = Date.parse('2026-06-01T12:00:00Z');
  const item = (hoursAgo: number, bytes: number, blobs: RetainedItem['blobs'] = []): RetainedItem => ({ id: `h${hoursAgo}`, at: now - hoursAgo * HOUR, bytes, blobs });

  it('removes the oldest first until the backups fit', () => {
    const items = [0, 1, 2, 3, 4, 5].map((h) => item(h, 100));
    expect(retain(items, now, { capBytes: 450 })).toEqual(['h0', 'h1', 'h2', 'h3']);
  });

  it('never removes the newest 3, even over the cap', () => {
    const items = [0, 1, 2, 3].map((h) => item(h, 100));
    expect(retain(items, now, { capBytes: 50 })).toEqual(['h0', 'h1', 'h2']);
  });

  it('counts a document shared by several backups once', () => {
    const doc = { sha256: 'a'.repeat(64), size: 1000 };
    const items = [0, 1, 2, 3, 4].map((h) => item(h, 10, [doc]));
    expect(retain(items, now, { capBytes: 1050 })).toEqual(['h0', 'h1', 'h2', 'h3', 'h4']);
    expect(retain(items, now, { capBytes: 1035 })).toEqual(['h0', 'h1', 'h2']);
  });
});
