// Who is "the same person" on import (issue #15 item 4): a shared phone or company never merges people whose names
// differ; the report names each skipped and updated row with the contact and the keys; import.check shows an
// update's changes before anything is written. Real files from tests/fixtures/real/ where one exercises the case.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { allContacts, importFile, pick } from './import-export-helpers';

const REAL = join(import.meta.dirname, '..', 'fixtures', 'real', 'csv');
let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

let files = 0;
function csv(...lines: string[]): string {
  const file = join(t.dataDir, `matching-${++files}.csv`);
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}
const names = async () => (await allContacts(t)).map((c) => c.displayName).sort();

const switchboard = () =>
  csv(
    'First Name,Last Name,Company,Business Phone,E-mail Address',
    'Ann,Archer,Harbour Freight Ltd,+44 20 7946 0000,ann@harbour.example',
    'Bob,Baker,Harbour Freight Ltd,+44 20 7946 0000,',
    'Cat,Cole,Harbour Freight Ltd,020 7946 0000,',
  );

describe('never merge two different people', () => {
  it('a switchboard: three colleagues sharing one number are three contacts, under every policy', async () => {
    for (const policy of ['skip', 'update'] as const) {
      const report = await importFile(t, switchboard(), policy);
      expect(report, policy).toMatchObject({ created: 3, updated: 0, skipped: 0 });
      expect(await names()).toEqual(['Ann Archer', 'Bob Baker', 'Cat Cole']);
      for (const c of await allContacts(t)) await t.call('contacts.delete', { id: c.id });
    }
    // Against contacts already here: the receptionist owns the number, nobody is renamed or skipped.
    const company = await t.call('companies.create', { name: 'Harbour Freight Ltd' });
    const reception = await t.call('contacts.create', { firstName: 'Rita', lastName: 'Reception', companyId: company.id, phones: [{ value: '+44 20 7946 0000' }] });
    const report = await importFile(t, switchboard(), 'update');
    expect(report).toMatchObject({ created: 3, updated: 0, skipped: 0, matched: [] });
    expect(await t.call('contacts.get', { id: reception.id })).toMatchObject({ firstName: 'Rita', lastName: 'Reception', updatedAt: reception.updatedAt });
    // Re-importing now matches each colleague to themself, by email or by the same name at the same number.
    const again = await importFile(t, switchboard(), 'update');
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 3 });
    const byName = new Map((await allContacts(t)).map((c) => [c.displayName, c.id]));
    expect(again.matched.map((m) => [m.line, m.contactName, m.contactId])).toEqual([
      [2, 'Ann Archer', byName.get('Ann Archer')],
      [3, 'Bob Baker', byName.get('Bob Baker')],
      [4, 'Cat Cole', byName.get('Cat Cole')],
    ]);
    expect(again.matched[0]!.matchedOn).toEqual(['email', 'phone', 'name', 'company']);
  });

  it('the real switchboard file (Tine 2.0): two colleagues at one work number stay two, also re-imported with "update"', async () => {
    const file = join(REAL, 'tine20-switchboard-colleagues.csv');
    expect(await importFile(t, file, 'update')).toMatchObject({ created: 2, updated: 0, skipped: 0 });
    expect(await importFile(t, file, 'update')).toMatchObject({ created: 0, updated: 0, skipped: 2 });
    expect(await names()).toEqual(['Hans Fritz', 'Jörg Heinz']);
  });

  it('a family landline: two people, one number, one surname, different first names are two contacts', async () => {
    const file = csv('First Name,Last Name,Home Phone', 'Anna,Meier,030 1234567', 'Peter,Meier,030 1234567');
    expect(await importFile(t, file, 'update')).toMatchObject({ created: 2, updated: 0, skipped: 0 });
    expect(await names()).toEqual(['Anna Meier', 'Peter Meier']);
    const again = await importFile(t, file, 'update');
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 2 });
    expect(again.matched.map((m) => m.contactName)).toEqual(['Anna Meier', 'Peter Meier']);
  });

  it('a shared email under a conflicting name, or the same name and company with other emails, is another person', async () => {
    const acme = await t.call('companies.create', { name: 'Acme' });
    const someone = await t.call('contacts.create', { firstName: 'Someone', lastName: 'Else', emails: [{ value: 'info@acme.example' }] });
    const sam = await t.call('contacts.create', { firstName: 'Sam', lastName: 'Jones', companyId: acme.id, emails: [{ value: 'sam@acme.example' }] });
    const file = csv('First Name,Last Name,Company,E-mail Address', 'Ada,Lovelace,,INFO@acme.example', 'Sam,Jones,ACME,sam.jones@other.example');
    expect(await importFile(t, file, 'update')).toMatchObject({ created: 2, updated: 0, skipped: 0 });
    expect(await t.call('contacts.get', { id: someone.id })).toMatchObject({ firstName: 'Someone', updatedAt: someone.updatedAt });
    expect(await t.call('contacts.get', { id: sam.id })).toMatchObject({ emails: [{ value: 'sam@acme.example' }], updatedAt: sam.updatedAt });
  });

  it('the same person with a new email (same name, same phone) is recognised, and "update" adds the email', async () => {
    const jane = await t.call('contacts.create', { firstName: 'Jane', lastName: 'Doe', emails: [{ value: 'jane@old.example' }], phones: [{ value: '+44 7700 900123' }] });
    const file = csv('First Name,Last Name,E-mail Address,Mobile Phone', 'jane,DOE,jane@new.example,+44 (0)7700 900 123');
    const check = await t.call('import.check', { path: await pick(t, file), duplicates: 'update' });
    expect(check).toMatchObject({ rows: 1, created: 0, updated: 1, skipped: 0 });
    expect(check.matched[0]).toMatchObject({ line: 2, action: 'updated', contactId: jane.id, contactName: 'Jane Doe', matchedOn: ['phone', 'name'] });
    expect(check.matched[0]!.changes).toContainEqual({ field: 'emails', before: 'jane@old.example', after: 'jane@old.example; jane@new.example' });
    // The check wrote nothing.
    expect(await t.call('contacts.get', { id: jane.id })).toMatchObject({ emails: [{ value: 'jane@old.example' }], updatedAt: jane.updatedAt });
    expect((await t.call('imports.list', {})).items).toHaveLength(0);

    const report = await importFile(t, file, 'update');
    expect(report).toMatchObject({ created: 0, updated: 1, skipped: 0 });
    expect(report.matched[0]).toEqual(check.matched[0]);
    expect((await t.call('contacts.get', { id: jane.id })).emails.map((e) => e.value)).toEqual(['jane@old.example', 'jane@new.example']);
    expect(await allContacts(t)).toHaveLength(1);
  });

  it('within one file: the same person twice is one contact; two people at one number are two', async () => {
    const file = csv(
      'First Name,Last Name,E-mail Address,Mobile Phone',
      'Jane,Doe,jane@old.example,07700 900123',
      'Jane,Doe,jane@new.example,07700 900123',
      'John,Doe,,07700 900123',
    );
    const check = await t.call('import.check', { path: await pick(t, file), duplicates: 'update' });
    expect(check).toMatchObject({ created: 2, updated: 1, skipped: 0 });
    expect(check.matched[0]).toMatchObject({ line: 3, action: 'updated', contactId: '', fileLine: 2, contactName: 'Jane Doe', matchedOn: ['phone', 'name'] });
    const skip = await importFile(t, file, 'skip');
    expect(skip).toMatchObject({ created: 2, skipped: 1 });
    expect(skip.matched).toMatchObject([{ line: 3, action: 'skipped', contactName: 'Jane Doe', matchedOn: ['phone', 'name'] }]);
    expect(await names()).toEqual(['Jane Doe', 'John Doe']);
  });

  it('company-only records match by company name, so re-importing them creates nothing', async () => {
    const file = csv('Company,Business Phone,E-mail Address', 'Blue Bakery,,', 'Green Grocers,01632 960001,', 'Green Grocers,01632 960999,shop@green.example');
    const first = await importFile(t, file, 'skip');
    // The second Green Grocers has another number: a second branch, not the first one again.
    expect(first).toMatchObject({ created: 3, skipped: 0 });
    const again = await importFile(t, file, 'update');
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 3 });
    expect(again.matched.map((m) => m.matchedOn)).toEqual([['company'], ['phone', 'company'], ['email', 'phone', 'company']]);
    expect((await t.call('companies.list', {})).total).toBe(2);
    // A company row with news updates the company-only contact, never a person who works there.
    const person = await t.call('contacts.create', { firstName: 'Bea', lastName: 'Baker', companyId: (await t.call('companies.list', {})).items.find((c) => c.name === 'Blue Bakery')!.id });
    const news = await importFile(t, csv('Company,Web Page', 'BLUE BAKERY,https://blue.example'), 'update');
    expect(news).toMatchObject({ created: 0, updated: 1 });
    expect(news.matched[0]).toMatchObject({ contactName: 'Blue Bakery', matchedOn: ['company'], changes: [{ field: 'website', before: '', after: 'https://blue.example' }] });
    expect(await t.call('contacts.get', { id: person.id })).toMatchObject({ website: null, updatedAt: person.updatedAt });
  });

  it('a real file with namesakes at one number (LX-Office): six records stay six, and a re-import creates nothing', async () => {
    const file = join(REAL, 'tine20-lxoffice-customers-contactperson.csv');
    expect(await importFile(t, file, 'skip')).toMatchObject({ created: 6, skipped: 0 });
    const again = await importFile(t, file, 'update');
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 6 });
    // The two "Nitsch" rows (same phone, different city) each match their own contact.
    const nitsch = again.matched.filter((m) => m.contactName === 'Nitsch');
    expect(new Set(nitsch.map((m) => m.contactId)).size).toBe(2);
  });
});

