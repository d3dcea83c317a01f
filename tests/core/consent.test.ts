// Consent per purpose (issue #21) on a real store: the ledger is appended to and the state derived from it (latest word
// per purpose), the newsletter's state is mirrored into the contact's email opt-in, purposes are renamed, added and
// archived (never deleted), and every place that sets the opt-in (form, bulk edit and its undo, import and its undo,
// merge) puts where it came from on the ledger. The privacy log records each change naming no one.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Purpose } from '../../shared/domain/consent';
import { openTestCore, type TestCore } from '../helpers/core';
import { pick } from './import-export-helpers';

let t: TestCore;
let purposes: Purpose[];
const purpose = (key: string) => purposes.find((p) => p.key === key)!;
const isOptedIn = async (id: string) => (await t.call('contacts.get', { id })).emailOptIn;
const log = async () => (await t.call('privacy.log', {})).items.map((e) => e.summary);

beforeEach(async () => {
  t = await openTestCore({ start: '2026-03-03T10:00:00.000Z' });
  purposes = (await t.call('consent.purposes.list', {})).items;
});
afterEach(() => t.destroy());

describe('consent.record and consent.history', () => {
  it('derives each purpose state from the latest event: given, withdrawn, given again; none where nothing was said', async () => {
    const ann = await t.call('contacts.create', { firstName: 'Ann', emails: [{ value: 'ann@client.test' }] });
    const offers = purpose('offers-email');
    await t.call('consent.record', { contactId: ann.id, purposeId: offers.id, action: 'given', source: 'call', wording: 'Yes, send me offers', evidence: 'Call on Monday' });
    t.clock.advance(60_000);
    const withdrawn = await t.call('consent.record', { contactId: ann.id, purposeId: offers.id, action: 'withdrawn', source: 'email' });
    expect(withdrawn.states.find((s) => s.purposeId === offers.id)).toMatchObject({ status: 'withdrawn', source: 'email', since: '2026-03-03T10:01:00.000Z' });
    t.clock.advance(60_000);
    const again = await t.call('consent.record', { contactId: ann.id, purposeId: offers.id, action: 'given', basis: 'contract', source: 'paper' });
    expect(again.states.find((s) => s.purposeId === offers.id)).toMatchObject({ status: 'given', basis: 'contract', source: 'paper' });
    expect(again.states.find((s) => s.purposeId === purpose('offers-phone').id)).toEqual({ purposeId: purpose('offers-phone').id, status: 'none', basis: null, since: null, source: null });
    // The ledger, newest first, with the evidence as given.
    const history = await t.call('consent.history', { contactId: ann.id });
    expect(history.events.map((e) => [e.action, e.source])).toEqual([['given', 'paper'], ['withdrawn', 'email'], ['given', 'call']]);
    expect(history.events[2]).toMatchObject({ wording: 'Yes, send me offers', evidence: 'Call on Monday', capturedAt: '2026-03-03T10:00:00.000Z' });
    // A backdated record is on the ledger but is not the latest word.
    await t.call('consent.record', { contactId: ann.id, purposeId: offers.id, action: 'withdrawn', source: 'paper', capturedAt: '2026-01-01T09:00:00.000Z' });
    expect((await t.call('consent.history', { contactId: ann.id })).states.find((s) => s.purposeId === offers.id)?.status).toBe('given');
    // The privacy log names the purpose and how, never the person.
    expect(await log()).toContain('Consent withdrawn: Offers by email (by email)');
    expect((await log()).join(' ')).not.toMatch(/Ann|client\.test/);
  });

  it('mirrors the newsletter state into the email opt-in the lists and campaigns read', async () => {
    const bob = await t.call('contacts.create', { firstName: 'Bob' });
    expect(await isOptedIn(bob.id)).toBe(false);
    t.events.length = 0;
    await t.call('consent.record', { contactId: bob.id, purposeId: purpose('newsletter').id, action: 'given', source: 'inPerson' });
    expect(await isOptedIn(bob.id)).toBe(true);
    expect(t.events).toContainEqual({ name: 'data.changed', payload: { entity: 'contact', action: 'updated', ids: [bob.id] } });
    expect((await t.call('contacts.list', { emailOptIn: true, limit: 10 })).items.map((c) => c.id)).toEqual([bob.id]);
    await t.call('consent.record', { contactId: bob.id, purposeId: purpose('newsletter').id, action: 'withdrawn', source: 'call' });
    expect(await isOptedIn(bob.id)).toBe(false);
    // Another purpose leaves the opt-in alone.
    await t.call('consent.record', { contactId: bob.id, purposeId: purpose('offers-email').id, action: 'given', source: 'call' });
    expect(await isOptedIn(bob.id)).toBe(false);
  });

  it('refuses a future capturedAt, an unknown or archived purpose, and an unknown contact, naming the field', async () => {
    const cat = await t.call('contacts.create', { firstName: 'Cat' });
    const base = { contactId: cat.id, purposeId: purpose('newsletter').id, action: 'given', source: 'form' } as const;
    const future = await t.fail('consent.record', { ...base, capturedAt: '2026-03-04T10:00:00.000Z' });
    expect(future.issues).toEqual([{ path: 'capturedAt', message: 'When they said so cannot be in the future' }]);
    expect((await t.fail('consent.record', { ...base, purposeId: '0b5c7e2a-6f0d-4c1e-9a3b-2d1fffffffff' })).issues?.[0]?.path).toBe('purposeId');
    expect((await t.fail('consent.record', { ...base, contactId: '0b5c7e2a-6f0d-4c1e-9a3b-2d1fffffffff' })).code).toBe('NOT_FOUND');
    expect((await t.fail('consent.record', { ...base, source: 'unsubscribe' })).issues?.[0]?.path).toBe('source');
    expect((await t.call('consent.history', { contactId: cat.id })).events).toEqual([]);
    expect((await t.fail('consent.history', { contactId: '0b5c7e2a-6f0d-4c1e-9a3b-2d1fffffffff' })).code).toBe('NOT_FOUND');
  });
});

