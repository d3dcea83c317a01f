// Issue #18 item 2: Trash deletes for good (one record, or everything) and restores all, through the real dispatcher
// on a real SQLite file and documents folder in a temp dir. What is left is checked row by row: no orphans, FTS and
// report summaries equal to a count from scratch, only-used documents gone with their files, shared ones kept.
import { createHash } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';
import { attachingPicked } from '../helpers/picks';
import { importFile } from './import-export-helpers';
import { expectStoreConsistent, rowCount } from './trash-helpers';

let t: TestCore;
let src = '';
let amelia = '';
let ben = '';
let hart = '';
let job = '';

const sha = (data: string) => createHash('sha256').update(data).digest('hex');
const blobPath = (data: string) => join(t.dataDir, 'documents', sha(data).slice(0, 2), sha(data));
const write = (name: string, data: string) => {
  const path = join(src, name);
  writeFileSync(path, data);
  return path;
};
const sqlite = () => t.core.store.sqlite;
const count = (table: string, where = '1', ...params: unknown[]) => rowCount(sqlite(), table, where, ...params);

beforeEach(async () => {
  t = attachingPicked(await openTestCore());
  src = tempDir('rapport-trash-src-');
  hart = (await t.call('companies.create', { name: 'Hart Joinery' })).id;
  amelia = (await t.call('contacts.create', { firstName: 'Amelia', lastName: 'Hart', companyId: hart })).id;
  ben = (await t.call('contacts.create', { firstName: 'Ben', lastName: 'Stone' })).id;
  job = (await t.call('jobs.create', { title: 'Kitchen refit', contactId: amelia, amountMinor: 450000, currency: 'GBP' })).id;
});
afterEach(() => {
  t.destroy();
  rmSync(src, { recursive: true, force: true });
});

/** Amelia with what hangs off her: 3 activities (one in Trash), 2 follow-ups, 2 appointments, 4 documents. */
async function ameliaWithEverything() {
  const calls = [];
  for (let i = 0; i < 3; i++) calls.push(await t.call('activities.create', { contactId: amelia, type: 'call', occurredAt: `2026-11-2${i}T09:00:00Z`, subject: `Call ${i}` }));
  await t.call('activities.delete', { id: calls[2]!.id });
  await t.call('activities.create', { contactId: ben, type: 'call', occurredAt: '2026-11-20T10:00:00Z', subject: 'Ben call' });
  await t.call('tasks.create', { title: 'Send quote', contactId: amelia });
  await t.call('tasks.create', { title: 'Chase deposit', contactId: amelia, jobId: job });
  const own = await t.call('appointments.create', { title: 'Survey', startsAt: '2026-11-25T10:00:00Z', endsAt: '2026-11-25T11:00:00Z', contactId: amelia });
  const withBen = await t.call('appointments.create', { title: 'Ben visit', startsAt: '2026-11-26T10:00:00Z', endsAt: '2026-11-26T11:00:00Z', contactId: ben });
  const onlyHers = await t.call('documents.attach', { path: write('quote.pdf', '%PDF quote for Amelia'), contactId: amelia });
  const onHerCall = await t.call('documents.attach', { path: write('notes.txt', 'call notes'), activityId: calls[0]!.id });
  const shared = await t.call('documents.attach', { path: write('brochure.pdf', '%PDF brochure'), contactId: amelia });
  await t.call('documents.link', { id: shared.id, companyId: hart });
  // Same bytes as her quote, kept with Ben: the stored file must stay.
  const sameBytes = await t.call('documents.attach', { path: write('copy.pdf', '%PDF shared bytes'), contactId: amelia });
  const bensCopy = await t.call('documents.attach', { path: write('bens.pdf', '%PDF shared bytes'), contactId: ben });
  return { calls, own, withBen, onlyHers, onHerCall, shared, sameBytes, bensCopy };
}

