// search.global finds cases (issue #22): by words of the subject or description (FTS), and by number written as
// 'C-0042', 'c-42' or 'C42' (a bare number does not: too common). Titles read 'C-0042 · subject' with the contact's
// name below; cases in Trash, and cases of contacts in Trash, are not found.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { at, seedCase } from './cases-seed';

const NOW = '2026-06-30T12:00:00.000Z';
let t: TestCore;

beforeEach(async () => {
  t = await openTestCore({ start: NOW });
});
afterEach(() => t.destroy());

const search = async (query: string) => (await t.call('search.global', { query, limit: 20 })).items;

describe('search finds cases', () => {
  it('by subject, description and number, leaving out Trash', async () => {
    const db = t.core.store.db;
    const now = at(NOW);
    const alice = (await t.call('contacts.create', { firstName: 'Alice', lastName: 'Archer' })).id;
    const gone = (await t.call('contacts.create', { firstName: 'Gone', lastName: 'Away' })).id;
    const boiler = await seedCase(db, { contactId: alice, subject: 'Boiler keeps tripping', description: 'Pressure gauge reads zero', openedMs: now - 3_600_000 }, now);
    for (let i = 0; i < 40; i++) await seedCase(db, { contactId: alice, subject: `Routine visit ${i}`, openedMs: now - 3_600_000 }, now);
    const trashed = await seedCase(db, { contactId: alice, subject: 'Boiler in trash', openedMs: now, deleted: true }, now);
    const ofGone = await seedCase(db, { contactId: gone, subject: 'Boiler of a gone contact', openedMs: now }, now);
    await t.call('contacts.delete', { id: gone });

    const bySubject = await search('boiler');
    expect(bySubject.filter((h) => h.type === 'case')).toEqual([
      { type: 'case', id: boiler.id, title: 'C-0001 · Boiler keeps tripping', subtitle: 'Alice Archer', contactId: alice },
    ]);
    expect((await search('gauge')).map((h) => h.id)).toContain(boiler.id);

    for (const query of ['C-0001', 'c-1', 'C1', ' c-001 ']) expect((await search(query))[0]?.id, query).toBe(boiler.id);
    expect((await search('C-0030'))[0]?.title).toBe('C-0030 · Routine visit 28');
    // A bare number is not a case number; trashed cases are not found by number either.
    expect((await search('1')).some((h) => h.id === boiler.id)).toBe(false);
    expect((await search(`C-${trashed.number}`)).some((h) => h.id === trashed.id)).toBe(false);
    expect((await search(`C-${ofGone.number}`)).some((h) => h.id === ofGone.id)).toBe(false);
  });
});