describe('consent.purposes.update', () => {
  it('renames and adds purposes, and archives one left out: its history stays, nothing can be recorded on it', async () => {
    const dan = await t.call('contacts.create', { firstName: 'Dan' });
    const post = purpose('offers-post');
    await t.call('consent.record', { contactId: dan.id, purposeId: post.id, action: 'given', basis: 'legitimateInterest', source: 'paper' });
    const keep = purposes.filter((p) => p.key !== 'offers-post').map((p) => ({ id: p.id, name: p.key === 'offers-email' ? 'Special offers' : p.name, channel: p.channel, defaultBasis: p.defaultBasis }));
    const { items } = await t.call('consent.purposes.update', { purposes: [...keep, { name: 'Event invitations', channel: 'any' }] });
    expect(items.filter((p) => !p.archived).map((p) => [p.key, p.name])).toEqual([
      ['newsletter', 'Newsletter'],
      ['offers-email', 'Special offers'],
      ['offers-phone', 'Offers by phone'],
      ['event-invitations', 'Event invitations'],
    ]);
    expect(items.find((p) => p.id === post.id)).toMatchObject({ archived: true, name: 'Offers by post' });
    // Dan's history still shows the archived purpose (it has his event); Eve's does not.
    const history = await t.call('consent.history', { contactId: dan.id });
    expect(history.states.find((s) => s.purposeId === post.id)?.status).toBe('given');
    const eve = await t.call('contacts.create', { firstName: 'Eve' });
    expect((await t.call('consent.history', { contactId: eve.id })).states.map((s) => s.purposeId)).not.toContain(post.id);
    const refused = await t.fail('consent.record', { contactId: dan.id, purposeId: post.id, action: 'withdrawn', source: 'paper' });
    expect(refused.issues).toEqual([{ path: 'purposeId', message: 'Offers by post is archived: restore it in Settings to record on it' }]);
    // Listed again, it is back.
    await t.call('consent.purposes.update', { purposes: [...keep, { id: post.id, name: 'Offers by post', channel: 'post' }] });
    expect((await t.call('consent.purposes.list', {})).items.find((p) => p.id === post.id)?.archived).toBe(false);
  });

  it('keeps the newsletter purpose, as an email purpose, and refuses two purposes of one name', async () => {
    const others = purposes.filter((p) => p.key !== 'newsletter').map((p) => ({ id: p.id, name: p.name, channel: p.channel }));
    expect((await t.fail('consent.purposes.update', { purposes: others })).issues?.[0]?.path).toBe('purposes');
    const asPhone = [{ id: purpose('newsletter').id, name: 'Newsletter', channel: 'phone' as const }, ...others];
    expect((await t.fail('consent.purposes.update', { purposes: asPhone })).issues?.[0]?.path).toBe('purposes.0.channel');
    const twice = [{ id: purpose('newsletter').id, name: 'Newsletter', channel: 'email' as const }, { name: 'newsletter', channel: 'email' as const }];
    expect((await t.fail('consent.purposes.update', { purposes: twice })).issues?.[0]?.path).toBe('purposes.1.name');
  });
});

