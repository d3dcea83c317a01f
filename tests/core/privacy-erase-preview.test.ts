// The dry run of "Erase this person" (issue #21 item 4): what goes, store by store, with counts; what is kept and
// why (a job shared with a colleague, its appointment, a document also kept with the colleague, a group email);
// what erasure cannot reach. It changes nothing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';
import { attachingPicked } from '../helpers/picks';
import { smtpSettings, useSmtpServer } from '../helpers/smtp';

const smtp = useSmtpServer();
let t: TestCore;
let ann = '';
let bob = '';

beforeEach(async () => {
  t = await openTestCore();
  await t.call('email.settings.update', smtpSettings(smtp.port));
  ann = (await t.call('contacts.create', { firstName: 'Ann', lastName: 'Lee', emails: [{ value: 'ann@client.test' }] })).id;
  bob = (await t.call('contacts.create', { firstName: 'Bob', lastName: 'Smith', emails: [{ value: 'bob@client.test' }] })).id;
});
afterEach(() => t.destroy());

const count = (lines: { what: string; count: number }[], what: string) => lines.find((l) => l.what === what)?.count ?? 0;

describe('privacy.erasePreview', () => {
  it('lists what goes, what stays with the colleague and why, and what it cannot reach, changing nothing', async () => {
    const shared = (await t.call('jobs.create', { title: 'Kitchen refit', contactId: ann })).id;
    await t.call('activities.create', { contactId: bob, jobId: shared, type: 'call', notes: 'Bob about the kitchen' });
    await t.call('appointments.create', { title: 'Kitchen survey', contactId: ann, jobId: shared, startsAt: '2026-11-25T10:00:00Z', endsAt: '2026-11-25T11:00:00Z' });
    const own = (await t.call('jobs.create', { title: 'Garden', contactId: ann })).id;
    await t.call('appointments.create', { title: 'Garden visit', contactId: ann, jobId: own, startsAt: '2026-11-26T10:00:00Z', endsAt: '2026-11-26T11:00:00Z' });
    for (let i = 0; i < 3; i++) await t.call('activities.create', { contactId: ann, type: 'note', notes: `Note ${i}` });
    await t.call('tasks.create', { title: 'Ring Ann', contactId: ann });
    await t.call('cases.create', { contactId: ann, subject: 'Dripping tap', type: 'warranty' });
    const dir = tempDir('rapport-preview-src-');
    const plan = join(dir, 'plan.txt');
    writeFileSync(plan, 'site plan');
    const doc = await attachingPicked(t).call('documents.attach', { path: plan, contactId: ann });
    await t.call('documents.link', { id: doc.id, contactId: bob });
    const only = join(dir, 'ann.txt');
    writeFileSync(only, 'only hers');
    await attachingPicked(t).call('documents.attach', { path: only, contactId: ann });
    await t.call('emails.send', { to: [{ contactId: ann }, { contactId: bob }], subject: 'Site meeting', body: 'Hello both' });
    await t.call('emails.send', { to: [{ address: 'ANN@client.test' }], subject: 'Just you', body: 'Hi' });

    const before = (await t.call('contacts.list', { limit: 10 })).items.length;
    const preview = await t.call('privacy.erasePreview', { contactId: ann });

    expect(preview).toMatchObject({ contactId: ann, displayName: 'Ann Lee' });
    expect(count(preview.removed, 'Contact record (name, addresses, phone numbers, notes, tags)')).toBe(1);
    expect(count(preview.removed, 'Activities (calls, meetings, notes, filed emails)')).toBe(3);
    expect(count(preview.removed, 'Follow-ups')).toBe(1);
    expect(count(preview.removed, 'Service cases and their timelines')).toBe(1);
    expect(count(preview.removed, 'Jobs only theirs')).toBe(1);
    expect(count(preview.removed, 'Appointments only they attend')).toBe(1);
    expect(count(preview.removed, 'Documents only they use')).toBe(1);
    expect(count(preview.removed, 'Emails and outbox items sent only to them')).toBe(1);
    expect(count(preview.removed, 'Their address on group emails')).toBe(1);
    expect(count(preview.removed, 'Search index entries')).toBe(1 + 3 + 1 + 1 + 1 + 1);
    expect(preview.kept).toEqual([
      { what: 'Job “Kitchen refit”', why: 'Shared with Bob Smith: it stays without Ann Lee' },
      { what: 'Appointment “Kitchen survey”', why: 'Part of job “Kitchen refit”, which stays: it stays without Ann Lee' },
      { what: 'Document “plan.txt”', why: 'Also kept with 1 other record: only the link to Ann Lee goes' },
      { what: 'Email “Site meeting”', why: 'Also sent to others: it stays without Ann Lee’s address' },
    ]);
    expect(preview.cannotReach.join(' ')).toMatch(/Copies you made elsewhere.*Backups, until they are purged.*Emails already sent/);

    // A dry run: everything is still there, and erasing then removes what it listed.
    expect((await t.call('contacts.list', { limit: 10 })).items.length).toBe(before);
    expect((await t.call('jobs.get', { id: own })).title).toBe('Garden');
    const erased = await t.call('privacy.erase', { contactId: ann });
    expect(erased.removed).toEqual(preview.removed);
    expect(await t.call('jobs.get', { id: shared })).toMatchObject({ contactId: null });
    expect((await t.call('documents.get', { id: doc.id })).links).toEqual([{ type: 'contact', id: bob, title: 'Bob Smith' }]);
  });

  it('names the contact when there is no such person, and erasing twice finds nobody the second time', async () => {
    const missing = await t.fail('privacy.erasePreview', { contactId: '0190a7e4-0000-7000-8000-00000000dead' });
    expect(missing.code).toBe('NOT_FOUND');
    await t.call('privacy.erase', { contactId: ann });
    expect((await t.fail('privacy.erase', { contactId: ann })).code).toBe('NOT_FOUND');
    const bad = await t.fail('privacy.erasePreview', { contactId: 'nope' });
    expect(bad).toMatchObject({ code: 'VALIDATION' });
    expect(JSON.stringify(bad)).toContain('contactId');
  });
});
