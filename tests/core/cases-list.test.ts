// The cases list (issue #22): due order (the earliest pending target first, paused and finished cases last, then by
// number), keyset pages that neither repeat nor skip, the total, filters, quick search by words or by label, and
// cases hidden with a contact in Trash. Trash and restore of a case. Real SQLite; the only fake is the clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { UTC_CALENDAR } from './cases-records-helpers';

let t: TestCore;
let maya = '';
let leo = '';

beforeEach(async () => {
  t = await openTestCore({ start: '2026-11-23T10:00:00.000Z' });
  await t.call('service.calendar.update', UTC_CALENDAR);
  maya = (await t.call('contacts.create', { firstName: 'Maya', lastName: 'Okafor' })).id;
  leo = (await t.call('contacts.create', { firstName: 'Leo', lastName: 'Brandt' })).id;
});
afterEach(() => t.destroy());

async function all(input: Record<string, unknown>, limit = 2): Promise<string[]> {
  const labels: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await t.call('cases.list', { ...input, limit, ...(cursor ? { cursor } : {}) });
    labels.push(...page.items.map((i) => i.label));
    if (!page.nextCursor) return labels;
    cursor = page.nextCursor;
  }
}

describe('cases.list', () => {
  it('sorts by the next due time with paused cases last, pages by cursor, counts and filters', async () => {
    const statuses = (await t.call('cases.statuses.list', {})).statuses;
    const waiting = statuses.find((s) => s.key === 'waitingCustomer')!.id;
    const low = await t.call('cases.create', { contactId: maya, subject: 'Low one', priority: 'low' }); // C-0001, response due Wed 10:00
    const urgent = await t.call('cases.create', { contactId: leo, subject: 'Urgent one', priority: 'urgent' }); // C-0002, Mon 11:00
    const paused = await t.call('cases.create', { contactId: maya, subject: 'Waiting one', priority: 'urgent' }); // C-0003
    await t.call('cases.setStatus', { id: paused.case.id, statusId: waiting });
    const normal = await t.call('cases.create', { contactId: leo, subject: 'Normal one' }); // C-0004, Tue 10:00
    const normal2 = await t.call('cases.create', { contactId: maya, subject: 'Normal two', type: 'complaint' }); // C-0005, Tue 10:00

    expect(await all({})).toEqual(['C-0002', 'C-0004', 'C-0005', 'C-0001', 'C-0003']);
    expect(await all({}, 1)).toEqual(['C-0002', 'C-0004', 'C-0005', 'C-0001', 'C-0003']);
    const first = await t.call('cases.list', { limit: 2 });
    expect(first.total).toBe(5);
    expect(first.items[0]).toMatchObject({ label: 'C-0002', contactName: 'Leo Brandt', nextDueAt: '2026-11-23T11:00:00.000Z', dueKind: 'response', priority: 'urgent' });

    expect(await all({ sort: 'number' })).toEqual(['C-0005', 'C-0004', 'C-0003', 'C-0002', 'C-0001']);
    expect(await all({ sort: 'priority' })).toEqual(['C-0003', 'C-0002', 'C-0005', 'C-0004', 'C-0001']);
    expect(await all({ category: 'waiting' })).toEqual(['C-0003']);
    expect(await all({ category: 'open', contactId: maya })).toEqual(['C-0005', 'C-0001']);
    expect(await all({ type: 'complaint' })).toEqual(['C-0005']);
    expect(await all({ priority: 'urgent' })).toEqual(['C-0002', 'C-0003']);
    // Due within 24 hours: Monday 11:00 and Tuesday 10:00.
    expect(await all({ dueWithinHours: 24 })).toEqual(['C-0002', 'C-0004', 'C-0005']);
    expect(await all({ dueWithinHours: 0 })).toEqual([]);

    expect(await all({ query: 'normal' })).toEqual(['C-0004', 'C-0005']);
    expect(await all({ query: 'C-0001' })).toEqual(['C-0001']);
    expect(await all({ query: '3' })).toEqual(['C-0003']);
    expect(await all({ query: 'zebra' })).toEqual([]);
    void [low, urgent, normal, normal2];
  });

  it('moves a case to Trash and back, and hides the cases of a contact in Trash', async () => {
    const a = await t.call('cases.create', { contactId: maya, subject: 'Mistake' });
    const b = await t.call('cases.create', { contactId: leo, subject: 'Real one' });
    await t.call('cases.delete', { id: a.case.id });
    expect(await all({})).toEqual(['C-0002']);
    expect(await all({ trashed: true })).toEqual(['C-0001']);
    expect((await t.call('cases.restore', { id: a.case.id })).case.deletedAt).toBeNull();
    expect(await all({})).toEqual(['C-0001', 'C-0002']);
    await t.call('contacts.delete', { id: leo });
    expect(await all({})).toEqual(['C-0001']);
    void b;
    expect(t.events.some((e) => e.name === 'data.changed' && (e.payload as { entity: string; action: string }).entity === 'case')).toBe(true);
  });
});
