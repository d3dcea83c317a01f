// The service report on a real store: a hand-computed set of cases (round-the-clock UTC calendar, so business time
// is wall time) with replies, resolutions, a reopen, ratings, a waiting case, one in Trash and one of a contact in
// Trash; medians and 90th percentiles are nearest-rank. Then the CSV through the save dialog, read back.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { saveCalendar } from '../../electron/db/service.repo';
import { at, HOUR, roundTheClock, seedCase } from './cases-seed';

const NOW = '2026-06-30T12:00:00.000Z';
const JUNE = { from: '2026-06-01', to: '2026-06-30' };
let t: TestCore;

beforeEach(async () => {
  t = await openTestCore({ start: NOW });
});
afterEach(() => t.destroy());

async function seedJune() {
  const db = t.core.store.db;
  const now = at(NOW);
  await roundTheClock(db);
  const alice = (await t.call('contacts.create', { firstName: 'Alice', lastName: 'Archer' })).id;
  const bob = (await t.call('contacts.create', { firstName: 'Bob', lastName: 'Baker' })).id;
  const carol = (await t.call('contacts.create', { firstName: '=Carol', lastName: 'Cole' })).id;
  const gone = (await t.call('contacts.create', { firstName: 'Gone', lastName: 'Away' })).id;
  const seed = (c: Parameters<typeof seedCase>[1]) => seedCase(db, c, now);
  const o = (iso: string) => at(iso);
  // Opened in May, resolved in June: counts for the reopen rate only; its May rating is outside the period.
  await seed({ contactId: alice, subject: 'Old leak', openedMs: o('2026-05-20T00:00:00Z'), events: [{ at: o('2026-05-20T01:00:00Z'), kind: 'reply' }, { at: o('2026-06-02T00:00:00Z'), kind: 'status', category: 'resolved' }], rating: { score: 1, atIso: '2026-05-25T10:00:00.000Z' } });
  // Alice: three cases, all resolved: responses 1 h, 2 h, 3 h; resolutions 20 h, 50 h (missed: normal is 40 h), 30 h (20 + 10 after a reopen).
  await seed({ contactId: alice, subject: 'Boiler', openedMs: o('2026-06-05T00:00:00Z'), events: [{ at: o('2026-06-05T01:00:00Z'), kind: 'reply' }, { at: o('2026-06-05T20:00:00Z'), kind: 'status', category: 'resolved' }], rating: { score: 5, atIso: '2026-06-10T10:00:00.000Z' } });
  await seed({ contactId: alice, subject: 'Radiator', openedMs: o('2026-06-06T00:00:00Z'), events: [{ at: o('2026-06-06T02:00:00Z'), kind: 'reply' }, { at: o('2026-06-08T02:00:00Z'), kind: 'status', category: 'resolved' }], rating: { score: 2, atIso: '2026-06-12T10:00:00.000Z' } });
  await seed({
    contactId: alice,
    subject: 'Tap',
    openedMs: o('2026-06-10T00:00:00Z'),
    events: [
      { at: o('2026-06-10T03:00:00Z'), kind: 'reply' },
      { at: o('2026-06-10T20:00:00Z'), kind: 'status', category: 'resolved' },
      { at: o('2026-06-11T06:00:00Z'), kind: 'reopened', category: 'open' },
      { at: o('2026-06-11T16:00:00Z'), kind: 'status', category: 'resolved' },
    ],
    reopenCount: 1,
    rating: { score: 4, atIso: '2026-06-20T10:00:00.000Z' },
  });
  // Bob: two open cases from yesterday, answered after 4 h and after 10 h (missed: normal is 8 h).
  await seed({ contactId: bob, subject: 'Invoice query', openedMs: o('2026-06-29T14:00:00Z'), events: [{ at: o('2026-06-29T18:00:00Z'), kind: 'reply' }] });
  await seed({ contactId: bob, subject: 'Late van', openedMs: o('2026-06-29T13:00:00Z'), events: [{ at: o('2026-06-29T23:00:00Z'), kind: 'reply' }] });
  // Carol: a high-priority case opened an hour ago (response not yet due: undecided), and a waiting one from 5 days ago.
  await seed({ contactId: carol, subject: 'Broken lock', priority: 'high', openedMs: o('2026-06-30T11:00:00Z') });
  await seed({ contactId: carol, subject: 'Warranty form', type: 'warranty', openedMs: o('2026-06-25T12:00:00Z'), events: [{ at: o('2026-06-25T14:00:00Z'), kind: 'reply' }, { at: o('2026-06-25T15:00:00Z'), kind: 'status', category: 'waiting' }] });
  // Opened on 1 May and still open: only in the backlog by age (over 30 days).
  await seed({ contactId: bob, subject: 'Fence', openedMs: o('2026-05-01T00:00:00Z') });
  // Left out everywhere: a case in Trash, and the case of a contact in Trash.
  await seed({ contactId: alice, subject: 'Trashed', openedMs: o('2026-06-15T00:00:00Z'), events: [{ at: o('2026-06-15T01:00:00Z'), kind: 'reply' }], rating: { score: 1, atIso: '2026-06-16T00:00:00.000Z' }, deleted: true });
  await seed({ contactId: gone, subject: 'Contact gone', openedMs: o('2026-06-16T00:00:00Z'), events: [{ at: o('2026-06-16T01:00:00Z'), kind: 'status', category: 'resolved' }], rating: { score: 1, atIso: '2026-06-17T00:00:00.000Z' } });
  await t.call('contacts.delete', { id: gone });
  return { alice, bob, carol };
}