describe('what an update keeps', () => {
  it("adds the file's notes below the contact's own, once, and never writes over them", async () => {
    const ann = await t.call('contacts.create', { firstName: 'Ann', lastName: 'Archer', emails: [{ value: 'ann@harbour.example' }], notes: 'Gate code 4411' });
    const file = csv('First Name,Last Name,E-mail Address,Notes', 'Ann,Archer,ann@harbour.example,Met at the trade fair');
    expect(await importFile(t, file, 'update')).toMatchObject({ updated: 1 });
    expect((await t.call('contacts.get', { id: ann.id })).notes).toBe('Gate code 4411\n\nMet at the trade fair');
    // The same file again adds nothing: the notes already say it.
    expect(await importFile(t, file, 'update')).toMatchObject({ updated: 0, skipped: 1 });
    expect((await t.call('contacts.get', { id: ann.id })).notes).toBe('Gate code 4411\n\nMet at the trade fair');
  });
});

describe('the index at scale', () => {
  it('a key shared by more than 64 contacts stops matching, and two different keys never match', async () => {
    // 70 people on one switchboard number; then the first and the last again, each with a new email (so neither is an
    // identical record): rule 2 (same phone, same name) finds the first, but searches only the first 64 holders.
    const lines = ['First Name,Last Name,Business Phone,E-mail Address'];
    for (let i = 0; i < 70; i++) lines.push(`Person${i},Staff,+44 20 7946 0000,`);
    expect(await importFile(t, csv(...lines), 'skip')).toMatchObject({ created: 70 });
    const again = csv(lines[0]!, 'Person0,Staff,+44 20 7946 0000,p0@new.example', 'Person69,Staff,+44 20 7946 0000,p69@new.example');
    expect(await importFile(t, again, 'skip')).toMatchObject({ created: 1, skipped: 1 });
  });
});

