// vCard import of real-shaped files: 2.1 (quoted-printable, CHARSET, bare types), Apple's 3.0 (itemN groups
// with X-ABLabel, BDAY without a year, a photo that is dropped), 4.0 (tel: URIs); several cards per file; and
// RFC 6350 folding never splitting a UTF-8 character.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldLine } from '../../electron/core/import-export/vcard';
import { openTestCore, type TestCore } from '../helpers/core';
import { allContacts, fixture, importFile, pick } from './import-export-helpers';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

const byName = async (name: string) => (await allContacts(t)).find((c) => c.displayName === name);

describe('vCard import', () => {
  it('reads 2.1 with quoted-printable, charsets and bare types', async () => {
    const preview = await t.call('import.preview', { path: await pick(t, fixture('vcard-21.vcf')) });
    expect(preview).toMatchObject({ format: 'vcard', dialect: 'vcard' });
    expect(preview.sample.map((s) => s.name)).toEqual(['Jürgen Müller', 'Anna Smith']);
    const report = await importFile(t, fixture('vcard-21.vcf'));
    expect(report).toMatchObject({ created: 2, rejectedCount: 0 });
    expect(await byName('Jürgen Müller')).toMatchObject({
      phones: [{ value: '+49 170 1234567', label: 'CELL' }, { value: '030 1234567', label: 'HOME' }],
      emails: [{ value: 'juergen@example.de' }],
      notes: 'Erste Zeile\r\nZweite Zeile mit einem sehr langen Text der umbrochen wird',
      addresses: [{ label: 'HOME', street: 'Straße 1', city: 'Berlin', postcode: '10115', country: 'Deutschland' }],
      birthday: '1980-01-31',
    });
    expect(await byName('Anna Smith')).toMatchObject({ phones: [{ value: '+44 161 496 0000', label: 'WORK' }] });
  });

  it("reads Apple's 3.0: itemN labels, BDAY --MMDD, categories, escaped text; drops the photo", async () => {
    const report = await importFile(t, fixture('vcard-30-apple.vcf'));
    expect(report).toMatchObject({ created: 2, rejectedCount: 0 });
    expect(await byName('Johnny Appleseed')).toMatchObject({
      companyName: 'Apple Inc.',
      jobTitle: 'Orchardist',
      emails: [{ value: 'johnny@apple.example', label: 'Other' }],
      phones: [{ value: '+1 408 555 0101', label: 'Orchard phone' }, { value: '+1 408 555 0102', label: 'CELL' }],
      addresses: [{ label: 'Home', street: '1 Infinite Loop', city: 'Cupertino', region: 'CA', postcode: '95014', country: 'USA' }],
      birthday: '--09-26',
      notes: 'Plants trees, lots of them.\nSecond line',
      tags: ['Farmers', 'Friends'],
      website: 'https://apple.example/johnny',
    });
    // A card with only an organisation is that company's contact.
    expect(await byName('Orchard Co-op')).toMatchObject({ firstName: null, lastName: null, companyName: 'Orchard Co-op' });
  });

  it('reads 4.0 with tel: URIs and quoted type lists', async () => {
    await importFile(t, fixture('vcard-40.vcf'));
    expect(await byName('Hedy Lamarr')).toMatchObject({
      emails: [{ value: 'hedy@inventions.example', label: 'work' }],
      phones: [{ value: '+1-310-555-0123', label: 'cell' }],
      birthday: '1914-11-09',
    });
  });

  // Issue #15 item 2 changed this test: a bad email used to reject its card, and a card cut short was rejected.
  it('keeps a card with a bad value (in notes, warned by line) and a card cut short; re-import creates nothing', async () => {
    const file = join(t.dataDir, 'broken.vcf');
    writeFileSync(file, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Good One\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bad Mail\r\nEMAIL:nope\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Good Two\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Never Ends\r\n');
    const report = await importFile(t, file);
    expect(report).toMatchObject({ created: 4, rejectedCount: 0 });
    expect(report.warnings).toEqual([
      { line: 8, reason: 'Email: not a valid address; kept in notes' },
      { line: 14, reason: 'Card: no END:VCARD; read up to where it stops' },
    ]);
    expect(await byName('Bad Mail')).toMatchObject({ emails: [], notes: 'Email: nope' });
    expect(await importFile(t, file)).toMatchObject({ created: 0, skipped: 4 });
  });
});

describe('folding', () => {
  it('folds at 75 octets without splitting a character', () => {
    const folded = foldLine(`NOTE:${'é'.repeat(100)}`);
    const lines = folded.split('\r\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(`NOTE:${'é'.repeat(100)}`);
  });
});
