// search.global over FTS5: anything a user can type is a query, never an error; results are ranked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../electron/db/fts';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
const ids = { acme: '', obrien: '', martin: '', notes: '', emile: '' };
beforeAll(async () => {
  t = await openTestCore();
  const acme = await t.call('companies.create', { name: 'Acme Boilers', notes: 'Gas safe' });
  ids.acme = acme.id;
  ids.obrien = (await t.call('contacts.create', { firstName: 'Seán', lastName: "O'Brien", emails: [{ value: 'sean.obrien@kitchens.example' }], phones: [{ value: '+44 7700 900123' }], companyId: acme.id })).id;
  ids.martin = (await t.call('contacts.create', { firstName: 'Martina', lastName: 'Lopez', jobTitle: 'Architect', tags: ['referrer'] })).id;
  ids.notes = (await t.call('contacts.create', { firstName: 'Paul', lastName: 'Gray', notes: 'Introduced by Martina at the trade fair' })).id;
  ids.emile = (await t.call('contacts.create', { firstName: 'Émile', lastName: 'Zola' })).id;
});
afterAll(() => t.destroy());

const search = async (query: string) => (await t.call('search.global', { query })).items;

describe('search.global', () => {
  it.each([`"o'brien`, '*', 'AND', 'OR', 'NOT', 'NEAR(', '"', '""', '(', ')', '-', '^', ':', 'a:b', '{x}', 'né*', '\\', "'; DROP TABLE contacts; --", '   ', ''])(
    'treats %j as text, never an error',
    async (query) => {
      const result = await t.core.dispatch('search.global', { query });
      expect(result.ok).toBe(true);
    },
  );

  it('finds by name fragment, apostrophes and accents included', async () => {
    expect((await search("o'brien")).map((h) => h.id)).toEqual([ids.obrien]);
    expect((await search('obri')).map((h) => h.id)).toEqual([ids.obrien]); // via the email sean.obrien@…
    expect((await search('bri')).map((h) => h.id)).toContain(ids.obrien);
    expect((await search('sean')).map((h) => h.id)).toEqual([ids.obrien]);
    expect((await search('emile zo')).map((h) => h.id)).toEqual([ids.emile]);
  });

  it('finds by email, phone digits, job title, tag and company', async () => {
    expect((await search('sean.obrien@kitch'))[0]?.id).toBe(ids.obrien);
    expect((await search('447700900'))[0]?.id).toBe(ids.obrien);
    expect((await search('7700 9001'))[0]?.id).toBe(ids.obrien);
    expect((await search('architect'))[0]?.id).toBe(ids.martin);
    expect((await search('referrer'))[0]?.id).toBe(ids.martin);
    expect(await search('acme')).toContainEqual({ type: 'company', id: ids.acme, title: 'Acme Boilers' });
  });

  it('ranks a name match above a mention in notes', async () => {
    const hits = await search('martina');
    expect(hits.map((h) => h.id)).toEqual([ids.martin, ids.notes]);
    expect(hits[0]).toMatchObject({ type: 'contact', title: 'Martina Lopez', subtitle: 'Architect' });
  });

  it('stays in step with edits and deletions', async () => {
    await t.call('contacts.update', { id: ids.emile, firstName: 'Emilia' });
    expect(await search('émile')).toEqual([]);
    expect((await search('emilia'))[0]?.id).toBe(ids.emile);
    await t.call('contacts.delete', { id: ids.emile });
    expect(await search('emilia')).toEqual([]);
    await t.call('contacts.restore', { id: ids.emile });
    expect((await search('emilia'))[0]?.id).toBe(ids.emile);
  });

  it('respects the limit', async () => {
    for (let i = 0; i < 30; i++) await t.call('contacts.create', { firstName: 'Limit', lastName: `Test${i}` });
    expect(await search('limit')).toHaveLength(20);
    expect((await t.call('search.global', { query: 'limit', limit: 5 })).items).toHaveLength(5);
  });
});

describe('toFtsQuery', () => {
  it('quotes every word as a prefix term and drops syntax', () => {
    expect(toFtsQuery(`o'brien NEAR(x "y`)).toBe('"o"* "brien"* "NEAR"* "x"* "y"*');
    expect(toFtsQuery('*"()')).toBeNull();
    // A decomposed é (e + combining accent) stays one word.
    expect(toFtsQuery('Zoe\u0301')).toBe('"Zoé"*');
  });
});

describe('search.global ranking tiers', () => {
  let s: TestCore;
  beforeAll(async () => {
    s = await openTestCore();
  });
  afterAll(() => s.destroy());

  it('puts names that start with the query first, then other matches by relevance', async () => {
    const mention = await s.call('contacts.create', { firstName: 'Alan', lastName: 'Turing', notes: 'Knows Harper well, Harper Harper' });
    const last = await s.call('contacts.create', { firstName: 'Zed', lastName: 'Harper' });
    const first = await s.call('contacts.create', { firstName: 'Harper', lastName: 'Lee' });
    const company = await s.call('companies.create', { name: 'Harpers Ltd' });
    const hits = (await s.call('search.global', { query: 'harp' })).items;
    // Alphabetical by the name that matched: "harper lee", "harper zed" (last name first), "harpers ltd".
    expect(hits.map((h) => h.id)).toEqual([first.id, last.id, company.id, mention.id]);
  });

  it('fills the limit past many trashed matches', async () => {
    const live: string[] = [];
    for (let i = 0; i < 40; i++) {
      const c = await s.call('contacts.create', { firstName: `Person${i}`, notes: 'quixotic' });
      if (i % 8 === 0) live.push(c.id);
      else await s.call('contacts.delete', { id: c.id });
    }
    const hits = (await s.call('search.global', { query: 'quixotic', limit: 5 })).items;
    expect(hits.map((h) => h.id).sort()).toEqual(live.sort());
  });
});
