// Jobs and the pipeline through the real dispatcher on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
let maya = '';
let stages: { id: string; name: string; category: string }[] = [];
const stage = (name: string) => stages.find((s) => s.name === name)!.id;

beforeEach(async () => {
  t = await openTestCore();
  const co = await t.call('companies.create', { name: 'Okafor Kitchens' });
  maya = (await t.call('contacts.create', { firstName: 'Maya', companyId: co.id, tags: ['kitchen'] })).id;
  stages = (await t.call('jobs.settings.get', {})).stages;
});
afterEach(() => t.destroy());

describe('pipeline', () => {
  it('starts with Lead → Quoted → Won → In progress → Completed → Paid, plus Lost, in GBP', async () => {
    const pipeline = await t.call('jobs.settings.get', {});
    expect(pipeline.stages.map((s) => `${s.name}:${s.category}`)).toEqual(['Lead:open', 'Quoted:open', 'Won:won', 'In progress:won', 'Completed:won', 'Paid:paid', 'Lost:lost']);
    expect(pipeline.defaultCurrency).toBe('GBP');
  });

  it('renames, adds, reorders and removes stages, moving jobs where the user says', async () => {
    const job = await t.call('jobs.create', { title: 'Survey', stage: stage('Quoted') });
    const kept = stages.filter((s) => s.name !== 'Quoted' && s.name !== 'In progress');
    const next = [{ name: 'Site visit', category: 'open' as const }, ...kept.map((s) => ({ id: s.id, name: s.name === 'Lead' ? 'Enquiry' : s.name, category: s.category as 'open' }))];
    const refused = await t.fail('jobs.settings.update', { stages: next });
    expect(refused).toMatchObject({ code: 'VALIDATION', issues: [{ path: `moveJobs.${stage('Quoted')}` }] });
    expect((await t.call('jobs.get', { id: job.id })).stageName).toBe('Quoted'); // nothing half-done

    const updated = await t.call('jobs.settings.update', { stages: next, moveJobs: { [stage('Quoted')]: 0 }, defaultCurrency: 'eur' });
    expect(updated.stages.map((s) => s.name)).toEqual(['Site visit', 'Enquiry', 'Won', 'Completed', 'Paid', 'Lost']);
    expect(updated.defaultCurrency).toBe('EUR');
    expect((await t.call('jobs.get', { id: job.id })).stageName).toBe('Site visit');
    expect((await t.call('jobs.history', { id: job.id })).items.map((h) => h.toStage)).toEqual(['(removed stage)', 'Site visit']);
    expect((await t.fail('jobs.settings.update', { stages: [{ name: 'A', category: 'open' }, { name: 'a', category: 'won' }] })).issues?.[0]?.path).toBe('stages.1.name');
  });
});

describe('jobs', () => {
  it('creates a job in the first stage with the default currency and the client\'s company', async () => {
    const job = await t.call('jobs.create', { title: 'New kitchen', contactId: maya, amountMinor: 1_250_000, dueDate: '2027-01-15', probability: 60 });
    expect(job).toMatchObject({ stageName: 'Lead', category: 'open', currency: 'GBP', amountMinor: 1_250_000, contactName: 'Maya', companyName: 'Okafor Kitchens' });
    expect((await t.fail('jobs.create', { title: 'x', amountMinor: -1 })).issues?.[0]?.path).toBe('amountMinor');
    expect((await t.fail('jobs.create', { title: 'x', amountMinor: 10.5 })).issues?.[0]?.path).toBe('amountMinor');
    expect((await t.fail('jobs.create', { title: 'x', stage: '01930000-0000-7000-8000-000000000000' })).issues?.[0]?.path).toBe('stage');
    expect((await t.fail('jobs.create', { title: 'x', contactId: '01930000-0000-7000-8000-000000000000' })).code).toBe('NOT_FOUND');
  });

  it('moves jobs between stages and within a column, keeping the stage history with times', async () => {
    const a = await t.call('jobs.create', { title: 'A' });
    const b = await t.call('jobs.create', { title: 'B' });
    const c = await t.call('jobs.create', { title: 'C' });
    await t.call('jobs.move', { id: c.id, stage: stage('Lead'), beforeId: a.id });
    let column = (await t.call('jobs.board', {})).stages[0]!;
    expect(column.jobs.map((j) => j.title)).toEqual(['C', 'A', 'B']);

    t.clock.advance(60_000);
    const won = await t.call('jobs.move', { id: b.id, stage: stage('Won') });
    expect(won).toMatchObject({ stageName: 'Won', category: 'won', stageChangedAt: '2026-11-22T09:01:00.000Z' });
    t.clock.advance(60_000);
    await t.call('jobs.move', { id: b.id, stage: stage('Lost'), lostReason: 'Went with a cheaper quote' });
    const history = await t.call('jobs.history', { id: b.id });
    expect(history.items.map((h) => [h.fromStage, h.toStage, h.at])).toEqual([
      [null, 'Lead', '2026-11-22T09:00:00.000Z'],
      ['Lead', 'Won', '2026-11-22T09:01:00.000Z'],
      ['Won', 'Lost', '2026-11-22T09:02:00.000Z'],
    ]);
    expect((await t.call('jobs.get', { id: b.id })).lostReason).toBe('Went with a cheaper quote');
    column = (await t.call('jobs.board', {})).stages[0]!;
    expect(column.jobs.map((j) => j.title)).toEqual(['C', 'A']);
  });

  it('totals each column per currency in minor units, never mixing currencies', async () => {
    await t.call('jobs.create', { title: 'One', amountMinor: 100_050 });
    await t.call('jobs.create', { title: 'Two', amountMinor: 20_001 });
    await t.call('jobs.create', { title: 'Euro', amountMinor: 99_999, currency: 'eur' });
    await t.call('jobs.create', { title: 'No value yet' });
    const lead = (await t.call('jobs.board', {})).stages[0]!;
    expect(lead).toMatchObject({ count: 4, totalMinor: 120_051, totals: [{ currency: 'EUR', amountMinor: 99_999 }, { currency: 'GBP', amountMinor: 120_051 }] });
  });

  it('filters the board by client, tag and date; lists, searches and sorts jobs', async () => {
    const other = (await t.call('contacts.create', { firstName: 'Tom' })).id;
    await t.call('jobs.create', { title: 'Worktop fitting', contactId: maya, dueDate: '2026-12-01', amountMinor: 500 });
    await t.call('jobs.create', { title: 'Wedding shoot', contactId: other, dueDate: '2027-06-01', amountMinor: 900 });
    const byTag = await t.call('jobs.board', { tag: 'kitchen' });
    expect(byTag.stages[0]!.jobs.map((j) => j.title)).toEqual(['Worktop fitting']);
    expect((await t.call('jobs.board', { contactId: other })).stages[0]!.count).toBe(1);
    expect((await t.call('jobs.board', { from: '2027-01-01', to: '2027-12-31' })).stages[0]!.jobs.map((j) => j.title)).toEqual(['Wedding shoot']);
    expect((await t.call('jobs.list', { query: 'worktop' })).items.map((j) => j.title)).toEqual(['Worktop fitting']);
    expect((await t.call('search.global', { query: 'worktop' })).items).toContainEqual(expect.objectContaining({ type: 'job', title: 'Worktop fitting', subtitle: 'Lead · Maya', contactId: maya }));
    expect((await t.call('jobs.list', { sort: 'amount' })).items.map((j) => j.title)).toEqual(['Wedding shoot', 'Worktop fitting']);
    expect((await t.call('jobs.list', { sort: 'dueDate', limit: 1 })).nextCursor).not.toBeNull();
    const job = (await t.call('jobs.list', { sort: 'title' })).items[0]!;
    await t.call('jobs.delete', { id: job.id });
    expect((await t.call('jobs.list', {})).total).toBe(1);
    expect((await t.call('jobs.list', { trashed: true })).items.map((j) => j.id)).toEqual([job.id]);
  });
});

