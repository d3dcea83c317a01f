// "Export this person's data" (issue #21) through the real dispatcher on a real SQLite file, with a real SMTP
// server for the sent email: a person with activities, follow-ups, a job shared with a colleague, appointments,
// a filed .eml and a sent email, documents, a consent event, an import, a merge and a request. The zip, unpacked
// by Info-ZIP's unzip, holds every record of theirs, the .eml files and the documents' bytes, and no other
// contact's email address or full name in any file; the review lists the shared records and writes nothing;
// a record left out is gone.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { simpleParser } from 'mailparser';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';
import { pickPaths } from '../helpers/picks';
import { smtpSettings, useSmtpServer } from '../helpers/smtp';

const smtp = useSmtpServer();
let t: TestCore;
const ids = {} as Record<'ann' | 'colin' | 'bystander' | 'dup' | 'call' | 'note' | 'task' | 'job' | 'visit' | 'measure' | 'filed' | 'outbox' | 'doc' | 'sharedDoc' | 'field' | 'case', string>;
let fieldKey = '';
const OTHER_ADDRESSES = ['colin@colleague.test', 'bystander@else.test'];
const DOC_BYTES = Buffer.from('Quote for Ann: walnut worktop, 3.2 m, £1,840. Unique bytes 7f3a9c.');
const SHARED_DOC_BYTES = Buffer.from('Minutes of the site meeting. Unique bytes 0b44e1.');

beforeAll(async () => {
  t = await openTestCore({ start: '2026-11-22T09:00:00.000Z' });
  await t.call('email.settings.update', smtpSettings(smtp.port));
  const field = await t.call('fields.create', { recordType: 'contact', label: 'Membership number', type: 'text' });
  ids.field = field.id;
  fieldKey = field.key;

  // The import that created Ann (and two other people).
  const csv = join(t.dataDir, 'people.csv');
  writeFileSync(csv, 'First Name,Last Name,E-mail Address\nAnn,Lee,ann@client.test\nColin,Colleague,colin@colleague.test\nBetty,Bystander,bystander@else.test\n');
  const [picked] = await pickPaths(t, [csv], 'import');
  await t.call('import.run', { path: picked!, duplicates: 'skip' });
  const byName = async (name: string) => (await t.call('contacts.list', { query: name })).items[0]!.id;
  ids.ann = await byName('Ann Lee');
  ids.colin = await byName('Colin Colleague');
  ids.bystander = await byName('Betty Bystander');
  await t.call('contacts.update', { id: ids.ann, custom: { [fieldKey]: 'M-4471' } });

  // A duplicate of Ann merged into her: the merge journal is hers.
  ids.dup = (await t.call('contacts.create', { firstName: 'Ann', lastName: 'Lee', phones: [{ value: '+44 7700 900222' }] })).id;
  await t.call('contacts.merge', { ids: [ids.ann, ids.dup], keep: ids.ann });

  ids.call = (await t.call('activities.create', { contactId: ids.ann, type: 'call', subject: 'Kitchen call', notes: 'Said Colin Colleague will help with the fitting.' })).id;
  ids.note = (await t.call('activities.create', { contactId: ids.ann, type: 'note', subject: '=1+1', notes: 'Prefers <b>mornings</b>; gate code 1234.' })).id;
  ids.task = (await t.call('tasks.create', { title: 'Send the brochure', contactId: ids.ann })).id;
  // A service case of hers (issue #22), whose description names a colleague.
  ids.case = (await t.call('cases.create', { contactId: ids.ann, subject: 'Worktop chipped', description: 'Colin Colleague saw the chip first.', type: 'warranty' })).case.id;
  await t.call('cases.note', { id: ids.case, body: 'Ordered a repair kit', minutesSpent: 10 });
  ids.job = (await t.call('jobs.create', { title: 'Kitchen refit', contactId: ids.ann })).id;
  ids.visit = (await t.call('appointments.create', { title: 'Site visit', startsAt: '2026-12-01T09:00:00Z', endsAt: '2026-12-01T10:00:00Z', contactId: ids.colin, jobId: ids.job })).id;
  ids.measure = (await t.call('appointments.create', { title: 'Measure up', startsAt: '2026-11-25T09:00:00Z', endsAt: '2026-11-25T10:00:00Z', contactId: ids.ann })).id;

  const eml = join(t.dataDir, 'reply.eml');
  copyFileSync(join(process.cwd(), 'tests/fixtures/email/received.eml'), eml);
  await pickPaths(t, [eml], 'eml');
  ids.filed = (await t.call('emails.importEml', { path: eml })).activity.id;

  ids.outbox = (await t.call('emails.send', { to: [{ contactId: ids.ann }], cc: [{ contactId: ids.colin }], subject: 'Kitchen plan', body: 'Hello both, the plan is attached in spirit.' })).id;
  await t.core.modules.email.outbox.drain();
  expect(smtp.received).toHaveLength(1);

  const doc = join(t.dataDir, 'quote.txt');
  writeFileSync(doc, DOC_BYTES);
  await pickPaths(t, [doc]);
  ids.doc = (await t.call('documents.attach', { path: doc, contactId: ids.ann })).id;
  const minutes = join(t.dataDir, 'minutes.txt');
  writeFileSync(minutes, SHARED_DOC_BYTES);
  await pickPaths(t, [minutes]);
  ids.sharedDoc = (await t.call('documents.attach', { path: minutes, contactId: ids.ann })).id;
  await t.call('documents.link', { id: ids.sharedDoc, contactId: ids.colin });

  // A consent event, written as the ledger's own writer would (helper-free: the consent channels are another part).
  await sql`INSERT INTO consent_events (id, contact_id, purpose_id, action, basis, source, wording, evidence, captured_at, recorded_at)
    VALUES ('ev-1', ${ids.ann}, '0b5c7e2a-6f0d-4c1e-9a3b-2d1f00000001', 'given', 'consent', 'form', 'Yes, send me the newsletter', NULL, '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z')`.execute(t.core.store.db);
  await t.call('privacy.requests.create', { contactId: ids.ann, kind: 'access', receivedOn: '2026-11-21' });
  // A campaign that left Ann (and Colin) out, as the campaign writer records it.
  const templateId = (await t.call('templates.create', { name: 'Spring offer', subject: 'Spring', body: 'Hello' })).id;
  const skipped = JSON.stringify([
    { contactId: ids.ann, name: 'Ann Lee', reason: 'No consent for Newsletter' },
    { contactId: ids.colin, name: 'Colin Colleague', reason: 'No email address' },
  ]);
  await sql`INSERT INTO email_campaigns (id, name, template_id, segment, skipped, created_at) VALUES ('camp-1', 'Spring offer', ${templateId}, '{}', ${skipped}, '2026-11-21T09:00:00Z')`.execute(t.core.store.db);
}, 60_000);
afterAll(() => t.destroy());