describe('where the email opt-in is set, the ledger records where it came from', () => {
  const newsletterEvents = async (id: string) =>
    (await t.call('consent.history', { contactId: id })).events.filter((e) => e.purposeId === purpose('newsletter').id).map((e) => [e.action, e.source, e.evidence]);

  it('the contact form: a yes on create, a change on update; an unchanged opt-in adds nothing', async () => {
    const fay = await t.call('contacts.create', { firstName: 'Fay', emailOptIn: true });
    const gus = await t.call('contacts.create', { firstName: 'Gus' });
    await t.call('contacts.update', { id: fay.id, emailOptIn: false });
    await t.call('contacts.update', { id: fay.id, jobTitle: 'Plumber' });
    expect(await newsletterEvents(fay.id)).toEqual([['withdrawn', 'form', null], ['given', 'form', null]]);
    expect(await newsletterEvents(gus.id)).toEqual([]);
    expect((await t.call('consent.history', { contactId: gus.id })).states.find((s) => s.purposeId === purpose('newsletter').id)?.status).toBe('none');
  });

  it('a bulk edit: its note is the evidence; its undo is recorded too', async () => {
    const ids = [];
    for (const name of ['Hal', 'Ida', 'Jon']) ids.push((await t.call('contacts.create', { firstName: name, emailOptIn: name === 'Jon' })).id);
    const edit = await t.call('contacts.bulkUpdate', { target: { ids }, change: { action: 'setEmailOptIn', emailOptIn: true, note: 'Signed up at the spring fair' } });
    expect(edit.count).toBe(2);
    expect(await newsletterEvents(ids[0]!)).toEqual([['given', 'bulkEdit', 'Signed up at the spring fair']]);
    expect(await newsletterEvents(ids[2]!)).toEqual([['given', 'form', null]]);
    await t.call('contacts.bulkUndo', { undoId: edit.undoId });
    expect(await newsletterEvents(ids[1]!)).toEqual([['withdrawn', 'bulkEdit', `Undo of a bulk change (${edit.undoId})`], ['given', 'bulkEdit', 'Signed up at the spring fair']]);
    expect(await isOptedIn(ids[1]!)).toBe(false);
    expect(await log()).toContain('Consent changed: Newsletter for 2 people (email opt-in set by a bulk change)');
  });

  it('an import: the file name and import id are the evidence; its undo puts the ledger back in step', async () => {
    const kim = await t.call('contacts.create', { firstName: 'Kim', emails: [{ value: 'kim@client.test' }] });
    const path = join(t.dataDir, 'fair-signups.csv');
    writeFileSync(path, 'First Name,E-mail Address,Email opt-in\nLeo,leo@client.test,yes\nMia,mia@client.test,no\nKim,kim@client.test,yes\n');
    const report = await t.call('import.run', { path: await pick(t, path), duplicates: 'update' });
    expect([report.created, report.updated]).toEqual([2, 1]);
    const [leo] = (await t.call('contacts.list', { query: 'leo', limit: 5 })).items;
    const [mia] = (await t.call('contacts.list', { query: 'mia', limit: 5 })).items;
    const evidence = `Import of "fair-signups.csv" (${report.importId})`;
    expect(await newsletterEvents(leo!.id)).toEqual([['given', 'import', evidence]]);
    expect(await newsletterEvents(mia!.id)).toEqual([]);
    expect(await newsletterEvents(kim.id)).toEqual([['given', 'import', evidence]]);
    expect(await log()).toContain('Consent changed: Newsletter for 2 people (email opt-in set by import)');
    await t.call('import.undo', { importId: report.importId });
    expect(await isOptedIn(kim.id)).toBe(false);
    expect(await newsletterEvents(kim.id)).toEqual([['withdrawn', 'import', `Undo of import "fair-signups.csv" (${report.importId})`], ['given', 'import', evidence]]);
  });

  it('a merge: withdrawal wins, on the survivor ledger; the loser keeps its own', async () => {
    const a = await t.call('contacts.create', { firstName: 'Ned', lastName: 'Ray', emailOptIn: true, emails: [{ value: 'ned@client.test' }] });
    const b = await t.call('contacts.create', { firstName: 'Ned', lastName: 'Ray', emails: [{ value: 'ned.ray@client.test' }] });
    const merged = await t.call('contacts.merge', { ids: [a.id, b.id], keep: a.id });
    expect(await isOptedIn(a.id)).toBe(false);
    expect(await newsletterEvents(a.id)).toEqual([['withdrawn', 'bulkEdit', `Merge of 2 records (${merged.mergeId})`], ['given', 'form', null]]);
    await t.call('merges.undo', { mergeId: merged.mergeId });
    expect(await isOptedIn(a.id)).toBe(true);
    expect((await newsletterEvents(a.id))[0]).toEqual(['given', 'bulkEdit', `Undo of merge ${merged.mergeId}`]);
    // Two records that both opted in: the survivor keeps its consent and its ledger gets nothing new, nor on undo.
    const c = await t.call('contacts.create', { firstName: 'Ola', emailOptIn: true, emails: [{ value: 'ola@client.test' }] });
    const d = await t.call('contacts.create', { firstName: 'Ola', emailOptIn: true, emails: [{ value: 'ola@home.test' }] });
    const both = await t.call('contacts.merge', { ids: [c.id, d.id], keep: c.id });
    await t.call('merges.undo', { mergeId: both.mergeId });
    expect(await newsletterEvents(c.id)).toEqual([['given', 'form', null]]);
  });
});
