// Issue #22 item 5: `cases.due` at 75 % and 100 % of a case's response and resolution targets in business time,
// each once, only the highest of a target when the app was closed past both, none while the case waits on the
// customer. The clock is a manual one; the loop is driven with tick() and run() as the app's wake-up timer does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCalendar } from '../../electron/db/service.repo';
import { caseDueNotification } from '../../electron/main/notifications';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
let contactId = '';

beforeEach(async () => {
  // Monday 09:00 UTC; working hours Mon–Fri 09–17 UTC; normal priority: respond within 8 h, resolve within 40 h.
  t = await openTestCore({ start: '2026-11-23T09:00:00.000Z' });
  const hours = { start: '09:00', end: '17:00' };
  await saveCalendar(t.core.store.db, { timeZone: 'UTC', hours: { monday: [hours], tuesday: [hours], wednesday: [hours], thursday: [hours], friday: [hours], saturday: [], sunday: [] }, holidays: [] });
  contactId = (await t.call('contacts.create', { firstName: 'Ann', lastName: 'Lee' })).id;
});
afterEach(() => t.destroy());

const reminders = () => t.core.modules.cases.reminders;
const due = () => t.events.filter((e) => e.name === 'cases.due').map((e) => e.payload);
const at = (iso: string) => t.clock.set(iso);
const status = async (key: string) => (await t.call('cases.statuses.list', {})).statuses.find((s) => s.key === key)!.id;

describe('case target reminders', () => {
  it('fires once at 75 % and once at 100 % of the response target, and sleeps until the next', async () => {
    const c = (await t.call('cases.create', { contactId, subject: 'Boiler noise' })).case;
    // 75 % of 8 business hours from Monday 09:00 is 15:00; the loop says when to wake.
    expect(await reminders().run()).toBe(Date.parse('2026-11-23T15:00:00.000Z'));
    at('2026-11-23T14:59:00.000Z');
    expect(await reminders().tick()).toBe(0);
    at('2026-11-23T15:00:00.000Z');
    expect(await reminders().tick()).toBe(1);
    expect(due()).toEqual([{ id: c.id, label: 'C-0001', subject: 'Boiler noise', target: 'response', percent: 75, dueAt: '2026-11-23T17:00:00.000Z' }]);
    expect(await reminders().tick()).toBe(0);
    expect(await reminders().run()).toBe(Date.parse('2026-11-23T17:00:00.000Z'));
    at('2026-11-23T17:00:00.000Z');
    expect(await reminders().tick()).toBe(1);
    at('2026-11-23T17:30:00.000Z');
    expect(await reminders().tick()).toBe(0);
    expect(due().map((d) => (d as { percent: number }).percent)).toEqual([75, 100]);
    // Next: 75 % of the 40 h resolution target, Thursday 15:00.
    expect(await reminders().run()).toBe(Date.parse('2026-11-26T15:00:00.000Z'));
  });

  it('sends only the 100 % reminder when the app was closed past both', async () => {
    await t.call('cases.create', { contactId, subject: 'Late look' });
    at('2026-11-24T10:00:00.000Z');
    expect(await reminders().tick()).toBe(1);
    expect(due()).toMatchObject([{ target: 'response', percent: 100 }]);
    // What the desktop notification says (Electron main shows it like a follow-up reminder).
    expect(caseDueNotification(due()[0] as Parameters<typeof caseDueNotification>[0])).toEqual({ title: 'C-0001: First response due now', body: 'Late look' });
    expect(await reminders().tick()).toBe(0);
  });

  it('says nothing while the case waits on the customer, and nothing for a target already met', async () => {
    const c = (await t.call('cases.create', { contactId, subject: 'Quote query' })).case;
    at('2026-11-23T10:00:00.000Z');
    await t.call('cases.note', { id: c.id, kind: 'call', body: 'Called back', direction: 'outbound' });
    await t.call('cases.setStatus', { id: c.id, statusId: await status('waitingCustomer') });
    expect(await reminders().run()).toBeNull();
    at('2026-12-07T10:00:00.000Z');
    expect(await reminders().tick()).toBe(0);
    expect(due()).toEqual([]);
    // Back in progress: the resolution clock runs on from 1 business hour used.
    await t.call('cases.setStatus', { id: c.id, statusId: await status('inProgress') });
    expect(await reminders().run()).toBe(Date.parse('2026-12-10T15:00:00.000Z'));
  });
});
