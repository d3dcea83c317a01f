// contacts.list at an offset (the scrolled list's random access) gives exactly the rows keyset paging reaches
// there, in every sort, past trashed contacts and under a filter; past the end it is empty but keeps the total.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
const SORTS = ['name', 'lastName', 'createdAt', 'updatedAt', 'lastContacted'] as const;

beforeAll(async () => {
  t = await openTestCore();
  // Names collide on purpose (equal sort values): the id breaks the tie, in both ways of paging alike.
  for (let i = 0; i < 60; i++) {
    const c = await t.call('contacts.create', { firstName: ['Ann', 'Bo', 'Cy'][i % 3], lastName: `Lee ${i % 7}`, tags: i % 2 ? ['odd'] : [] });
    if (i % 10 === 9) await t.call('contacts.delete', { id: c.id });
    t.clock.advance(60_000);
  }
});
afterAll(() => t.destroy());

async function keysetIds(input: { sort: (typeof SORTS)[number]; tag?: string }): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await t.call('contacts.list', { ...input, limit: 7, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

describe('contacts.list with an offset', () => {
  it.each(SORTS)('matches keyset paging at every offset, sorted by %s', async (sort) => {
    const all = await keysetIds({ sort });
    expect(all).toHaveLength(54);
    for (const offset of [0, 1, 6, 7, 30, 53]) {
      const page = await t.call('contacts.list', { sort, limit: 7, offset });
      expect(page.items.map((c) => c.id)).toEqual(all.slice(offset, offset + 7));
      expect(page.total).toBe(54);
    }
  });

  it('counts only what a filter matches', async () => {
    const all = await keysetIds({ sort: 'name', tag: 'odd' });
    const page = await t.call('contacts.list', { sort: 'name', tag: 'odd', limit: 5, offset: 10 });
    expect(page.items.map((c) => c.id)).toEqual(all.slice(10, 15));
    expect(page.total).toBe(all.length);
  });

  it('past the end: no rows, the total still there', async () => {
    expect(await t.call('contacts.list', { sort: 'name', limit: 5, offset: 54 })).toEqual({ items: [], total: 54, nextCursor: null });
  });
});
