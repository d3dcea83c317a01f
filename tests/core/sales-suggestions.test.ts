// What to offer whom (issue #23) against the real backend and SQLite: accepted quotes of several clients (written
// by sales-seed.ts, as quoting leaves them) give exact pairs, shares, offer-to lists and repeats with the clock;
// quotes not accepted, unchosen optional lines and clients in the Trash count for nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { seedProduct, seedQuote } from './sales-seed';

let t: TestCore;
const ids: Record<string, string> = {};
const product: Record<string, string> = {};

beforeAll(async () => {
  t = await openTestCore({ start: '2026-11-22T09:00:00.000Z' });
  for (const name of ['Ann', 'Ben', 'Cat', 'Dan', 'Eve', 'Fay', 'Gil']) ids[name] = (await t.call('contacts.create', { firstName: name, lastName: 'Client' })).id;
  const db = t.core.store.sqlite;
  product.boiler = seedProduct(db, 'Boiler service', 'yearly');
  product.filter = seedProduct(db, 'Magnetic filter');
  product.thermostat = seedProduct(db, 'Smart thermostat');
  product.gutter = seedProduct(db, 'Gutter clean', 'quarterly');
  const q = (who: string, products: string[], on: string, status?: string) =>
    seedQuote(db, ids[who]!, products.map((p) => ({ productId: product[p]! })), `${on}T10:00:00.000Z`, status);
  q('Ann', ['boiler', 'filter'], '2025-12-01');
  q('Ben', ['boiler', 'filter'], '2026-01-10');
  q('Ben', ['boiler'], '2026-06-01');
  // Cat left the thermostat unchosen: an optional line not counted is not a purchase.
  seedQuote(db, ids.Cat!, [{ productId: product.boiler! }, { productId: product.thermostat!, notChosen: true }, { productId: null }], '2025-11-30T10:00:00.000Z');
  q('Dan', ['boiler', 'thermostat'], '2025-10-15');
  q('Dan', ['filter'], '2026-02-01', 'declined');
  q('Eve', ['filter', 'thermostat'], '2026-03-01');
  q('Eve', ['gutter'], '2026-08-31');
  // Fay is in the Trash; Gil's quote was only sent.
  q('Fay', ['boiler', 'filter'], '2026-01-01');
  q('Gil', ['boiler', 'filter'], '2026-01-01', 'sent');
  await t.call('contacts.delete', { id: ids.Fay! });
});
afterAll(() => t?.destroy());

const client = (name: string) => ({ contactId: ids[name]!, name: `${name} Client` });

