// The appointment dialog's values and their contract input in a real time zone (Europe/London): timed
// appointments become UTC instants, all-day ones plain dates with an exclusive end, repeats a recurrence rule.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Appointment } from '../../shared/domain/appointment';
import { fieldFor, fromAppointment, newValues, toInput, validateTimes } from '../../renderer/src/features/schedule/appointment-form-values';

beforeAll(() => {
  process.env.TZ = 'Europe/London';
});

const appointment = (patch: Partial<Appointment>): Appointment => ({
  id: 'a1',
  uid: 'a1@rapport',
  title: 'Site visit',
  startsAt: '2026-07-01T08:00:00.000Z',
  endsAt: '2026-07-01T09:30:00.000Z',
  allDay: false,
  location: null,
  contactId: null,
  contactName: null,
  jobId: null,
  notes: null,
  kind: 'visit',
  recurrence: null,
  reminderMinutes: 15,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  ...patch,
});

describe('new appointment values', () => {
  it('lasts an hour from the start, repeats on the start’s weekday when made weekly, and keeps the links', () => {
    const v = newValues(new Date(2026, 6, 1, 9, 0), false, { contactId: 'c1', jobId: 'j1' }); // a Wednesday
    expect(v).toMatchObject({ startDate: '2026-07-01', startTime: '09:00', endDate: '2026-07-01', endTime: '10:00', reminder: '15', freq: 'none' });
    expect(v.byWeekday).toEqual(['WE']);
    expect([v.contactId, v.jobId]).toEqual(['c1', 'j1']);
  });

  it('ends an appointment that starts at 23:30 the next day', () => {
    expect(newValues(new Date(2026, 6, 1, 23, 30))).toMatchObject({ endDate: '2026-07-02', endTime: '00:30' });
  });
});

describe('toInput', () => {
  it('sends a timed appointment as UTC instants from local times', () => {
    const input = toInput({ ...newValues(new Date(2026, 6, 1, 9, 0)), title: 'Call', endTime: '10:30' });
    expect([input.startsAt, input.endsAt, input.allDay]).toEqual(['2026-07-01T08:00:00.000Z', '2026-07-01T09:30:00.000Z', false]);
    expect([input.reminderMinutes, input.recurrence]).toEqual([15, null]);
  });

  it('sends an all-day appointment as plain dates with the day after the last as its end', () => {
    const input = toInput({ ...newValues(new Date(2026, 2, 28), true), endDate: '2026-03-29', reminder: 'none' });
    expect([input.startsAt, input.endsAt, input.allDay, input.reminderMinutes]).toEqual(['2026-03-28', '2026-03-30', true, null]);
  });

  it('sends a repeat as a rule; a timed one in the user’s time zone', () => {
    const base = newValues(new Date(2026, 6, 1, 9, 0));
    const weekly = toInput({ ...base, freq: 'weekly', interval: 2, byWeekday: ['FR', 'MO'], ends: 'count', count: 6 });
    expect(weekly.recurrence).toEqual({ freq: 'weekly', interval: 2, byWeekday: ['MO', 'FR'], count: 6, timeZone: 'Europe/London' });
    const monthly = toInput({ ...newValues(new Date(2026, 6, 1), true), freq: 'monthly', ends: 'until', until: '2026-12-31' });
    expect(monthly.recurrence).toEqual({ freq: 'monthly', interval: 1, until: '2026-12-31' });
  });
});

describe('fromAppointment', () => {
  it('loads a timed appointment in local time and round-trips it', () => {
    const a = appointment({});
    const v = fromAppointment(a);
    expect(v).toMatchObject({ startDate: '2026-07-01', startTime: '09:00', endDate: '2026-07-01', endTime: '10:30', kind: 'visit', reminder: '15' });
    expect([toInput(v).startsAt, toInput(v).endsAt]).toEqual([a.startsAt, a.endsAt]);
  });

  it('loads an all-day appointment’s exclusive end as its last day, and back', () => {
    const a = appointment({ allDay: true, startsAt: '2026-03-28', endsAt: '2026-03-30', reminderMinutes: null });
    const v = fromAppointment(a);
    expect(v).toMatchObject({ allDay: true, startDate: '2026-03-28', endDate: '2026-03-29', reminder: 'none' });
    expect([toInput(v).startsAt, toInput(v).endsAt]).toEqual(['2026-03-28', '2026-03-30']);
  });

  it('loads a repeat’s rule and how it ends', () => {
    const v = fromAppointment(appointment({ recurrence: { freq: 'weekly', interval: 1, byWeekday: ['TU'], until: '2026-09-01' } }));
    expect(v).toMatchObject({ freq: 'weekly', byWeekday: ['TU'], ends: 'until', until: '2026-09-01' });
    expect(fromAppointment(appointment({ recurrence: { freq: 'daily', interval: 3, count: 4 } }))).toMatchObject({ freq: 'daily', interval: 3, ends: 'count', count: 4, byWeekday: ['WE'] });
  });
});

describe('validateTimes and fieldFor', () => {
  const v = newValues(new Date(2026, 6, 1, 9, 0));
  it('accepts a sound appointment and says what is wrong with the others', () => {
    expect(validateTimes(v)).toEqual({});
    expect(validateTimes({ ...v, endTime: '09:00' })).toEqual({ endTime: 'Must end after it starts' });
    expect(validateTimes({ ...v, startTime: '' })).toEqual({ startTime: 'Pick a time' });
    expect(validateTimes({ ...v, allDay: true, endDate: '2026-06-30' })).toEqual({ endDate: 'Ends before it starts' });
    expect(validateTimes({ ...v, freq: 'weekly', byWeekday: [] })).toEqual({ byWeekday: 'Pick at least one day' });
    expect(validateTimes({ ...v, freq: 'daily', ends: 'until', until: '' })).toEqual({ until: 'Pick the last date' });
  });

  it('maps main’s paths to the form’s fields', () => {
    expect([fieldFor('startsAt', false), fieldFor('startsAt', true), fieldFor('endsAt', false), fieldFor('endsAt', true)]).toEqual(['startTime', 'startDate', 'endTime', 'endDate']);
    expect([fieldFor('recurrence', false), fieldFor('recurrence.until', false), fieldFor('recurrence.byWeekday.0', false)]).toEqual(['freq', 'until', 'byWeekday']);
    expect([fieldFor('reminderMinutes', false), fieldFor('title', false)]).toEqual(['reminder', 'title']);
  });
});
