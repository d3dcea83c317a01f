// Service cases as a kind of Trash (issues #18 and #22): a deleted case is listed and counted, deleted for good with
// its timeline (the call on the contact's timeline and its checklist follow-up stay, unlinked), restored by Restore
// all (but not before its contact), and gone when Trash is emptied. Real SQLite; the only fake is the clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { UTC_CALENDAR } from './cases-records-helpers';
import { expectStoreConsistent, rowCount } from './trash-helpers';

let t: TestCore;
let maya = '';
let leo = '';
const count = (table: string, where = '1', ...params: unknown[]) => rowCount(t.core.store.sqlite, table, where, ...params);

beforeEach(async () => {
  t = await openTestCore({ start: '2026-11-23T10:00:00.000Z' });
  await t.call('service.calendar.update', UTC_CALENDAR);
  maya = (await t.call('contacts.create', { firstName: 'Maya', lastName: 'Okafor' })).id;
  leo = (await t.call('contacts.create', { firstName: 'Leo', lastName: 'Brandt' })).id;
});
afterEach(() => t.destroy());

/** Maya's case with a logged call (an activity on her timeline) and a checklist follow-up, then put in Trash. */
async function trashedCase(subject = 'Printer jams') {
  const template = await t.call('cases.templates.create', { name: 'Printer', checklist: [{ title: 'Check the printer', dayOffset: 1 }] });
  const created = await t.call('cases.create', { contactId: maya, subject, templateId: template.id });
  await t.call('cases.note', { id: created.case.id, kind: 'call', body: 'Talked it through', minutesSpent: 5 });
  const id = created.case.id;
  const call = t.core.store.sqlite.prepare(`SELECT id FROM activities WHERE case_id = ?`).pluck().get(id) as string;
  const task = t.core.store.sqlite.prepare(`SELECT id FROM tasks WHERE case_id = ?`).pluck().get(id) as string;
  await t.call('cases.delete', { id });
  return { id, label: created.case.label, call, task };
}

describe('a case in Trash', () => {
  it('is counted and listed as "C-0001 · subject" with its contact', async () => {
    const c = await trashedCase();
    expect((await t.call('trash.summary', {})).cases).toBe(1);
    const page = await t.call('trash.list', { kind: 'case', limit: 10 });
    expect(page.total).toBe(1);
    expect(page.items).toEqual([{ id: c.id, name: 'C-0001 · Printer jams', detail: 'Maya Okafor', deletedAt: '2026-11-23T10:00:00.000Z' }]);
  });

  it('is deleted for good with its timeline; its call and follow-up stay, no longer linked', async () => {
    const c = await trashedCase();
    expect(count('case_events', 'case_id = ?', c.id)).toBeGreaterThanOrEqual(2);
    const preview = await t.call('trash.preview', { items: [{ kind: 'case', id: c.id }] });
    expect(preview.chosen.cases).toBe(1);
    expect(Object.values(preview.alongside).every((n) => n === 0)).toBe(true);
    const result = await t.call('trash.purge', { items: [{ kind: 'case', id: c.id }] });
    expect(result.removed).toEqual({ contacts: 0, companies: 0, jobs: 0, activities: 0, tasks: 0, appointments: 0, cases: 1, documents: 0 });
    expect(count('cases', 'id = ?', c.id)).toBe(0);
    expect(count('case_events', 'case_id = ?', c.id)).toBe(0);
    expect(count('activities', 'id = ? AND case_id IS NULL AND deleted_at IS NULL', c.call)).toBe(1);
    expect(count('tasks', 'id = ? AND case_id IS NULL', c.task)).toBe(1);
    expect((await t.call('trash.summary', {})).cases).toBe(0);
    expect(t.events.some((e) => e.name === 'data.changed' && (e.payload as { entity: string }).entity === 'case')).toBe(true);
    expectStoreConsistent(t.core.store.sqlite);
  });

  it('counts a trashed contact\'s cases as going alongside them', async () => {
    await trashedCase();
    await t.call('cases.create', { contactId: maya, subject: 'Toner' });
    await t.call('contacts.delete', { id: maya });
    const preview = await t.call('trash.preview', { items: [{ kind: 'contact', id: maya }] });
    expect(preview.alongside.cases).toBe(2);
    const result = await t.call('trash.purge', { items: [{ kind: 'contact', id: maya }] });
    expect(result.removed).toMatchObject({ contacts: 1, cases: 2 });
    expect(count('cases')).toBe(0);
    expectStoreConsistent(t.core.store.sqlite);
  });

  it('is restored by Restore all, with its timeline', async () => {
    const c = await trashedCase();
    expect(await t.call('trash.restoreAll', {})).toMatchObject({ cases: 1 });
    const back = await t.call('cases.get', { id: c.id });
    expect(back.case.deletedAt).toBeNull();
    expect(back.entries.map((e) => e.kind)).toEqual(['created', 'call']);
    expect((await t.call('cases.list', {})).items.map((i) => i.id)).toEqual([c.id]);
    expect((await t.call('trash.summary', {})).cases).toBe(0);
  });

  it('stays in Trash while its contact does, unless the contact is restored in the same action', async () => {
    const c = await trashedCase();
    const other = (await t.call('cases.create', { contactId: leo, subject: 'Invoice' })).case.id;
    await t.call('cases.delete', { id: other });
    await t.call('contacts.delete', { id: maya });
    expect(await t.call('trash.restoreAll', { kind: 'case' })).toMatchObject({ cases: 1 });
    expect((await t.call('cases.get', { id: other })).case.deletedAt).toBeNull();
    expect((await t.call('cases.get', { id: c.id })).case.deletedAt).not.toBeNull();
    const progress = t.events.filter((e) => e.name === 'trash.progress').at(-1)?.payload;
    expect(progress).toEqual({ action: 'restore', done: 1, total: 1, finished: true });
    expect(await t.call('trash.restoreAll', {})).toMatchObject({ contacts: 1, cases: 1 });
    expect((await t.call('cases.get', { id: c.id })).case.deletedAt).toBeNull();
  });
});

describe('emptying the Trash', () => {
  it('removes trashed cases and their timelines, and leaves live ones', async () => {
    const c = await trashedCase();
    const live = (await t.call('cases.create', { contactId: leo, subject: 'Invoice' })).case.id;
    const preview = await t.call('trash.preview', { all: true });
    expect(preview.chosen.cases).toBe(1);
    const result = await t.call('trash.purge', { all: true });
    expect(result.removed.cases).toBe(1);
    expect(count('cases', 'id = ?', c.id)).toBe(0);
    expect(count('case_events', 'case_id = ?', c.id)).toBe(0);
    expect(count('cases', 'id = ?', live)).toBe(1);
    expect(await t.call('trash.summary', {})).toEqual({ contacts: 0, companies: 0, jobs: 0, activities: 0, tasks: 0, appointments: 0, cases: 0, documents: 0 });
    expectStoreConsistent(t.core.store.sqlite);
  });
});
