// The schedule service on a real SQLite file: create/update/Trash, the validation rules, recurrence expansion
// (daily, weekly on days, monthly; until and count), all-day dates that no offset shifts, conflicts, and
// reminders driven by a manual clock, recurring occurrences included and each fired once; and the one wake-up
// timer that runs both reminder loops.
import { rmSync } from 'node:fs';
import { openCore } from '../../electron/core/app';
import { manualClock, systemClock } from '../../electron/core/clock';
import { EventBus } from '../../electron/core/events';
import { memoryLogger } from '../../electron/core/logger';
import { createWakeTimer, type WakeLoop } from '../../electron/core/wake-timer';
import { appointmentTextHits } from '../../electron/db/schedule.repo';
import { toFtsQuery } from '../../electron/db/fts';
import { harnessPlatform } from '../../electron/harness/platform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';
import { failure, openSchedule, type Schedule } from '../helpers/schedule-deps';

let s: Schedule;
beforeEach(async () => {
  s = await openSchedule({ start: '2026-11-22T09:00:00.000Z' });
});
afterEach(() => s.destroy());

const starts = (items: { startsAt: string }[]) => items.map((o) => o.startsAt);

describe('appointments', () => {
  it('creates with UTC instants and a stable UID, updates, trashes and restores, telling the UI each time', async () => {
    const maya = s.addContact('Maya Okafor');
    const a = await s.create({ title: 'Site visit', startsAt: '2026-11-23T10:00:00+01:00', endsAt: '2026-11-23T11:30:00+01:00', contactId: maya, kind: 'visit', location: '12 Mill Lane', reminderMinutes: 30 });
    expect(a).toMatchObject({ title: 'Site visit', startsAt: '2026-11-23T09:00:00.000Z', endsAt: '2026-11-23T10:30:00.000Z', allDay: false, contactName: 'Maya Okafor', kind: 'visit', recurrence: null, reminderMinutes: 30, deletedAt: null });
    expect(a.uid).toBe(`${a.id}@rapport`);
    expect(await s.service.get(a.id)).toEqual(a);

    const moved = await s.update({ id: a.id, startsAt: '2026-11-24T09:00:00Z', endsAt: '2026-11-24T10:00:00Z', location: '' });
    expect(moved).toMatchObject({ startsAt: '2026-11-24T09:00:00.000Z', location: null, uid: a.uid, title: 'Site visit' });

    await s.service.delete({ id: a.id });
    expect(await s.list('2026-11-23T00:00:00Z', '2026-11-30T00:00:00Z')).toEqual([]);
    await s.service.restore({ id: a.id });
    expect(starts(await s.list('2026-11-23T00:00:00Z', '2026-11-30T00:00:00Z'))).toEqual(['2026-11-24T09:00:00.000Z']);
    expect(s.events.filter((e) => e.name === 'data.changed').map((e) => (e.payload as { action: string }).action)).toEqual(['created', 'updated', 'deleted', 'restored']);
    expect((await failure(s.service.get('0190a5d6-0000-7000-8000-000000000000'))).code).toBe('NOT_FOUND');
  });

  it('rejects an end before the start, mixed dates and instants, weekdays on a non-weekly repeat, and an unknown contact', async () => {
    const cases: [Parameters<Schedule['create']>[0], string][] = [
      [{ title: 'x', startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T09:00:00Z' }, 'endsAt'],
      [{ title: 'x', startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T11:00:00Z', allDay: true }, 'startsAt'],
      [{ title: 'x', startsAt: '2026-11-23', endsAt: '2026-11-24' }, 'startsAt'],
      [{ title: 'x', startsAt: '2026-11-23', endsAt: '2026-11-23', allDay: true }, 'endsAt'],
      [{ title: 'x', startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T11:00:00Z', recurrence: { freq: 'daily', byWeekday: ['MO'] } }, 'recurrence.byWeekday'],
      [{ title: 'x', startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T11:00:00Z', recurrence: { freq: 'daily', until: '2026-11-20' } }, 'recurrence.until'],
      [{ title: 'x', startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T11:00:00Z', recurrence: { freq: 'daily', until: '2026-12-20', count: 3 } }, 'recurrence.count'],
    ];
    for (const [input, path] of cases) {
      const error = await failure(s.create(input));
      expect(error.code, JSON.stringify(input)).toBe('VALIDATION');
      expect(error.issues?.[0]?.path).toBe(path);
    }
    const a = await s.create({ title: 'ok', startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T11:00:00Z' });
    expect((await failure(s.update({ id: a.id, endsAt: '2026-11-23T09:00:00Z' }))).issues?.[0]?.path).toBe('endsAt');
    expect((await failure(s.update({ id: a.id, allDay: true }))).code).toBe('VALIDATION');
    expect((await failure(s.create({ title: 'x', startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T11:00:00Z', contactId: '0190a5d6-0000-7000-8000-000000000000' }))).code).toBe('NOT_FOUND');
    expect(s.sqlite.prepare('SELECT count(*) FROM appointments').pluck().get()).toBe(1);
  });

  it('keeps all-day appointments on their dates whatever offset the range is given in', async () => {
    await s.create({ title: 'Trade fair', startsAt: '2026-11-24', endsAt: '2026-11-26', allDay: true });
    for (const offset of ['+13:00', '-10:00', 'Z']) {
      const day = await s.list(`2026-11-25T00:00:00${offset}`, `2026-11-26T00:00:00${offset}`);
      expect(day).toEqual([expect.objectContaining({ title: 'Trade fair', startsAt: '2026-11-24', endsAt: '2026-11-26', allDay: true, conflict: false })]);
      expect(await s.list(`2026-11-26T00:00:00${offset}`, `2026-11-27T00:00:00${offset}`)).toEqual([]);
      expect(await s.list(`2026-11-23T00:00:00${offset}`, `2026-11-24T00:00:00${offset}`)).toEqual([]);
    }
    // A range ending mid-day includes that day.
    expect(await s.list('2026-11-23T00:00:00+05:00', '2026-11-24T08:00:00+05:00')).toHaveLength(1);
  });

  it('expands a daily repeat with a count, only within the range', async () => {
    const a = await s.create({ title: 'Stand-up', startsAt: '2026-11-23T08:00:00Z', endsAt: '2026-11-23T08:15:00Z', recurrence: { freq: 'daily', count: 3 } });
    expect(a.recurrence).toEqual({ freq: 'daily', interval: 1, count: 3 });
    const week = await s.list('2026-11-22T00:00:00Z', '2026-11-30T00:00:00Z');
    expect(starts(week)).toEqual(['2026-11-23T08:00:00.000Z', '2026-11-24T08:00:00.000Z', '2026-11-25T08:00:00.000Z']);
    expect(week.every((o) => o.recurring && o.endsAt.endsWith('08:15:00.000Z'))).toBe(true);
    expect(starts(await s.list('2026-11-24T08:10:00Z', '2026-11-25T08:00:00Z'))).toEqual(['2026-11-24T08:00:00.000Z']);
  });

  it('expands weekly repeats on chosen days until a date, and every other week', async () => {
    await s.create({ title: 'Gym', startsAt: '2026-11-23T18:00:00Z', endsAt: '2026-11-23T19:00:00Z', recurrence: { freq: 'weekly', byWeekday: ['MO', 'WE', 'FR'], until: '2026-12-02' } });
    expect(starts(await s.list('2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z'))).toEqual([
      '2026-11-23T18:00:00.000Z', '2026-11-25T18:00:00.000Z', '2026-11-27T18:00:00.000Z', '2026-11-30T18:00:00.000Z', '2026-12-02T18:00:00.000Z',
    ]);
    const s2 = await openSchedule();
    try {
      await s2.create({ title: 'Payroll', startsAt: '2026-11-24T09:00:00Z', endsAt: '2026-11-24T09:30:00Z', recurrence: { freq: 'weekly', interval: 2 } });
      expect(starts(await s2.list('2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z'))).toEqual(['2026-12-08T09:00:00.000Z', '2026-12-22T09:00:00.000Z']);
    } finally {
      s2.destroy();
    }
  });

  it('expands monthly repeats (until, count) and all-day weekly repeats without shifting them', async () => {
    await s.create({ title: 'Invoices', startsAt: '2027-01-15T09:00:00Z', endsAt: '2027-01-15T10:00:00Z', recurrence: { freq: 'monthly', until: '2027-04-15' } });
    await s.create({ title: 'Bins', startsAt: '2027-01-05', endsAt: '2027-01-06', allDay: true, recurrence: { freq: 'weekly', count: 2 } });
    const items = await s.list('2027-01-01T00:00:00-08:00', '2027-12-31T00:00:00-08:00');
    expect(starts(items.filter((o) => o.title === 'Invoices'))).toEqual(['2027-01-15T09:00:00.000Z', '2027-02-15T09:00:00.000Z', '2027-03-15T09:00:00.000Z', '2027-04-15T09:00:00.000Z']);
    expect(items.filter((o) => o.title === 'Bins').map((o) => [o.startsAt, o.endsAt])).toEqual([['2027-01-05', '2027-01-06'], ['2027-01-12', '2027-01-13']]);
  });

  it('marks timed occurrences that overlap another timed one, recurring ones included, never all-day ones', async () => {
    await s.create({ title: 'A', startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T11:00:00Z' });
    await s.create({ title: 'B', startsAt: '2026-11-23T10:30:00Z', endsAt: '2026-11-23T11:30:00Z' });
    await s.create({ title: 'C', startsAt: '2026-11-23T11:30:00Z', endsAt: '2026-11-23T12:00:00Z' }); // touches B: no conflict
    await s.create({ title: 'D', startsAt: '2026-11-23', endsAt: '2026-11-24', allDay: true });
    await s.create({ title: 'E', startsAt: '2026-11-22T13:00:00Z', endsAt: '2026-11-22T14:00:00Z', recurrence: { freq: 'daily' } });
    await s.create({ title: 'F', startsAt: '2026-11-23T13:30:00Z', endsAt: '2026-11-23T13:45:00Z' });
    const items = await s.list('2026-11-23T00:00:00Z', '2026-11-24T00:00:00Z');
    expect(items.map((o) => [o.title, o.conflict])).toEqual([['D', false], ['A', true], ['B', true], ['C', false], ['E', true], ['F', true]]);
  });
});

describe('appointment reminders', () => {
  const due = () => s.events.filter((e) => e.name === 'appointments.due').map((e) => (e.payload as { occurrence: { title: string; startsAt: string } }).occurrence);

  it('fires a one-off reminder when its time comes, once', async () => {
    await s.create({ title: 'Call Maya', kind: 'call', startsAt: '2026-11-22T10:00:00Z', endsAt: '2026-11-22T10:15:00Z', reminderMinutes: 15 });
    await s.create({ title: 'No reminder', startsAt: '2026-11-22T10:00:00Z', endsAt: '2026-11-22T10:15:00Z' });
    expect(await s.reminders.tick()).toBe(0);
    s.clock.set('2026-11-22T09:44:59Z');
    expect(await s.reminders.tick()).toBe(0);
    s.clock.set('2026-11-22T09:45:00Z');
    expect(await s.reminders.tick()).toBe(1);
    expect(due()).toEqual([expect.objectContaining({ title: 'Call Maya', startsAt: '2026-11-22T10:00:00.000Z', kind: 'call', recurring: false })]);
    s.clock.set('2026-11-22T09:50:00Z');
    expect(await s.reminders.tick()).toBe(0);
  });

  it('fires each occurrence of a recurring appointment once, skips ones that ended while closed, and re-arms when moved', async () => {
    const a = await s.create({ title: 'Stand-up', startsAt: '2026-11-23T08:00:00Z', endsAt: '2026-11-23T08:15:00Z', recurrence: { freq: 'daily', count: 5 }, reminderMinutes: 30 });
    s.clock.set('2026-11-23T07:30:00Z');
    expect(await s.reminders.tick()).toBe(1);
    expect(await s.reminders.tick()).toBe(0);
    s.clock.set('2026-11-24T07:35:00Z');
    expect(await s.reminders.tick()).toBe(1);
    expect(await s.reminders.tick()).toBe(0);
    // Closed all of the 25th; opened during the 26th's occurrence: only that one, still on, is reminded.
    s.clock.set('2026-11-26T08:05:00Z');
    expect(await s.reminders.tick()).toBe(1);
    expect(starts(due())).toEqual(['2026-11-23T08:00:00.000Z', '2026-11-24T08:00:00.000Z', '2026-11-26T08:00:00.000Z']);
    expect(due().every((o) => (o as unknown as { recurring: boolean }).recurring)).toBe(true);
    // Moving it to later the same day re-arms the reminder for the moved occurrence.
    await s.update({ id: a.id, startsAt: '2026-11-23T09:00:00Z', endsAt: '2026-11-23T09:15:00Z' });
    s.clock.set('2026-11-26T08:31:00Z');
    expect(await s.reminders.tick()).toBe(1);
    expect(due().at(-1)?.startsAt).toBe('2026-11-26T09:00:00.000Z');
    s.clock.set('2026-11-28T12:00:00Z'); // after the last of 5
    expect(await s.reminders.tick()).toBe(0);
  });

  it('reminds of an all-day appointment before local midnight of its day', async () => {
    await s.create({ title: 'Trade fair', startsAt: '2026-11-24', endsAt: '2026-11-25', allDay: true, reminderMinutes: 60 * 24 });
    const midnight = new Date(2026, 10, 24).getTime();
    s.clock.set(new Date(midnight - 24 * 3600_000 - 1000));
    expect(await s.reminders.tick()).toBe(0);
    s.clock.set(new Date(midnight - 24 * 3600_000));
    expect(await s.reminders.tick()).toBe(1);
    expect(due()).toEqual([expect.objectContaining({ startsAt: '2026-11-24', allDay: true })]);
    expect(await s.reminders.tick()).toBe(0);
  });

  it('does not remind of a trashed appointment', async () => {
    const a = await s.create({ title: 'Gone', startsAt: '2026-11-22T10:00:00Z', endsAt: '2026-11-22T10:15:00Z', reminderMinutes: 60 });
    await s.service.delete({ id: a.id });
    expect(await s.reminders.tick()).toBe(0);
  });
});

describe('appointment search hits', () => {
  it('finds appointments by title, place or notes in the TEXT_QUERIES shape, Trash flagged', async () => {
    const maya = s.addContact('Maya Okafor');
    const a = await s.create({ title: 'Kitchen survey', startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T11:00:00Z', location: 'Harrogate', contactId: maya });
    await s.create({ title: 'Other', startsAt: '2026-11-23T12:00:00Z', endsAt: '2026-11-23T13:00:00Z', notes: 'o\'brien "NEAR(' });
    const hits = await appointmentTextHits(s.db, toFtsQuery('harrog')!, 10);
    expect(hits).toEqual([{ hit: { type: 'appointment', id: a.id, title: 'Kitchen survey', subtitle: 'Maya Okafor · 2026-11-23', contactId: maya }, score: expect.any(Number), deletedAt: null }]);
    expect(await appointmentTextHits(s.db, toFtsQuery('o\'brien "NEAR(')!, 10)).toHaveLength(1);
    await s.service.delete({ id: a.id });
    expect((await appointmentTextHits(s.db, toFtsQuery('kitchen')!, 10))[0]?.deletedAt).not.toBeNull();
  });
});

describe('long-running series', () => {
  it('expands a years-old series exactly as from its first occurrence, and skips ended ones', async () => {
    const weekly = await s.create({ title: 'Standing call', startsAt: '2023-01-02T09:00:00Z', endsAt: '2023-01-02T09:30:00Z', recurrence: { freq: 'weekly', byWeekday: ['MO', 'TH'] } });
    const daily = await s.create({ title: 'Daily stand-up', startsAt: '2022-06-01T08:00:00Z', endsAt: '2022-06-01T08:15:00Z', recurrence: { freq: 'daily', interval: 3 } });
    const ended = await s.create({ title: 'Old series', startsAt: '2023-01-02T12:00:00Z', endsAt: '2023-01-02T13:00:00Z', recurrence: { freq: 'weekly', until: '2023-06-30' } });
    const monthly = await s.create({ title: 'Invoice run', startsAt: '2021-01-28T16:00:00Z', endsAt: '2021-01-28T17:00:00Z', recurrence: { freq: 'monthly', interval: 2 } });
    const monthEnd = await s.create({ title: 'Month end', startsAt: '2021-01-31', endsAt: '2021-02-01', allDay: true, recurrence: { freq: 'monthly' } });
    const counted = await s.create({ title: 'Ten sessions', startsAt: '2026-10-01', endsAt: '2026-10-02', allDay: true, recurrence: { freq: 'weekly', count: 10 } });
    const items = (await s.service.list(s.parse('appointments.list', { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }))).items;
    const starts = (id: string) => items.filter((o) => o.appointmentId === id).map((o) => o.startsAt);
    expect(starts(weekly.id)).toEqual(['2026-11-02', '2026-11-05', '2026-11-09', '2026-11-12', '2026-11-16', '2026-11-19', '2026-11-23', '2026-11-26', '2026-11-30'].map((d) => `${d}T09:00:00.000Z`));
    // Every third day from 2022-06-01: 2026-11-01 is day 1614 = 538 × 3, so it is an occurrence.
    expect(starts(daily.id).slice(0, 3)).toEqual(['2026-11-01T08:00:00.000Z', '2026-11-04T08:00:00.000Z', '2026-11-07T08:00:00.000Z']);
    expect(starts(daily.id)).toHaveLength(10);
    expect(starts(ended.id)).toEqual([]);
    expect(starts(counted.id)).toEqual(['2026-11-05', '2026-11-12', '2026-11-19', '2026-11-26']);
    // Every other month from January 2021: November 2026 is month 70, an even one.
    expect(starts(monthly.id)).toEqual(['2026-11-28T16:00:00.000Z']);
    // The 31st has no fast-forward (not every month has one) and November has no 31st.
    expect(starts(monthEnd.id)).toEqual([]);
  });
});

describe('long appointments', () => {
  it('finds a one-off lasting weeks in a range that starts after it began', async () => {
    const fair = await s.create({ title: 'Trade fair season', startsAt: '2026-10-20', endsAt: '2026-11-25', allDay: true });
    const residency = await s.create({ title: 'On-site residency', startsAt: '2026-11-01T08:00:00Z', endsAt: '2026-11-20T17:00:00Z' });
    const week = await s.create({ title: 'Week-long job', startsAt: '2026-11-09T08:00:00Z', endsAt: '2026-11-16T08:00:00Z' });
    const ids = (await s.list('2026-11-16T00:00:00Z', '2026-11-17T00:00:00Z')).map((o) => o.appointmentId).sort();
    expect(ids).toEqual([fair.id, residency.id, week.id].sort());
    expect(await s.list('2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z')).toEqual([]);
  });
});

describe('the shared wake-up timer', () => {
  const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

  it('sleeps until the earlier of the loops\' next due times, runs every loop each time, and stops', async () => {
    const runs = { soon: 0, later: 0 };
    const loop = (name: 'soon' | 'later', inMs: number): WakeLoop => ({
      name,
      wakeOn: [],
      run: async () => {
        runs[name]++;
        return Date.now() + inMs;
      },
    });
    const timer = createWakeTimer([loop('soon', 30), loop('later', 60_000)], { clock: systemClock, events: new EventBus(), logger: memoryLogger() });
    timer.start();
    await sleep(200);
    timer.stop();
    expect(runs.soon).toBeGreaterThanOrEqual(3);
    expect(runs.later).toBe(runs.soon);
    const stopped = { ...runs };
    await sleep(100);
    expect(runs).toEqual(stopped);
  });

  it('fires follow-up and appointment reminders from the one timer the app starts, woken by a change', async () => {
    const dataDir = tempDir();
    const clock = manualClock('2026-11-22T09:00:00.000Z');
    const core = await openCore({ dataDir, clock, logger: memoryLogger(), platform: harnessPlatform(dataDir) });
    const due: string[] = [];
    core.events.subscribe((name) => {
      if (name === 'tasks.due' || name === 'appointments.due') due.push(name);
    });
    try {
      await core.dispatch('tasks.create', { title: 'Call back', dueAt: '2026-11-22T09:00:00Z' });
      await core.dispatch('appointments.create', { title: 'Visit', startsAt: '2026-11-22T09:10:00Z', endsAt: '2026-11-22T10:00:00Z', reminderMinutes: 15 });
      await expect.poll(() => [...due].sort(), { timeout: 2000 }).toEqual(['appointments.due', 'tasks.due']);
    } finally {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