describe('deleting one record for good', () => {
  it('previews what goes with a contact: her activities, follow-ups, appointments and documents only she uses', async () => {
    await ameliaWithEverything();
    await t.call('contacts.delete', { id: amelia });
    const preview = await t.call('trash.preview', { items: [{ kind: 'contact', id: amelia }] });
    expect(preview.chosen).toEqual({ contacts: 1, companies: 0, jobs: 0, activities: 0, tasks: 0, appointments: 0, cases: 0, documents: 0 });
    expect(preview.alongside).toEqual({ contacts: 0, companies: 0, jobs: 0, activities: 3, tasks: 2, appointments: 1, cases: 0, documents: 3 });
    expect(count('contacts', 'id = ?', amelia)).toBe(1); // a preview changes nothing
  });

  it('deletes the contact and what goes with her, keeps shared documents and stored files another document uses', async () => {
    const d = await ameliaWithEverything();
    await t.call('contacts.delete', { id: amelia });
    const result = await t.call('trash.purge', { items: [{ kind: 'contact', id: amelia }] });
    expect(result.removed).toEqual({ contacts: 1, companies: 0, jobs: 0, activities: 3, tasks: 2, appointments: 1, cases: 0, documents: 3 });
    expect(result.blobsRemoved).toBe(2);
    expect(result.bytesFreed).toBe('%PDF quote for Amelia'.length + 'call notes'.length);

    expect(count('contacts', 'id = ?', amelia)).toBe(0);
    expect(count('activities', 'contact_id = ?', amelia)).toBe(0);
    expect(count('tasks', 'contact_id = ?', amelia)).toBe(0);
    expect(count('appointments', 'id = ?', d.own.id)).toBe(0);
    expect(count('appointments', 'id = ?', d.withBen.id)).toBe(1);
    expect(count('activities', 'contact_id = ?', ben)).toBe(1);
    // Her job stays (it is a record of its own) without her; the shared brochure stays with the company only.
    expect(sqlite().prepare('SELECT contact_id FROM jobs WHERE id = ?').pluck().get(job)).toBeNull();
    expect((await t.call('documents.get', { id: d.shared.id })).links).toEqual([{ type: 'company', id: hart, title: 'Hart Joinery' }]);
    expect((await t.call('documents.get', { id: d.bensCopy.id })).links.map((l) => l.id)).toEqual([ben]);
    for (const gone of [d.onlyHers, d.onHerCall, d.sameBytes]) expect((await t.fail('documents.get', { id: gone.id })).code).toBe('NOT_FOUND');
    expect(existsSync(blobPath('%PDF quote for Amelia'))).toBe(false);
    expect(existsSync(blobPath('call notes'))).toBe(false);
    expect(existsSync(blobPath('%PDF shared bytes'))).toBe(true);
    expect(existsSync(blobPath('%PDF brochure'))).toBe(true);
    expect((await t.call('search.global', { query: 'Amelia' })).items).toEqual([]);
    expectStoreConsistent(sqlite());
    expect(t.events).toContainEqual({ name: 'data.changed', payload: { entity: 'contact', action: 'deleted', ids: [amelia] } });
  });

  it('takes a backup first, and leaves alone (without one) what is not in Trash', async () => {
    const none = await t.call('trash.purge', { items: [{ kind: 'contact', id: amelia }] });
    expect(none).toEqual({ removed: { contacts: 0, companies: 0, jobs: 0, activities: 0, tasks: 0, appointments: 0, cases: 0, documents: 0 }, blobsRemoved: 0, bytesFreed: 0 });
    expect(count('contacts', 'id = ?', amelia)).toBe(1);
    expect((await t.call('backups.list', {})).items.map((b) => b.reason)).not.toContain('before-delete-for-good');
    await t.call('contacts.delete', { id: amelia });
    await t.call('trash.purge', { items: [{ kind: 'contact', id: amelia }] });
    const { items } = await t.call('backups.list', {});
    expect(items.map((b) => b.reason)).toContain('before-delete-for-good');
  });

  it('a job goes with its own follow-ups, appointments and documents; the contact\'s stay, unlinked from it', async () => {
    await t.call('jobs.move', { id: job, stage: (await t.call('jobs.settings.get', {})).stages.find((s) => s.category === 'won')!.id });
    const jobTask = await t.call('tasks.create', { title: 'Order worktops', jobId: job });
    const herTask = await t.call('tasks.create', { title: 'Call Amelia', jobId: job, contactId: amelia });
    const jobVisit = await t.call('appointments.create', { title: 'Fit', startsAt: '2026-11-25T10:00:00Z', endsAt: '2026-11-25T11:00:00Z', jobId: job });
    const herVisit = await t.call('appointments.create', { title: 'Handover', startsAt: '2026-11-27T10:00:00Z', endsAt: '2026-11-27T11:00:00Z', jobId: job, contactId: amelia });
    const call = await t.call('activities.create', { contactId: amelia, jobId: job, type: 'call', subject: 'About the job' });
    await t.call('documents.attach', { path: write('plan.pdf', '%PDF plan'), jobId: job });
    await t.call('jobs.delete', { id: job });
    expect((await t.call('trash.preview', { items: [{ kind: 'job', id: job }] })).alongside).toMatchObject({ tasks: 1, appointments: 1, documents: 1, activities: 0 });
    const result = await t.call('trash.purge', { items: [{ kind: 'job', id: job }] });
    expect(result.removed).toEqual({ contacts: 0, companies: 0, jobs: 1, activities: 0, tasks: 1, appointments: 1, cases: 0, documents: 1 });
    expect(count('tasks', 'id = ?', jobTask.id)).toBe(0);
    expect(count('appointments', 'id = ?', jobVisit.id)).toBe(0);
    expect(sqlite().prepare('SELECT job_id FROM tasks WHERE id = ?').pluck().get(herTask.id)).toBeNull();
    expect(sqlite().prepare('SELECT job_id FROM appointments WHERE id = ?').pluck().get(herVisit.id)).toBeNull();
    expect(sqlite().prepare('SELECT job_id FROM activities WHERE id = ?').pluck().get(call.id)).toBeNull();
    expect(count('job_milestones', 'job_id = ?', job)).toBe(0);
    expectStoreConsistent(sqlite());
  });

  it('a company goes with documents only it uses; its people stay, without it', async () => {
    await t.call('documents.attach', { path: write('terms.pdf', '%PDF terms'), companyId: hart });
    await t.call('companies.delete', { id: hart });
    const result = await t.call('trash.purge', { items: [{ kind: 'company', id: hart }] });
    expect(result.removed).toMatchObject({ companies: 1, documents: 1, contacts: 0 });
    expect(sqlite().prepare('SELECT company_id FROM contacts WHERE id = ?').pluck().get(amelia)).toBeNull();
    expectStoreConsistent(sqlite());
  });

  it('an activity, a follow-up and an appointment each on their own', async () => {
    const call = await t.call('activities.create', { contactId: amelia, type: 'call', subject: 'Quick call' });
    await t.call('documents.attach', { path: write('photo.txt', 'site photo'), activityId: call.id });
    const task = await t.call('tasks.create', { title: 'Ring back', contactId: amelia });
    const visit = await t.call('appointments.create', { title: 'Visit', startsAt: '2026-11-25T10:00:00Z', endsAt: '2026-11-25T11:00:00Z', contactId: amelia });
    await t.call('activities.delete', { id: call.id });
    await t.call('tasks.delete', { id: task.id });
    await t.call('appointments.delete', { id: visit.id });
    const items = [{ kind: 'activity', id: call.id }, { kind: 'task', id: task.id }, { kind: 'appointment', id: visit.id }] as const;
    const result = await t.call('trash.purge', { items: [...items] });
    expect(result.removed).toEqual({ contacts: 0, companies: 0, jobs: 0, activities: 1, tasks: 1, appointments: 1, cases: 0, documents: 1 });
    expect(count('contacts', 'id = ?', amelia)).toBe(1);
    expect(existsSync(blobPath('site photo'))).toBe(false);
    expectStoreConsistent(sqlite());
  });
});

