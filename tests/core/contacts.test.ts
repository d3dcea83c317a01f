// Contacts and companies through the real dispatcher on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

describe('contacts', () => {
  it('creates a contact with derived names, defaults, UUIDv7 id and UTC timestamps', async () => {
    const c = await t.call('contacts.create', {
      firstName: '  Maya ',
      lastName: 'Okafor',
      emails: [{ value: 'maya@example.com', label: 'work' }],
      phones: [{ value: '07700 900123' }],
      tags: ['VIP', 'vip', 'boiler'],
    });
    expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(c.firstName).toBe('Maya');
    expect(c.displayName).toBe('Maya Okafor');
    expect(c.tags).toEqual(['VIP', 'boiler']);
    expect(c.kind).toBe('customer');
    expect(c.emailOptIn).toBe(false);
    expect(c.createdAt).toBe('2026-11-22T09:00:00.000Z');
    expect(c.updatedAt).toBe(c.createdAt);
    expect(c.deletedAt).toBeNull();
    expect(await t.call('contacts.get', { id: c.id })).toEqual(c);
    expect(t.events).toContainEqual({ name: 'data.changed', payload: { entity: 'contact', action: 'created', ids: [c.id] } });
  });

  it('needs a first name, a last name or a company', async () => {
    const error = await t.fail('contacts.create', { emails: [{ value: 'a@b.co' }] });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toContainEqual({ path: 'firstName', message: expect.stringContaining('company') });

    const company = await t.call('companies.create', { name: 'Acme Plumbing' });
    const nameless = await t.call('contacts.create', { companyId: company.id });
    expect(nameless.displayName).toBe('Acme Plumbing');
    expect(nameless.companyName).toBe('Acme Plumbing');
  });

  it('updates only the fields sent, clears fields sent as null, and keeps a name', async () => {
    const c = await t.call('contacts.create', { firstName: 'Tom', lastName: 'Reed', jobTitle: 'Photographer', notes: 'Weddings' });
    t.clock.advance(60_000);
    const u = await t.call('contacts.update', { id: c.id, lastName: 'Reid', jobTitle: null });
    expect(u.displayName).toBe('Tom Reid');
    expect(u.jobTitle).toBeNull();
    expect(u.notes).toBe('Weddings');
    expect(u.updatedAt).toBe('2026-11-22T09:01:00.000Z');
    expect(u.createdAt).toBe(c.createdAt);

    const error = await t.fail('contacts.update', { id: c.id, firstName: null, lastName: '' });
    expect(error.issues?.[0]?.path).toBe('firstName');
    expect((await t.call('contacts.get', { id: c.id })).displayName).toBe('Tom Reid');
  });

  it('refuses a company that does not exist, and writes nothing', async () => {
    const c = await t.call('contacts.create', { firstName: 'Ines' });
    const error = await t.fail('contacts.update', { id: c.id, firstName: 'Inès', companyId: '01930000-0000-7000-8000-000000000000' });
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'companyId' }] });
    expect((await t.call('contacts.get', { id: c.id })).firstName).toBe('Ines');
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const missing = '01930000-0000-7000-8000-000000000000';
    for (const channel of ['contacts.get', 'contacts.delete', 'contacts.restore', 'companies.get']) {
      expect((await t.fail(channel, { id: missing })).code).toBe('NOT_FOUND');
    }
    expect((await t.fail('contacts.update', { id: missing, firstName: 'X' })).code).toBe('NOT_FOUND');
  });

  it('moves a contact to Trash and back; Trash is listed only when asked for', async () => {
    const a = await t.call('contacts.create', { firstName: 'Ann' });
    const b = await t.call('contacts.create', { firstName: 'Ben', tags: ['gone'] });
    t.clock.advance(1000);
    const deleted = await t.call('contacts.delete', { id: b.id });
    expect(deleted.deletedAt).toBe('2026-11-22T09:00:01.000Z');

    const live = await t.call('contacts.list', {});
    expect(live.items.map((c) => c.id)).toEqual([a.id]);
    expect(live.total).toBe(1);
    const trash = await t.call('contacts.list', { trashed: true });
    expect(trash.items.map((c) => c.id)).toEqual([b.id]);
    expect((await t.call('tags.list', {})).items).toEqual([]);
    expect((await t.call('search.global', { query: 'Ben' })).items).toEqual([]);

    const restored = await t.call('contacts.restore', { id: b.id });
    expect(restored.deletedAt).toBeNull();
    expect((await t.call('contacts.list', {})).total).toBe(2);
    expect((await t.call('tags.list', {})).items).toEqual([{ tag: 'gone', contacts: 1, companies: 0 }]);
    // Deleting twice is harmless: it stays in Trash with its first deletion time.
    await t.call('contacts.delete', { id: b.id });
    t.clock.advance(1000);
    expect((await t.call('contacts.delete', { id: b.id })).deletedAt).toBe('2026-11-22T09:00:01.000Z');
  });
});

