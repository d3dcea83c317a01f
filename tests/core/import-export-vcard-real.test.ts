// vCards written by real programs (tests/fixtures/real/vcard, see SOURCES.md) imported through the core and checked
// against expected.json: every person stored, every value kept (in its field or in notes), warnings where a value
// moved. Plus the encodings real files come in, and a reader that stays linear on a 2 MB photo.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactToVcard, vcardRecords } from '../../electron/core/import-export/vcard';
import type { Contact } from '../../shared/domain/contact';
import { openTestCore, type TestCore } from '../helpers/core';
import { allContacts, importFile, pick } from './import-export-helpers';

const REAL = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/real');
interface Expected {
  records: number;
  people: number;
  requiresWarning?: boolean;
  contacts: Record<string, unknown>[];
}
const expected = JSON.parse(readFileSync(join(REAL, 'expected.json'), 'utf8')) as { files: Record<string, Expected & { kind: string }> };
const vcards = Object.entries(expected.files).filter(([, e]) => e.kind === 'vcard');

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

/** Everything a contact holds as one text, to check that a value was kept somewhere (a field or notes). */
const everything = (c: Contact) => JSON.stringify([c.firstName, c.lastName, c.companyName, c.jobTitle, c.emails, c.phones, c.addresses, c.website, c.birthday, c.tags, c.notes]);
const kept = (c: Contact, value: string) => expect(everything(c), value).toContain(JSON.stringify(value).slice(1, -1));

function findStored(stored: Contact[], want: Record<string, unknown>): Contact | undefined {
  const emails = (want.emails as string[] | undefined) ?? [];
  const name = want.name as { family?: string; given?: string } | undefined;
  return (
    stored.find((c) => emails.some((e) => c.emails.some((x) => x.value === e))) ??
    stored.find((c) => name?.family && c.lastName === name.family && (!name.given || c.firstName?.startsWith(name.given))) ??
    stored.find((c) => c.displayName === (want.displayAs ?? want.org ?? want.fullName))
  );
}

function checkContact(c: Contact, want: Record<string, unknown>) {
  const name = want.name as Record<string, string> | undefined;
  if (name?.family) expect([name.family, ...((want.acceptAlsoFullName as string[] | undefined) ?? []).map((n) => n.split(' ').pop())]).toContain(c.lastName);
  if (name?.given) expect(c.firstName?.startsWith(name.given)).toBe(true);
  for (const part of [name?.additional, name?.prefix, name?.suffix]) if (part) kept(c, part.split(',')[0]!);
  if (want.displayAs) expect(c.displayName).toBe(want.displayAs);
  if (want.isCompany) expect(c).toMatchObject({ firstName: null, lastName: null, companyName: want.org });
  else if (want.org) expect(c.companyName).toBe(want.org);
  const orgs = (want.orgs as string[] | undefined) ?? [];
  if (orgs.length) expect(c.companyName).toBe(orgs[0]);
  for (const value of [...orgs, ...((want.titles as string[] | undefined) ?? []), ...((want.departments as string[] | undefined) ?? [])]) kept(c, value);
  for (const key of ['title', 'role', 'nickname', 'department'] as const) if (typeof want[key] === 'string') kept(c, (want[key] as string).split(/[;,]/)[0]!);
  for (const e of (want.emails as string[] | undefined) ?? []) kept(c, e);
  for (const e of (want.invalidEmailValues as string[] | undefined) ?? []) expect(c.notes).toContain(e);
  for (const p of (want.phones as { value: string }[] | undefined) ?? []) kept(c, p.value);
  for (const p of (want.telValues as string[] | undefined) ?? []) kept(c, p);
  for (const u of (want.urls as string[] | undefined) ?? []) kept(c, u);
  for (const tag of (want.categories as string[] | undefined) ?? []) expect(c.tags).toContain(tag);
  if (want.birthday) expect(c.birthday).toBe(want.birthday);
  if (typeof want.note === 'string') expect(c.notes).toContain(want.note.trim());
  if (typeof want.notePrefix === 'string') expect(c.notes?.startsWith(want.notePrefix)).toBe(true);
  const addresses = (want.addresses as Record<string, string>[] | undefined) ?? [];
  expect(c.addresses.length).toBeGreaterThanOrEqual(addresses.length);
  for (const a of addresses) {
    const match = c.addresses.find((s) => (!a.locality || s.city === a.locality) && (!a.postalCode || s.postcode === a.postalCode));
    expect(match, JSON.stringify(a)).toBeDefined();
    for (const line of [a.poBox, a.extended, a.street].filter(Boolean)) expect(match!.street?.split('\n')).toContain(line);
    if (a.country) expect(match!.country).toBe(a.country);
    if (a.region) expect(match!.region).toBe(a.region);
  }
  for (const part of (want.addressRawParts as string[] | undefined) ?? []) kept(c, part);
}

