// Known-answer tests for every dashboard figure on hand-built data (the clock moves as the story happens),
// the records behind each one, and the edge cases: no jobs, one currency vs several, a lost job with no value,
// a period with no activity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
const stage: Record<string, string> = {};
const ids: Record<string, string> = {};
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

async function at<T>(when: string, work: () => Promise<T>): Promise<T> {
  t.clock.set(when);
  return work();
}
async function job(key: string, when: string, input: { title: string; contact: string; amountMinor?: number | null; currency?: string; probability?: number }) {
  ids[key] = (
    await at(when, () =>
      t.call('jobs.create', { title: input.title, contactId: ids[input.contact]!, amountMinor: input.amountMinor ?? null, currency: input.currency ?? 'GBP', probability: input.probability ?? null }),
    )
  ).id;
}
const move = (key: string, to: string, when: string) => at(when, () => t.call('jobs.move', { id: ids[key]!, stage: stage[to]! }));
const call = (contact: string, when: string, type: 'call' | 'note' = 'call') => t.call('activities.create', { contactId: ids[contact]!, type, occurredAt: when });

beforeAll(async () => {
  t = await openTestCore({ start: '2025-01-05T10:00:00.000Z' });
  for (const s of (await t.call('jobs.settings.get', {})).stages) stage[s.name] = s.id;
  ids.carol = (await t.call('contacts.create', { firstName: 'Carol' })).id;
  ids.frank = (await t.call('contacts.create', { firstName: 'Frank' })).id;
  t.clock.set('2026-01-05T10:00:00.000Z');
  ids.alice = (await t.call('contacts.create', { firstName: 'Alice', leadSource: 'Referral', addresses: [{ city: 'Leeds' }] })).id;
  ids.bob = (await t.call('contacts.create', { firstName: 'Bob', leadSource: 'Website' })).id;
  ids.eve = (await t.call('contacts.create', { firstName: 'Eve' })).id;

  await job('j6', '2025-03-01T09:00:00.000Z', { title: 'Old kitchen', contact: 'carol', amountMinor: 70_000 });
  await move('j6', 'Won', '2025-03-11T09:00:00.000Z');
  await move('j6', 'Paid', '2025-03-20T09:00:00.000Z');
  await job('jf', '2025-06-01T09:00:00.000Z', { title: 'Frank enquiry', contact: 'frank' });

  await job('j7', '2026-01-10T09:00:00.000Z', { title: 'Shed', contact: 'carol', amountMinor: 10_000, probability: 20 });
  await job('j1', '2026-02-01T09:00:00.000Z', { title: 'Kitchen', contact: 'alice', amountMinor: 100_000 });
  await move('j1', 'Won', '2026-02-11T09:00:00.000Z');
  await move('j1', 'Paid', '2026-03-05T09:00:00.000Z');
  await job('j3', '2026-03-01T09:00:00.000Z', { title: 'Bathroom quote', contact: 'bob', amountMinor: 20_000 });
  await move('j3', 'Quoted', '2026-03-02T09:00:00.000Z');
  await job('j2', '2026-04-01T09:00:00.000Z', { title: 'Loft', contact: 'alice', amountMinor: 50_000 });
  await move('j2', 'Won', '2026-04-21T09:00:00.000Z');
  await move('j2', 'Completed', '2026-05-01T09:00:00.000Z');
  await job('j4', '2026-05-01T09:00:00.000Z', { title: 'Lost cause', contact: 'bob' });
  await move('j4', 'Lost', '2026-06-01T09:00:00.000Z');
  await job('j5', '2026-06-01T09:00:00.000Z', { title: 'Paris flat', contact: 'eve', amountMinor: 30_000, currency: 'EUR' });
  await move('j5', 'Won', '2026-06-04T09:00:00.000Z');
  await move('j5', 'Paid', '2026-07-01T09:00:00.000Z');

  t.clock.set('2026-11-22T09:00:00.000Z');
  for (const day of ['2026-10-01', '2026-10-11', '2026-10-21']) await call('alice', `${day}T09:00:00.000Z`);
  await call('eve', '2026-11-20T09:00:00.000Z');
  await call('bob', '2026-08-01T09:00:00.000Z', 'note');
  await t.call('tasks.create', { title: 'Chase Bob', contactId: ids.bob!, dueAt: '2026-11-01T09:00:00.000Z' });
});
afterAll(() => t.destroy());