describe('sales.suggestions', () => {
  test('pairs: clients who bought X usually also bought Y, best share first, with whom to offer Y', async () => {
    const { pairs } = await t.call('sales.suggestions', { minClients: 2 });
    // Boiler: Ann, Ben, Cat, Dan (4). Filter: Ann, Ben, Eve (3). Both: Ann, Ben.
    expect(pairs).toEqual([
      {
        productId: product.filter, productName: 'Magnetic filter', alsoProductId: product.boiler, alsoProductName: 'Boiler service',
        bothClients: 2, boughtClients: 3, shareMilli: 667, offerTo: [client('Eve')], offerToTotal: 1,
      },
      {
        productId: product.boiler, productName: 'Boiler service', alsoProductId: product.filter, alsoProductName: 'Magnetic filter',
        bothClients: 2, boughtClients: 4, shareMilli: 500, offerTo: [client('Cat'), client('Dan')], offerToTotal: 2,
      },
    ]);
  });

  test('minClients, productId, limit and one client narrow the pairs', async () => {
    const all = (await t.call('sales.suggestions', { minClients: 1, limit: 200 })).pairs;
    // Eve alone bought the gutter clean: 1 of 1 with her filter and thermostat.
    expect(all.filter((p) => p.productName === 'Gutter clean').map((p) => [p.alsoProductName, p.shareMilli, p.bothClients])).toEqual([
      ['Magnetic filter', 1000, 1],
      ['Smart thermostat', 1000, 1],
    ]);
    // Thermostat (Dan, Eve) with boiler (Dan) and filter (Eve): 1 of 2 each; boiler→thermostat 1 of 4, filter→thermostat 1 of 3.
    const gutter = (p: { productName: string; alsoProductName: string }) => p.productName === 'Gutter clean' || p.alsoProductName === 'Gutter clean';
    expect(all.filter((p) => !gutter(p)).map((p) => [p.productName, p.alsoProductName, p.shareMilli])).toEqual([
      ['Magnetic filter', 'Boiler service', 667],
      ['Boiler service', 'Magnetic filter', 500],
      ['Smart thermostat', 'Boiler service', 500],
      ['Smart thermostat', 'Magnetic filter', 500],
      ['Magnetic filter', 'Smart thermostat', 333],
      ['Boiler service', 'Smart thermostat', 250],
    ]);
    expect((await t.call('sales.suggestions', { minClients: 1, limit: 2 })).pairs).toHaveLength(2);
    const boiler = (await t.call('sales.suggestions', { minClients: 1, productId: product.boiler })).pairs;
    expect(boiler.map((p) => p.alsoProductName)).toEqual(['Magnetic filter', 'Smart thermostat']);
    expect(boiler[1]!.offerTo).toEqual([client('Ann'), client('Ben'), client('Cat')]);
    // Cat bought the boiler but not the filter: offer her the filter.
    const cat = await t.call('sales.suggestions', { contactId: ids.Cat! });
    expect(cat.pairs.map((p) => [p.productName, p.alsoProductName])).toEqual([['Boiler service', 'Magnetic filter']]);
    expect(cat.repeats.map((r) => r.productName)).toEqual(['Boiler service']);
  });

  test('repeats: last accepted purchase plus the period, due within the window or overdue', async () => {
    const { repeats } = await t.call('sales.suggestions', { dueWithinDays: 30 });
    // Ben bought again in June: not due until 2027. Aug 31 + a quarter clamps to Nov 30.
    expect(repeats).toEqual([
      { ...client('Dan'), productId: product.boiler, productName: 'Boiler service', lastBoughtOn: '2025-10-15', dueOn: '2026-10-15', overdue: true },
      { ...client('Cat'), productId: product.boiler, productName: 'Boiler service', lastBoughtOn: '2025-11-30', dueOn: '2026-11-30', overdue: false },
      { ...client('Eve'), productId: product.gutter, productName: 'Gutter clean', lastBoughtOn: '2026-08-31', dueOn: '2026-11-30', overdue: false },
      { ...client('Ann'), productId: product.boiler, productName: 'Boiler service', lastBoughtOn: '2025-12-01', dueOn: '2026-12-01', overdue: false },
    ]);
    expect((await t.call('sales.suggestions', { dueWithinDays: 5 })).repeats.map((r) => r.name)).toEqual(['Dan Client']);
    // The edges: due exactly at the end of the window counts; due today is not yet overdue.
    expect((await t.call('sales.suggestions', { dueWithinDays: 8 })).repeats.map((r) => r.name)).toEqual(['Dan Client', 'Cat Client', 'Eve Client']);
    t.clock.set('2026-11-30T09:00:00.000Z');
    expect((await t.call('sales.suggestions', { dueWithinDays: 0 })).repeats.map((r) => [r.name, r.overdue])).toEqual([['Dan Client', true], ['Cat Client', false], ['Eve Client', false]]);
    t.clock.set('2026-12-02T09:00:00.000Z');
    const later = (await t.call('sales.suggestions', { dueWithinDays: 0 })).repeats;
    expect(later.map((r) => [r.name, r.overdue])).toEqual([['Dan Client', true], ['Cat Client', true], ['Eve Client', true], ['Ann Client', true]]);
    t.clock.set('2026-11-22T09:00:00.000Z');
  });

  test('an empty store answers with nothing to suggest', async () => {
    const empty = await openTestCore();
    try {
      expect(await empty.call('sales.suggestions', {})).toEqual({ pairs: [], repeats: [] });
    } finally {
      empty.destroy();
    }
  });
});
