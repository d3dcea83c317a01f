// The dashboard's and alerts' at-risk list with service cases (issue #22): a client whose cases of the last 90 days
// include a complaint, a rating of 1-2, two or more with one unresolved, or three or more, joins the list with the
// reason in words; a paying client who also drifts is listed and counted once, with the reason attached.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { at, seedCase } from './cases-seed';

const NOW = '2026-06-30T12:00:00.000Z';
const DAY = 86_400_000;
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
let t: TestCore;

beforeEach(async () => {
  t = await openTestCore({ start: '2026-01-05T10:00:00.000Z' });
});
afterEach(() => t.destroy());

describe('at-risk clients from service cases', () => {
  it('joins the drifting list with a reason, counted once', async () => {
    const db = t.core.store.db;
    const person = async (firstName: string) => (await t.call('contacts.create', { firstName })).id;
    const [dana, eve, finn, gus, hal, ivy, paula] = [await person('Dana'), await person('Eve'), await person('Finn'), await person('Gus'), await person('Hal'), await person('Ivy'), await person('Paula')];
    // Paula pays (a job in Paid) and was never contacted: she drifts.
    const stages = Object.fromEntries((await t.call('jobs.settings.get', {})).stages.map((s) => [s.name, s.id]));
    const job = await t.call('jobs.create', { title: 'Kitchen', contactId: paula, amountMinor: 100_000, currency: 'GBP', probability: null });
    await t.call('jobs.move', { id: job.id, stage: stages.Paid! });
    t.clock.set(NOW);
    const now = at(NOW);
    const seed = (c: Parameters<typeof seedCase>[1]) => seedCase(db, c, now);
    const resolvedAfter = (openedMs: number) => [{ at: openedMs + DAY, kind: 'status' as const, category: 'resolved' as const }];
    await seed({ contactId: dana, subject: 'One', openedMs: now - 10 * DAY, events: resolvedAfter(now - 10 * DAY) });
    await seed({ contactId: dana, subject: 'Two', openedMs: now - 2 * DAY });
    await seed({ contactId: eve, subject: 'Rude driver', type: 'complaint', openedMs: now - 20 * DAY, events: resolvedAfter(now - 20 * DAY) });
    await seed({ contactId: finn, subject: 'Slow', openedMs: now - 30 * DAY, events: resolvedAfter(now - 30 * DAY), rating: { score: 2, atIso: new Date(now - 25 * DAY).toISOString() } });
    // Not at risk: one open case; cases older than 90 days; a complaint in Trash.
    await seed({ contactId: gus, subject: 'Question', openedMs: now - DAY });
    await seed({ contactId: hal, subject: 'Old 1', type: 'complaint', openedMs: now - 100 * DAY });
    await seed({ contactId: hal, subject: 'Old 2', openedMs: now - 95 * DAY });
    await seed({ contactId: ivy, subject: 'Trashed', type: 'complaint', openedMs: now - DAY, deleted: true });
    await seed({ contactId: paula, subject: 'Bad fitting', type: 'complaint', openedMs: now - 5 * DAY });

    const d = await t.call('reports.dashboard', YEAR);
    expect(d.drifting.items.map((c) => [c.name, c.serviceReason ?? null])).toEqual([
      ['Dana', '2 cases in 90 days, 1 open'],
      ['Eve', '1 case in 90 days, 1 complaint'],
      ['Finn', '1 case in 90 days, 1 rated 1–2'],
      ['Paula', '1 case in 90 days, 1 open, 1 complaint'],
    ]);
    expect(d.drifting.count).toBe(4);
    const records = await t.call('reports.records', { ...YEAR, metric: 'drifting' });
    expect(records.rows.map((r) => r.cells[5])).toEqual(['2 cases in 90 days, 1 open', '1 case in 90 days, 1 complaint', '1 case in 90 days, 1 rated 1–2', '1 case in 90 days, 1 open, 1 complaint']);

    // The alerts leave out a client someone is already following up, as they do for drifting.
    await t.call('tasks.create', { title: 'Call Eve', contactId: eve, dueAt: '2026-07-01T09:00:00.000Z' });
    expect((await t.call('alerts.list', {})).drifting.map((c) => c.name)).toEqual(['Dana', 'Finn', 'Paula']);
  });
});