describe('reports.dashboard', () => {
  it('answers every figure for a year with several currencies', async () => {
    const d = await t.call('reports.dashboard', YEAR);
    expect(d.currency).toBe('GBP');
    expect([d.previousFrom, d.previousTo]).toEqual(['2025-01-01', '2025-12-31']);
    expect(d.winRate).toEqual({ won: 3, lost: 1, rate: 0.75 });
    expect(d.averageJobValueMinor).toEqual([{ currency: 'EUR', amountMinor: 30_000 }, { currency: 'GBP', amountMinor: 75_000 }]);
    expect(d.averageDaysLeadToWon).toBe(11);
    const month = (m: string, c: string) => d.revenueByMonth.find((r) => r.month === m && r.currency === c);
    expect(d.revenueByMonth).toHaveLength(24); // 12 months x 2 currencies
    expect(month('2026-02', 'GBP')).toMatchObject({ wonMinor: 100_000, paidMinor: 0 });
    expect(month('2026-03', 'GBP')).toEqual({ month: '2026-03', currency: 'GBP', wonMinor: 0, paidMinor: 100_000, previousWonMinor: 70_000, previousPaidMinor: 70_000 });
    expect(month('2026-04', 'GBP')).toMatchObject({ wonMinor: 50_000, paidMinor: 0 });
    expect(month('2026-06', 'EUR')).toMatchObject({ wonMinor: 30_000 });
    expect(month('2026-07', 'EUR')).toMatchObject({ paidMinor: 30_000 });
    expect(d.topClients).toEqual({ items: [{ contactId: ids.alice, name: 'Alice', amountMinor: 100_000, jobs: 1, tier: 'top' }], tiers: { top: 1, middle: 0, tail: 0 } });
    expect(d.lifetimeValue).toMatchObject({ totalMinor: 170_000, payingClients: 2, activeClients: 4, averagePerActiveMinor: 42_500 });
    expect(d.repeatClients).toEqual({ repeat: 1, clients: 3 });
    expect(d.churn).toEqual({ previousActive: 2, churned: 1, rate: 0.5 });
    expect(d.drifting.count).toBe(2);
    expect(d.drifting.items.map((c) => [c.name, c.daysSince, c.usualGapDays, c.thresholdDays])).toEqual([
      ['Carol', null, null, 90],
      ['Alice', 32, 10, 14],
    ]);
    expect(d.leadSources).toEqual([
      { source: null, contacts: 1, won: 1, revenue: [{ currency: 'EUR', amountMinor: 30_000 }] },
      { source: 'Referral', contacts: 1, won: 1, revenue: [{ currency: 'GBP', amountMinor: 100_000 }] },
      { source: 'Website', contacts: 1, won: 0, revenue: [] },
    ]);
    expect(d.activityCounts).toEqual([
      { type: 'call', count: 4 },
      { type: 'email', count: 0 },
      { type: 'meeting', count: 0 },
      { type: 'letter', count: 0 },
      { type: 'note', count: 1 },
    ]);
    expect(d.overdueFollowUps).toBe(1);
    const byName = Object.fromEntries(d.pipeline.map((s) => [s.stageName, s]));
    expect(byName.Lead).toMatchObject({ count: 2, totals: [{ currency: 'GBP', amountMinor: 10_000 }], weighted: [{ currency: 'GBP', amountMinor: 2_000 }] });
    expect(byName.Quoted).toMatchObject({ count: 1, weighted: [{ currency: 'GBP', amountMinor: 10_000 }] });
    expect(byName.Paid?.totals).toEqual([{ currency: 'EUR', amountMinor: 30_000 }, { currency: 'GBP', amountMinor: 170_000 }]);
    expect(byName.Lost).toMatchObject({ count: 1, totals: [{ currency: 'GBP', amountMinor: 0 }] });
    expect(byName.Won).toMatchObject({ count: 0, totals: [] });
  });

  it('keeps to one currency when asked', async () => {
    const d = await t.call('reports.dashboard', { ...YEAR, currency: 'eur' });
    expect(d.currency).toBe('EUR');
    expect(d.winRate).toEqual({ won: 1, lost: 0, rate: 1 });
    expect(d.averageJobValueMinor).toEqual([{ currency: 'EUR', amountMinor: 30_000 }]);
    expect(new Set(d.revenueByMonth.map((r) => r.currency))).toEqual(new Set(['EUR']));
    expect(d.topClients.items.map((c) => [c.name, c.amountMinor])).toEqual([['Eve', 30_000]]);
    expect(d.lifetimeValue.totalMinor).toBe(30_000);
  });

  it('answers zeros, not errors, for a period with no jobs and no activity', async () => {
    const d = await t.call('reports.dashboard', { from: '2030-01-01', to: '2030-01-31' });
    expect(d.winRate).toEqual({ won: 0, lost: 0, rate: null });
    expect(d.averageJobValueMinor).toEqual([]);
    expect(d.averageDaysLeadToWon).toBeNull();
    expect(d.revenueByMonth).toEqual([{ month: '2030-01', currency: 'GBP', wonMinor: 0, paidMinor: 0, previousWonMinor: 0, previousPaidMinor: 0 }]);
    expect(d.topClients.items).toEqual([]);
    expect(d.lifetimeValue).toMatchObject({ activeClients: 0, averagePerActiveMinor: null, totalMinor: 170_000 });
    expect(d.churn).toEqual({ previousActive: 0, churned: 0, rate: null });
    expect(d.activityCounts.every((a) => a.count === 0)).toBe(true);
    expect(d.leadSources).toEqual([]);
  });

  it('adds the part-months at either end of a custom period to the whole months between', async () => {
    const d = await t.call('reports.dashboard', { from: '2026-01-15', to: '2026-04-25' });
    expect(d.revenueByMonth).toEqual([
      { month: '2026-01', currency: 'GBP', wonMinor: 0, paidMinor: 0, previousWonMinor: 0, previousPaidMinor: 0 },
      { month: '2026-02', currency: 'GBP', wonMinor: 100_000, paidMinor: 0, previousWonMinor: 0, previousPaidMinor: 0 },
      { month: '2026-03', currency: 'GBP', wonMinor: 0, paidMinor: 100_000, previousWonMinor: 70_000, previousPaidMinor: 70_000 },
      { month: '2026-04', currency: 'GBP', wonMinor: 50_000, paidMinor: 0, previousWonMinor: 0, previousPaidMinor: 0 },
    ]);
    // j1 won in a whole month (February, 10 days after it came in), j2 in the part-month of April (20 days).
    expect([d.winRate.won, d.averageJobValueMinor, d.averageDaysLeadToWon]).toEqual([2, [{ currency: 'GBP', amountMinor: 75_000 }], 15]);
    const days = await t.call('reports.dashboard', { from: '2026-04-20', to: '2026-04-22' }); // within one month
    expect(days.revenueByMonth).toEqual([{ month: '2026-04', currency: 'GBP', wonMinor: 50_000, paidMinor: 0, previousWonMinor: 0, previousPaidMinor: 0 }]);
    expect([days.winRate.won, days.averageJobValueMinor, days.averageDaysLeadToWon]).toEqual([1, [{ currency: 'GBP', amountMinor: 50_000 }], 20]);
    const outside = await t.call('reports.dashboard', { from: '2026-02-12', to: '2026-03-04' }); // j1 won the day before, paid the day after
    expect(outside.revenueByMonth.every((m) => m.wonMinor === 0 && m.paidMinor === 0)).toBe(true);
  });

  it('averages lifetime value over the active clients only, leaving out paying clients quiet in the period', async () => {
    // February and March 2026: Alice (j1) and Bob (j3) are active; Carol paid 70,000 in 2025 and is quiet.
    const d = await t.call('reports.dashboard', { from: '2026-02-01', to: '2026-03-31' });
    expect(d.lifetimeValue).toMatchObject({ totalMinor: 170_000, payingClients: 2, activeClients: 2, averagePerActiveMinor: 50_000 });
  });

  it('answers an empty file', async () => {
    const empty = await openTestCore();
    try {
      const d = await empty.call('reports.dashboard', YEAR);
      expect(d.pipeline.every((s) => s.count === 0 && s.totals.length === 0)).toBe(true);
      expect(d.winRate.rate).toBeNull();
      expect(d.lifetimeValue).toEqual({ totalMinor: 0, payingClients: 0, activeClients: 0, averagePerActiveMinor: null, items: [] });
      expect(d.drifting).toEqual({ count: 0, items: [] });
      expect(d.repeatClients).toEqual({ repeat: 0, clients: 0 });
    } finally {
      empty.destroy();
    }
  });

  it('rejects a period that ends before it starts', async () => {
    const error = await t.fail('reports.dashboard', { from: '2026-02-01', to: '2026-01-01' });
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'to' }] });
  });
});