describe('activities and follow-ups about a job', () => {
  it('links them to the job, lists them by job, and refuses a job that does not exist', async () => {
    const job = await t.call('jobs.create', { title: 'Kitchen refit', contactId: maya });
    const call = await t.call('activities.create', { contactId: maya, jobId: job.id, type: 'call', notes: 'Agreed the oak worktop', followUp: { title: 'Order worktop' } });
    await t.call('activities.create', { contactId: maya, type: 'note', notes: 'Unrelated' });
    expect(call.jobId).toBe(job.id);
    expect((await t.call('activities.list', { jobId: job.id })).items.map((a) => a.id)).toEqual([call.id]);
    const followUps = (await t.call('tasks.list', { jobId: job.id })).items;
    expect(followUps.map((x) => [x.title, x.jobId, x.contactId])).toEqual([['Order worktop', job.id, maya]]);
    const direct = await t.call('tasks.create', { title: 'Send invoice', contactId: maya, jobId: job.id });
    expect((await t.call('tasks.list', { jobId: job.id })).items.map((x) => x.id)).toContain(direct.id);
    const missing = '01930000-0000-7000-8000-000000000000';
    expect((await t.fail('activities.create', { contactId: maya, jobId: missing, type: 'note' })).code).toBe('NOT_FOUND');
    expect((await t.fail('tasks.create', { title: 'x', jobId: missing })).code).toBe('NOT_FOUND');
    await t.call('activities.update', { id: call.id, jobId: null });
    expect((await t.call('activities.list', { jobId: job.id })).items).toEqual([]);
  });
});

describe("a job's appointments", () => {
  it('lists only the occurrences of appointments linked to the job (or to a contact), repeats expanded', async () => {
    const job = await t.call('jobs.create', { title: 'Loft', contactId: maya });
    const other = await t.call('jobs.create', { title: 'Shed', contactId: maya });
    await t.call('appointments.create', { title: 'Survey', startsAt: '2026-11-24T10:00:00Z', endsAt: '2026-11-24T11:00:00Z', jobId: job.id, contactId: maya });
    await t.call('appointments.create', { title: 'Weekly check', startsAt: '2026-11-25T10:00:00Z', endsAt: '2026-11-25T10:30:00Z', jobId: job.id, recurrence: { freq: 'weekly', count: 3 } });
    await t.call('appointments.create', { title: 'Shed base', startsAt: '2026-11-24T10:30:00Z', endsAt: '2026-11-24T11:30:00Z', jobId: other.id, contactId: maya });
    const range = { from: '2026-11-22T00:00:00Z', to: '2027-01-01T00:00:00Z' };
    const forJob = await t.call('appointments.list', { ...range, jobId: job.id });
    expect(forJob.items.map((o) => `${o.title}@${o.startsAt.slice(0, 10)}`)).toEqual(['Survey@2026-11-24', 'Weekly check@2026-11-25', 'Weekly check@2026-12-02', 'Weekly check@2026-12-09']);
    // Conflicts are judged among the listed ones: the Shed overlap is not in this job's view.
    expect(forJob.items.some((o) => o.conflict)).toBe(false);
    expect((await t.call('appointments.list', { ...range, contactId: maya })).items.map((o) => o.title)).toEqual(['Survey', 'Shed base']);
    expect((await t.call('appointments.list', range)).items.filter((o) => o.conflict).map((o) => o.title)).toEqual(['Survey', 'Shed base']);
  });
});
