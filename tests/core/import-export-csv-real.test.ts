// Issue #15, CSV: every real CSV of the corpus (tests/fixtures/real/csv) imported through the real core and
// checked against expected.json, then the dialects the corpus has no licensed file for (LinkedIn, Yahoo,
// Outlook's one-cell addresses) and the rule that a bad value never costs the row.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/domain/contact';
import { openTestCore, type TestCore } from '../helpers/core';
import { allContacts, importFile, pick } from './import-export-helpers';

const REAL = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/real');
interface ExpectedAddress { street?: string; locality?: string; region?: string; postalCode?: string; country?: string }
interface ExpectedContact {
  fullName?: string | null; name?: string; given?: string; family?: string; org?: string; title?: string; note?: string; nickname?: string;
  emails?: string[]; phones?: { value: string }[]; phoneValues?: string[]; addresses?: ExpectedAddress[]; urls?: string[]; birthday?: string;
  custom?: Record<string, string>; customerNumber?: string;
}
interface ExpectedFile { kind: string; dialect: string; people: number; contacts: ExpectedContact[] }
const expected = JSON.parse(readFileSync(join(REAL, 'expected.json'), 'utf8')) as { files: Record<string, ExpectedFile> };
const csvFiles = Object.entries(expected.files).filter(([, f]) => f.kind === 'csv');

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

const kept = (c: Contact, value: string) => c.phones.some((p) => p.value.startsWith(value)) || (c.notes ?? '').includes(value);

/** Everything expected.json says of one person that a Rapport contact can hold (elsewhere: in its notes). */
function mismatches(c: Contact, e: ExpectedContact): string[] {
  const out: string[] = [];
  const check = (what: string, ok: boolean) => void (ok || out.push(what));
  if (e.given) check('given name', (c.firstName ?? '').startsWith(e.given));
  if (e.family) check('family name', c.lastName === e.family);
  if (e.name) check('name', c.displayName === e.name);
  if (e.org) check('company', c.companyName === e.org);
  if (e.title) check('job title', c.jobTitle === e.title);
  // An address the contact form would refuse ("contact1@invalid" has no dot in its domain) is kept in notes.
  for (const email of e.emails ?? []) check(`email ${email}`, c.emails.some((x) => x.value === email) || (c.notes ?? '').includes(email));
  for (const phone of [...(e.phones ?? []).map((p) => p.value), ...(e.phoneValues ?? [])]) check(`phone ${phone}`, kept(c, phone));
  for (const a of e.addresses ?? []) {
    const want = { street: a.street, city: a.locality, region: a.region, postcode: a.postalCode, country: a.country };
    check(`address ${a.street ?? a.locality}`, c.addresses.some((x) => Object.entries(want).every(([k, v]) => v === undefined || x[k as keyof typeof x] === v)));
  }
  if (e.note) check('note', (c.notes ?? '').includes(e.note.trim()));
  if (e.nickname) check('nickname', (c.notes ?? '').includes(e.nickname) || c.firstName === e.nickname);
  if (e.birthday) check('birthday', c.birthday === e.birthday);
  for (const url of e.urls ?? []) check(`url ${url}`, c.website === url || (c.notes ?? '').includes(url));
  for (const value of Object.values(e.custom ?? {})) check('custom field', (c.notes ?? '').includes(value));
  if (e.customerNumber) check('customer number', (c.notes ?? '').includes(e.customerNumber));
  return out;
}

/** The stored contact an expected person is: by first email, else by name. */
function find(contacts: Contact[], e: ExpectedContact, used: Set<string>): Contact | undefined {
  const free = contacts.filter((c) => !used.has(c.id));
  const email = e.emails?.[0];
  if (email) return free.find((c) => c.emails.some((x) => x.value === email) || (c.notes ?? '').includes(email));
  if (e.given || e.family) return free.find((c) => (!e.given || (c.firstName ?? '').startsWith(e.given)) && (!e.family || c.lastName === e.family));
  return free.find((c) => c.displayName === (e.name ?? e.fullName));
}

describe('the real CSV corpus', () => {
  it.each(csvFiles)('%s: every person stored with the fields expected.json lists', async (path, file) => {
    const report = await importFile(t, join(REAL, path));
    const contacts = await allContacts(t);
    expect({ created: report.created, rejected: report.rejected }, path).toEqual({ created: file.people, rejected: [] });
    const used = new Set<string>();
    const problems: string[] = [];
    file.contacts.forEach((e, i) => {
      const c = find(contacts, e, used);
      if (!c) return void problems.push(`#${i}: not found`);
      used.add(c.id);
      for (const m of mismatches(c, e)) problems.push(`#${i} ${c.displayName}: ${m}`);
    });
    expect(problems, path).toEqual([]);
  });
});

