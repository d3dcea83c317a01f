// Bulk actions on the contacts selection (issue #18) through the real dispatcher on a real SQLite file: every
// action on ids and on "all matching", exact undo that leaves contacts changed since alone, and search and tag
// counts that follow.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/domain/contact';
import type { ChannelInput } from '../../shared/ipc/contract';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
let ann: Contact, bob: Contact, cat: Contact, dan: Contact;
beforeEach(async () => {
  t = await openTestCore();
  ann = await t.call('contacts.create', { firstName: 'Ann', tags: ['Boiler'], kind: 'prospect' });
  bob = await t.call('contacts.create', { firstName: 'Bob', tags: ['Boiler', 'VIP'] });
  cat = await t.call('contacts.create', { firstName: 'Cat', tags: ['Kitchen'], emailOptIn: true });
  dan = await t.call('contacts.create', { firstName: 'Dan' });
  t.clock.advance(60_000);
});
afterEach(() => t.destroy());

type Change = ChannelInput<'contacts.bulkUpdate'>['change'];
const get = (c: Contact) => t.call('contacts.get', { id: c.id });
const pick = async (c: Contact) => {
  const { tags, kind, emailOptIn, companyId, companyName, displayName, deletedAt } = await get(c);
  return { tags, kind, emailOptIn, companyId, companyName, displayName, deletedAt };
};
const all = () => Promise.all([ann, bob, cat, dan].map(pick));

/** Applies `change` to `target`, checks the count, undoes it and checks every contact is back exactly. */
async function roundTrip(target: ChannelInput<'contacts.bulkUpdate'>['target'], change: Change, count: number) {
  const before = await all();
  const done = await t.call('contacts.bulkUpdate', { target, change });
  expect(done.count).toBe(count);
  const after = await all();
  t.clock.advance(1000);
  expect(await t.call('contacts.bulkUndo', { undoId: done.undoId })).toEqual({ count, changedSince: 0 });
  expect(await all()).toEqual(before);
  return after;
}

describe('contacts.bulkUpdate on selected ids', () => {
  it('adds tags (once, whatever their case), counts only the contacts it changed, and undo takes them off again', async () => {
    const after = await roundTrip({ ids: [ann.id, bob.id, cat.id] }, { action: 'addTags', tags: ['vip', 'Spring'] }, 3);
    expect(after.map((c) => c.tags)).toEqual([['Boiler', 'vip', 'Spring'], ['Boiler', 'VIP', 'Spring'], ['Kitchen', 'vip', 'Spring'], []]);
    const same = await t.call('contacts.bulkUpdate', { target: { ids: [bob.id] }, change: { action: 'addTags', tags: ['VIP'] } });
    expect(same).toMatchObject({ count: 0, unchanged: 1 });
  });

  it('removes tags', async () => {
    const after = await roundTrip({ ids: [ann.id, bob.id, cat.id] }, { action: 'removeTags', tags: ['boiler'] }, 2);
    expect(after.map((c) => c.tags)).toEqual([[], ['VIP'], ['Kitchen'], []]);
  });

  it('sets the kind', async () => {
    const after = await roundTrip({ ids: [ann.id, bob.id] }, { action: 'setKind', kind: 'supplier' }, 2);
    expect(after.map((c) => c.kind)).toEqual(['supplier', 'supplier', 'customer', 'customer']);
  });

  it('sets email opt-in and keeps the consent note and its source with the change', async () => {
    const done = await t.call('contacts.bulkUpdate', { target: { ids: [ann.id, cat.id, dan.id] }, change: { action: 'setEmailOptIn', emailOptIn: true, note: '  Signed up at the trade show ' } });
    expect(done).toMatchObject({ count: 2, unchanged: 1 });
    const journal = t.core.store.sqlite.prepare('SELECT action, note, source, status, changed FROM contact_bulk_edits WHERE id = ?').get(done.undoId);
    expect(journal).toEqual({ action: 'setEmailOptIn', note: 'Signed up at the trade show', source: 'bulk edit', status: 'done', changed: 2 });
    const items = t.core.store.sqlite.prepare('SELECT contact_id FROM contact_bulk_edit_items WHERE edit_id = ? ORDER BY contact_id').all(done.undoId);
    expect(items).toEqual([ann.id, dan.id].sort().map((contact_id) => ({ contact_id })));
    await t.call('contacts.bulkUndo', { undoId: done.undoId });
    expect((await all()).map((c) => c.emailOptIn)).toEqual([false, false, true, false]);

    const error = await t.fail('contacts.bulkUpdate', { target: { ids: [ann.id] }, change: { action: 'setEmailOptIn', emailOptIn: true, note: ' ' } });
    expect(error.issues).toContainEqual({ path: 'change.note', message: 'Say where the consent came from' });
  });

  it('links to a company, renaming a nameless contact shown under its company, and undo puts the old name back', async () => {
    const old = await t.call('companies.create', { name: 'Old Ltd' });
    const acme = await t.call('companies.create', { name: 'Acme Kitchens' });
    const nameless = await t.call('contacts.create', { companyId: old.id, emails: [{ value: 'x@old.example' }] });
    const before = await get(nameless);
    const done = await t.call('contacts.bulkUpdate', { target: { ids: [ann.id, nameless.id] }, change: { action: 'linkCompany', companyId: acme.id } });
    expect(done.count).toBe(2);
    expect(await get(nameless)).toMatchObject({ companyName: 'Acme Kitchens', displayName: 'Acme Kitchens' });
    expect((await t.call('contacts.list', { companyId: acme.id, limit: 10 })).total).toBe(2);
    t.clock.advance(1000);
    await t.call('contacts.bulkUndo', { undoId: done.undoId });
    expect(await get(nameless)).toMatchObject({ companyId: old.id, displayName: before.displayName });
    expect((await get(ann)).companyId).toBeNull();
    expect((await t.fail('contacts.bulkUpdate', { target: { ids: [ann.id] }, change: { action: 'linkCompany', companyId: '0190a5b4-0000-7000-8000-000000000000' } })).issues).toEqual([
      { path: 'companyId', message: 'No such company' },
    ]);
  });

  it('moves to Trash and undo restores them', async () => {
    const after = await roundTrip({ ids: [ann.id, dan.id] }, { action: 'trash' }, 2);
    expect(after.map((c) => !!c.deletedAt)).toEqual([true, false, false, true]);
    expect((await t.call('contacts.list', { limit: 10 })).total).toBe(4);
  });
});

