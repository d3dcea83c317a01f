// Outlook and Google CSV exports read back with csv-parse, columns found by header name (issue #15 item 7):
// each phone in the Outlook column its label names, phones beyond the columns kept in Other Phone or Notes,
// tags in Outlook.com's Categories, and `+44…` numbers written bare in phone columns (no apostrophe for an
// importer to keep) while anything that could be a formula is still guarded.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OUTLOOK_COM, OUTLOOK_DESKTOP } from '../../electron/core/import-export/headers';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

/** Every row as { header name: cell }, read the way any CSV reader would. */
function readBack(path: string): { header: string[]; rows: Record<string, string>[] } {
  const records = parse(readFileSync(path, 'utf8'), { bom: true, relax_column_count: false }) as string[][];
  const [header, ...rest] = records;
  return { header: header!, rows: rest.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? '']))) };
}

const phones = [
  { value: '+44 20 7946 0001', label: 'Work' },
  { value: '+44 20 7946 0002', label: 'Work' },
  { value: '+44 7700 900003', label: 'Mobile' },
  { value: '+44 20 7946 0004', label: 'Home' },
  { value: '+44 20 7946 0005', label: 'Home' },
  { value: '+44 7700 900006', label: 'Car' },
  { value: '+44 20 7946 0007', label: 'Assistant' },
  { value: '+44 20 7946 0008', label: 'Pager' },
  { value: '+44 20 7946 0009', label: 'Work fax' },
  { value: '+44 20 7946 0010', label: 'Home fax' },
  { value: '+44 20 7946 0011', label: 'Company main' },
  { value: '+44 20 7946 0012', label: 'ISDN' },
  { value: '+44 20 7946 0013', label: 'Other' },
  { value: '+44 7700 900014', label: 'Mobile' }, // a second mobile: Outlook has one Mobile column
  { value: '+44 20 7946 0015', label: 'Boat' }, // no column of its own, Other Phone is taken: Notes
];

async function seed() {
  await t.call('contacts.create', { firstName: 'Ada', lastName: 'Lovelace', phones, notes: 'Met at the Royal Society', tags: ['VIP', 'Clients'] });
  await t.call('contacts.create', { firstName: 'Eve', lastName: 'Formula', phones: [{ value: '+1+1', label: 'Mobile' }, { value: '-1+1', label: 'Work' }] });
}

describe('Outlook CSV phones', () => {
  it('puts each phone in the column its label names, and keeps the ones with no column in Other Phone or Notes', async () => {
    await seed();
    const out = await t.call('export.contacts', { format: 'csv', preset: 'outlook' });
    const { header, rows } = readBack(out.path!);
    expect(header).toEqual([...OUTLOOK_DESKTOP]);
    const ada = rows.find((r) => r['First Name'] === 'Ada')!;
    expect({
      'Business Phone': ada['Business Phone'],
      'Business Phone 2': ada['Business Phone 2'],
      'Mobile Phone': ada['Mobile Phone'],
      'Home Phone': ada['Home Phone'],
      'Home Phone 2': ada['Home Phone 2'],
      'Car Phone': ada['Car Phone'],
      "Assistant's Phone": ada["Assistant's Phone"],
      Pager: ada.Pager,
      'Business Fax': ada['Business Fax'],
      'Home Fax': ada['Home Fax'],
      'Company Main Phone': ada['Company Main Phone'],
      ISDN: ada.ISDN,
      'Other Phone': ada['Other Phone'],
    }).toEqual({
      'Business Phone': '+44 20 7946 0001',
      'Business Phone 2': '+44 20 7946 0002',
      'Mobile Phone': '+44 7700 900003',
      'Home Phone': '+44 20 7946 0004',
      'Home Phone 2': '+44 20 7946 0005',
      'Car Phone': '+44 7700 900006',
      "Assistant's Phone": '+44 20 7946 0007',
      Pager: '+44 20 7946 0008',
      'Business Fax': '+44 20 7946 0009',
      'Home Fax': '+44 20 7946 0010',
      'Company Main Phone': '+44 20 7946 0011',
      ISDN: '+44 20 7946 0012',
      'Other Phone': '+44 20 7946 0013',
    });
    // Never lost: the phones with no free column are in Notes, after the contact's own notes.
    expect(ada.Notes).toBe('Met at the Royal Society\nOther phones: Mobile: +44 7700 900014; Boat: +44 20 7946 0015');
    const written = Object.values(ada).join('\n');
    for (const p of phones) expect(written, p.value).toContain(p.value);
    expect(ada.Categories).toBe('VIP;Clients');
  });

  it('still guards anything in a phone column that a spreadsheet could run', async () => {
    await seed();
    const out = await t.call('export.contacts', { format: 'csv', preset: 'outlook' });
    const eve = readBack(out.path!).rows.find((r) => r['First Name'] === 'Eve')!;
    // Phone values hold only digits, spaces and + ( ) - . (contacts refuse more); a second `+` or a leading `-`
    // is still an expression, so those keep the apostrophe.
    expect(eve['Mobile Phone']).toBe("'+1+1");
    expect(eve['Business Phone']).toBe("'-1+1");
  });

  it('fits Outlook.com: its exact header, only its own phone columns, with tags in Notes', async () => {
    await seed();
    const out = await t.call('export.contacts', { format: 'csv', preset: 'outlook-com' });
    const { header, rows } = readBack(out.path!);
    expect(header).not.toContain('ISDN');
    expect(header).toEqual([...OUTLOOK_COM]);
    const ada = rows.find((r) => r['First Name'] === 'Ada')!;
    expect(ada['Car Phone']).toBe('+44 7700 900006');
    // Outlook.com has no ISDN column: that number takes Other Phone, and what comes after is kept in Notes.
    expect(ada['Other Phone']).toBe('+44 20 7946 0012');
    expect(ada.Notes).toBe('Met at the Royal Society\nOther phones: Other: +44 20 7946 0013; Mobile: +44 7700 900014; Boat: +44 20 7946 0015\nCategories: VIP; Clients');
  });
});

describe('Google CSV phones', () => {
  it('writes +44 numbers bare in Phone N - Value, guards formulas, and keeps the apostrophe in Rapport CSV', async () => {
    await seed();
    const google = readBack((await t.call('export.contacts', { format: 'csv', preset: 'google' })).path!);
    const ada = google.rows.find((r) => r['First Name'] === 'Ada')!;
    expect(ada['Phone 1 - Value']).toBe('+44 20 7946 0001');
    expect(ada['Phone 15 - Value']).toBe('+44 20 7946 0015');
    const eve = google.rows.find((r) => r['First Name'] === 'Eve')!;
    expect(eve['Phone 1 - Value']).toBe("'+1+1");
    // Rapport's own CSV is for spreadsheets and Rapport: the guard stays (Rapport removes it on import).
    const own = readFileSync((await t.call('export.contacts', { format: 'csv' })).path!, 'utf8');
    expect(own).toContain("'+44 20 7946 0001");
  });
});