describe('everything in Trash', () => {
  it('previews and deletes every kind, documents in Trash included, and reports what went', async () => {
    const d = await ameliaWithEverything();
    const loose = await t.call('documents.attach', { path: write('old.txt', 'old letter') });
    await t.call('documents.delete', { id: loose.id });
    await t.call('contacts.delete', { id: amelia });
    await t.call('jobs.delete', { id: job });
    const summary = await t.call('trash.summary', {});
    expect(summary).toEqual({ contacts: 1, companies: 0, jobs: 1, activities: 1, tasks: 0, appointments: 0, cases: 0, documents: 1 });
    const preview = await t.call('trash.preview', { all: true });
    expect(preview.chosen).toEqual(summary);
    expect(preview.alongside).toEqual({ contacts: 0, companies: 0, jobs: 0, activities: 2, tasks: 2, appointments: 1, cases: 0, documents: 3 });
    const result = await t.call('trash.purge', { all: true });
    const total = (c: typeof summary) => Object.values(c).reduce((a, b) => a + b, 0);
    expect(total(result.removed)).toBe(total(preview.chosen) + total(preview.alongside));
    expect(await t.call('trash.summary', {})).toEqual({ contacts: 0, companies: 0, jobs: 0, activities: 0, tasks: 0, appointments: 0, cases: 0, documents: 0 });
    expect(existsSync(blobPath('old letter'))).toBe(false);
    expect(count('appointments', 'id = ?', d.withBen.id)).toBe(1);
    expect(count('contacts', 'id = ?', ben)).toBe(1);
    const progress = t.events.filter((e) => e.name === 'trash.progress').map((e) => e.payload as { done: number; total: number; finished: boolean });
    expect(progress.at(-1)).toEqual({ action: 'purge', done: 3, total: 3, finished: true });
    expectStoreConsistent(sqlite());
  });

  it('restores all, or all of one kind', async () => {
    await ameliaWithEverything();
    await t.call('contacts.delete', { id: amelia });
    await t.call('contacts.delete', { id: ben });
    await t.call('jobs.delete', { id: job });
    expect(await t.call('trash.restoreAll', { kind: 'contact' })).toMatchObject({ contacts: 2, jobs: 0 });
    expect((await t.call('trash.summary', {})).jobs).toBe(1);
    expect(await t.call('trash.restoreAll', {})).toMatchObject({ jobs: 1, activities: 1 });
    expect(await t.call('trash.summary', {})).toEqual({ contacts: 0, companies: 0, jobs: 0, activities: 0, tasks: 0, appointments: 0, cases: 0, documents: 0 });
    expect((await t.call('contacts.get', { id: amelia })).deletedAt).toBeNull();
    expectStoreConsistent(sqlite());
  });
});

