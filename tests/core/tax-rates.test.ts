// Tax rates as data (issue #23) through the dispatcher: the seeded list in the user's order with how many lines used
// each, adding and editing in the app's words (a zero-rated kind is 0 %, a rate ends on or after it starts), hiding,
// and deleting only an unused rate. Real SQLite in a temp dir; the only fake is the clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { GB_STANDARD, GB_ZERO, IE_STANDARD, useOnLine } from './products-helpers';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

describe('the tax rate list', () => {
  it('offers the active rates in order, and all of them when asked, each with its use count', async () => {
    await useOnLine(t, { taxRateId: GB_STANDARD });
    const active = (await t.call('taxRates.list', {})).items;
    expect(active.map((r) => r.name)).toEqual(['VAT 20%', 'VAT 5% (reduced)', 'VAT 0% (zero-rated)', 'Exempt from VAT', 'Reverse charge']);
    expect(active[0]).toMatchObject({ id: GB_STANDARD, rateMilli: 20_000, kind: 'standard', country: 'GB', validFrom: '2011-01-04', validTo: null, active: true, usedBy: 1 });
    expect(active[1]!.usedBy).toBe(0);
    const all = (await t.call('taxRates.list', { includeInactive: true })).items;
    expect(all).toHaveLength(24);
    expect(all.find((r) => r.id === IE_STANDARD)).toMatchObject({ name: 'VAT 23%', active: false });
  });
});

describe('adding and editing a rate', () => {
  it('adds a rate at the end of the list and announces it', async () => {
    const r = await t.call('taxRates.create', { name: 'GST 15%', rateMilli: 15_000, kind: 'standard', country: 'nz', validFrom: '2010-10-01' });
    expect(r).toMatchObject({ name: 'GST 15%', country: 'NZ', active: true, usedBy: 0, validTo: null });
    expect((await t.call('taxRates.list', {})).items.at(-1)!.id).toBe(r.id);
    expect(t.events).toContainEqual({ name: 'data.changed', payload: { entity: 'taxRate', action: 'created', ids: [r.id] } });
  });

  it('keeps zero-rated, exempt, reverse-charge and outside-scope kinds at 0%', async () => {
    for (const kind of ['zero', 'exempt', 'reverse_charge', 'outside_scope'] as const) {
      const e = await t.fail('taxRates.create', { name: 'Odd', rateMilli: 5_000, kind });
      expect(e).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'rateMilli', message: 'A zero-rated, exempt or reverse-charge rate is 0%' }] });
    }
    expect(await t.fail('taxRates.update', { id: GB_ZERO, rateMilli: 1_000 })).toMatchObject({ issues: [{ path: 'rateMilli' }] });
    expect(await t.fail('taxRates.update', { id: GB_STANDARD, kind: 'exempt' })).toMatchObject({ issues: [{ path: 'rateMilli' }] });
  });

  it('refuses a rate that ends before it starts, and a rate over 100%', async () => {
    const e = await t.fail('taxRates.update', { id: GB_STANDARD, validTo: '2010-12-31' });
    expect(e).toMatchObject({ issues: [{ path: 'validTo', message: 'The rate must end on or after the day it starts' }] });
    expect(await t.fail('taxRates.create', { name: 'Big', rateMilli: 100_001, kind: 'standard' })).toMatchObject({ issues: [{ path: 'rateMilli' }] });
  });

  it('turns a rate on, ends one, and changes only what the update names', async () => {
    const on = await t.call('taxRates.update', { id: IE_STANDARD, active: true });
    expect(on).toMatchObject({ name: 'VAT 23%', rateMilli: 23_000, active: true });
    expect((await t.call('taxRates.list', {})).items.map((r) => r.id)).toContain(IE_STANDARD);
    const ended = await t.call('taxRates.update', { id: GB_STANDARD, validTo: '2027-03-31' });
    expect(ended).toMatchObject({ validFrom: '2011-01-04', validTo: '2027-03-31', rateMilli: 20_000 });
    expect(t.events).toContainEqual({ name: 'data.changed', payload: { entity: 'taxRate', action: 'updated', ids: [GB_STANDARD] } });
  });
});

describe('deleting a rate', () => {
  it('deletes an unused rate; a used one is ended or hidden instead', async () => {
    const mine = await t.call('taxRates.create', { name: 'Mine', rateMilli: 1_000, kind: 'reduced' });
    expect(await t.call('taxRates.delete', { id: mine.id })).toEqual({ ok: true });
    expect((await t.call('taxRates.list', { includeInactive: true })).items.map((r) => r.id)).not.toContain(mine.id);

    await useOnLine(t, { taxRateId: GB_STANDARD });
    await useOnLine(t, { taxRateId: GB_STANDARD });
    await useOnLine(t, { taxRateId: GB_STANDARD });
    const e = await t.fail('taxRates.delete', { id: GB_STANDARD });
    expect(e).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'id', message: 'Used on 3 lines: end it (valid to) or hide it instead' }] });
    expect(await t.fail('taxRates.delete', { id: mine.id })).toMatchObject({ issues: [{ path: 'id', message: 'There is no such tax rate' }] });
  });
});
