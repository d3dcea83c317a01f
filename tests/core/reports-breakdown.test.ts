// Jobs by a choice field (issue #19) on hand-built data: count and value per option and currency, "None" for jobs
// without a value, an archived option still shown while jobs hold it, jobs outside the period or in the Trash left
// out, several choices counted under each; and the jobs behind each row through reports.records and its CSV export.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
let typeId = '';
let opt: Record<string, string> = {};
let stage: Record<string, string> = {};

async function job(title: string, when: string, custom: Record<string, unknown> | null, extra: Record<string, unknown> = {}) {
  t.clock.set(when);
  return t.call('jobs.create', { title, ...(custom ? { custom } : {}), ...extra } as never);
}

beforeAll(async () => {
  t = await openTestCore({ start: '2026-01-02T09:00:00.000Z' });
  stage = Object.fromEntries((await t.call('jobs.settings.get', {})).stages.map((s) => [s.name, s.id]));
  const type = await t.call('fields.create', { recordType: 'job', label: 'Job type', type: 'choice', options: [{ label: 'Kitchen' }, { label: 'Bathroom' }, { label: 'Garden' }, { label: 'Loft' }] });
  typeId = type.id;
  opt = Object.fromEntries(type.options.map((o) => [o.label, o.id]));

  await job('Old kitchen', '2025-06-01T09:00:00.000Z', { jobType: opt.Kitchen });
  const k1 = await job('Kitchen one', '2026-02-01T09:00:00.000Z', { jobType: opt.Kitchen }, { amountMinor: 100_000 });
  await t.call('jobs.move', { id: k1.id, stage: stage.Won! });
  await job('Kitchen two', '2026-03-01T09:00:00.000Z', { jobType: opt.Kitchen }, { amountMinor: 50_000 });
  await job('Kitchen euro', '2026-03-02T09:00:00.000Z', { jobType: opt.Kitchen }, { amountMinor: 30_000, currency: 'EUR' });
  const paid = await job('Bath', '2026-04-01T09:00:00.000Z', { jobType: opt.Bathroom }, { amountMinor: 20_000 });
  await t.call('jobs.move', { id: paid.id, stage: stage.Paid! });
  await job('Loft', '2026-04-02T09:00:00.000Z', { jobType: opt.Loft }, { amountMinor: 7_000 });
  await job('Unsorted', '2026-05-01T09:00:00.000Z', null, { amountMinor: 1_000 });
  await job('No value at all', '2026-05-02T09:00:00.000Z', null);
  const trashed = await job('Trashed garden', '2026-05-03T09:00:00.000Z', { jobType: opt.Garden }, { amountMinor: 9_999 });
  await t.call('jobs.delete', { id: trashed.id });
  // "Loft" is taken off the list: archived, kept for the job that chose it; renaming Bathroom keeps its job.
  await t.call('fields.update', { id: typeId, options: [{ id: opt.Kitchen!, label: 'Kitchen' }, { id: opt.Bathroom!, label: 'Bathroom & WC' }, { id: opt.Garden!, label: 'Garden' }] });
  t.clock.set('2026-11-22T09:00:00.000Z');
});
afterAll(() => t.destroy());

