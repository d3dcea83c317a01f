// Merging contacts and undoing it (issue #20), through the real dispatcher on a real SQLite file: every linked row
// moves, fields are chosen and combined, and undo brings the merged-away people back exactly, moving back only what
// moved and keeping what was done since.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveRecordId } from '../../electron/db/merges.repo';
import { REGISTRY } from '../../electron/core/merges/registry';
import { openTestCore, type TestCore } from '../helpers/core';
import { checkSearchIndexes, linkDocument, summariesFromScratch, whereIdAppears } from './merges-helpers';

let t: TestCore;
const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`;

beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

/** Three records of one person, each with something linked to it. */
async function threeBobs() {
  const acme = (await t.call('companies.create', { name: 'Acme Plumbing' })).id;
  const gate = await t.call('fields.create', { recordType: 'contact', label: 'Gate code', type: 'text' });
  const buddy = await t.call('fields.create', { recordType: 'contact', label: 'Referred by', type: 'contactLink' });
  const bob = await t.call('contacts.create', {
    firstName: 'Bob', lastName: 'Smith', emails: [{ value: 'bob@smith.example' }], phones: [{ value: '+44 20 7946 0958', label: 'work' }],
    tags: ['Kitchen'], notes: 'Prefers mornings', emailOptIn: true, custom: { gateCode: '1234' },
  });
  t.clock.set(at(23));
  const robert = await t.call('contacts.create', {
    firstName: 'Robert', lastName: 'Smyth', emails: [{ value: 'BOB@smith.example' }, { value: 'robert@work.example' }], phones: [{ value: '+44 (0)20 7946 0958' }],
    jobTitle: 'Owner', companyId: acme, website: 'smith.example', tags: ['kitchen', 'VIP'], notes: 'Met at the fair', emailOptIn: true,
  });
  t.clock.set(at(24));
  const rob = await t.call('contacts.create', { firstName: 'Rob', lastName: 'Smith', phones: [{ value: '07700 900123' }], emailOptIn: false, custom: { gateCode: '9999' } });
  const other = await t.call('contacts.create', { firstName: 'Ann', lastName: 'Other', custom: { referredBy: rob.id } });
  const linked: Record<string, string[]> = {};
  for (const c of [bob, robert, rob]) {
    linked[c.id] = [
      (await t.call('activities.create', { contactId: c.id, type: 'call', occurredAt: at(c === rob ? 25 : 20), subject: `Call ${c.firstName}` })).id,
      (await t.call('tasks.create', { title: `Ring ${c.firstName}`, contactId: c.id, dueAt: at(c === bob ? 28 : 27) })).id,
      (await t.call('jobs.create', { title: `Job for ${c.firstName}`, contactId: c.id, amountMinor: 1000 })).id,
      (await t.call('appointments.create', { title: `Visit ${c.firstName}`, startsAt: at(26), endsAt: '2026-11-26T11:00:00.000Z', contactId: c.id })).id,
    ];
  }
  const shared = linkDocument(t, { contactId: bob.id });
  linkDocument(t, { contactId: rob.id }, shared);
  const own = linkDocument(t, { contactId: robert.id });
  return { acme, gate, buddy, bob, robert, rob, other, linked, shared, own };
}

describe('contacts.merge', () => {
  it('moves every linked record to the survivor, chooses and combines the fields, and takes a backup first', async () => {
    const s = await threeBobs();
    t.clock.set(at(29));
    const result = await t.call('contacts.merge', { ids: [s.bob.id, s.robert.id, s.rob.id], keep: s.bob.id, fields: { lastName: s.robert.id, 'custom.gateCode': s.rob.id } });
    expect(result.survivorId).toBe(s.bob.id);
    // The shared document was linked to two of them: it stays linked once, so one link moved.
    expect(result.moved).toEqual({ activities: 2, tasks: 2, jobs: 2, appointments: 2, documents: 1, linkedFields: 1 });

    const bob = await t.call('contacts.get', { id: s.bob.id });
    expect(bob).toMatchObject({ firstName: 'Bob', lastName: 'Smyth', jobTitle: 'Owner', companyId: s.acme, website: 'smith.example', emailOptIn: false });
    expect(bob.emails.map((e) => e.value)).toEqual(['bob@smith.example', 'robert@work.example']);
    expect(bob.phones.map((p) => p.value)).toEqual(['+44 20 7946 0958', '07700 900123']);
    expect(bob.tags).toEqual(['Kitchen', 'VIP']);
    expect(bob.notes).toBe('Bob Smith:\nPrefers mornings\n\nRobert Smyth:\nMet at the fair');
    expect(bob.custom).toMatchObject({ gateCode: '9999' });
    expect((await t.call('contacts.get', { id: s.other.id })).custom.referredBy).toBe(s.bob.id);

    for (const gone of [s.robert.id, s.rob.id]) expect((await t.fail('contacts.get', { id: gone })).code).toBe('NOT_FOUND');
    const timeline = await t.call('activities.list', { contactId: s.bob.id });
    expect(timeline.items.map((a) => a.id).sort()).toEqual(Object.values(s.linked).map((l) => l[0]!).sort());
    expect(bob.lastContactedAt).toBe(at(25));
    expect(bob.nextTaskDueAt).toBe(at(27));
    expect((await t.call('documents.list', { contactId: s.bob.id })).total).toBe(2);

    // Search knows the survivor by the merged-away emails, and no longer finds the merged-away records.
    const hits = await t.call('search.global', { query: 'robert@work.example' });
    expect(hits.items.filter((h) => h.type === 'contact').map((h) => h.id)).toEqual([s.bob.id]);
    const byName = (await t.call('search.global', { query: 'Robert' })).items.map((h) => h.id);
    expect(byName).toContain(s.bob.id);
    expect(byName).not.toContain(s.robert.id);
    checkSearchIndexes(t.core.store.sqlite);
    const { kept, rebuilt } = summariesFromScratch(t.core.store.sqlite);
    expect(kept).toEqual(rebuilt);

    expect((await t.call('backups.list', {})).items.some((b) => b.reason === 'before-merge')).toBe(true);
    const names = t.events.filter((e) => e.name === 'data.changed').map((e) => e.payload as { entity: string; action: string; ids: string[] });
    expect(names).toContainEqual({ entity: 'contact', action: 'deleted', ids: [s.robert.id, s.rob.id] });
    expect(names).toContainEqual({ entity: 'merge', action: 'created', ids: [result.mergeId] });
  });

  it('leaves no trace of a merged-away id except in the journals and histories the registry names', async () => {
    const s = await threeBobs();
    t.core.store.sqlite
      .prepare(`INSERT INTO outbox (id, message_id, status, recipients, subject, body, created_at, updated_at) VALUES ('o1', '<m1@x>', 'queued', ?, 'Hi', 'Hello', ?, ?)`)
      .run(JSON.stringify({ to: [{ address: 'rob@x.example', name: 'Rob', contactId: s.rob.id }], cc: [], bcc: [] }), at(22), at(22));
    await t.call('segments.create', { name: 'Referred by Rob', filter: { custom: [{ key: 'referredBy', op: 'equals', value: s.rob.id }] } });
    const { mergeId } = await t.call('contacts.merge', { ids: [s.bob.id, s.rob.id], keep: s.bob.id });
    const allowed = new Set(REGISTRY.filter((e) => e.handling.does === 'history' || e.handling.does === 'snapshot').map((e) => `${e.table}.${e.column}`));
    expect(whereIdAppears(t.core.store.sqlite, s.rob.id).filter((c) => !allowed.has(c))).toEqual([]);
    const outbox = t.core.store.sqlite.prepare(`SELECT recipients FROM outbox WHERE id = 'o1'`).pluck().get() as string;
    expect(JSON.parse(outbox).to[0]).toEqual({ address: 'rob@x.example', name: 'Rob', contactId: s.bob.id });

    await t.call('merges.undo', { mergeId });
    expect(JSON.parse(t.core.store.sqlite.prepare(`SELECT recipients FROM outbox WHERE id = 'o1'`).pluck().get() as string).to[0].contactId).toBe(s.rob.id);
    expect((await t.call('segments.list', {})).items[0]!.filter.custom![0]).toMatchObject({ value: s.rob.id });
  });

  it('refuses what it cannot merge, in words naming the field, before any backup', async () => {
    const s = await threeBobs();
    const code = async (input: unknown) => (await t.fail('contacts.merge', input)).issues?.[0];
    expect(await code({ ids: [s.bob.id, s.rob.id], keep: s.robert.id })).toMatchObject({ path: 'keep' });
    expect(await code({ ids: [s.bob.id, s.bob.id], keep: s.bob.id })).toMatchObject({ path: 'ids', message: 'A record is listed twice' });
    expect(await code({ ids: [s.bob.id, s.acme], keep: s.bob.id })).toMatchObject({ path: 'ids', message: 'One of them is a company: merge companies with companies' });
    expect(await code({ ids: [s.bob.id, s.rob.id], keep: s.bob.id, fields: { lastName: s.robert.id } })).toMatchObject({ path: 'fields.lastName' });
    expect(await code({ ids: [s.bob.id, s.rob.id], keep: s.bob.id, fields: { shoeSize: s.rob.id } })).toMatchObject({ path: 'fields.shoeSize' });
    expect(await code({ ids: [s.bob.id, s.rob.id], keep: s.bob.id, fields: { emails: s.rob.id } })).toMatchObject({ path: 'fields.emails' });
    await t.call('contacts.delete', { id: s.rob.id });
    expect(await code({ ids: [s.bob.id, s.rob.id], keep: s.bob.id })).toMatchObject({ path: 'ids', message: 'Rob Smith is in Trash: restore it first, or leave it out' });
    expect((await t.call('backups.list', {})).items.filter((b) => b.reason === 'before-merge')).toEqual([]);
  });
});

describe('merges.undo', () => {
  it('brings the merged-away people back exactly and moves back only what moved; later work stays on the survivor', async () => {
    const s = await threeBobs();
    const before = await Promise.all([s.bob.id, s.robert.id, s.rob.id, s.other.id].map((id) => t.call('contacts.get', { id })));
    const summaries = summariesFromScratch(t.core.store.sqlite).kept;
    t.clock.set(at(29));
    const { mergeId } = await t.call('contacts.merge', { ids: [s.bob.id, s.robert.id, s.rob.id], keep: s.bob.id });
    t.clock.set(at(30));
    const later = await t.call('activities.create', { contactId: s.bob.id, type: 'note', notes: 'After the merge' });

    const undone = await t.call('merges.undo', { mergeId });
    expect(undone).toEqual({ restored: [s.robert.id, s.rob.id].sort(), movedBack: 10, leftAlone: 0, keptEdits: [] });
    const after = await Promise.all([s.bob.id, s.robert.id, s.rob.id, s.other.id].map((id) => t.call('contacts.get', { id })));
    expect(after.slice(1)).toEqual(before.slice(1));
    // The survivor is as it was, but for the note added since (its last-contacted time counts calls only).
    expect(after[0]).toEqual(before[0]);
    expect((await t.call('activities.list', { contactId: s.bob.id })).items.map((a) => a.id).sort()).toEqual([s.linked[s.bob.id]![0]!, later.id].sort());
    expect((await t.call('activities.list', { contactId: s.rob.id })).items.map((a) => a.id)).toEqual([s.linked[s.rob.id]![0]]);
    expect((await t.call('documents.list', { contactId: s.rob.id })).total).toBe(1);
    expect((await t.call('documents.list', { contactId: s.bob.id })).total).toBe(1);
    checkSearchIndexes(t.core.store.sqlite);
    const now = summariesFromScratch(t.core.store.sqlite);
    expect(now.kept).toEqual(now.rebuilt);
    expect((now.kept as { clients: unknown }).clients).toEqual((summaries as { clients: unknown }).clients);

    expect((await t.fail('merges.undo', { mergeId })).code).toBe('CONFLICT');
    expect((await t.fail('merges.undo', { mergeId: '0190a7e4-0000-7000-8000-00000000ffff' })).code).toBe('NOT_FOUND');
  });

  it('keeps a field edited since the merge and says so; a row moved elsewhere since stays where it is', async () => {
    const s = await threeBobs();
    const { mergeId } = await t.call('contacts.merge', { ids: [s.bob.id, s.rob.id], keep: s.bob.id });
    await t.call('contacts.update', { id: s.bob.id, phones: [{ value: '+44 20 7946 0000' }] });
    await t.call('activities.update', { id: s.linked[s.rob.id]![0]!, subject: 'Edited since' });
    await t.call('tasks.update', { id: s.linked[s.rob.id]![1]!, contactId: s.other.id });
    const undone = await t.call('merges.undo', { mergeId });
    expect(undone).toMatchObject({ movedBack: 4, leftAlone: 1, keptEdits: ['Phone numbers'] });
    const bob = await t.call('contacts.get', { id: s.bob.id });
    expect(bob.phones.map((p) => p.value)).toEqual(['+44 20 7946 0000']);
    expect(bob.emails.map((e) => e.value)).toEqual(['bob@smith.example']);
    expect((await t.call('activities.list', { contactId: s.rob.id })).items[0]).toMatchObject({ subject: 'Edited since' });
    expect((await t.call('tasks.list', { contactId: s.other.id })).items.map((x) => x.id)).toContain(s.linked[s.rob.id]![1]);
  });

  it('undoes one merge of a chain, refuses an earlier one while a later merge holds its survivor, and follows aliases', async () => {
    const s = await threeBobs();
    const first = await t.call('contacts.merge', { ids: [s.bob.id, s.robert.id], keep: s.bob.id });
    const second = await t.call('contacts.merge', { ids: [s.bob.id, s.rob.id], keep: s.bob.id });
    const db = t.core.store.db;
    expect(await resolveRecordId(db, 'contact', s.robert.id)).toBe(s.bob.id);
    await t.call('merges.undo', { mergeId: first.mergeId });
    expect((await t.call('contacts.get', { id: s.robert.id })).lastName).toBe('Smyth');
    expect((await t.fail('contacts.get', { id: s.rob.id })).code).toBe('NOT_FOUND');
    expect(await resolveRecordId(db, 'contact', s.robert.id)).toBe(s.robert.id);
    expect(await resolveRecordId(db, 'contact', s.rob.id)).toBe(s.bob.id);

    // Rob into Bob, then Bob into Ann: Rob's merge waits for Ann's to be undone; its alias leads to Ann meanwhile.
    const third = await t.call('contacts.merge', { ids: [s.other.id, s.bob.id], keep: s.other.id });
    expect(await resolveRecordId(db, 'contact', s.rob.id)).toBe(s.other.id);
    expect(await t.fail('merges.undo', { mergeId: second.mergeId })).toMatchObject({ code: 'CONFLICT', message: 'Bob Smith was merged into Ann Other since: undo that merge first' });
    await t.call('merges.undo', { mergeId: third.mergeId });
    await t.call('merges.undo', { mergeId: second.mergeId });
    expect((await t.call('contacts.get', { id: s.rob.id })).firstName).toBe('Rob');

    const list = await t.call('merges.list', { includeUndone: true });
    expect(list.items.map((m) => m.id)).toEqual([third.mergeId, second.mergeId, first.mergeId]);
    expect(list.items[1]).toMatchObject({ kind: 'contact', survivorName: 'Bob Smith', merged: [{ id: s.rob.id, displayName: 'Rob Smith' }] });
    expect((await t.call('merges.list', {})).items).toEqual([]);
  });

  it('cannot undo once the survivor was deleted for good', async () => {
    const s = await threeBobs();
    const { mergeId } = await t.call('contacts.merge', { ids: [s.bob.id, s.rob.id], keep: s.bob.id });
    await t.call('contacts.delete', { id: s.bob.id });
    await t.call('trash.purge', { items: [{ kind: 'contact', id: s.bob.id }] });
    expect(await t.fail('merges.undo', { mergeId })).toMatchObject({ code: 'CONFLICT', message: 'Bob Smith was deleted for good since, so this merge can no longer be undone' });
  });
});

describe('companies.merge', () => {
  it('moves people, activities, jobs and documents to the surviving company and back on undo', async () => {
    const a = await t.call('companies.create', { name: 'Acme Ltd', tags: ['Trade'] });
    const b = await t.call('companies.create', { name: 'ACME Limited', website: 'acme.example', tags: ['trade', 'North'], notes: 'Pays late' });
    const ann = await t.call('contacts.create', { firstName: 'Ann', companyId: b.id });
    const desk = await t.call('contacts.create', { companyId: b.id, emails: [{ value: 'desk@acme.example' }] });
    const call = await t.call('activities.create', { contactId: ann.id, type: 'call' });
    const job = await t.call('jobs.create', { title: 'Boiler', contactId: ann.id, companyId: b.id });
    linkDocument(t, { companyId: b.id });
    const before = await Promise.all([ann.id, desk.id].map((id) => t.call('contacts.get', { id })));
    const beforeB = await t.call('companies.get', { id: b.id });

    const result = await t.call('companies.merge', { ids: [a.id, b.id], keep: a.id });
    expect(result.moved).toMatchObject({ contacts: 2, jobs: 1, documents: 1 });
    const acme = await t.call('companies.get', { id: a.id });
    expect(acme).toMatchObject({ name: 'Acme Ltd', website: 'acme.example', tags: ['Trade', 'North'], notes: 'Pays late', contactCount: 2 });
    expect((await t.call('contacts.get', { id: desk.id })).displayName).toBe('Acme Ltd');
    expect((await t.call('activities.list', { companyId: a.id })).items.map((x) => x.id)).toEqual(call.companyId === b.id ? [call.id] : []);
    expect((await t.call('jobs.get', { id: job.id })).companyId).toBe(a.id);

    await t.call('merges.undo', { mergeId: result.mergeId });
    expect(await t.call('companies.get', { id: b.id })).toEqual(beforeB);
    expect(await Promise.all([ann.id, desk.id].map((id) => t.call('contacts.get', { id })))).toEqual(before);
    expect((await t.call('companies.get', { id: a.id })).contactCount).toBe(0);
  });
});
