// Cases as records (issue #22): opening a case blank, from a template (follow-ups due by day offset) and from a logged
// call (opens when the call happened; an outbound call is the first response), reading it back, and changing it.
// Real SQLite in a temp dir; the only fake is the clock. The calendar is Mon–Fri 09–17 UTC so due times can be
// worked out by hand.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { UTC_CALENDAR } from './cases-records-helpers';


let t: TestCore;
let maya = '';
let leo = '';

beforeEach(async () => {
  // Monday 23 November 2026, 10:00 UTC.
  t = await openTestCore({ start: '2026-11-23T10:00:00.000Z' });
  await t.call('service.calendar.update', UTC_CALENDAR);
  maya = (await t.call('contacts.create', { firstName: 'Maya', lastName: 'Okafor' })).id;
  leo = (await t.call('contacts.create', { firstName: 'Leo', lastName: 'Brandt' })).id;
});
afterEach(() => t.destroy());

describe('opening a case', () => {
  it('numbers cases C-0001, C-0002 and starts the clock from now on the priority targets', async () => {
    const a = await t.call('cases.create', { contactId: maya, subject: 'Leaking tap', priority: 'high' });
    const b = await t.call('cases.create', { contactId: leo, subject: 'Album reprint' });
    expect(a.case.label).toBe('C-0001');
    expect(b.case.label).toBe('C-0002');
    expect(a.case).toMatchObject({ statusName: 'New', category: 'open', contactName: 'Maya Okafor', channel: 'phone', type: 'question', paused: false });
    // High: 4 h to respond, 16 h to resolve, counted in business hours from Monday 10:00.
    expect(a.case.response).toMatchObject({ targetMs: 4 * 3600_000, dueAt: '2026-11-23T14:00:00.000Z', met: null });
    expect(a.case.resolution.dueAt).toBe('2026-11-25T10:00:00.000Z');
    expect(a.case.nextDueAt).toBe('2026-11-23T14:00:00.000Z');
    expect(a.case.dueKind).toBe('response');
    expect(a.entries.map((e) => e.kind)).toEqual(['created']);
    const again = await t.call('cases.get', { id: a.case.id });
    expect(again).toEqual(a);
  });

  it('fills type, priority, subject and follow-ups from a template, explicit fields winning', async () => {
    const template = await t.call('cases.templates.create', {
      name: 'Warranty claim',
      type: 'warranty',
      priority: 'urgent',
      subject: 'Warranty claim',
      description: 'Ask for the receipt',
      checklist: [
        { title: 'Ask for photos', dayOffset: 0 },
        { title: 'Order the part', dayOffset: 2 },
      ],
    });
    const c = await t.call('cases.create', { contactId: maya, templateId: template.id, priority: 'low' });
    expect(c.case).toMatchObject({ subject: 'Warranty claim', type: 'warranty', priority: 'low', description: 'Ask for the receipt' });
    expect(c.followUps.map((f) => [f.title, f.dueAt])).toEqual([
      ['Ask for photos', '2026-11-23T00:00:00.000Z'],
      ['Order the part', '2026-11-25T00:00:00.000Z'],
    ]);
    // They are the contact's follow-ups too, all day.
    const tasks = await t.call('tasks.list', { status: 'open', contactId: maya });
    expect(tasks.items.map((x) => [x.title, x.allDay])).toEqual([
      ['Ask for photos', true],
      ['Order the part', true],
    ]);
  });

  it('opens from a logged outbound call when it happened, the call being the first entry and the first response', async () => {
    const call = await t.call('activities.create', { contactId: maya, type: 'call', direction: 'outbound', subject: 'Boiler noise', notes: 'Rattles at night', occurredAt: '2026-11-23T09:30:00.000Z' });
    const c = await t.call('cases.create', { contactId: maya, fromActivityId: call.id });
    expect(c.case).toMatchObject({ subject: 'Boiler noise', channel: 'phone', createdAt: '2026-11-23T09:30:00.000Z', firstResponseAt: '2026-11-23T09:30:00.000Z' });
    expect(c.entries.map((e) => [e.kind, e.direction, e.body, e.activityId])).toEqual([
      ['created', null, null, null],
      ['call', 'outbound', 'Rattles at night', call.id],
    ]);
    expect(c.case.response).toMatchObject({ achievedAt: '2026-11-23T09:30:00.000Z', met: true });
    expect(c.case.dueKind).toBe('resolution');
    // The same call cannot start a second case, and another contact's call cannot start one for Maya.
    expect((await t.fail('cases.create', { contactId: maya, fromActivityId: call.id })).issues?.[0]?.path).toBe('fromActivityId');
    const leosCall = await t.call('activities.create', { contactId: leo, type: 'call', subject: 'Hi' });
    const wrong = await t.fail('cases.create', { contactId: maya, fromActivityId: leosCall.id });
    expect(wrong.issues?.[0]).toMatchObject({ path: 'fromActivityId' });
  });

  it('opens from the customer’s inbound call without counting that call as the answer; a later call back does', async () => {
    const call = await t.call('activities.create', { contactId: maya, type: 'call', direction: 'inbound', subject: 'Tap leaking', notes: 'Under warranty', occurredAt: '2026-11-23T09:30:00.000Z' });
    const c = await t.call('cases.create', { contactId: maya, fromActivityId: call.id, type: 'warranty' });
    expect(c.case).toMatchObject({ firstResponseAt: null, dueKind: 'response' });
    expect(c.case.response).toMatchObject({ achievedAt: null, met: null });
    const after = await t.call('cases.note', { id: c.case.id, kind: 'call', direction: 'inbound', body: 'She rang back; booked a visit', at: '2026-11-23T11:00:00.000Z' });
    expect(after.case).toMatchObject({ firstResponseAt: '2026-11-23T11:00:00.000Z' });
  });

  it('refuses a closed status, another contact’s job, and defaults the company to the contact’s', async () => {
    const company = await t.call('companies.create', { name: 'Okafor Ltd' });
    const anna = (await t.call('contacts.create', { firstName: 'Anna', lastName: 'Berg', companyId: company.id })).id;
    const statuses = (await t.call('cases.statuses.list', {})).statuses;
    const closed = statuses.find((s) => s.key === 'closed')!.id;
    expect((await t.fail('cases.create', { contactId: anna, subject: 'x', statusId: closed })).issues?.[0]?.path).toBe('statusId');
    const job = await t.call('jobs.create', { title: 'Leo’s kitchen', contactId: leo });
    expect((await t.fail('cases.create', { contactId: anna, subject: 'x', jobId: job.id })).issues?.[0]?.path).toBe('jobId');
    const c = await t.call('cases.create', { contactId: anna, subject: 'Invoice query' });
    expect(c.case).toMatchObject({ companyId: company.id, companyName: 'Okafor Ltd' });
  });
});
