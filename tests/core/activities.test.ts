// Activities, follow-ups and reminders through the real dispatcher on a real SQLite file; time moves
// only when the test moves the manual clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
let maya = '';
beforeEach(async () => {
  t = await openTestCore({ start: '2026-11-22T09:00:00.000Z' });
  const co = await t.call('companies.create', { name: 'Okafor Kitchens' });
  maya = (await t.call('contacts.create', { firstName: 'Maya', lastName: 'Okafor', companyId: co.id })).id;
});
afterEach(() => t.destroy());

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('activities', () => {
  it('logs a call offline with duration, outcome and a follow-up in one save', async () => {
    const call = await t.call('activities.create', {
      contactId: maya,
      type: 'call',
      direction: 'outbound',
      occurredAt: '2026-11-22T10:15:00+01:00',
      durationSeconds: 312,
      outcome: 'connected',
      notes: 'Wants the oak worktop. Send revised quote.',
      followUp: { title: 'Send revised quote', dueAt: '2026-11-27T17:00:00Z' },
    });
    expect(call).toMatchObject({ type: 'call', occurredAt: '2026-11-22T09:15:00.000Z', durationSeconds: 312, outcome: 'connected', contactName: 'Maya Okafor' });
    expect(call.companyId).not.toBeNull();

    const contact = await t.call('contacts.get', { id: maya });
    expect(contact.lastContactedAt).toBe('2026-11-22T09:15:00.000Z');
    expect(contact.nextTaskDueAt).toBe('2026-11-27T17:00:00.000Z');
    const open = await t.call('tasks.list', { contactId: maya });
    expect(open.items.map((x) => x.title)).toEqual(['Send revised quote']);
    expect((await t.call('search.global', { query: 'oak worktop' })).items).toContainEqual(expect.objectContaining({ type: 'activity', id: call.id, contactId: maya }));
    expect((await t.call('search.global', { query: 'revised quote' })).items.map((h) => h.type)).toEqual(expect.arrayContaining(['activity', 'task']));
  });

  it('refuses a missing contact (NOT_FOUND) and writes nothing, follow-up included', async () => {
    const error = await t.fail('activities.create', { contactId: '01930000-0000-7000-8000-000000000000', type: 'note', followUp: { title: 'x' } });
    expect(error.code).toBe('NOT_FOUND');
    expect((await t.call('tasks.list', {})).items).toEqual([]);
    expect((await t.call('activities.list', {})).items).toEqual([]);
  });

  it('counts real contact only: not notes, not calls that never connected', async () => {
    await t.call('activities.create', { contactId: maya, type: 'note', occurredAt: '2026-11-21T09:00:00Z' });
    await t.call('activities.create', { contactId: maya, type: 'call', outcome: 'no_answer', occurredAt: '2026-11-21T10:00:00Z' });
    expect((await t.call('contacts.get', { id: maya })).lastContactedAt).toBeNull();
    const email = await t.call('activities.create', { contactId: maya, type: 'email', occurredAt: '2026-11-20T10:00:00Z' });
    expect((await t.call('contacts.get', { id: maya })).lastContactedAt).toBe('2026-11-20T10:00:00.000Z');
    await t.call('activities.delete', { id: email.id });
    expect((await t.call('contacts.get', { id: maya })).lastContactedAt).toBeNull();
    await t.call('activities.restore', { id: email.id });
    await t.call('activities.update', { id: email.id, occurredAt: '2026-11-21T12:00:00Z' });
    expect((await t.call('contacts.get', { id: maya })).lastContactedAt).toBe('2026-11-21T12:00:00.000Z');
  });

  it('pages a timeline newest first, by contact, company and type', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      ids.push((await t.call('activities.create', { contactId: maya, type: i % 2 ? 'call' : 'email', occurredAt: new Date(Date.UTC(2026, 9, 1 + i)).toISOString() })).id);
    }
    const other = (await t.call('contacts.create', { firstName: 'Tom' })).id;
    await t.call('activities.create', { contactId: other, type: 'meeting' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.call('activities.list', { contactId: maya, limit: 10, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const company = (await t.call('contacts.get', { id: maya })).companyId!;
    expect((await t.call('activities.list', { companyId: company, limit: 50 })).items).toHaveLength(25);
    expect((await t.call('activities.list', { contactId: maya, type: 'call', limit: 50 })).items).toHaveLength(12);
    expect((await t.call('activities.list', { limit: 50 })).items).toHaveLength(26);
  });
});

describe('follow-ups and the contacts list', () => {
  it('sorts by last contacted and filters drift and overdue follow-ups', async () => {
    const tom = (await t.call('contacts.create', { firstName: 'Tom' })).id;
    const ines = (await t.call('contacts.create', { firstName: 'Ines' })).id;
    await t.call('activities.create', { contactId: tom, type: 'call', occurredAt: '2026-07-01T10:00:00Z' }); // months ago
    await t.call('activities.create', { contactId: ines, type: 'meeting', occurredAt: '2026-11-20T10:00:00Z' });

    const byContact = await t.call('contacts.list', { sort: 'lastContacted' });
    expect(byContact.items.map((c) => c.displayName)).toEqual(['Ines', 'Tom', 'Maya Okafor']); // never contacted last
    const drifting = await t.call('contacts.list', { notContactedForDays: 90 });
    expect(drifting.items.map((c) => c.displayName).sort()).toEqual(['Maya Okafor', 'Tom']);
    expect(drifting.total).toBe(2);

    await t.call('tasks.create', { title: 'Chase invoice', contactId: tom, dueAt: '2026-11-22T08:00:00Z' }); // an hour ago
    await t.call('tasks.create', { title: 'Birthday card', contactId: ines, dueAt: '2026-11-22T00:00:00Z', allDay: true }); // today, all day
    expect((await t.call('contacts.list', { hasOverdueTask: true })).items.map((c) => c.displayName)).toEqual(['Tom']);
    t.clock.advance(DAY);
    expect((await t.call('contacts.list', { hasOverdueTask: true })).items.map((c) => c.displayName)).toEqual(['Ines', 'Tom']);
  });

  it('completes, reopens, snoozes and lists tasks in the Today buckets', async () => {
    const overdue = await t.call('tasks.create', { title: 'Overdue one', contactId: maya, dueAt: '2026-11-21T15:00:00Z' });
    const today = await t.call('tasks.create', { title: 'Later today', dueAt: '2026-11-22T16:00:00Z' });
    const week = await t.call('tasks.create', { title: 'Thursday', dueAt: '2026-11-26T09:00:00Z', priority: 'high' });
    await t.call('tasks.create', { title: 'Someday' });
    const range = { dayStart: '2026-11-22T00:00:00Z', dayEnd: '2026-11-23T00:00:00Z', weekEnd: '2026-11-30T00:00:00Z' };

    const buckets = await t.call('tasks.today', range);
    expect(buckets.overdue.map((x) => x.id)).toEqual([overdue.id]);
    expect(buckets.overdue[0]).toMatchObject({ overdue: true, contactName: 'Maya Okafor' });
    expect(buckets.today.map((x) => x.id)).toEqual([today.id]);
    expect(buckets.upcoming.map((x) => x.id)).toEqual([week.id]);
    expect((await t.call('tasks.list', { status: 'overdue' })).items.map((x) => x.id)).toEqual([overdue.id]);
    expect((await t.call('tasks.list', {})).items.map((x) => x.title)).toEqual(['Overdue one', 'Later today', 'Thursday', 'Someday']);

    const done = await t.call('tasks.complete', { id: overdue.id });
    expect(done.completedAt).toBe('2026-11-22T09:00:00.000Z');
    expect((await t.call('tasks.today', range)).overdue).toEqual([]);
    expect((await t.call('tasks.list', { status: 'done' })).items.map((x) => x.id)).toEqual([overdue.id]);
    expect((await t.call('contacts.get', { id: maya })).nextTaskDueAt).toBeNull();
    await t.call('tasks.reopen', { id: overdue.id });
    expect((await t.call('contacts.get', { id: maya })).nextTaskDueAt).toBe('2026-11-21T15:00:00.000Z');

    const snoozed = await t.call('tasks.snooze', { id: overdue.id, until: '2026-11-24T09:00:00+00:00' });
    expect(snoozed).toMatchObject({ dueAt: '2026-11-24T09:00:00.000Z', overdue: false });
    expect((await t.call('tasks.today', range)).upcoming.map((x) => x.title)).toEqual(['Overdue one', 'Thursday']);
  });

  it('refuses to snooze a follow-up into the past, naming the time', async () => {
    const task = await t.call('tasks.create', { title: 'Call back', dueAt: '2026-11-21T15:00:00Z' });
    const error = await t.fail('tasks.snooze', { id: task.id, until: '2026-11-22T08:59:00Z' });
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'until', message: 'Choose a time later than now to snooze to' }] });
    expect((await t.call('tasks.get', { id: task.id })).dueAt).toBe('2026-11-21T15:00:00.000Z');
  });

  it('refuses a follow-up for a missing contact', async () => {
    expect((await t.fail('tasks.create', { title: 'x', contactId: '01930000-0000-7000-8000-000000000000' })).code).toBe('NOT_FOUND');
  });
});