describe('contacts.list paging, sorting and filters', () => {
  async function seed(n: number) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      // Several people share a name: paging must still neither skip nor repeat anyone.
      const c = await t.call('contacts.create', {
        firstName: ['Émile', 'emile', 'Zoë', 'Adam'][i % 4],
        lastName: `Person ${String(i % 7)}`,
        kind: i % 3 === 0 ? 'supplier' : 'customer',
        tags: i % 5 === 0 ? ['boiler'] : [],
      });
      ids.push(c.id);
      t.clock.advance(1000);
    }
    return ids;
  }

  async function walk(input: { sort?: 'name' | 'lastName' | 'createdAt' | 'updatedAt'; kind?: 'supplier'; tag?: string; limit: number }) {
    const seen: string[] = [];
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.call('contacts.list', { ...input, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((c) => c.id));
      names.push(...page.items.map((c) => c.displayName));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { seen, names };
  }

  it('walks every contact exactly once in every sort order', async () => {
    const ids = await seed(53);
    for (const sort of ['name', 'lastName', 'createdAt', 'updatedAt'] as const) {
      const { seen } = await walk({ sort, limit: 10 });
      expect(new Set(seen).size).toBe(53);
      expect([...seen].sort()).toEqual([...ids].sort());
    }
  });

  it('sorts names case- and accent-insensitively, and newest first for dates', async () => {
    const ids = await seed(8);
    const { names } = await walk({ sort: 'name', limit: 3 });
    const folded = names.map((n) => n.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());
    expect(folded).toEqual([...folded].sort());
    expect(names[0]).toMatch(/^Adam/);
    const { seen } = await walk({ sort: 'createdAt', limit: 3 });
    expect(seen).toEqual([...ids].reverse());
  });

  it('filters by kind, tag, company and search, with a matching total', async () => {
    await seed(30);
    const suppliers = await t.call('contacts.list', { kind: 'supplier', limit: 5 });
    expect(suppliers.total).toBe(10);
    expect(suppliers.items.every((c) => c.kind === 'supplier')).toBe(true);
    expect((await walk({ kind: 'supplier', limit: 4 })).seen).toHaveLength(10);
    expect((await t.call('contacts.list', { tag: 'BOILER' })).total).toBe(6);
    expect((await t.call('contacts.list', { query: 'zoe' })).total).toBe(7);
    expect((await t.call('contacts.list', { query: '"*' })).total).toBe(0);

    const company = await t.call('companies.create', { name: 'Kitchen Co' });
    const person = await t.call('contacts.create', { firstName: 'Kim', companyId: company.id });
    const staff = await t.call('contacts.list', { companyId: company.id });
    expect(staff.items.map((c) => c.id)).toEqual([person.id]);
    expect((await t.call('companies.get', { id: company.id })).contactCount).toBe(1);
  });

  it('still counts when the page after a cursor turns out empty', async () => {
    await seed(3);
    const first = await t.call('contacts.list', { limit: 2 });
    const last = (await t.call('contacts.list', { limit: 1, cursor: first.nextCursor! })).items[0]!;
    await t.call('contacts.delete', { id: last.id });
    expect(await t.call('contacts.list', { limit: 2, cursor: first.nextCursor! })).toEqual({ items: [], total: 2, nextCursor: null });
    expect(await t.call('contacts.list', { limit: 2, kind: 'partner' })).toEqual({ items: [], total: 0, nextCursor: null });
  });

  it('rejects a cursor it did not give out', async () => {
    const error = await t.fail('contacts.list', { cursor: 'not-a-cursor' });
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'cursor' }] });
  });
});

describe('companies', () => {
  it('creates, renames (carrying nameless contacts along), trashes and restores', async () => {
    const co = await t.call('companies.create', { name: 'Bright Sparks Ltd', website: 'brightsparks.example', phone: '', tags: ['trade'] });
    expect(co).toMatchObject({ name: 'Bright Sparks Ltd', phone: null, tags: ['trade'], contactCount: 0 });
    const front = await t.call('contacts.create', { companyId: co.id });
    const named = await t.call('contacts.create', { firstName: 'Sam', companyId: co.id });

    const renamed = await t.call('companies.update', { id: co.id, name: 'Bright Sparks Electrical' });
    expect(renamed.website).toBe('brightsparks.example');
    expect((await t.call('contacts.get', { id: front.id })).displayName).toBe('Bright Sparks Electrical');
    expect((await t.call('contacts.get', { id: named.id })).companyName).toBe('Bright Sparks Electrical');
    expect((await t.call('search.global', { query: 'electrical' })).items.map((h) => h.type).sort()).toEqual(['company', 'contact']);

    await t.call('companies.delete', { id: co.id });
    expect((await t.call('companies.list', {})).total).toBe(0);
    expect((await t.call('companies.list', { trashed: true })).items[0]?.id).toBe(co.id);
    // Its people stay, still linked, so restoring the company brings the whole picture back.
    expect((await t.call('contacts.get', { id: named.id })).companyId).toBe(co.id);
    await t.call('companies.restore', { id: co.id });
    expect((await t.call('companies.list', { query: 'bright' })).items[0]?.contactCount).toBe(2);
  });

  it('pages companies by name without skipping', async () => {
    for (let i = 0; i < 25; i++) await t.call('companies.create', { name: `Company ${i % 3}` });
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await t.call('companies.list', { limit: 7, ...(cursor ? { cursor } : {}) });
      page.items.forEach((c) => seen.add(c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(25);
  });
});

describe('contacts.list with a common tag', () => {
  it('pages and counts a tag with over a thousand contacts exactly (index-walk plan)', async () => {
    const tagged = new Set<string>();
    for (let i = 0; i < 1100; i++) {
      const c = await t.call('contacts.create', { firstName: `N${String(i).padStart(4, '0')}`, tags: i % 100 === 0 ? [] : ['common'] });
      if (i % 100 !== 0) tagged.add(c.id);
    }
    const trashed = [...tagged][5]!;
    await t.call('contacts.delete', { id: trashed });
    tagged.delete(trashed);

    const seen: string[] = [];
    let cursor: string | undefined;
    let total: number;
    do {
      const page = await t.call('contacts.list', { tag: 'common', limit: 200, ...(cursor ? { cursor } : {}) });
      total = page.total;
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(total).toBe(tagged.size);
    expect(seen).toHaveLength(tagged.size);
    expect(new Set(seen)).toEqual(tagged);
    expect((await t.call('contacts.list', {})).total).toBe(1099);
  });
});
