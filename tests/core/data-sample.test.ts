// The first run's sample data through the real dispatcher on a real store: it adds a believable business (jobs
// in several stages, calls, due follow-ups, appointments), and "Remove sample data" takes exactly those records,
// edited or trashed, leaving what the user added meanwhile, the search index and the report summaries clean.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;

beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

const summaries = () => ({
  pipeline: t.core.store.sqlite.prepare('SELECT coalesce(sum(jobs), 0) AS jobs, coalesce(sum(total), 0) AS total FROM pipeline_totals').get(),
  milestones: t.core.store.sqlite.prepare('SELECT count(*) AS n FROM job_milestones').get(),
  days: t.core.store.sqlite.prepare('SELECT count(*) AS n FROM activity_days').get(),
  tags: t.core.store.sqlite.prepare('SELECT count(*) AS n FROM contact_tags').get(),
});

describe('sample data', () => {
  it('a new store shows the welcome until it is dismissed or something is added', async () => {
    expect(await t.call('data.sample.status', {})).toEqual({ welcome: true, sample: null });
    expect(await t.call('data.welcome.dismiss', {})).toEqual({ welcome: false, sample: null });
    expect((await t.call('data.sample.status', {})).welcome).toBe(false);

    const other = await openTestCore();
    try {
      await other.call('contacts.create', { firstName: 'Maya' });
      expect((await other.call('data.sample.status', {})).welcome).toBe(false);
    } finally {
      other.destroy();
    }
  });

  it('adds a small business with jobs across the pipeline, due follow-ups and appointments', async () => {
    const added = await t.call('data.sample.add', {});
    expect(added).toEqual({ companies: 4, contacts: 20, jobs: 9, activities: 12, followUps: 5, appointments: 3 });
    expect(await t.call('data.sample.status', {})).toEqual({ welcome: false, sample: added });
    expect((await t.call('contacts.list', {})).total).toBe(20);

    const board = await t.call('jobs.board', {});
    expect(board.stages.filter((c) => c.count > 0).length).toBeGreaterThanOrEqual(5);
    const now = t.clock.now().getTime();
    const day = 86_400_000;
    const today = await t.call('tasks.today', {
      dayStart: new Date(now - day / 2).toISOString(),
      dayEnd: new Date(now + day / 2).toISOString(),
      weekEnd: new Date(now + 7 * day).toISOString(),
    });
    expect(today.overdue.length + today.today.length).toBeGreaterThan(0);
    // Made-up follow-ups already past due do not pop a reminder each.
    expect(await t.core.reminders.tick()).toBe(0);
    const { items } = await t.call('appointments.list', { from: new Date(now).toISOString(), to: new Date(now + 14 * day).toISOString() });
    expect(items).toHaveLength(3);
    expect((await t.call('search.global', { query: 'Amelia' })).items.length).toBeGreaterThan(0);

    // Twice would double every person: refused until removed.
    expect((await t.fail('data.sample.add', {})).code).toBe('CONFLICT');
  });

  it('removes exactly the sample records, edited or trashed, and keeps what the user added', async () => {
    const before = summaries();
    await t.call('data.sample.add', {});
    const sampleAmelia = (await t.call('contacts.list', { query: 'Amelia' })).items[0]!;
    const sampleRahul = (await t.call('contacts.list', { query: 'Rahul' })).items[0]!;

    // The user's own records, some hanging on sample ones.
    const mine = await t.call('contacts.create', { firstName: 'Maya', lastName: 'Jones', tags: ['kitchen'] });
    const myJob = await t.call('jobs.create', { title: 'Maya kitchen', contactId: mine.id, amountMinor: 500_000 });
    const jobForSample = await t.call('jobs.create', { title: 'Worktop order', contactId: sampleAmelia.id, amountMinor: 90_000 });
    await t.call('activities.create', { contactId: mine.id, type: 'call', subject: 'First call' });
    await t.call('activities.create', { contactId: sampleAmelia.id, type: 'note', subject: 'Note on a sample person' });
    // Sample records the user edited or trashed still go.
    await t.call('contacts.update', { id: sampleAmelia.id, notes: 'Edited by the user' });
    await t.call('contacts.delete', { id: sampleRahul.id });

    const removed = await t.call('data.sample.remove', {});
    expect(removed).toEqual({ companies: 4, contacts: 20, jobs: 9, activities: 12, followUps: 5, appointments: 3 });
    expect(await t.call('data.sample.status', {})).toEqual({ welcome: false, sample: null });

    const left = await t.call('contacts.list', {});
    expect(left.items.map((c) => c.displayName)).toEqual(['Maya Jones']);
    expect((await t.call('contacts.list', { trashed: true })).total).toBe(0);
    expect((await t.call('companies.list', {})).total).toBe(0);
    expect((await t.call('jobs.get', { id: myJob.id })).contactId).toBe(mine.id);
    // The user's job on a sample person stays, without the person.
    expect((await t.call('jobs.get', { id: jobForSample.id })).contactId).toBeNull();
    expect((await t.call('activities.list', {})).items.map((a) => a.subject)).toEqual(['First call']);
    expect((await t.call('search.global', { query: 'Amelia' })).items).toEqual([]);
    expect((await t.call('search.global', { query: 'Maya' })).items.length).toBeGreaterThan(0);

    // The summaries hold the user's two jobs, one call and one tag, as if the sample had never been there.
    const after = summaries();
    expect(after.pipeline).toEqual({ jobs: 2, total: 590_000 });
    expect(after.tags).toEqual({ n: (before.tags as { n: number }).n + 1 });
    expect(after.milestones).toEqual({ n: 2 });

    // Removed, it can be added again; and removing with none here changes nothing.
    expect((await t.call('data.sample.add', {})).contacts).toBe(20);
    await t.call('data.sample.remove', {});
    expect(await t.call('data.sample.remove', {})).toEqual({ companies: 0, contacts: 0, jobs: 0, activities: 0, followUps: 0, appointments: 0 });
    expect((await t.call('contacts.list', {})).total).toBe(1);
  });
});
