// What the erasure tests share (issue #21): a person with distinctive words seeded into every store the app has
// (through its own channels: an import, a merge, a bulk edit, filed and sent email, a document, consent), a colleague
// who shares a job with them, and a byte scan of the data folder. Not a test file.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import { fileLogger } from '../../electron/core/logger';
import { tempDir, type TestCore } from '../helpers/core';
import { attachingPicked, pickPaths } from '../helpers/picks';

export const EMAIL = 'zephyrine.q@example.org';
export const PHONE = '+44 7700 900 417';
const OFFICE = '+44 20 7946 0000';

/** Every spelling of the person a byte scan must not find. */
export function needles(ids: readonly string[]): string[] {
  const words = ['Zephyrine', 'Quillfeather', EMAIL, '7700900417', '7700 900 417', '07700 900417', ...ids];
  return [...new Set(words.flatMap((w) => [w, w.toLowerCase(), w.toUpperCase()]))];
}

/** Files under `dir` (recursively), except the harness's record of picked paths (test plumbing, not app data). */
export function filesUnder(dir: string, skip: (path: string) => boolean = () => false): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === HARNESS_PICKS_FILE || skip(path)) return [];
    return statSync(path).isDirectory() ? filesUnder(path, skip) : [path];
  });
}

/** Each file that holds a needle, with the needles it holds: [] when the folder is clean. */
export function scan(files: readonly string[], words: readonly string[]): { file: string; found: string[] }[] {
  return files.flatMap((file) => {
    const bytes = readFileSync(file);
    const found = words.filter((w) => bytes.includes(Buffer.from(w, 'utf8')));
    return found.length > 0 ? [{ file, found }] : [];
  });
}

const EML = (date: string) => [
  'From: Zephyrine Quillfeather <zephyrine.q@example.org>',
  'To: Sam Trader <sam@trader.test>',
  'Subject: Quote request from Zephyrine',
  `Date: ${date}`,
  'Message-ID: <zq-1@example.org>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello, this is Zephyrine Quillfeather. Call me on +44 7700 900 417.',
  '--b1',
  'Content-Type: text/plain; name="zephyrine-notes.txt"',
  'Content-Disposition: attachment; filename="zephyrine-notes.txt"',
  '',
  'Notes by Zephyrine Quillfeather',
  '--b1--',
  '',
].join('\r\n');

export interface Seeded {
  zeph: string;
  duplicate: string;
  colleague: string;
  sharedJob: string;
  ownJob: string;
  documentSha: string;
}

