// The Schedule's date arithmetic in a real time zone with daylight saving (Europe/London): each view's days,
// titles, all-day dates that must never pass through UTC, which day an occurrence shows on, and overlap columns.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Occurrence } from '../../shared/domain/appointment';
import {
  addMinutesTo,
  daySegments,
  fromInputs,
  localDate,
  occurrenceBounds,
  occurrenceTime,
  onDay,
  shiftAnchor,
  snap,
  viewDays,
  viewTitle,
} from '../../renderer/src/features/schedule/schedule-dates';

beforeAll(() => {
  // Node reads TZ when it changes, so every Date below is local to London (GMT in winter, BST in summer).
  process.env.TZ = 'Europe/London';
});

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);
const ymd = (date: Date) => [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours()];

function occurrence(startsAt: string, endsAt: string, allDay = false, id = 'a'): Occurrence {
  return { appointmentId: id, title: id, startsAt, endsAt, allDay, kind: 'meeting', location: null, contactId: null, contactName: null, recurring: false, conflict: false };
}

describe('viewDays and shiftAnchor', () => {
  it('starts weeks on Monday', () => {
    const { start, end } = viewDays('week', local(2026, 11, 18, 15)); // a Wednesday
    expect(ymd(start)).toEqual([2026, 11, 16, 0]);
    expect(ymd(end)).toEqual([2026, 11, 23, 0]);
  });

  it('shows whole weeks around the month', () => {
    const { start, end } = viewDays('month', local(2026, 11, 18)); // 1 Nov 2026 is a Sunday, the 30th a Monday
    expect(ymd(start)).toEqual([2026, 10, 26, 0]);
    expect(ymd(end)).toEqual([2026, 12, 7, 0]);
  });

  it('counts local days, so the day the clocks go forward is 23 hours long', () => {
    const { start, end } = viewDays('day', local(2026, 3, 29, 12));
    expect(ymd(end)).toEqual([2026, 3, 30, 0]);
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23);
    expect(ymd(viewDays('agenda', local(2026, 3, 20)).end)).toEqual([2026, 4, 19, 0]);
  });

  it('moves the anchor by the view’s own step', () => {
    expect(ymd(shiftAnchor('day', local(2026, 3, 28, 9), 1))).toEqual([2026, 3, 29, 9]);
    expect(ymd(shiftAnchor('week', local(2026, 11, 18), -1))).toEqual([2026, 11, 11, 0]);
    expect(ymd(shiftAnchor('month', local(2026, 1, 31), 1))).toEqual([2026, 2, 28, 0]);
    expect(ymd(shiftAnchor('agenda', local(2026, 11, 1), 1))).toEqual([2026, 12, 1, 0]);
  });
});

describe('viewTitle', () => {
  it('names the day, the month, or the week’s span', () => {
    expect(viewTitle('day', local(2026, 11, 18))).toBe('Wednesday 18 November 2026');
    expect(viewTitle('month', local(2026, 11, 18))).toBe('November 2026');
    expect(viewTitle('week', local(2026, 11, 18))).toBe('16 – 22 November 2026');
    expect(viewTitle('week', local(2026, 12, 1))).toBe('30 Nov – 6 Dec 2026');
    expect(viewTitle('week', local(2026, 12, 30))).toBe('28 Dec 2026 – 3 Jan 2027');
  });
});

describe('all-day dates and occurrence bounds', () => {
  it('reads a plain date as local midnight, never through UTC', () => {
    expect(ymd(localDate('2026-07-01'))).toEqual([2026, 7, 1, 0]);
    expect(ymd(localDate('2026-07-01T23:30:00.000Z'))).toEqual([2026, 7, 1, 0]);
  });

  it('keeps an all-day end exclusive and a timed one as its instant', () => {
    const allDay = occurrenceBounds(occurrence('2026-07-01', '2026-07-03', true));
    expect([ymd(allDay.start), ymd(allDay.end)]).toEqual([
      [2026, 7, 1, 0],
      [2026, 7, 3, 0],
    ]);
    const timed = occurrenceBounds(occurrence('2026-07-01T08:00:00.000Z', '2026-07-01T09:00:00.000Z'));
    expect(ymd(timed.start)).toEqual([2026, 7, 1, 9]); // BST
  });

  it('labels the time, or All day', () => {
    expect(occurrenceTime(occurrence('2026-07-01', '2026-07-02', true))).toBe('All day');
    expect(occurrenceTime(occurrence('2026-01-05T09:00:00.000Z', '2026-01-05T10:30:00.000Z'))).toBe('09:00–10:30');
  });
});