describe('reminders', () => {
  const dueEvents = () => t.events.filter((e) => e.name === 'tasks.due').map((e) => (e.payload as { task: { title: string } }).task.title);

  it('fire once when a follow-up falls due, and again only after a snooze', async () => {
    const task = await t.call('tasks.create', { title: 'Call the plumber', contactId: maya, dueAt: '2026-11-22T10:00:00Z' });
    expect(await t.core.reminders.tick()).toBe(0);
    t.clock.set('2026-11-22T09:59:59Z');
    expect(await t.core.reminders.tick()).toBe(0);
    t.clock.set('2026-11-22T10:00:00Z');
    expect(await t.core.reminders.tick()).toBe(1);
    expect(dueEvents()).toEqual(['Call the plumber']);
    expect(await t.core.reminders.tick()).toBe(0); // once
    await t.call('tasks.snooze', { id: task.id, until: '2026-11-22T11:00:00Z' });
    t.clock.advance(HOUR);
    expect(await t.core.reminders.tick()).toBe(1);
    expect(dueEvents()).toEqual(['Call the plumber', 'Call the plumber']);
  });

  it('never fire for done or trashed follow-ups', async () => {
    const done = await t.call('tasks.create', { title: 'Done already', dueAt: '2026-11-22T09:30:00Z' });
    const trashed = await t.call('tasks.create', { title: 'Trashed', dueAt: '2026-11-22T09:30:00Z' });
    await t.call('tasks.complete', { id: done.id });
    await t.call('tasks.delete', { id: trashed.id });
    t.clock.advance(DAY);
    expect(await t.core.reminders.tick()).toBe(0);
  });

  it('fire on the next start for follow-ups that fell due while the app was closed', async () => {
    await t.call('tasks.create', { title: 'Missed while closed', dueAt: '2026-11-22T12:00:00Z' });
    t.close();
    const later = await openTestCore({ dataDir: t.dataDir, start: '2026-11-23T08:00:00Z' });
    expect(await later.core.reminders.tick()).toBe(1);
    expect(later.events.find((e) => e.name === 'tasks.due')?.payload).toMatchObject({ task: { title: 'Missed while closed', overdue: true } });
    later.close();
    t = await openTestCore({ dataDir: t.dataDir }); // afterEach destroys it
  });
});
