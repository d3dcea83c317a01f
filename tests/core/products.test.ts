// The catalogue's products (issue #23) through the dispatcher: creating with the business's currency, unique codes
// in any letter case, tax rates that must exist, search and category filters with keyset pages, and deleting only
// what no quote or invoice line came from. Real SQLite in a temp dir; the only fake is the clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSetting } from '../../electron/db/settings.repo';
import { openTestCore, type TestCore } from '../helpers/core';
import { GB_STANDARD, useOnLine } from './products-helpers';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

const boiler = { name: 'Boiler service', code: 'BS-1', unit: 'visit', unitPriceE4: 850_000_000, taxRateId: GB_STANDARD, category: 'Servicing', recurrence: 'yearly' as const };

describe('a product', () => {
  it('is created in the business currency, read back whole, and announced', async () => {
    const p = await t.call('products.create', boiler);
    expect(p).toMatchObject({ ...boiler, currency: 'GBP', priceIncludesTax: false, costE4: null, description: null, active: true });
    expect(await t.call('products.get', { id: p.id })).toEqual(p);
    expect(t.events).toContainEqual({ name: 'data.changed', payload: { entity: 'product', action: 'created', ids: [p.id] } });
  });

  it('takes the currency from the sales settings, and refuses a made-up one', async () => {
    await setSetting(t.core.store.db, 'sales', JSON.stringify({ currency: 'EUR' }));
    expect((await t.call('products.create', { name: 'Call-out', unitPriceE4: 1 })).currency).toBe('EUR');
    expect((await t.call('products.create', { name: 'Dollars', unitPriceE4: 1, currency: 'usd' })).currency).toBe('USD');
    const bad = await t.fail('products.create', { name: 'Pounds', unitPriceE4: 1, currency: 'POU' });
    expect(bad).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'currency' }] });
  });

  it('keeps its code its own, whatever the letter case', async () => {
    await t.call('products.create', boiler);
    const clash = await t.fail('products.create', { ...boiler, name: 'Another', code: 'bs-1' });
    expect(clash).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'code', message: 'Another product already has the code bs-1' }] });
    const other = await t.call('products.create', { name: 'Gas safety check', code: 'GS-1', unitPriceE4: 600_000_000 });
    expect(await t.fail('products.update', { id: other.id, code: 'BS-1' })).toMatchObject({ issues: [{ path: 'code' }] });
    // Its own code again, and an emptied code, are fine.
    expect((await t.call('products.update', { id: other.id, code: 'GS-1', unitPriceE4: 650_000_000 })).unitPriceE4).toBe(650_000_000);
    expect((await t.call('products.update', { id: other.id, code: '' })).code).toBeNull();
  });

  it('refuses a tax rate that does not exist', async () => {
    const e = await t.fail('products.create', { ...boiler, taxRateId: '5a1e57a0-0000-4000-8000-0000000000ff' });
    expect(e).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'taxRateId', message: 'There is no such tax rate' }] });
  });

  it('changes only the fields an update names', async () => {
    const p = await t.call('products.create', { ...boiler, costE4: 300_000_000 });
    t.clock.advance(60_000);
    const q = await t.call('products.update', { id: p.id, unitPriceE4: 900_000_000, active: false });
    expect(q).toMatchObject({ name: 'Boiler service', code: 'BS-1', costE4: 300_000_000, unitPriceE4: 900_000_000, active: false });
    expect(q.updatedAt > p.updatedAt).toBe(true);
    expect(await t.fail('products.update', { id: '5a1e57a0-0000-4000-8000-0000000000ff', name: 'x' })).toMatchObject({ issues: [{ path: 'id' }] });
  });
});

describe('the product list', () => {
  beforeEach(async () => {
    await t.call('products.create', boiler);
    await t.call('products.create', { name: 'annual gas check', code: 'GS-1', unitPriceE4: 600_000_000, category: 'Servicing' });
    await t.call('products.create', { name: 'Copper pipe 15mm', description: 'per metre, 50% off', unit: 'm', unitPriceE4: 45_000_000, category: 'Parts' });
    await t.call('products.create', { name: 'Old radiator', unitPriceE4: 1, active: false, category: 'Retired' });
  });

  it('sorts active products by name in any case, with the categories in use', async () => {
    const list = await t.call('products.list', {});
    expect(list.items.map((p) => p.name)).toEqual(['annual gas check', 'Boiler service', 'Copper pipe 15mm']);
    expect(list).toMatchObject({ total: 3, nextCursor: null, categories: ['Parts', 'Servicing'] });
    const all = await t.call('products.list', { includeInactive: true });
    expect(all.items.map((p) => p.name)).toContain('Old radiator');
    expect(all.categories).toEqual(['Parts', 'Retired', 'Servicing']);
  });

  it('searches name, code, description and category; % and _ are plain characters', async () => {
    const names = async (query: string) => (await t.call('products.list', { query })).items.map((p) => p.name);
    expect(await names('BOILER')).toEqual(['Boiler service']);
    expect(await names('gs-1')).toEqual(['annual gas check']);
    expect(await names('metre')).toEqual(['Copper pipe 15mm']);
    expect(await names('servicing')).toEqual(['annual gas check', 'Boiler service']);
    expect(await names('50%')).toEqual(['Copper pipe 15mm']);
    expect(await names('%')).toEqual(['Copper pipe 15mm']);
    expect(await names('_')).toEqual([]);
  });

  it('filters by category and pages by name without repeats', async () => {
    expect((await t.call('products.list', { category: 'Servicing' })).items.map((p) => p.code)).toEqual(['GS-1', 'BS-1']);
    const first = await t.call('products.list', { limit: 2 });
    expect(first.items.map((p) => p.name)).toEqual(['annual gas check', 'Boiler service']);
    expect(first.total).toBe(3);
    const second = await t.call('products.list', { limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((p) => p.name)).toEqual(['Copper pipe 15mm']);
    expect(second.nextCursor).toBeNull();
    expect(await t.fail('products.list', { cursor: 'nonsense' })).toMatchObject({ issues: [{ path: 'cursor' }] });
  });
});

describe('deleting a product', () => {
  it('works for one no line came from, and is refused (make it inactive) for a used one', async () => {
    const unused = await t.call('products.create', { name: 'Unused', unitPriceE4: 1 });
    expect(await t.call('products.delete', { id: unused.id })).toEqual({ ok: true });
    expect(await t.fail('products.get', { id: unused.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(t.events).toContainEqual({ name: 'data.changed', payload: { entity: 'product', action: 'deleted', ids: [unused.id] } });

    const used = await t.call('products.create', boiler);
    await useOnLine(t, { productId: used.id });
    await useOnLine(t, { productId: used.id });
    const e = await t.fail('products.delete', { id: used.id });
    expect(e).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'id', message: 'Used on 2 quote or invoice lines: make it inactive instead, so those keep their history' }] });
    expect((await t.call('products.get', { id: used.id })).name).toBe('Boiler service');
  });
});