/** The person in every store; `sendEmail` drains the outbox against the test SMTP server. */
export async function seedPerson(t: TestCore, drain: () => Promise<unknown>): Promise<Seeded> {
  const files = tempDir('rapport-erase-src-');
  const db = t.core.store.sqlite;
  // An import creates them; a second one (update) keeps their row as it was in its undo record.
  const csv = join(files, 'fair-contacts.csv');
  writeFileSync(csv, `First Name,Last Name,E-mail Address,Mobile Phone,Notes\nZephyrine,Quillfeather,${EMAIL},${PHONE},Met Zephyrine Quillfeather at the fair\n`);
  await pickPaths(t, [csv], 'import');
  await t.call('import.run', { path: csv, duplicates: 'skip' });
  const zeph = (db.prepare(`SELECT id FROM contacts WHERE display_name = 'Zephyrine Quillfeather'`).get() as { id: string }).id;
  const update = join(files, 'fair-update.csv');
  writeFileSync(update, `First Name,Last Name,E-mail Address,Job Title\nZephyrine,Quillfeather,${EMAIL},Head Quillfeather gardener\n`);
  await pickPaths(t, [update], 'import');
  await t.call('import.run', { path: update, duplicates: 'update' });
  // Their office line is Bob's too: he shares it, and must survive every re-erasure that matches by number.
  await t.call('contacts.update', { id: zeph, notes: 'Zephyrine Quillfeather prefers mornings', tags: ['quillfeather-vip'], phones: [{ value: PHONE }, { value: OFFICE }] });

  const colleague = (await t.call('contacts.create', { firstName: 'Bob', lastName: 'Colleague', emails: [{ value: 'bob@colleague.test' }], phones: [{ value: '020 7946 0000' }] })).id;
  const sharedJob = (await t.call('jobs.create', { title: 'Kitchen refit', contactId: zeph, notes: `Shared kitchen job; Zephyrine Quillfeather pays, ${EMAIL}` })).id;
  await t.call('activities.create', { contactId: colleague, jobId: sharedJob, type: 'call', notes: 'Bob called about the kitchen' });
  const ownJob = (await t.call('jobs.create', { title: 'Quillfeather garden', contactId: zeph, notes: 'For Zephyrine only' })).id;
  await t.call('activities.create', { contactId: zeph, jobId: ownJob, type: 'note', subject: 'Zephyrine visit', notes: `Zephyrine Quillfeather rang from ${PHONE}` });
  await t.call('activities.create', { contactId: zeph, type: 'meeting', notes: 'Met Quillfeather on site', followUp: { title: 'Send Zephyrine the quote' } });
  await t.call('tasks.create', { title: 'Call Zephyrine back', contactId: zeph });
  await t.call('appointments.create', { title: 'Visit Zephyrine Quillfeather', contactId: zeph, startsAt: '2026-11-25T10:00:00Z', endsAt: '2026-11-25T11:00:00Z', location: 'Quillfeather Cottage' });

  // A filed email with an attachment, one sent only to them and a group email to them and Bob.
  const eml = join(files, 'message.eml');
  writeFileSync(eml, EML('Mon, 16 Nov 2026 10:00:00 +0000'));
  await pickPaths(t, [eml], 'eml');
  await t.call('emails.importEml', { path: eml });
  await t.call('emails.send', { to: [{ contactId: zeph }], subject: 'Your quote, Zephyrine', body: 'Dear Zephyrine Quillfeather, here is the quote.' });
  await t.call('emails.send', { to: [{ contactId: zeph }, { contactId: colleague }], subject: 'Site meeting', body: 'Hello Zephyrine and Bob, see you on site.' });
  await drain();

  // A stored document only they use.
  const docPath = join(files, 'Zephyrine Quillfeather contract.txt');
  writeFileSync(docPath, `Contract for Zephyrine Quillfeather, ${EMAIL}, ${PHONE}`);
  const doc = await attachingPicked(t).call('documents.attach', { path: docPath, contactId: zeph, note: 'Signed by Zephyrine' });

  // A duplicate of them (other spellings of their address and number) merged into them.
  const duplicate = (await t.call('contacts.create', { firstName: 'Zephyrine', lastName: 'Quillfeather', emails: [{ value: EMAIL.toUpperCase() }], phones: [{ value: '07700 900417' }], notes: 'Second Zephyrine card' })).id;
  await t.call('contacts.merge', { ids: [zeph, duplicate], keep: zeph });

  await t.call('contacts.bulkUpdate', { target: { ids: [zeph, colleague] }, change: { action: 'addTags', tags: ['fair-2026'] } });
  const newsletter = (await t.call('consent.purposes.list', {})).items.find((p: { key: string }) => p.key === 'newsletter')!;
  await t.call('consent.record', { contactId: zeph, purposeId: newsletter.id, action: 'given', source: 'form', wording: 'Yes please — Zephyrine Quillfeather' });

  // Their erasure request, and an access request logged by name before they were a contact.
  await t.call('privacy.requests.create', { contactId: zeph, kind: 'erasure', receivedOn: '2026-11-21', notes: 'Zephyrine Quillfeather asked by letter' });
  await t.call('privacy.requests.create', { requester: `Zephyrine Quillfeather <${EMAIL}>`, kind: 'access', receivedOn: '2026-11-01' });

  // The app's log file, as main writes it, with an error quoting them (an SMTP refusal does).
  mkdirSync(join(t.dataDir, 'logs'), { recursive: true });
  fileLogger(join(t.dataDir, 'logs'), { also: { info() {}, warn() {}, error() {} } }).error('send failed', new Error(`550 <${EMAIL}> mailbox of Zephyrine Quillfeather full`));
  return { zeph, duplicate, colleague, sharedJob, ownJob, documentSha: doc.sha256! };
}