describe('contacts.bulkUpdate on all matching a filter', () => {
  it('changes every contact the filter matches (not only a loaded page), and nobody else', async () => {
    for (let i = 0; i < 250; i++) await t.call('contacts.create', { firstName: `Extra ${i}`, tags: ['Boiler'] });
    const done = await t.call('contacts.bulkUpdate', { target: { filter: { tag: 'Boiler' } }, change: { action: 'setKind', kind: 'partner' } });
    expect(done.count).toBe(252);
    expect((await t.call('contacts.list', { kind: 'partner', limit: 10 })).total).toBe(252);
    expect((await pick(cat)).kind).toBe('customer');
    await t.call('contacts.bulkUndo', { undoId: done.undoId });
    expect((await t.call('contacts.list', { kind: 'partner', limit: 10 })).total).toBe(0);
    expect((await pick(ann)).kind).toBe('prospect');
  });

  it('does each action on a search and keeps search and tag counts right', async () => {
    await roundTrip({ filter: { query: 'Bob' } }, { action: 'addTags', tags: ['Spring'] }, 1);
    await roundTrip({ filter: { tag: 'Boiler' } }, { action: 'removeTags', tags: ['Boiler'] }, 2);
    await roundTrip({ filter: { kind: 'prospect' } }, { action: 'setKind', kind: 'other' }, 1);
    await roundTrip({ filter: { emailOptIn: false } }, { action: 'setEmailOptIn', emailOptIn: true, note: 'Asked by phone' }, 3);
    const co = await t.call('companies.create', { name: 'Zed Boilers' });
    await roundTrip({ filter: { tag: 'Kitchen' } }, { action: 'linkCompany', companyId: co.id }, 1);
    await roundTrip({ filter: {} }, { action: 'trash' }, 4);

    const tagged = await t.call('contacts.bulkUpdate', { target: { filter: { query: 'Dan' } }, change: { action: 'addTags', tags: ['Gutters'] } });
    expect(tagged.count).toBe(1);
    expect((await t.call('tags.list', {})).items).toContainEqual({ tag: 'Gutters', contacts: 1, companies: 0 });
    const trashed = await t.call('contacts.bulkUpdate', { target: { filter: { tag: 'Gutters' } }, change: { action: 'trash' } });
    expect(trashed.count).toBe(1);
    expect((await t.call('search.global', { query: 'Dan', limit: 5 })).items).toEqual([]);
    await t.call('contacts.bulkUndo', { undoId: trashed.undoId });
    expect((await t.call('search.global', { query: 'Dan', limit: 5 })).items.map((h) => h.id)).toEqual([dan.id]);
  });
});

describe('contacts.bulkUndo', () => {
  it('restores exactly the fields it changed, and leaves contacts changed since alone, saying how many', async () => {
    const done = await t.call('contacts.bulkUpdate', { target: { ids: [ann.id, bob.id, cat.id] }, change: { action: 'addTags', tags: ['VIP'] } });
    expect(done.count).toBe(2);
    t.clock.advance(1000);
    // Ann is edited afterwards (a note, and the tag stays): her row is no longer the edit's to undo.
    await t.call('contacts.update', { id: ann.id, notes: 'Called back' });
    t.clock.advance(1000);
    const undone = await t.call('contacts.bulkUndo', { undoId: done.undoId });
    expect(undone).toEqual({ count: 1, changedSince: 1 });
    expect((await get(ann)).tags).toEqual(['Boiler', 'VIP']);
    expect((await get(ann)).notes).toBe('Called back');
    expect((await get(bob)).tags).toEqual(['Boiler', 'VIP']);
    expect((await get(cat)).tags).toEqual(['Kitchen']);

    const again = await t.fail('contacts.bulkUndo', { undoId: done.undoId });
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'This change was already undone' });
    expect((await t.fail('contacts.bulkUndo', { undoId: '0190a5b4-0000-7000-8000-000000000000' })).code).toBe('NOT_FOUND');
  });

  it('tells the window once per edit and once per undo', async () => {
    t.events.length = 0;
    const done = await t.call('contacts.bulkUpdate', { target: { ids: [ann.id, bob.id] }, change: { action: 'trash' } });
    await t.call('contacts.bulkUndo', { undoId: done.undoId });
    expect(t.events.filter((e) => e.name === 'data.changed').map((e) => e.payload)).toEqual([
      { entity: 'contact', action: 'deleted', ids: [ann.id, bob.id] },
      { entity: 'contact', action: 'restored', ids: [ann.id, bob.id].sort() },
    ]);
  });
});
