// Cases and the people they belong to (issue #22): merging cases refuses two people and moves the conversation;
// deleting a contact for good or erasing them takes their cases (a foreign key would otherwise stop the purge);
// merging two contacts moves the merged-away person's cases to the survivor and undo moves them back.
// Real SQLite; the only fake is the clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { UTC_CALENDAR } from './cases-records-helpers';

let t: TestCore;
let maya = '';
let leo = '';
const count = (sqlText: string, ...args: unknown[]) => t.core.store.sqlite.prepare(sqlText).pluck().get(...args) as number;

beforeEach(async () => {
  t = await openTestCore({ start: '2026-11-23T10:00:00.000Z' });
  await t.call('service.calendar.update', UTC_CALENDAR);
  maya = (await t.call('contacts.create', { firstName: 'Maya', lastName: 'Okafor', emails: [{ value: 'maya@example.com' }] })).id;
  leo = (await t.call('contacts.create', { firstName: 'Leo', lastName: 'Brandt' })).id;
});
afterEach(() => t.destroy());

describe('cases.merge', () => {
  it('refuses to merge two people’s cases, naming the case', async () => {
    const a = await t.call('cases.create', { contactId: maya, subject: 'Tap' });
    const b = await t.call('cases.create', { contactId: leo, subject: 'Tap' });
    const refused = await t.fail('cases.merge', { intoId: a.case.id, fromIds: [b.case.id] });
    expect(refused.issues?.[0]?.path).toBe('fromIds.0');
    expect(refused.issues?.[0]?.message).toContain('only one person');
    expect((await t.call('cases.get', { id: b.case.id })).case.mergedIntoId).toBeNull();
  });

  it('moves the conversation and follow-ups onto the case that stays and closes the other as Duplicate', async () => {
    const template = await t.call('cases.templates.create', { name: 'Check', checklist: [{ title: 'Call back', dayOffset: 1 }] });
    const into = await t.call('cases.create', { contactId: maya, subject: 'Leaking tap' });
    const from = await t.call('cases.create', { contactId: maya, subject: 'Tap still leaking', templateId: template.id });
    t.clock.set('2026-11-23T11:00:00.000Z');
    await t.call('cases.note', { id: from.case.id, kind: 'call', body: 'Called about the tap', minutesSpent: 5 });
    const merged = await t.call('cases.merge', { intoId: into.case.id, fromIds: [from.case.id] });
    expect(merged.entries.map((e) => e.kind)).toEqual(['created', 'call', 'merged']);
    expect(merged.case).toMatchObject({ firstResponseAt: '2026-11-23T11:00:00.000Z', timeSpentMinutes: 5 });
    expect(merged.followUps.map((f) => f.title)).toEqual(['Call back']);
    const gone = await t.call('cases.get', { id: from.case.id });
    expect(gone.case).toMatchObject({ mergedIntoId: into.case.id, statusName: 'Duplicate', category: 'closed', nextDueAt: null });
    expect(gone.entries.map((e) => e.kind)).toEqual(['created', 'status', 'merged']);
    expect(count(`SELECT count(*) FROM activities WHERE case_id = ?`, into.case.id)).toBe(1);
  });
});

describe('a case’s person', () => {
  it('goes with them when they are deleted for good, leaving others’ cases', async () => {
    const a = await t.call('cases.create', { contactId: maya, subject: 'Tap' });
    await t.call('cases.note', { id: a.case.id, kind: 'call', body: 'Spoke' });
    await t.call('cases.create', { contactId: leo, subject: 'Album' });
    await t.call('contacts.delete', { id: maya });
    await t.call('trash.purge', { items: [{ kind: 'contact', id: maya }] });
    expect(count(`SELECT count(*) FROM cases`)).toBe(1);
    expect(count(`SELECT count(*) FROM case_events WHERE case_id = ?`, a.case.id)).toBe(0);
    expect((await t.call('cases.list', {})).items.map((i) => i.subject)).toEqual(['Album']);
    // The number is never given again.
    expect((await t.call('cases.create', { contactId: leo, subject: 'Next' })).case.label).toBe('C-0003');
  });

  it('goes when they are erased', async () => {
    await t.call('cases.create', { contactId: maya, subject: 'Zephyr complaint', description: 'About the Zephyr album' });
    await t.call('cases.create', { contactId: leo, subject: 'Album' });
    await t.call('privacy.erase', { contactId: maya });
    expect(count(`SELECT count(*) FROM cases`)).toBe(1);
    expect((await t.call('cases.list', { query: 'Zephyr' })).items).toEqual([]);
  });

  it('moves to the survivor of a contact merge and back on undo', async () => {
    const c = await t.call('cases.create', { contactId: leo, subject: 'Album' });
    const result = await t.call('contacts.merge', { ids: [maya, leo], keep: maya });
    expect(result.moved.cases).toBe(1);
    expect((await t.call('cases.get', { id: c.case.id })).case.contactId).toBe(maya);
    await t.call('merges.undo', { mergeId: result.mergeId });
    expect((await t.call('cases.get', { id: c.case.id })).case).toMatchObject({ contactId: leo, contactName: 'Leo Brandt' });
  });
});