describe('reports.records', () => {
  const names = async (input: Parameters<typeof t.call<'reports.records'>>[1]) => (await t.call('reports.records', input)).rows.map((r) => r.cells[0]);

  it('lists the records behind each figure, adding up to it', async () => {
    expect(await names({ ...YEAR, metric: 'wonJobs' })).toEqual(['Paris flat', 'Loft', 'Kitchen']);
    expect(await names({ ...YEAR, metric: 'wonJobs', month: '2026-02' })).toEqual(['Kitchen']);
    expect(await names({ ...YEAR, metric: 'paidJobs', month: '2026-03', previousYear: true })).toEqual(['Old kitchen']);
    expect(await names({ ...YEAR, metric: 'lostJobs' })).toEqual(['Lost cause']);
    expect(await names({ ...YEAR, metric: 'pipeline', stageId: stage.Lead! })).toEqual(['Shed', 'Frank enquiry']);
    expect(await names({ ...YEAR, metric: 'topClients' })).toEqual(['Alice']);
    expect(await names({ ...YEAR, metric: 'lifetimeValue' })).toEqual(['Alice', 'Carol']);
    expect(await names({ ...YEAR, metric: 'activeClients' })).toEqual(['Alice', 'Bob', 'Carol', 'Eve']);
    expect(await names({ ...YEAR, metric: 'repeatClients' })).toEqual(['Alice']);
    expect(await names({ ...YEAR, metric: 'churned' })).toEqual(['Frank']);
    expect(await names({ ...YEAR, metric: 'drifting' })).toEqual(['Carol', 'Alice']);
    expect(await names({ ...YEAR, metric: 'leadSource', leadSource: 'Website' })).toEqual(['Bob']);
    expect(await names({ ...YEAR, metric: 'leadSource', leadSource: '' })).toEqual(['Eve']);
    expect((await t.call('reports.records', { ...YEAR, metric: 'activities', type: 'call' })).rows).toHaveLength(4);
    expect(await names({ ...YEAR, metric: 'overdueFollowUps' })).toEqual(['Chase Bob']);
  });

  it('links every row to its record', async () => {
    const table = await t.call('reports.records', { ...YEAR, metric: 'paidJobs' });
    expect(table.rows.map((r) => r.link)).toEqual([{ type: 'job', id: ids.j5 }, { type: 'job', id: ids.j1 }]);
    expect(table.columns.find((c) => c.key === 'amount')?.kind).toBe('money');
  });
});