describe('real vCard files', () => {
  it.each(vcards)('%s: every person stored, every value kept', async (file, want) => {
    const report = await importFile(t, join(REAL, file));
    expect(report.created).toBe(want.people);
    expect(report.rejectedCount).toBe(want.records - want.people);
    if (want.requiresWarning) expect(report.warningCount).toBeGreaterThan(0);
    const stored = await allContacts(t);
    expect(stored).toHaveLength(want.people);
    for (const w of want.contacts) {
      if (w.kind === 'group') continue;
      const c = findStored(stored, w);
      expect(c, JSON.stringify(w.fullName ?? w.displayAs)).toBeDefined();
      checkContact(c!, w);
    }
    // Re-importing the same file stores nothing new (company-only cards match by company name).
    expect((await importFile(t, join(REAL, file))).created).toBe(0);
  });

  it('warns with the line of each value that moved to notes', async () => {
    const report = await importFile(t, join(REAL, 'vcard/radicale-davx5-android.vcf'));
    expect(report.warnings).toEqual([
      { line: 7, reason: 'Email: not a valid address; kept in notes' },
      { line: 11, reason: 'Phone: not a number Rapport can store as a phone; kept in notes' },
    ]);
    const report2 = await importFile(t, join(REAL, 'vcard/tine20-herr-falk-muenchen.vcf'));
    expect(report2.warnings.map((w) => w.line)).toEqual([6, 7, 12, 13]);
    expect(report2.warnings.every((w) => !w.reason.includes('Klippe'))).toBe(true);
  });
});

