// A case's status flow and the user's statuses (issue #22): waiting pauses the clock (the due times move later by
// exactly the business time spent waiting), a waiting reminder date makes a chase follow-up, resolving stops the clock,
// a move back to open counts as a reopen, a priority change recomputes the targets from creation; statuses can be
// renamed and added, built-ins never removed, a removed status's cases moved within its category.
// Real SQLite; the only fake is the clock. Calendar Mon–Fri 09:00–17:00 UTC; Monday 23 November 2026.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../shared/domain/case';
import { openTestCore, type TestCore } from '../helpers/core';
import { HOUR, UTC_CALENDAR } from './cases-records-helpers';

let t: TestCore;
let maya = '';
let statuses: CaseStatus[] = [];
const status = (key: string) => statuses.find((s) => s.key === key)!.id;
const set = (iso: string) => t.clock.set(iso);

beforeEach(async () => {
  t = await openTestCore({ start: '2026-11-23T10:00:00.000Z' });
  await t.call('service.calendar.update', UTC_CALENDAR);
  maya = (await t.call('contacts.create', { firstName: 'Maya', lastName: 'Okafor' })).id;
  statuses = (await t.call('cases.statuses.list', {})).statuses;
});
afterEach(() => t.destroy());

describe('the status flow', () => {
  it('pauses while waiting, moving the due times later by exactly the business time waited, and stops when resolved', async () => {
    // Normal: 8 h to respond, 40 h to resolve. From Monday 10:00: respond by Tuesday 10:00, resolve by Monday 30th 10:00.
    const c = await t.call('cases.create', { contactId: maya, subject: 'Album reprint' });
    expect([c.case.response.dueAt, c.case.resolution.dueAt]).toEqual(['2026-11-24T10:00:00.000Z', '2026-11-30T10:00:00.000Z']);

    set('2026-11-23T12:00:00.000Z');
    const waiting = await t.call('cases.setStatus', { id: c.case.id, statusId: status('waitingCustomer'), remindOn: '2026-11-25', note: 'Asked for the order number' });
    expect(waiting.case).toMatchObject({ category: 'waiting', paused: true, waitingOn: 'customer', remindOn: '2026-11-25', nextDueAt: null, dueKind: null });
    expect(waiting.followUps).toEqual([expect.objectContaining({ title: 'Chase C-0001: Album reprint', dueAt: '2026-11-25T00:00:00.000Z' })]);
    // A new date moves the same follow-up rather than adding a second one.
    const moved = await t.call('cases.setStatus', { id: c.case.id, statusId: status('waitingCustomer'), remindOn: '2026-11-26' });
    expect(moved.followUps.map((f) => f.dueAt)).toEqual(['2026-11-26T00:00:00.000Z']);

    // Waited Monday 12:00–17:00 and Tuesday 09:00–11:00: 7 business hours.
    set('2026-11-24T11:00:00.000Z');
    const back = await t.call('cases.setStatus', { id: c.case.id, statusId: status('inProgress') });
    expect(back.case).toMatchObject({ category: 'open', paused: false, remindOn: null, reopenCount: 0 });
    expect(back.case.response.dueAt).toBe('2026-11-24T17:00:00.000Z'); // Tuesday 10:00 + 7 h
    expect(back.case.resolution.dueAt).toBe('2026-11-30T17:00:00.000Z'); // Monday 30th 10:00 + 7 h
    expect(back.case.response.elapsedMs).toBe(2 * HOUR); // Monday 10–12 only; Tuesday 09–11 was waiting
    expect(back.case.nextDueAt).toBe('2026-11-24T17:00:00.000Z');

    set('2026-11-25T10:00:00.000Z');
    const done = await t.call('cases.setStatus', { id: c.case.id, statusId: status('resolved') });
    expect(done.case).toMatchObject({ category: 'resolved', resolvedAt: '2026-11-25T10:00:00.000Z', nextDueAt: null, paused: false });
    // Open Monday 10–12 (2 h), Tuesday 11–17 (6 h), Wednesday 09–10 (1 h): 9 business hours.
    expect(done.case.resolution).toMatchObject({ elapsedMs: 9 * HOUR, achievedAt: '2026-11-25T10:00:00.000Z', met: true });
    expect(done.entries.map((e) => [e.kind, e.statusName, e.category])).toEqual([
      ['created', 'New', 'open'],
      ['status', 'Waiting on customer', 'waiting'],
      ['status', 'In progress', 'open'],
      ['status', 'Resolved', 'resolved'],
    ]);
    expect(done.entries[1]!.body).toBe('Asked for the order number');
  });

  it('counts a move from resolved or closed back to open as a reopen', async () => {
    const c = await t.call('cases.create', { contactId: maya, subject: 'Wrong size' });
    await t.call('cases.setStatus', { id: c.case.id, statusId: status('resolved') });
    set('2026-11-23T11:00:00.000Z');
    const again = await t.call('cases.setStatus', { id: c.case.id, statusId: status('inProgress') });
    expect(again.case).toMatchObject({ reopenCount: 1, category: 'open', resolvedAt: null });
    expect(again.entries.at(-1)).toMatchObject({ kind: 'reopened', category: 'open', statusName: 'In progress' });
    await t.call('cases.setStatus', { id: c.case.id, statusId: status('closed') });
    const twice = await t.call('cases.setStatus', { id: c.case.id, statusId: status('new') });
    expect(twice.case.reopenCount).toBe(2);
    // Open to waiting to open is not a reopen.
    await t.call('cases.setStatus', { id: c.case.id, statusId: status('waitingSupplier') });
    expect((await t.call('cases.setStatus', { id: c.case.id, statusId: status('inProgress') })).case.reopenCount).toBe(2);
  });

  it('refuses a reminder date on a status that is not waiting', async () => {
    const c = await t.call('cases.create', { contactId: maya, subject: 'x' });
    expect((await t.fail('cases.setStatus', { id: c.case.id, statusId: status('inProgress'), remindOn: '2026-12-01' })).issues?.[0]?.path).toBe('remindOn');
  });

  it('recomputes the targets from creation when the priority changes', async () => {
    const c = await t.call('cases.create', { contactId: maya, subject: 'Boiler out', priority: 'low' });
    expect(c.case.response.dueAt).toBe('2026-11-25T10:00:00.000Z'); // low: 16 h
    set('2026-11-23T10:30:00.000Z');
    const urgent = await t.call('cases.update', { id: c.case.id, priority: 'urgent' });
    // Urgent from Monday 10:00: respond by 11:00, resolve by Tuesday 10:00 — the half hour already gone still counts.
    expect(urgent.case.response).toMatchObject({ targetMs: HOUR, dueAt: '2026-11-23T11:00:00.000Z', elapsedMs: HOUR / 2 });
    expect(urgent.case.resolution.dueAt).toBe('2026-11-24T10:00:00.000Z');
    expect(urgent.entries.at(-1)).toMatchObject({ kind: 'priority', priority: 'urgent' });
    // The same priority again is no change and no entry.
    expect((await t.call('cases.update', { id: c.case.id, priority: 'urgent' })).entries).toHaveLength(2);
    // A call answers the customer: the response target is met.
    set('2026-11-23T10:45:00.000Z');
    const called = await t.call('cases.note', { id: c.case.id, kind: 'call', body: 'Talked it through', minutesSpent: 12 });
    expect(called.case).toMatchObject({ firstResponseAt: '2026-11-23T10:45:00.000Z', timeSpentMinutes: 12, dueKind: 'resolution' });
    expect(called.case.response.met).toBe(true);
    const timeline = await t.call('timeline.list', { contactId: maya });
    const call = timeline.items.find((i) => i.kind === 'activity' && i.activity.type === 'call');
    expect(call).toMatchObject({ activity: { notes: 'Talked it through', direction: 'outbound', subject: 'C-0001: Boiler out', durationSeconds: 720 } });
    expect(called.entries.at(-1)).toMatchObject({ kind: 'call', activityId: call?.id });
  });

  it('records a rating by hand', async () => {
    const c = await t.call('cases.create', { contactId: maya, subject: 'x' });
    const rated = await t.call('cases.rate', { id: c.case.id, score: 4, comment: 'Quick', source: 'call' });
    expect(rated.case.rating).toEqual({ score: 4, comment: 'Quick', at: '2026-11-23T10:00:00.000Z', source: 'call' });
    expect(rated.case.ratingScore).toBe(4);
    expect(rated.entries.at(-1)).toMatchObject({ kind: 'rating', score: 4, body: 'Quick' });
  });
});

