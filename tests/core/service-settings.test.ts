// The business calendar and targets (issue #22): read with defaults, checked in the app's own words naming the field,
// saved, and every open or waiting case's due times recomputed at once (the list's due order stays right).
// Real SQLite; the only fake is the clock. Monday 23 November 2026, 10:00 UTC.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { UTC_CALENDAR } from './cases-records-helpers';

let t: TestCore;
let maya = '';

beforeEach(async () => {
  t = await openTestCore({ start: '2026-11-23T10:00:00.000Z' });
  maya = (await t.call('contacts.create', { firstName: 'Maya', lastName: 'Okafor' })).id;
});
afterEach(() => t.destroy());

const long = [{ start: '08:00', end: '18:00' }];
const LONG_DAYS = { ...UTC_CALENDAR, hours: { ...UTC_CALENDAR.hours, monday: long, tuesday: long, wednesday: long, thursday: long, friday: long } };

describe('service settings', () => {
  it('starts from Mon–Fri 09–17 and the default targets', async () => {
    const calendar = await t.call('service.calendar.get', {});
    expect(calendar.hours.monday).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(calendar.hours.sunday).toEqual([]);
    const targets = await t.call('service.targets.get', {});
    expect(targets.byPriority.urgent).toEqual({ responseMinutes: 60, resolutionMinutes: 480 });
    expect(targets.reopenWithinDays).toBe(7);
  });

  it('recomputes open and waiting cases when the calendar changes, not finished ones', async () => {
    await t.call('service.calendar.update', UTC_CALENDAR);
    const open = await t.call('cases.create', { contactId: maya, subject: 'Open' });
    const done = await t.call('cases.create', { contactId: maya, subject: 'Done' });
    const resolved = (await t.call('cases.statuses.list', {})).statuses.find((s) => s.key === 'resolved')!.id;
    await t.call('cases.setStatus', { id: done.case.id, statusId: resolved });
    expect(open.case.response.dueAt).toBe('2026-11-24T10:00:00.000Z');
    const before = t.events.length;

    // 08:00–18:00: 8 h from Monday 10:00 is Monday 18:00; 40 h is Friday 10:00.
    await t.call('service.calendar.update', LONG_DAYS);
    const item = (await t.call('cases.list', {})).items.find((i) => i.id === open.case.id)!;
    expect(item.nextDueAt).toBe('2026-11-23T18:00:00.000Z');
    expect((await t.call('cases.get', { id: open.case.id })).case.resolution.dueAt).toBe('2026-11-27T10:00:00.000Z');
    const changed = t.events.slice(before).filter((e) => e.name === 'data.changed').map((e) => e.payload as { entity: string; ids: string[] });
    expect(changed).toContainEqual(expect.objectContaining({ entity: 'case', ids: [open.case.id] }));
  });

  it('recomputes when the targets change, overrides by type included', async () => {
    await t.call('service.calendar.update', UTC_CALENDAR);
    const normal = await t.call('cases.create', { contactId: maya, subject: 'Question' });
    const warranty = await t.call('cases.create', { contactId: maya, subject: 'Claim', type: 'warranty' });
    const targets = await t.call('service.targets.get', {});
    await t.call('service.targets.update', {
      ...targets,
      byPriority: { ...targets.byPriority, normal: { responseMinutes: 60, resolutionMinutes: 120 } },
      overrides: [{ type: 'warranty', companyTag: null, byPriority: { normal: { responseMinutes: 30, resolutionMinutes: 240 } } }],
    });
    const list = (await t.call('cases.list', {})).items;
    expect(list.map((i) => [i.subject, i.nextDueAt])).toEqual([
      ['Claim', '2026-11-23T10:30:00.000Z'],
      ['Question', '2026-11-23T11:00:00.000Z'],
    ]);
    void [normal, warranty];
  });

  it('refuses a calendar that makes no sense, naming every field', async () => {
    const bad = { ...UTC_CALENDAR, timeZone: 'Mars/Olympus', hours: { ...UTC_CALENDAR.hours, tuesday: [{ start: '12:00', end: '10:00' }] } };
    const error = await t.fail('service.calendar.update', bad);
    expect(error.code).toBe('VALIDATION');
    expect(error.issues?.map((i) => i.path)).toEqual(['timeZone', 'hours.tuesday.0.end']);
    expect(error.issues?.[1]?.message).toBe('The end (10:00) must be later than the start (12:00) on the same day');
    expect((await t.fail('service.calendar.update', { ...UTC_CALENDAR, holidays: ['2026-02-30'] })).issues?.[0]?.path).toBe('holidays.0');
    const closed = { ...UTC_CALENDAR, hours: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] } };
    expect((await t.fail('service.calendar.update', closed)).issues?.[0]?.path).toBe('hours');
    expect((await t.call('service.calendar.get', {})).timeZone).not.toBe('Mars/Olympus');
  });
});