/** Every file of the zip, unpacked by unzip, by its path inside the zip. */
function unpack(zip: string): Map<string, Buffer> {
  execFileSync('unzip', ['-tqq', zip]);
  const dir = tempDir('rapport-sar-');
  execFileSync('unzip', ['-qq', zip, '-d', dir]);
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

type Data = Record<string, { id?: string; key?: string; file?: string }[]> & { contact: Record<string, unknown>[]; leftOut: number };

describe('privacy.export', () => {
  it('lists the shared records in the review and writes nothing', async () => {
    const exportsBefore = readdirSync(t.dataDir).length;
    const logBefore = (await t.call('privacy.log', {})).items.length;
    const review = await t.call('privacy.export', { contactId: ids.ann, review: true });
    expect(review.path).toBeNull();
    expect(review.shared.map((s) => [s.key, s.others]).sort()).toEqual(
      [
        [`activity:${ids.call}`, ['Colin Colleague']],
        [`appointment:${ids.visit}`, ['Colin Colleague']],
        [`document:${ids.sharedDoc}`, ['Colin Colleague']],
        [`email:${ids.outbox}`, ['Colin Colleague']],
        [`job:${ids.job}`, ['Colin Colleague']],
      ].sort(),
    );
    expect(review.counts).toMatchObject({ contact: 1, followUps: 1, jobs: 1, appointments: 2, documents: 2, imports: 1, merges: 1, privacyRequests: 1, consentHistory: 1 });
    expect(readdirSync(t.dataDir).length).toBe(exportsBefore);
    expect((await t.call('privacy.log', {})).items.length).toBe(logBefore);
  });

  it('writes one zip with every record of theirs, the .eml files and the documents, and no one else\'s address', async () => {
    const result = await t.call('privacy.export', { contactId: ids.ann });
    expect(result.cancelled).toBe(false);
    const files = unpack(result.path!);
    const data = JSON.parse(files.get('data.json')!.toString('utf8')) as Data;
    const idsOf = (section: string) => (data[section] ?? []).map((r) => r.id).sort();

    expect(data.contact[0]).toMatchObject({ id: ids.ann, displayName: 'Ann Lee', customFields: [{ field: 'Membership number', value: 'M-4471' }] });
    const activities = (await t.call('activities.list', { contactId: ids.ann, limit: 100 })).items.map((a) => a.id);
    expect(activities.length).toBeGreaterThanOrEqual(4);
    expect(idsOf('activities')).toEqual([...activities].sort());
    expect(idsOf('followUps')).toEqual([ids.task]);
    expect(idsOf('cases')).toEqual([ids.case]);
    expect((data.caseTimeline ?? []).map((e) => (e as { kind?: string }).kind)).toEqual(['created', 'note']);
    expect((data.cases![0] as { description?: string }).description).toBe('(another person) saw the chip first.');
    expect(idsOf('jobs')).toEqual([ids.job]);
    expect(idsOf('appointments')).toEqual([ids.measure, ids.visit].sort());
    expect(idsOf('documents')).toEqual([ids.doc, ids.sharedDoc].sort());
    expect((data.emails ?? []).map((e) => e.key).sort()).toEqual([`email:${ids.filed}`, `email:${ids.outbox}`].sort());
    expect(data.consentHistory).toHaveLength(1);
    expect(data.imports).toHaveLength(1);
    expect(data.merges).toHaveLength(1);
    expect(data.privacyRequests).toHaveLength(1);
    expect(data.campaignsLeftOut).toEqual([{ id: 'camp-1', name: 'Spring offer', createdAt: '2026-11-21T09:00:00Z', reason: 'No consent for Newsletter' }]);
    for (const section of ['activities', 'jobs', 'emails', 'documents', 'merges', 'imports', 'consentHistory']) {
      expect(files.get(`csv/${section}.csv`)?.toString('utf8').startsWith('\uFEFF'), section).toBe(true);
    }
    // The readable page escapes what the user typed; the CSVs guard what a spreadsheet would run.
    const html = files.get('summary.html')!.toString('utf8');
    expect(html).toContain('Personal data held about Ann Lee');
    expect(html).toContain('Prefers &lt;b&gt;mornings&lt;/b&gt;');
    expect(html).not.toContain('<b>mornings');
    expect(files.get('csv/activities.csv')!.toString('utf8')).toContain(",'=1+1,");

    // The documents' own bytes, under their names.
    expect(files.get('documents/quote.txt')).toEqual(DOC_BYTES);
    expect(files.get('documents/minutes.txt')).toEqual(SHARED_DOC_BYTES);
    // The filed email, rebuilt: its subject, text and the PDF attached to it.
    const filed = await simpleParser(files.get(`emails/filed-${ids.filed}.eml`)!);
    const original = await simpleParser(readFileSync('tests/fixtures/email/received.eml'));
    expect(filed.subject).toBe('Re: Kitchen quote - walnut worktop');
    expect(filed.text).toContain('can you start on the 7th?');
    expect(filed.attachments.map((a) => a.content)).toEqual(original.attachments.map((a) => a.content));
    const sent = await simpleParser(files.get(`emails/sent-${ids.outbox}.eml`)!);
    expect(sent.subject).toBe('Kitchen plan');
    expect(JSON.stringify(sent.to)).toContain('ann@client.test');

    // No other contact's address or full name, in any file of the zip (nor in the zip's own bytes).
    const everything = [...files.values(), readFileSync(result.path!)];
    for (const needle of [...OTHER_ADDRESSES, 'Colin Colleague', 'Betty Bystander']) {
      for (const [name, bytes] of [...files.entries(), ['(zip)', readFileSync(result.path!)] as const]) {
        expect(bytes.toString('utf8').toLowerCase().includes(needle.toLowerCase()), `${needle} in ${name}`).toBe(false);
      }
    }
    expect(everything.some((b) => b.includes('(another person)'))).toBe(true);
    const call = (data.activities ?? []).find((a) => a.id === ids.call) as { notes?: string } | undefined;
    expect(call?.notes).toBe('Said (another person) will help with the fitting.');

    const log = (await t.call('privacy.log', {})).items[0]!;
    expect(log.kind).toBe('export');
    expect(`${log.summary} ${log.subject}`).not.toMatch(/Ann|Lee|client\.test/);
  });

  it('leaves out the records the reviewer chose', async () => {
    const result = await t.call('privacy.export', { contactId: ids.ann, leaveOut: [`document:${ids.sharedDoc}`, `activity:${ids.call}`] });
    const files = unpack(result.path!);
    const data = JSON.parse(files.get('data.json')!.toString('utf8')) as Data;
    expect((data.documents ?? []).map((d) => d.id)).toEqual([ids.doc]);
    expect((data.activities ?? []).map((a) => a.id)).not.toContain(ids.call);
    expect([...files.values()].some((b) => b.includes(SHARED_DOC_BYTES))).toBe(false);
    expect(result.counts.documents).toBe(1);
    expect(data.leftOut).toBe(2);
  });

  it('answers NOT_FOUND for an unknown contact and names the field of a bad input', async () => {
    expect((await t.fail('privacy.export', { contactId: '0b5c7e2a-6f0d-4c1e-9a3b-2d1f0000ffff' })).code).toBe('NOT_FOUND');
    expect((await t.fail('privacy.export', { contactId: 'nope' })).issues?.[0]?.path).toBe('contactId');
  });
});
