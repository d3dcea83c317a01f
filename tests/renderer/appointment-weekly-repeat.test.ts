// The weekly repeat's days follow the appointment's start date while they are still the default, and the form
// says which day a series starts on when its start date is not one of its days (main moves it there).
import { beforeAll, describe, expect, it } from 'vitest';
import { firstRepeatNote, newValues, withStartDate } from '../../renderer/src/features/schedule/appointment-form-values';

beforeAll(() => {
  process.env.TZ = 'Europe/London';
});

// Opened on Saturday 5 December 2026 (as if that were today).
const opened = () => newValues(new Date(2026, 11, 5, 9, 0));

describe('weekly days follow the start date', () => {
  it('moves the default day to a Thursday chosen before Weekly, and the same-day end with it', () => {
    const v = withStartDate(opened(), '2026-12-10');
    expect(v.byWeekday).toEqual(['TH']);
    expect([v.startDate, v.endDate]).toEqual(['2026-12-10', '2026-12-10']);
    expect(withStartDate({ ...v, freq: 'weekly' }, '2026-12-11').byWeekday).toEqual(['FR']);
  });

  it('keeps days the user chose, and the default while the date is half typed', () => {
    const chosen = { ...opened(), freq: 'weekly' as const, byWeekday: ['MO', 'WE'] };
    expect(withStartDate(chosen, '2026-12-10').byWeekday).toEqual(['MO', 'WE']);
    const other = { ...opened(), freq: 'weekly' as const, byWeekday: ['MO'] };
    expect(withStartDate(other, '2026-12-10').byWeekday).toEqual(['MO']);
    expect(withStartDate(opened(), '').byWeekday).toEqual(['SA']);
  });

  it('leaves an end date on another day where it is', () => {
    expect(withStartDate({ ...opened(), endDate: '2026-12-06' }, '2026-12-03').endDate).toBe('2026-12-06');
  });
});

describe('the first day of a weekly series', () => {
  it('says nothing when the start is one of its days, or it is not weekly', () => {
    const v = withStartDate(opened(), '2026-12-10');
    expect(firstRepeatNote({ ...v, freq: 'weekly' })).toBeNull();
    expect(firstRepeatNote({ ...v, freq: 'daily', byWeekday: ['MO'] })).toBeNull();
  });

  it('names the first day it repeats on when the start is not one of them', () => {
    const v = { ...withStartDate(opened(), '2026-12-10'), freq: 'weekly' as const, byWeekday: ['MO', 'WE'] };
    expect(firstRepeatNote(v)).toBe('Thursday is not one of its days: it starts on Monday 14 December.');
  });
});

describe('the end date follows the start date', () => {
  it('keeps an overnight end the day after: a form opened late in the evening (23:00 to 00:00) stays valid', () => {
    const late = newValues(new Date(2026, 11, 5, 23, 0));
    expect([late.startDate, late.endDate]).toEqual(['2026-12-05', '2026-12-06']);
    const moved = withStartDate(late, '2026-12-10');
    expect([moved.startDate, moved.endDate]).toEqual(['2026-12-10', '2026-12-11']);
    // Back and forth, as the e2e test does: it stays overnight.
    expect(withStartDate(withStartDate(moved, '2026-12-11'), '2026-12-10').endDate).toBe('2026-12-11');
    expect(withStartDate(opened(), '2026-12-10').endDate).toBe('2026-12-10');
  });
});