describe('onDay', () => {
  it('shows an all-day occurrence up to, not on, its exclusive end', () => {
    const o = occurrence('2026-07-01', '2026-07-03', true);
    expect([30, 1, 2, 3].map((d) => onDay(o, local(2026, d === 30 ? 6 : 7, d)))).toEqual([false, true, true, false]);
  });

  it('shows a one-day all-day occurrence with no length on its day', () => {
    expect(onDay(occurrence('2026-07-01', '2026-07-01', true), local(2026, 7, 1))).toBe(true);
  });

  it('shows a timed occurrence on each day it touches, and a zero-length one on the day it starts', () => {
    const overnight = occurrence('2026-01-05T22:00:00.000Z', '2026-01-06T02:00:00.000Z');
    expect([onDay(overnight, local(2026, 1, 5)), onDay(overnight, local(2026, 1, 6)), onDay(overnight, local(2026, 1, 7))]).toEqual([true, true, false]);
    const atMidnight = occurrence('2026-01-06T00:00:00.000Z', '2026-01-06T00:00:00.000Z');
    expect([onDay(atMidnight, local(2026, 1, 5)), onDay(atMidnight, local(2026, 1, 6))]).toEqual([false, true]);
  });
});

describe('daySegments', () => {
  const day = local(2026, 1, 5);
  it('gives overlapping occurrences side-by-side columns and a separate one the full width', () => {
    const segments = daySegments(
      [
        occurrence('2026-01-05T09:30:00.000Z', '2026-01-05T10:30:00.000Z', false, 'b'),
        occurrence('2026-01-05T09:00:00.000Z', '2026-01-05T10:00:00.000Z', false, 'a'),
        occurrence('2026-01-05T11:00:00.000Z', '2026-01-05T11:05:00.000Z', false, 'c'),
        occurrence('2026-01-05', '2026-01-06', true, 'all-day'),
      ],
      day,
    );
    expect(segments.map((s) => [s.occurrence.appointmentId, s.startMin, s.endMin, s.column, s.columns])).toEqual([
      ['a', 540, 600, 0, 2],
      ['b', 570, 630, 1, 2],
      ['c', 660, 675, 0, 1], // drawn at least 15 minutes tall
    ]);
  });

  it('cuts an overnight occurrence at the day’s edges', () => {
    const [late] = daySegments([occurrence('2026-01-05T22:00:00.000Z', '2026-01-06T02:00:00.000Z')], day);
    expect([late!.startMin, late!.endMin]).toEqual([1320, 1440]);
    const [early] = daySegments([occurrence('2026-01-05T22:00:00.000Z', '2026-01-06T02:00:00.000Z')], local(2026, 1, 6));
    expect([early!.startMin, early!.endMin]).toEqual([0, 120]);
  });
});

describe('form inputs and small helpers', () => {
  it('reads the native date and time inputs as a local time, or null when incomplete', () => {
    expect(fromInputs('2026-07-01', '09:30')?.toISOString()).toBe('2026-07-01T08:30:00.000Z');
    expect(fromInputs('2026-07-01', '')).toBeNull();
    expect(fromInputs('', '09:30')).toBeNull();
  });

  it('snaps to 15 minutes and adds minutes to an instant', () => {
    expect([snap(7), snap(8), snap(22), snap(23)]).toEqual([0, 15, 15, 30]);
    expect(addMinutesTo('2026-03-29T00:30:00.000Z', 60)).toBe('2026-03-29T01:30:00.000Z');
  });
});