describe('alerts.list', () => {
  it('lists drifting clients, unanswered quotes and unpaid completed work', async () => {
    const alerts = await t.call('alerts.list', {});
    expect(alerts.settings).toEqual({ driftDays: 90, quoteDays: 14, unpaidDays: 30 });
    expect(alerts.drifting.map((d) => d.name)).toEqual(['Carol', 'Alice']);
    expect(alerts.unansweredQuotes.map((j) => [j.title, j.days])).toEqual([['Bathroom quote', 265]]);
    expect(alerts.unpaid.map((j) => [j.title, j.stageName])).toEqual([['Loft', 'Completed']]);
  });

  it('follows the settings, and the daily check tells the UI', async () => {
    await t.call('reports.settings.update', { quoteDays: 300, driftDays: 400 });
    const alerts = await t.call('alerts.list', {});
    expect(alerts.unansweredQuotes).toEqual([]);
    expect(alerts.drifting.map((d) => d.name)).toEqual(['Carol', 'Alice']); // never contacted drifts; Alice's own gap still applies
    t.events.length = 0;
    await t.core.modules.reports.alerts.check();
    expect(t.events).toEqual([{ name: 'alerts.updated', payload: { count: 3 } }]);
    expect((await t.fail('reports.settings.update', { quoteDays: 0 })).issues?.[0]?.path).toBe('quoteDays');
    await t.call('reports.settings.update', { quoteDays: 14, driftDays: 90 });
  });

  it('leaves out a drifting client who already has a follow-up planned', async () => {
    const task = await t.call('tasks.create', { title: 'Call Carol', contactId: ids.carol!, dueAt: '2026-11-23T09:00:00.000Z' });
    expect((await t.call('alerts.list', {})).drifting.map((d) => d.name)).toEqual(['Alice']);
    expect((await t.call('reports.dashboard', YEAR)).drifting.count).toBe(2); // still drifting on the dashboard
    await t.call('tasks.delete', { id: task.id });
  });
});