const write = (name: string, text: string) => {
  const path = join(t.dataDir, name);
  writeFileSync(path, text);
  return path;
};
const named = (contacts: Contact[], name: string) => contacts.find((c) => c.displayName === name);

describe('dialects the corpus has no licensed file for, recognised and mapped by name', () => {
  it("LinkedIn connections: the 'Notes:' preamble is skipped and a connection without an email is still a contact", async () => {
    const path = write(
      'Connections.csv',
      'Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email."\r\n\r\n' +
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n' +
        'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@engines.example,Analytical Engines,Engineer,10 Dec 2023\r\n' +
        'Grace,Hopper,https://www.linkedin.com/in/grace-hopper,,US Navy,Rear Admiral,09 Dec 2023\r\n',
    );
    const preview = await t.call('import.preview', { path: await pick(t, path) });
    expect(preview).toMatchObject({ dialect: 'linkedin', columns: ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'] });
    expect(preview.sample.map((s) => s.line)).toEqual([5, 6]);
    const report = await importFile(t, path);
    expect(report).toMatchObject({ created: 2, rejectedCount: 0 });
    const contacts = await allContacts(t);
    expect(named(contacts, 'Grace Hopper')).toMatchObject({ companyName: 'US Navy', jobTitle: 'Rear Admiral', website: 'https://www.linkedin.com/in/grace-hopper', emails: [], notes: 'Connected on: 09 Dec 2023' });
    expect(named(contacts, 'Ada Lovelace')!.emails).toEqual([{ value: 'ada@engines.example' }]);
  });

  it('Yahoo: its own phone, e-mail and address columns', async () => {
    const header = 'First,Middle,Last,Nickname,Email,Category,Distribution Lists,Messenger ID,Home,Work,Pager,Fax,Mobile,Other,Yahoo Phone,Primary,Alternate Email 1,Alternate Email 2,Personal Website,Business Website,Title,Company,Work Address,Work City,Work State,Work ZIP,Work Country,Home Address,Home City,Home State,Home ZIP,Home Country,Birthday,Anniversary,Custom 1,Custom 2,Custom 3,Custom 4,Comments';
    const row = 'Tim,,Berners-Lee,TBL,tim@w3.example,Friends,,,+44 20 7946 0001,+1 617 555 0100,,,+44 7700 900001,,,,tbl@home.example,,https://tim.example,,Director,W3 Consortium,32 Vassar St,Cambridge,MA,02139,USA,,,,,,6/8/1955,,,,,,Likes the web';
    const path = write('yahoo.csv', `${header}\r\n${row}\r\n`);
    expect((await t.call('import.preview', { path: await pick(t, path) })).dialect).toBe('yahoo');
    expect(await importFile(t, path)).toMatchObject({ created: 1, rejectedCount: 0 });
    expect(named(await allContacts(t), 'Tim Berners-Lee')).toMatchObject({
      companyName: 'W3 Consortium', jobTitle: 'Director', tags: ['Friends'], birthday: '1955-06-08', website: 'https://tim.example',
      emails: [{ value: 'tim@w3.example' }, { value: 'tbl@home.example' }],
      phones: [{ value: '+44 20 7946 0001', label: 'Home' }, { value: '+1 617 555 0100', label: 'Work' }, { value: '+44 7700 900001', label: 'Mobile' }],
      addresses: [{ label: 'Work', street: '32 Vassar St', city: 'Cambridge', region: 'MA', postcode: '02139', country: 'USA' }],
      notes: 'Likes the web\nNickname: TBL',
    });
  });

  it("Outlook's one-cell 'Business Address' / 'Home Address' are split into their parts, and never dropped", async () => {
    const path = write(
      'outlook-addresses.csv',
      'First Name,Last Name,E-mail Address,Business Address,Home Address,Other Address,Home Country,Categories\r\n' +
        'Margaret,Hamilton,margaret@apollo.example,"1 Launch Pad\r\nBuilding 4\r\nCambridge, MA 02139\r\nUnited States","Pickhuben 2\r\n20457 Hamburg\r\nDeutschland","somewhere without a postcode",,\r\n' +
        'Tim,Peake,,"10 Downing Street\nLondon\nSW1A 2AA\nUnited Kingdom",,,,\r\n',
    );
    expect(await importFile(t, path)).toMatchObject({ created: 2, rejectedCount: 0 });
    const contacts = await allContacts(t);
    expect(named(contacts, 'Margaret Hamilton')!.addresses).toEqual([
      { label: 'Work', street: '1 Launch Pad\nBuilding 4', city: 'Cambridge', region: 'MA', postcode: '02139', country: 'United States' },
      { label: 'Home', street: 'Pickhuben 2', city: 'Hamburg', postcode: '20457', country: 'Deutschland' },
      { label: 'Other', street: 'somewhere without a postcode' },
    ]);
    expect(named(contacts, 'Tim Peake')!.addresses).toEqual([{ label: 'Work', street: '10 Downing Street', city: 'London', postcode: 'SW1A 2AA', country: 'United Kingdom' }]);
  });
});

describe('a bad value never costs the row', () => {
  it('keeps extensions with the number, puts words, vanity numbers and bad emails in notes with a warning on their line', async () => {
    const path = write(
      'values.csv',
      'Name,Email,Phone,Mobile,Nickname,Notes\r\n' +
        'Ext One,ext1@example.com,+1 555 0100;ext=102,,,\r\n' + // line 2
        'Ext Two,,555 0101 x102,,,\r\n' + // 3
        'Vanity Fax,,1-800-MYFAX,,,\r\n' + // 4
        'Wordy Person,,call reception,+44 7700 900123,,\r\n' + // 5
        'Bad Mail,not-an-email,,,,\r\n' + // 6
        ',only@example.com,,,,\r\n' + // 7
        ',,+44 20 7946 0958,,,\r\n' + // 8
        ',,,,Nicky,\r\n' + // 9
        'Nul\u0000Byte\u0007,,,,,Line\u0001one\tand\u0000two\r\n' + // 10
        'Short Row\r\n' + // 11: fewer cells than the header
        ',,,,,only a note\r\n', // 12: nothing to show a person by
    );
    const report = await importFile(t, path);
    expect(report.created).toBe(10);
    expect(report.rejected).toEqual([{ line: 12, reason: 'Enter a first name, a last name or a company' }]);
    expect(report.warnings).toEqual([
      { line: 4, reason: 'Phone: not a phone number; kept in notes' },
      { line: 5, reason: 'Phone: not a phone number; kept in notes' },
      { line: 6, reason: 'Email: not a valid email address; kept in notes' },
    ]);
    const contacts = await allContacts(t);
    expect(named(contacts, 'Ext One')!.phones).toEqual([{ value: '+1 555 0100 ext. 102' }]);
    expect(named(contacts, 'Ext Two')!.phones).toEqual([{ value: '555 0101 x102' }]);
    expect(named(contacts, 'Vanity Fax')).toMatchObject({ phones: [], notes: 'Phone: 1-800-MYFAX' });
    expect(named(contacts, 'Wordy Person')).toMatchObject({ phones: [{ value: '+44 7700 900123', label: 'Mobile' }], notes: 'Phone: call reception' });
    expect(named(contacts, 'Bad Mail')).toMatchObject({ emails: [], notes: 'Email: not-an-email' });
    // A person with only an email, only a phone or only a nickname is shown by what they have.
    expect(named(contacts, 'only@example.com')).toMatchObject({ firstName: null, lastName: null, emails: [{ value: 'only@example.com' }] });
    expect(named(contacts, '+44 20 7946 0958')).toMatchObject({ firstName: null, lastName: null });
    expect(named(contacts, 'Nicky')).toMatchObject({ firstName: 'Nicky', notes: null });
    expect(named(contacts, 'NulByte')).toMatchObject({ firstName: 'NulByte', notes: 'Lineone\tandtwo' });
    expect(named(contacts, 'Short Row')).toBeDefined();
  });

  it('an imported contact shown by its email can be edited without inventing a name; a named one still cannot lose its name', async () => {
    await importFile(t, write('email-only.csv', 'Email,Tags\r\nonly@example.com,\r\n'));
    const [only] = await allContacts(t);
    expect(await t.call('contacts.update', { id: only!.id, tags: ['Met'] })).toMatchObject({ displayName: 'only@example.com', tags: ['Met'] });
    const named = await t.call('contacts.create', { firstName: 'Has', emails: [{ value: 'has@example.com' }] });
    expect((await t.fail('contacts.update', { id: named.id, firstName: null })).code).toBe('VALIDATION');
    expect((await t.fail('contacts.create', { emails: [{ value: 'x@example.com' }] })).code).toBe('VALIDATION');
  });
});