describe('reports.breakdown', () => {
  it('counts and sums jobs added in the period per option and currency, with None and archived options', async () => {
    const b = await t.call('reports.breakdown', { ...YEAR, fieldId: typeId });
    expect(b.field).toEqual({ id: typeId, key: 'jobType', label: 'Job type', type: 'choice' });
    expect(b.jobs).toBe(7);
    expect(b.rows.map((r) => [r.label, r.archived, r.jobs, r.totals, r.won, r.wonTotals])).toEqual([
      ['Kitchen', false, 3, [{ currency: 'EUR', amountMinor: 30_000 }, { currency: 'GBP', amountMinor: 150_000 }], 1, [{ currency: 'GBP', amountMinor: 100_000 }]],
      ['Bathroom & WC', false, 1, [{ currency: 'GBP', amountMinor: 20_000 }], 1, [{ currency: 'GBP', amountMinor: 20_000 }]],
      ['Garden', false, 0, [], 0, []],
      ['Loft', true, 1, [{ currency: 'GBP', amountMinor: 7_000 }], 0, []],
      ['None', false, 2, [{ currency: 'GBP', amountMinor: 1_000 }], 0, []],
    ]);
    expect(b.rows.at(-1)!.optionId).toBeNull();
  });

  it('keeps to one currency when asked, and to the period', async () => {
    const euro = await t.call('reports.breakdown', { ...YEAR, currency: 'EUR', fieldId: typeId });
    expect(euro.jobs).toBe(1);
    expect(euro.rows.filter((r) => r.jobs > 0).map((r) => [r.label, r.jobs])).toEqual([['Kitchen', 1]]);
    const last = await t.call('reports.breakdown', { from: '2025-01-01', to: '2025-12-31', fieldId: typeId });
    expect(last.rows.map((r) => [r.label, r.jobs])).toEqual([['Kitchen', 1], ['Bathroom & WC', 0], ['Garden', 0]]);
  });

  it('counts a job with several choices under each of them, and once in the whole', async () => {
    const rooms = await t.call('fields.create', { recordType: 'job', label: 'Rooms', type: 'choices', options: [{ label: 'Hall' }, { label: 'Stairs' }] });
    const [hall, stairs] = rooms.options.map((o) => o.id);
    t.clock.set('2026-11-22T10:00:00.000Z');
    const both = await t.call('jobs.create', { title: 'Hall and stairs', custom: { rooms: [hall!, stairs!] } });
    const b = await t.call('reports.breakdown', { from: '2026-11-22', to: '2026-11-22', fieldId: rooms.id });
    expect(b.jobs).toBe(1);
    expect(b.rows.map((r) => [r.label, r.jobs])).toEqual([['Hall', 1], ['Stairs', 1]]);
    await t.call('jobs.delete', { id: both.id });
  });

  it('refuses a field that is not a choice field on jobs, in the app words', async () => {
    const text = await t.call('fields.create', { recordType: 'job', label: 'Boiler model', type: 'text' });
    const contactChoice = await t.call('fields.create', { recordType: 'contact', label: 'Size', type: 'choice', options: [{ label: 'S' }] });
    expect(await t.fail('reports.breakdown', { ...YEAR, fieldId: text.id })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'fieldId', message: 'Boiler model is not a choice field on jobs' }] });
    expect((await t.fail('reports.breakdown', { ...YEAR, fieldId: contactChoice.id })).issues?.[0]?.path).toBe('fieldId');
    expect((await t.fail('reports.breakdown', { ...YEAR, fieldId: '0190a5b4-0000-7000-8000-000000000000' })).issues?.[0]?.path).toBe('fieldId');
  });
});

describe('the jobs behind a row', () => {
  it('lists the jobs of one option, of None, and exports them as CSV', async () => {
    const titles = async (option: string) => (await t.call('reports.records', { ...YEAR, metric: 'fieldJobs', fieldId: typeId, option })).rows.map((r) => r.cells[0]);
    expect(await titles(opt.Kitchen!)).toEqual(['Kitchen euro', 'Kitchen two', 'Kitchen one']);
    expect(await titles(opt.Loft!)).toEqual(['Loft']);
    expect(await titles('')).toEqual(['No value at all', 'Unsorted']);
    const table = await t.call('reports.records', { ...YEAR, metric: 'fieldJobs', fieldId: typeId, option: opt.Bathroom! });
    expect(table.title).toBe('Jobs by Job type: Bathroom & WC');
    expect(table.rows[0]!.link).toMatchObject({ type: 'job' });
    expect((await t.fail('reports.records', { ...YEAR, metric: 'fieldJobs', fieldId: typeId, option: 'nope' })).issues?.[0]?.path).toBe('option');
    expect((await t.fail('reports.records', { ...YEAR, metric: 'fieldJobs' })).issues?.[0]?.path).toBe('fieldId');

    const saved = await t.call('reports.exportCsv', { ...YEAR, metric: 'fieldJobs', fieldId: typeId, option: opt.Kitchen! });
    expect(saved.rows).toBe(3);
    const csv = readFileSync(saved.path!, 'utf8');
    expect(csv).toContain('Kitchen one');
    expect(csv).toContain('1000.00');
  });
});