describe('undo after a deletion for good', () => {
  it('an import undo puts back what it can and says how many it could not, without failing', async () => {
    const path = write('people.csv', [
      'First Name,Last Name,E-mail Address,Company',
      'Grace,Hopper,grace@navy.example,Navy Yard',
      'Ada,Lovelace,ada@engines.example,Engines Ltd',
      'Alan,Turing,alan@bletchley.example,',
    ].join('\r\n'));
    const grace = await t.call('contacts.create', { firstName: 'Grace', emails: [{ value: 'grace@navy.example' }], companyId: hart });
    const ada = await t.call('contacts.create', { firstName: 'Ada', emails: [{ value: 'ada@engines.example' }], companyId: hart });
    const report = await importFile(t, path, 'update');
    expect(report).toMatchObject({ created: 1, updated: 2 });
    const alan = (await t.call('contacts.list', { query: 'Alan' })).items[0]!;
    // The company both had before the import, Grace, and the contact the import created are deleted for good.
    await t.call('companies.delete', { id: hart });
    await t.call('contacts.delete', { id: grace.id });
    await t.call('contacts.delete', { id: alan.id });
    await t.call('trash.purge', { all: true });

    const undone = await t.call('import.undo', { importId: report.importId });
    expect(undone).toMatchObject({ status: 'undone', kept: 0, gone: 1 });
    // Ada is back as she was, except for the company that no longer exists.
    expect(await t.call('contacts.get', { id: ada.id })).toMatchObject({ firstName: 'Ada', lastName: null, companyId: null });
    expectStoreConsistent(sqlite());
  });

  it('a restore of something deleted for good (the Undo of "moved to Trash") answers NOT_FOUND in words', async () => {
    await t.call('contacts.delete', { id: ben });
    await t.call('trash.purge', { items: [{ kind: 'contact', id: ben }] });
    const error = await t.fail('contacts.restore', { id: ben });
    expect(error.code).toBe('NOT_FOUND');
  });
});
