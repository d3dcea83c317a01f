// Sales suggestions fed by quoting itself (issue #23): products from the catalogue, quotes built, sent and accepted
// through the real channels (an optional line left unchosen) — what suggestions read is what quoting wrote.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';

const VAT20 = { taxRateId: '5a1e57a0-0000-4000-8000-000000000001', rateMilli: 20_000 };
let t: TestCore;
beforeAll(async () => {
  t = await openTestCore({ start: '2026-11-22T09:00:00.000Z' });
});
afterAll(() => t?.destroy());

test('accepted quotes make pairs and repeats; unchosen optional lines and quotes only sent do not', async () => {
  const product = async (name: string, recurrence: 'none' | 'yearly') =>
    (await t.call('products.create', { name, unitPriceE4: 900_000, currency: 'GBP', taxRateId: VAT20.taxRateId, recurrence })).id;
  const boiler = await product('Boiler service', 'yearly');
  const filter = await product('Magnetic filter', 'none');
  const line = (productId: string, description: string, optional = false) =>
    ({ kind: 'item' as const, productId, description, quantityMilli: 1000, unitPriceE4: 900_000, taxes: [VAT20], optional, chosen: false });
  const quote = async (first: string, lines: ReturnType<typeof line>[], acceptAt: string | null) => {
    const contactId = (await t.call('contacts.create', { firstName: first, lastName: 'Client' })).id;
    const q = await t.call('quotes.create', { title: 'Heating', contactId, currency: 'GBP', lines });
    await t.call('quotes.send', { id: q.id, markSentOnly: true });
    if (acceptAt) await t.call('quotes.accept', { id: q.id, method: 'call', at: acceptAt });
    return contactId;
  };
  await quote('Ann', [line(boiler, 'Boiler service'), line(filter, 'Magnetic filter')], '2025-12-10T10:00:00.000Z');
  await quote('Ben', [line(boiler, 'Boiler service'), line(filter, 'Magnetic filter')], '2026-01-05T10:00:00.000Z');
  // Cat was offered the filter as an option and did not choose it.
  const cat = await quote('Cat', [line(boiler, 'Boiler service'), line(filter, 'Magnetic filter', true)], '2025-11-25T10:00:00.000Z');
  // Dan's quote was sent but never accepted.
  await quote('Dan', [line(boiler, 'Boiler service'), line(filter, 'Magnetic filter')], null);

  const s = await t.call('sales.suggestions', { minClients: 2, dueWithinDays: 30 });
  expect(s.pairs.map((p) => [p.productName, p.alsoProductName, p.bothClients, p.boughtClients, p.offerTo.map((c) => c.name)])).toEqual([
    ['Magnetic filter', 'Boiler service', 2, 2, []],
    ['Boiler service', 'Magnetic filter', 2, 3, ['Cat Client']],
  ]);
  expect(s.repeats.map((r) => [r.name, r.dueOn, r.overdue])).toEqual([
    ['Cat Client', '2026-11-25', false],
    ['Ann Client', '2026-12-10', false],
  ]);
  expect((await t.call('sales.suggestions', { contactId: cat })).pairs.map((p) => p.alsoProductName)).toEqual(['Magnetic filter']);
});