describe('service report', () => {
  it('computes the period figures by hand-checkable rules', async () => {
    const { alice, bob, carol } = await seedJune();
    const r = await t.call('reports.service', JUNE);
    expect(r.opened).toBe(7);
    expect(r.byPriority).toEqual([
      { priority: 'low', opened: 0 },
      { priority: 'normal', opened: 6 },
      { priority: 'high', opened: 1 },
      { priority: 'urgent', opened: 0 },
    ]);
    // Responses 1, 2, 2, 3, 4, 10 h: nearest-rank median is rank ceil(3) = 3 → 2 h; p90 rank ceil(5.4) = 6 → 10 h.
    expect(r.firstResponse).toEqual({ count: 6, medianMs: 2 * HOUR, p90Ms: 10 * HOUR });
    // Resolutions 20, 30, 50 h: median rank 2 → 30 h; p90 rank ceil(2.7) = 3 → 50 h.
    expect(r.resolution).toEqual({ count: 3, medianMs: 30 * HOUR, p90Ms: 50 * HOUR });
    expect(r.targetsMet).toEqual({ response: { met: 5, total: 6, share: 0.833 }, resolution: { met: 2, total: 3, share: 0.667 } });
    // Resolved in June: the May case, Boiler, Radiator, Tap (reopened once).
    expect(r.reopen).toEqual({ reopened: 1, resolved: 4, share: 0.25 });
    // Ratings given in June: 5, 2, 4 (the May rating and the trashed ones are out).
    expect(r.satisfaction).toEqual({ count: 3, average: 3.67, byScore: [0, 1, 0, 1, 1] });
    expect(r.perClient).toEqual([
      { contactId: alice, name: 'Alice Archer', cases: 3, open: 0 },
      // Ties go by the name's sort key, where '=' comes before letters.
      { contactId: carol, name: '=Carol Cole', cases: 2, open: 2 },
      { contactId: bob, name: 'Bob Baker', cases: 2, open: 2 },
    ]);
    // Open or waiting now: Bob's two (22 h, 23 h), Carol's new one (1 h), Carol's waiting one (5 days), the Fence (60 days).
    expect(r.openByAge).toEqual([
      { bucket: 'under1d', count: 3 },
      { bucket: '1to3d', count: 0 },
      { bucket: '3to7d', count: 1 },
      { bucket: '7to30d', count: 0 },
      { bucket: 'over30d', count: 1 },
    ]);
  });

  it('has empty figures, not errors, for a period without cases', async () => {
    const r = await t.call('reports.service', { from: '2020-01-01', to: '2020-01-31' });
    expect(r.opened).toBe(0);
    expect(r.firstResponse).toEqual({ count: 0, medianMs: null, p90Ms: null });
    expect(r.targetsMet.response.share).toBeNull();
    expect(r.reopen.share).toBeNull();
    expect(r.satisfaction).toEqual({ count: 0, average: null, byScore: [0, 0, 0, 0, 0] });
    expect(r.perClient).toEqual([]);
  });

  it('lists the 50 clients with most cases, ties by name', async () => {
    const db = t.core.store.db;
    const opened = at('2026-06-10T00:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 55; i++) ids.push((await t.call('contacts.create', { firstName: `Client ${String(i).padStart(2, '0')}` })).id);
    for (const [i, id] of ids.entries()) await seedCase(db, { contactId: id, subject: `Case ${i}`, openedMs: opened }, at(NOW));
    // Client 54 has three cases, client 53 two: they lead; the rest have one each and go by name.
    await seedCase(db, { contactId: ids[54]!, subject: 'More', openedMs: opened }, at(NOW));
    await seedCase(db, { contactId: ids[54]!, subject: 'More', openedMs: opened }, at(NOW));
    await seedCase(db, { contactId: ids[53]!, subject: 'More', openedMs: opened }, at(NOW));
    const r = await t.call('reports.service', JUNE);
    expect(r.perClient).toHaveLength(50);
    expect(r.perClient.slice(0, 3).map((c) => [c.name, c.cases, c.open])).toEqual([['Client 54', 3, 3], ['Client 53', 2, 2], ['Client 00', 1, 1]]);
    expect(r.perClient.at(-1)?.name).toBe('Client 47');
  });

  it('measures in business hours: a Friday-afternoon case answered on Monday morning took 2 hours', async () => {
    const db = t.core.store.db;
    const day = [{ start: '09:00', end: '17:00' }];
    await saveCalendar(db, { timeZone: 'UTC', hours: { monday: day, tuesday: day, wednesday: day, thursday: day, friday: day, saturday: [], sunday: [] }, holidays: [] });
    const id = (await t.call('contacts.create', { firstName: 'Weekend' })).id;
    // Friday 12 June 16:00 → Monday 15 June 10:00: one hour on Friday, one on Monday.
    await seedCase(db, { contactId: id, subject: 'Over the weekend', openedMs: at('2026-06-12T16:00:00Z'), events: [{ at: at('2026-06-15T10:00:00Z'), kind: 'reply' }] }, at(NOW));
    const r = await t.call('reports.service', JUNE);
    expect(r.firstResponse).toEqual({ count: 1, medianMs: 2 * HOUR, p90Ms: 2 * HOUR });
    expect(r.targetsMet.response).toEqual({ met: 1, total: 1, share: 1 });
  });

  it("bounds the period's days by the business calendar's time zone", async () => {
    const db = t.core.store.db;
    await roundTheClock(db, 'America/New_York');
    const id = (await t.call('contacts.create', { firstName: 'Zed' })).id;
    // 02:00 UTC on 1 June is 22:00 on 31 May in New York; 02:00 UTC on 1 July is still 30 June there.
    await seedCase(db, { contactId: id, subject: 'Before', openedMs: at('2026-06-01T02:00:00Z') }, at(NOW));
    await seedCase(db, { contactId: id, subject: 'Inside', openedMs: at('2026-06-29T02:00:00Z') }, at(NOW));
    t.clock.set('2026-07-02T00:00:00.000Z');
    await seedCase(db, { contactId: id, subject: 'Last evening', openedMs: at('2026-07-01T02:00:00Z') }, at('2026-07-02T00:00:00Z'));
    expect((await t.call('reports.service', JUNE)).opened).toBe(2);
    expect((await t.call('reports.service', { from: '2026-05-31', to: '2026-05-31' })).opened).toBe(1);
  });

  it('writes the report as CSV, one section per table, text guarded against formulas', async () => {
    await seedJune();
    const result = await t.call('reports.serviceCsv', JUNE);
    expect(result.format).toBe('csv');
    expect(result.path).toMatch(/rapport-service-2026-06-01-to-2026-06-30\.csv$/);
    const text = readFileSync(result.path!, 'utf8');
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['Service report', 'From,To,Cases opened', '2026-06-01,2026-06-30,7']);
    expect(lines).toContain('Business time');
    expect(lines).toContain('First response,6,2,10');
    expect(lines).toContain('Resolution,3,30,50');
    expect(lines).toContain('Satisfaction');
    expect(lines).toContain('3,3.67,0,1,0,1,1');
    expect(lines).toContain('Alice Archer,3,0');
    // A client whose name starts with "=" is written as text, not as a formula.
    expect(lines).toContain("'=Carol Cole,2,2");
    expect(lines).toContain('Normal,6');
    expect(lines).toContain('Over 30 days,1');
    expect(result.rows).toBe(1 + 5 + 2 + 2 + 1 + 1 + 3 + 4);
  });
});
