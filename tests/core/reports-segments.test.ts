// Saved segments and the contacts filters they save: each filter field on hand-built contacts, the live
// count, names unique, and the plain contacts list untouched when no segment filter is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
const ids: Record<string, string> = {};
let stages: Record<string, string> = {};

beforeAll(async () => {
  t = await openTestCore({ start: '2026-01-10T09:00:00.000Z' });
  stages = Object.fromEntries((await t.call('jobs.settings.get', {})).stages.map((s) => [s.name, s.id]));
  ids.ann = (await t.call('contacts.create', { firstName: 'Ann', addresses: [{ city: 'Leeds', region: 'West Yorkshire' }], leadSource: 'Referral', emailOptIn: true, tags: ['vip'] })).id;
  ids.ben = (await t.call('contacts.create', { firstName: 'Ben', addresses: [{ city: 'York' }, { city: ' leeds ' }], leadSource: 'website' })).id;
  ids.cat = (await t.call('contacts.create', { firstName: 'Cat', kind: 'prospect', emailOptIn: true })).id;
  await t.call('activities.create', { contactId: ids.ann!, type: 'call', occurredAt: '2026-01-05T09:00:00.000Z' });
  await t.call('activities.create', { contactId: ids.ben!, type: 'email', occurredAt: '2025-06-05T09:00:00.000Z' });
  const paid = await t.call('jobs.create', { title: 'Paid work', contactId: ids.ann!, amountMinor: 50_000 });
  await t.call('jobs.move', { id: paid.id, stage: stages.Paid! });
  await t.call('jobs.create', { title: 'Open work', contactId: ids.ben!, amountMinor: 10_000 });
  const euro = await t.call('jobs.create', { title: 'Euro work', contactId: ids.cat!, amountMinor: 90_000, currency: 'EUR' });
  await t.call('jobs.move', { id: euro.id, stage: stages.Paid! });
});
afterAll(() => t.destroy());

const names = async (filter: Record<string, unknown>) =>
  (await t.call('contacts.list', filter as never)).items.map((c) => c.displayName);

describe('contacts.list segment filters', () => {
  it('filters by each field', async () => {
    expect(await names({ city: 'LEEDS' })).toEqual(['Ann', 'Ben']);
    expect(await names({ region: 'west yorkshire' })).toEqual(['Ann']);
    expect(await names({ leadSource: 'Website' })).toEqual(['Ben']);
    expect(await names({ lastContactedBefore: '2026-01-01' })).toEqual(['Ben', 'Cat']); // Cat: never contacted
    expect(await names({ lastContactedAfter: '2026-01-01' })).toEqual(['Ann']);
    expect(await names({ hasOpenJobs: true })).toEqual(['Ben']);
    expect(await names({ hasOpenJobs: false })).toEqual(['Ann', 'Cat']);
    expect(await names({ revenueAboveMinor: 10_000 })).toEqual(['Ann']); // GBP, the default: Cat's EUR is not mixed in
    expect(await names({ revenueAboveMinor: 10_000, revenueCurrency: 'EUR' })).toEqual(['Cat']);
    expect(await names({ revenueBelowMinor: 50_000 })).toEqual(['Ben', 'Cat']);
    expect(await names({ emailOptIn: true })).toEqual(['Ann', 'Cat']);
    expect(await names({ emailOptIn: true, kind: 'prospect' })).toEqual(['Cat']);
    expect(await names({ tag: 'vip', city: 'leeds' })).toEqual(['Ann']);
    const page = await t.call('contacts.list', { city: 'leeds', limit: 1 });
    expect(page.total).toBe(2);
  });

  it('rejects bad filter values naming the field', async () => {
    expect((await t.fail('contacts.list', { lastContactedBefore: '2026-13-01' })).issues?.[0]?.path).toBe('lastContactedBefore');
    expect((await t.fail('contacts.list', { revenueAboveMinor: -1 })).issues?.[0]?.path).toBe('revenueAboveMinor');
    expect((await t.fail('contacts.list', { revenueCurrency: 'pounds' })).issues?.[0]?.path).toBe('revenueCurrency');
  });
});

describe('segments', () => {
  it('saves a filter with a name and counts it live', async () => {
    const segment = await t.call('segments.create', { name: 'Leeds clients', filter: { city: 'Leeds' } });
    expect(segment).toMatchObject({ name: 'Leeds clients', filter: { city: 'Leeds' }, count: 2 });
    expect(t.events.at(-1)).toEqual({ name: 'data.changed', payload: { entity: 'segment', action: 'created', ids: [segment.id] } });
    await t.call('contacts.update', { id: ids.ben!, addresses: [{ city: 'York' }] });
    expect((await t.call('segments.list', {})).items.map((s) => [s.name, s.count])).toEqual([['Leeds clients', 1]]);
    expect(await t.call('segments.count', { filter: { emailOptIn: true } })).toEqual({ count: 2 });
  });

  it('keeps names unique, updates and deletes', async () => {
    const vip = await t.call('segments.create', { name: 'VIP', filter: { tag: 'vip' } });
    expect(await t.fail('segments.create', { name: 'leeds CLIENTS', filter: {} })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'name' }] });
    expect(await t.fail('segments.update', { id: vip.id, name: 'Leeds clients' })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'name' }] });
    const renamed = await t.call('segments.update', { id: vip.id, name: 'Opted in', filter: { emailOptIn: true } });
    expect(renamed).toMatchObject({ name: 'Opted in', count: 2 });
    await t.call('segments.delete', { id: vip.id });
    expect(await t.fail('segments.delete', { id: vip.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.call('segments.list', {})).items.map((s) => s.name)).toEqual(['Leeds clients']);
  });

  it('rejects an unknown filter field by name and writes nothing', async () => {
    const error = await t.fail('segments.create', { name: 'Bad', filter: { colour: 'red' } });
    expect(error).toMatchObject({ code: 'VALIDATION' });
    expect(error.issues?.[0]?.path).toBe('filter');
    expect((await t.call('segments.list', {})).items.map((s) => s.name)).toEqual(['Leeds clients']);
  });
});
