// Custom fields on jobs (issue #19) through the real dispatcher on a real SQLite file: values checked and written
// with the job (defaults and required on create, only the keys sent on update), carried by every path that returns a
// job (get, list, board, links), and the list filtered and sorted by them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

const jobField = (label: string, type: string, extra: Record<string, unknown> = {}) => t.call('fields.create', { recordType: 'job', label, type, ...extra } as never);

describe('job values', () => {
  it('carries {} when jobs have no fields, on every path that returns a job', async () => {
    const job = await t.call('jobs.create', { title: 'Plain' });
    expect(job.custom).toEqual({});
    expect((await t.call('jobs.get', { id: job.id })).custom).toEqual({});
    expect((await t.call('jobs.list', {})).items[0]!.custom).toEqual({});
    expect((await t.call('jobs.board', {})).stages[0]!.jobs[0]!.custom).toEqual({});
  });

  it('creates with defaults and required fields checked, updates only the keys sent, and null clears', async () => {
    const type = await jobField('Job type', 'choice', { options: [{ label: 'Kitchen' }, { label: 'Bathroom' }] });
    const [kitchen, bathroom] = type.options.map((o) => o.id) as [string, string];
    await jobField('Boiler model', 'text', { required: true });
    await jobField('Visits', 'number', { defaultValue: 1 });

    const refused = await t.fail('jobs.create', { title: 'No model' });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.issues?.map((i) => i.path)).toEqual(['custom.boilerModel']);
    expect((await t.fail('jobs.create', { title: 'Bad', custom: { boilerModel: 'X1', visits: 'many' } })).issues?.map((i) => i.path)).toEqual(['custom.visits']);
    expect((await t.call('jobs.list', {})).total).toBe(0); // nothing half-written

    const job = await t.call('jobs.create', { title: 'Refit', custom: { boilerModel: 'Vaillant X1', jobType: kitchen } });
    expect(job.custom).toEqual({ boilerModel: 'Vaillant X1', jobType: kitchen, visits: 1 });

    const updated = await t.call('jobs.update', { id: job.id, custom: { jobType: bathroom, visits: null } });
    expect(updated.custom).toEqual({ boilerModel: 'Vaillant X1', jobType: bathroom });
    const titled = await t.call('jobs.update', { id: job.id, title: 'Bathroom refit' });
    expect(titled.custom).toEqual({ boilerModel: 'Vaillant X1', jobType: bathroom }); // no `custom`: nothing changes
    expect((await t.fail('jobs.update', { id: job.id, custom: { boilerModel: null } })).issues?.[0]?.path).toBe('custom.boilerModel');
    expect((await t.call('jobs.get', { id: job.id })).custom).toEqual({ boilerModel: 'Vaillant X1', jobType: bathroom });
  });

  it('moves, trashes and restores a job with its values, which links hand on (a follow-up on the job, a merge)', async () => {
    await jobField('Gate code', 'text');
    const stages = (await t.call('jobs.settings.get', {})).stages;
    const job = await t.call('jobs.create', { title: 'Gate', custom: { gateCode: '4417#' } });
    expect((await t.call('jobs.move', { id: job.id, stage: stages[2]!.id })).custom).toEqual({ gateCode: '4417#' });
    expect((await t.call('jobs.board', {})).stages[2]!.jobs.map((j) => j.custom)).toEqual([{ gateCode: '4417#' }]);
    expect((await t.call('jobs.delete', { id: job.id })).custom).toEqual({ gateCode: '4417#' });
    expect((await t.call('jobs.list', { trashed: true })).items[0]!.custom).toEqual({ gateCode: '4417#' });
    expect((await t.call('jobs.restore', { id: job.id })).custom).toEqual({ gateCode: '4417#' });
    const { requireJob } = await import('../../electron/core/links');
    expect((await requireJob(t.core.store.db, job.id)).custom).toEqual({ gateCode: '4417#' });
  });
});

describe('jobs.list by custom fields', () => {
  it('filters by several conditions (all must hold) and names an unknown field', async () => {
    const type = await jobField('Job type', 'choice', { options: [{ label: 'Kitchen' }, { label: 'Bathroom' }] });
    await jobField('Gate code', 'text');
    await jobField('Visits', 'number');
    const kitchen = type.options[0]!.id;
    await t.call('jobs.create', { title: 'A', custom: { jobType: kitchen, gateCode: 'Blue 4417', visits: 3 } });
    await t.call('jobs.create', { title: 'B', custom: { jobType: kitchen, visits: 1 } });
    await t.call('jobs.create', { title: 'C', custom: { jobType: type.options[1]!.id, gateCode: '4417' } });
    await t.call('jobs.create', { title: 'D' });
    const titles = async (input: Record<string, unknown>) => (await t.call('jobs.list', { sort: 'title', ...input } as never)).items.map((j) => j.title);

    expect(await titles({ custom: [{ key: 'jobType', op: 'anyOf', values: ['Kitchen'] }] })).toEqual(['A', 'B']);
    expect(await titles({ custom: [{ key: 'gateCode', op: 'contains', value: '4417' }] })).toEqual(['A', 'C']);
    expect(await titles({ custom: [{ key: 'jobType', op: 'equals', value: kitchen }, { key: 'visits', op: 'between', min: 2 }] })).toEqual(['A']);
    expect(await titles({ custom: [{ key: 'gateCode', op: 'empty' }] })).toEqual(['B', 'D']);
    const page = await t.call('jobs.list', { custom: [{ key: 'jobType', op: 'notEmpty' }] });
    expect(page.total).toBe(3);

    const unknown = await t.fail('jobs.list', { custom: [{ key: 'shoeSize', op: 'empty' }] });
    expect(unknown).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'custom.0.key' }] });
    expect((await t.fail('jobs.list', { custom: [{ key: 'visits', op: 'contains', value: '3' }] })).issues?.[0]).toMatchObject({ path: 'custom.visits', message: 'Visits: only text can be searched for words' });
  });

  it('sorts by a custom field, keyset-paged, jobs without a value last either way', async () => {
    await jobField('Visits', 'number');
    for (const [title, visits] of [['A', 3], ['B', null], ['C', 1], ['D', 2], ['E', null]] as const) {
      await t.call('jobs.create', { title, ...(visits === null ? {} : { custom: { visits } }) });
    }
    for (const direction of ['asc', 'desc'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await t.call('jobs.list', { sortCustom: { key: 'visits', direction }, limit: 2, ...(cursor ? { cursor } : {}) });
        expect(page.total).toBe(5);
        seen.push(...page.items.map((j) => j.title));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const valued = direction === 'asc' ? ['C', 'D', 'A'] : ['A', 'D', 'C'];
      expect(seen.slice(0, 3)).toEqual(valued);
      expect(seen.slice(3).sort()).toEqual(['B', 'E']);
    }
    const filtered = await t.call('jobs.list', { sortCustom: { key: 'visits', direction: 'desc' }, custom: [{ key: 'visits', op: 'between', max: 2 }] });
    expect(filtered.items.map((j) => j.title)).toEqual(['D', 'C']);
    expect((await t.fail('jobs.list', { sortCustom: { key: 'nope' } })).issues?.[0]?.path).toBe('sortCustom.key');
  });
});