describe('encodings', () => {
  const thebat = join(REAL, 'vcard/roundcube-thebat-qp-no-charset.vcf');

  it('reads quoted-printable without a CHARSET by evidence, warns when unsure, and reads it again in the chosen encoding', async () => {
    const path = await pick(t, thebat);
    const guessed = await t.call('import.preview', { path });
    expect(guessed.sample.map((s) => s.name)).toEqual(['Piotr Iksiñski']);
    expect(guessed.warnings).toEqual([{ line: 3, reason: expect.stringContaining('Windows-1252') }]);
    const chosen = await t.call('import.preview', { path, encoding: 'windows-1250' });
    expect(chosen).toMatchObject({ encoding: 'windows-1250', encodingGuessed: false, warnings: [] });
    expect(chosen.sample.map((s) => s.name)).toEqual(['Piotr Iksiński']);
    await t.call('import.run', { path, duplicates: 'skip', encoding: 'windows-1250' });
    expect((await allContacts(t)).map((c) => c.displayName)).toEqual(['Piotr Iksiński']);
    // Quoted-printable UTF-8 without a CHARSET (Thunderbird) is UTF-8, no warning.
    const tb = await t.call('import.preview', { path: await pick(t, join(REAL, 'vcard/thunderbird-export-v21-lowercase.vcf')) });
    expect(tb.warnings.some((w) => /Windows-1252/.test(w.reason))).toBe(false);
  });

  it('honours CHARSET per value, and reads the rest of an 8-bit file by evidence', async () => {
    const file = join(t.dataDir, 'mixed.vcf');
    const latin1 = Buffer.from('N;CHARSET=ISO-8859-1:Ren\xe9;Zo\xeb\r\n', 'latin1');
    writeFileSync(file, Buffer.concat([Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\n'), latin1, Buffer.from('NOTE:Grüße\r\nEND:VCARD\r\n')]));
    const preview = await t.call('import.preview', { path: await pick(t, file) });
    expect(preview).toMatchObject({ encoding: 'windows-1252', encodingGuessed: true });
    await importFile(t, file);
    expect(await allContacts(t)).toMatchObject([{ firstName: 'Zoë', lastName: 'René', notes: 'Grüße' }]);
    // The corpus file that is windows-1252 throughout, as its CHARSET says.
    await importFile(t, join(REAL, 'vcard/roundcube-v21-charset-windows-1252.vcf'));
    expect((await allContacts(t)).map((c) => c.displayName)).toContain('John Doë');
  });

  it.each(['utf-16le', 'utf-16be'] as const)('detects %s without a byte order mark by its NUL bytes', async (encoding) => {
    const text = readFileSync(join(REAL, 'vcard/ezvcard-gmail-list.vcf'), 'utf8').replaceAll('Arnold', 'Arnöld');
    const le = Buffer.from(text, 'utf16le');
    const file = join(t.dataDir, `${encoding}.vcf`);
    writeFileSync(file, encoding === 'utf-16le' ? le : le.swap16());
    const preview = await t.call('import.preview', { path: await pick(t, file) });
    expect(preview).toMatchObject({ encoding, encodingGuessed: false });
    expect(preview.sample.map((s) => s.name)).toEqual(['Arnöld Smith', 'Chris Beatle', 'Doug White']);
    expect(await importFile(t, file)).toMatchObject({ created: 3, rejectedCount: 0 });
  });
});

describe('reading cards', () => {
  const cards = async (text: string) => {
    const out = [];
    for await (const item of vcardRecords((async function* () { yield text; })())) out.push(item);
    return out;
  };

  it('reads TYPE in every form, Apple labels, repeated NOTE/ORG/TITLE/URL, PO box and extended address, phone extensions', async () => {
    const [card] = await cards(
      [
        'BEGIN:VCARD', 'VERSION:3.0', 'N:Lovelace;Ada;;;', 'ORG:Analytical Engines;R&D', 'ORG:Royal Society', 'TITLE:Countess', 'TITLE:Mathematician',
        'TEL;TYPE=CELL:+44 1', 'TEL;TYPE=HOME,FAX:+44 2', 'TEL;TYPE=home;TYPE=fax:+44 3', 'TEL;CELL:+44 4', 'TEL;VALUE=uri:tel:+44-5;ext=102',
        'item1.TEL:+44 6', 'item1.X-ABLabel:_$!<Mobile>!$_', 'item2.EMAIL:ada@example.com', 'item2.X-ABLabel:Lab',
        'ADR;TYPE=WORK:PO Box 7;Floor 2;1 Main St;London;;N1;UK', 'URL:https://ada.example', 'URL:https://blog.example',
        'NOTE:First', 'NOTE:Second', 'END:VCARD',
      ].join('\r\n'),
    );
    expect(card!.built).toMatchObject({
      record: {
        companyName: 'Analytical Engines',
        jobTitle: 'Countess; Mathematician',
        phones: [
          { value: '+44 1', label: 'CELL' }, { value: '+44 2', label: 'HOME FAX' }, { value: '+44 3', label: 'home fax' }, { value: '+44 4', label: 'CELL' },
          { value: '+44-5 ext. 102' }, { value: '+44 6', label: 'Mobile' },
        ],
        emails: [{ value: 'ada@example.com', label: 'Lab' }],
        addresses: [{ label: 'WORK', street: 'PO Box 7\nFloor 2\n1 Main St', city: 'London', postcode: 'N1', country: 'UK' }],
        website: 'https://ada.example',
        notes: 'First\n\nSecond\n\nDepartment: R&D\nOrganisation: Royal Society\nWebsite: https://blog.example',
      },
    });
  });

  it('writes standard labels as TYPE lists and others as X-ABLabel, and reads them back as they were', async () => {
    const contact = {
      id: '', firstName: 'Ada', lastName: 'Lovelace', displayName: 'Ada Lovelace', companyName: null, companyId: null, jobTitle: null, website: null, birthday: null,
      emails: [{ value: 'ada@example.com', label: 'work' }], addresses: [], tags: [], notes: null, kind: 'customer', leadSource: null, emailOptIn: false,
      phones: [{ value: '+44 1', label: 'HOME FAX' }, { value: '+44 2', label: 'Lab bench' }, { value: '+44 3', label: 'Mobile' }],
      lastContactedAt: null, nextTaskDueAt: null, createdAt: '', updatedAt: '', deletedAt: null, custom: {},
    } satisfies Contact;
    const text = contactToVcard(contact, '3.0');
    expect(text).toContain('TEL;TYPE=HOME,FAX:+44 1\r\n');
    expect(text).toContain('EMAIL;TYPE=work:ada@example.com\r\n');
    expect(text).toContain('item1.TEL:+44 2\r\nitem1.X-ABLabel:Lab bench\r\n');
    expect(text).toContain('item2.X-ABLabel:Mobile\r\n');
    const [card] = await cards(text);
    expect(card!.built).toMatchObject({ record: { phones: contact.phones, emails: contact.emails } });
  });

  it('keeps a card whose line cannot be read, naming the line; nested AGENT cards stay inside their card', async () => {
    const [card, ...rest] = await cards('BEGIN:VCARD\nVERSION:2.1\nN:Doe;Jane\nAGENT:\nBEGIN:VCARD\nN:Assistant;Al\nEND:VCARD\nthis line has no colon\nEMAIL:jane@example.com\nEND:VCARD\n');
    expect(rest).toEqual([]);
    expect(card).toMatchObject({ name: 'Jane Doe', warnings: [{ line: 8, reason: 'Line: could not be read and was skipped' }] });
    expect(card!.built).toMatchObject({ record: { emails: [{ value: 'jane@example.com' }] } });
  });

  it('reads a 2 MB folded photo in well under a second, without keeping it', async () => {
    const base64 = 'QUJD'.repeat(512 * 1024); // 2 MB
    const folded = base64.match(/.{1,74}/g)!.join('\r\n ');
    for (const photo of [folded, base64]) {
      const text = `BEGIN:VCARD\r\nVERSION:3.0\r\nN:Big;Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:${photo}\r\nEMAIL:big@example.com\r\nEND:VCARD\r\n`;
      // Fed in 64K chunks, as the file stream does.
      const chunks = (async function* () {
        for (let i = 0; i < text.length; i += 65536) yield text.slice(i, i + 65536);
      })();
      const started = performance.now();
      const out = [];
      for await (const item of vcardRecords(chunks)) out.push(item);
      expect(performance.now() - started).toBeLessThan(500);
      expect(out).toMatchObject([{ name: 'Photo Big', built: { record: { emails: [{ value: 'big@example.com' }], notes: null } } }]);
    }
  });
});
