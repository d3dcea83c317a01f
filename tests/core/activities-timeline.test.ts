// The merged timeline (activities + job stage changes) through the real dispatcher on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
let maya = '';
let companyId = '';
let stages: { id: string; name: string; category: 'open' | 'won' | 'paid' | 'lost' }[] = [];
const stage = (name: string) => stages.find((s) => s.name === name)!.id;
const at = (minutes: number) => new Date(Date.parse('2026-11-22T09:00:00.000Z') + minutes * 60_000).toISOString();

beforeEach(async () => {
  t = await openTestCore();
  companyId = (await t.call('companies.create', { name: 'Okafor Kitchens' })).id;
  maya = (await t.call('contacts.create', { firstName: 'Maya', lastName: 'Okafor', companyId })).id;
  stages = (await t.call('jobs.settings.get', {})).stages;
});
afterEach(() => t.destroy());

/** Every page of a timeline, following the cursor, as "kind:label" strings. */
async function walk(input: { contactId?: string; companyId?: string; jobId?: string; kind?: 'stage' | 'call'; limit: number }) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const page = await t.call('timeline.list', { ...input, ...(cursor ? { cursor } : {}) });
    for (const e of page.items) seen.push(e.kind === 'stage' ? `stage:${e.jobTitle}:${e.fromStage ?? '-'}>${e.toStage}` : `${e.activity.type}:${e.activity.subject}`);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('the cursor never ended');
}

describe('timeline.list', () => {
  it("merges a client's activities and job stage changes newest first, across pages of any size", async () => {
    await t.call('activities.create', { contactId: maya, type: 'call', subject: 'First call', occurredAt: at(1) });
    t.clock.set(at(2));
    const job = await t.call('jobs.create', { title: 'Kitchen refit', contactId: maya, companyId });
    await t.call('activities.create', { contactId: maya, type: 'email', subject: 'Quote sent', occurredAt: at(3) });
    t.clock.set(at(4));
    await t.call('jobs.move', { id: job.id, stage: stage('Quoted') });
    await t.call('activities.create', { contactId: maya, type: 'note', subject: 'Likes oak', occurredAt: at(5) });
    t.clock.set(at(6));
    await t.call('jobs.move', { id: job.id, stage: stage('Won') });

    const expected = ['stage:Kitchen refit:Quoted>Won', 'note:Likes oak', 'stage:Kitchen refit:Lead>Quoted', 'email:Quote sent', 'stage:Kitchen refit:->Lead', 'call:First call'];
    for (const limit of [1, 2, 3, 4, 10]) expect(await walk({ contactId: maya, limit })).toEqual(expected);
    expect(await walk({ companyId, limit: 2 })).toEqual(expected);
    // The job page has its own stage history: its timeline is the job's activities.
    expect(await walk({ jobId: job.id, limit: 2 })).toEqual([]);
    expect(await walk({ contactId: maya, kind: 'stage', limit: 2 })).toEqual(['stage:Kitchen refit:Quoted>Won', 'stage:Kitchen refit:Lead>Quoted', 'stage:Kitchen refit:->Lead']);
    expect(await walk({ contactId: maya, kind: 'call', limit: 2 })).toEqual(['call:First call']);
    // Unscoped (the Activity page): activities only.
    expect(await walk({ limit: 4 })).toEqual(['note:Likes oak', 'email:Quote sent', 'call:First call']);
  });

  it("drops a trashed job's changes and a trashed activity, and names a removed stage", async () => {
    await t.call('jobs.create', { title: 'Bathroom', contactId: maya, stage: stage('Quoted') });
    const gone = await t.call('jobs.create', { title: 'Shed', contactId: maya });
    const note = await t.call('activities.create', { contactId: maya, type: 'note', subject: 'Scrap this' });
    await t.call('jobs.delete', { id: gone.id });
    await t.call('activities.delete', { id: note.id });
    const kept = stages.filter((s) => s.name !== 'Quoted').map(({ id, name, category }) => ({ id, name, category }));
    await t.call('jobs.settings.update', { stages: kept, moveJobs: { [stage('Quoted')]: 0 } });
    expect(await walk({ contactId: maya, limit: 5 })).toEqual(['stage:Bathroom:(removed stage)>Lead', 'stage:Bathroom:->(removed stage)']);
  });

  it('refuses a cursor it did not give out', async () => {
    expect(await t.fail('timeline.list', { contactId: maya, cursor: 'bm9wZQ' })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'cursor' }] });
  });
});