describe('the report and the check', () => {
  it('names every skipped and updated row with the contact it matched and why, and the check agrees with the run', async () => {
    const ada = await t.call('contacts.create', { firstName: 'Ada', lastName: 'Lovelace', emails: [{ value: 'ada@engines.example' }] });
    const file = csv(
      'First Name,Last Name,E-mail Address,Job Title',
      'Ada,Lovelace,ADA@engines.example,',
      'Ada,Lovelace,ada@engines.example,Engineer',
      'Grace,Hopper,grace@navy.example,',
    );
    const path = await pick(t, file);
    const checkSkip = await t.call('import.check', { path, duplicates: 'skip' });
    expect(checkSkip).toMatchObject({ rows: 3, created: 1, updated: 0, skipped: 2 });
    const check = await t.call('import.check', { path, duplicates: 'update' });
    expect(check).toMatchObject({ rows: 3, created: 1, updated: 1, skipped: 1 });
    expect(check.matched).toEqual([
      { line: 2, action: 'skipped', contactId: ada.id, contactName: 'Ada Lovelace', matchedOn: ['email', 'name'], changes: [] },
      { line: 3, action: 'updated', contactId: ada.id, contactName: 'Ada Lovelace', matchedOn: ['email', 'name'], changes: [{ field: 'jobTitle', before: '', after: 'Engineer' }] },
    ]);
    const report = await t.call('import.run', { path, duplicates: 'update' });
    expect(report).toMatchObject({ created: 1, updated: 1, skipped: 1, matched: check.matched });
    expect((await t.call('import.check', { path, duplicates: 'create' })).created).toBe(3);
  });
});