describe('the user’s statuses', () => {
  const mine = () => statuses.map(({ id, name, category }) => ({ id, name, category }));

  it('renames a built-in and adds one of the user’s own; entries show the new name', async () => {
    const c = await t.call('cases.create', { contactId: maya, subject: 'x' });
    await t.call('cases.setStatus', { id: c.case.id, statusId: status('inProgress') });
    const updated = await t.call('cases.statuses.update', {
      statuses: [...mine().map((s) => (s.id === status('inProgress') ? { ...s, name: 'On it' } : s)), { name: 'Parts ordered', category: 'waiting', waitingOn: 'supplier' }],
    });
    expect(updated.statuses.find((s) => s.id === status('inProgress'))).toMatchObject({ name: 'On it', key: 'inProgress' });
    expect(updated.statuses.at(-1)).toMatchObject({ name: 'Parts ordered', key: null, category: 'waiting', waitingOn: 'supplier', position: 8 });
    const detail = await t.call('cases.get', { id: c.case.id });
    expect(detail.case.statusName).toBe('On it');
    expect(detail.entries.at(-1)!.statusName).toBe('On it');
  });

  it('never removes a built-in or changes a status’s category, and moves a removed status’s cases within the category', async () => {
    expect((await t.fail('cases.statuses.update', { statuses: mine().filter((s) => s.id !== status('closed')) })).issues?.[0]?.path).toBe('statuses');
    const i = mine().findIndex((s) => s.id === status('resolved'));
    const recat = mine().map((s, k) => (k === i ? { ...s, category: 'open' as const } : s));
    expect((await t.fail('cases.statuses.update', { statuses: recat })).issues?.[0]?.path).toBe('statuses');

    const added = (await t.call('cases.statuses.update', { statuses: [...mine(), { name: 'Parts ordered', category: 'waiting' }] })).statuses;
    const parts = added.find((s) => s.name === 'Parts ordered')!;
    const c = await t.call('cases.create', { contactId: maya, subject: 'x' });
    await t.call('cases.setStatus', { id: c.case.id, statusId: parts.id });
    const without = added.filter((s) => s.id !== parts.id).map(({ id, name, category }) => ({ id, name, category }));
    const refused = await t.fail('cases.statuses.update', { statuses: without });
    expect(refused.issues?.[0]?.path).toBe(`moveCases.${parts.id}`);
    const toOpen = await t.fail('cases.statuses.update', { statuses: without, moveCases: { [parts.id]: 0 } });
    expect(toOpen.issues?.[0]?.message).toContain('waiting');
    const supplier = without.findIndex((s) => s.id === status('waitingSupplier'));
    await t.call('cases.statuses.update', { statuses: without, moveCases: { [parts.id]: supplier } });
    const detail = await t.call('cases.get', { id: c.case.id });
    expect(detail.case).toMatchObject({ statusId: status('waitingSupplier'), category: 'waiting' });
  });
});
