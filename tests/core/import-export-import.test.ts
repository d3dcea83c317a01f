// CSV import through the real core: every dialect's header mapped by name, encodings and delimiters sniffed,
// malformed rows reported by line without harming their neighbours, duplicates, idempotent re-import, undo.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../electron/core/app';
import { openSqlite } from '../../electron/db/connection';
import { openTestCore, type TestCore } from '../helpers/core';
import { allContacts, fixture, importFile, pick } from './import-export-helpers';

/** The importer's rows per transaction (electron/core/import-export/importer.ts). */
const BATCH = 500;
let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.destroy());

const byName = async (name: string) => (await allContacts(t)).find((c) => c.displayName === name);

describe('preview', () => {
  it('recognises each dialect from its header and maps columns by name', async () => {
    const expected: Record<string, string> = {
      'google.csv': 'google',
      'google-legacy.csv': 'google-legacy',
      'google-outlook.csv': 'google-outlook',
      'outlook.csv': 'outlook',
      'outlook-com.csv': 'outlook-com',
      'malformed.csv': 'generic',
    };
    for (const [file, dialect] of Object.entries(expected)) {
      const preview = await t.call('import.preview', { path: await pick(t, fixture(file)) });
      expect(preview.dialect, file).toBe(dialect);
      expect(preview.format).toBe('csv');
    }
    const google = await t.call('import.preview', { path: await pick(t, fixture('google.csv')) });
    expect(google.encoding).toBe('utf-8');
    expect(google.columns[0]).toBe('First Name'); // the BOM is not part of the first header
    expect(google.mapping.find((m) => m.column === 'E-mail 2 - Value')).toMatchObject({ target: 'email', group: 'email:2' });
    expect(google.mapping.find((m) => m.column === 'Phonetic First Name')?.target).toBeNull();
    expect(google.sample).toHaveLength(3);
    expect(google.sample[0]!.name).toBe('Ada King Lovelace');
  });

  it('sniffs Windows-1252 with semicolons and UTF-16 with a BOM and tabs', async () => {
    const excel = await t.call('import.preview', { path: await pick(t, fixture('excel-semicolon-1252.csv')) });
    expect(excel).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(excel.sample[0]!.cells).toEqual(['Jürgen', 'Müller', 'juergen@example.de', 'Bäckerei Groß']);
    const utf16 = await t.call('import.preview', { path: await pick(t, fixture('utf16-tab.csv')) });
    expect(utf16).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(utf16.sample[0]!.cells).toEqual(['Søren', 'Kierkegaard', 'soren@example.dk']);
  });

  it('lists per-row problems of the first rows', async () => {
    const preview = await t.call('import.preview', { path: await pick(t, fixture('malformed.csv')) });
    // Issue #15: a bad email (line 3), an extra cell (4) and a short row (5) no longer cost the row.
    expect(preview.problems.map((p) => p.line)).toEqual([7, 11]);
    expect(preview.warnings.map((p) => p.line)).toEqual([3, 4]);
  });

  it('only reads a file the user picked', async () => {
    const error = await t.fail('import.preview', { path: fixture('google.csv') });
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path' }] });
    const run = await t.fail('import.run', { path: fixture('google.csv'), duplicates: 'skip' });
    expect(run.code).toBe('VALIDATION');
  });
});

describe('run', () => {
  it('imports a Google CSV with every field, links or creates companies, and reports', async () => {
    const report = await importFile(t, fixture('google.csv'));
    expect(report).toMatchObject({ status: 'done', created: 3, updated: 0, skipped: 0, rejectedCount: 0 });
    const ada = (await byName('Ada King Lovelace'))!;
    expect(ada).toMatchObject({
      firstName: 'Ada King',
      lastName: 'Lovelace',
      companyName: 'Analytical Engines Ltd',
      jobTitle: 'Engineer',
      birthday: '1815-12-10',
      notes: 'Met at the "Difference" expo,\nlikes poetry',
      tags: ['Clients', 'VIP'],
      website: 'https://ada.example.com',
    });
    expect(ada.emails).toEqual([
      { value: 'ada@engines.example', label: 'Work' },
      { value: 'ada.home@example.com', label: 'Home' },
      { value: 'ada.other@example.com', label: 'Home' },
    ]);
    expect(ada.phones).toEqual([{ value: '+44 7700 900123', label: 'Mobile' }]);
    expect(ada.addresses).toEqual([{ label: 'Home', street: "12 St James's Square", city: 'London', postcode: 'SW1Y 4JH', country: 'UK' }]);
    expect((await byName('Grace Hopper'))!.birthday).toBe('--12-09');
    expect((await byName('Émile Zoë 😀'))!.tags).toEqual(['starred']);
    const companies = await t.call('companies.list', {});
    expect(companies.items.map((c) => c.name).sort()).toEqual(['Analytical Engines Ltd', 'Café Ünïcode']);
    const progress = t.events.filter((e) => e.name === 'import.progress');
    expect(progress.at(-1)?.payload).toMatchObject({ importId: report.importId, done: true, created: 3 });
  });

  it('imports Google legacy, Google-as-Outlook, Outlook desktop and Outlook.com files by header name', async () => {
    await importFile(t, fixture('google-legacy.csv'));
    expect(await byName('Alan Turing')).toMatchObject({ companyName: 'Bletchley Park', jobTitle: 'Cryptanalyst', tags: ['Friends'], birthday: '1912-06-23', emails: [{ value: 'alan@bletchley.example', label: 'Home' }] });
    await importFile(t, fixture('google-outlook.csv'));
    expect(await byName('Linus Torvalds')).toMatchObject({
      companyName: 'Kernel Org',
      jobTitle: 'Maintainer',
      tags: ['myContacts', 'Open Source'].filter((tag) => tag !== 'myContacts'),
      phones: [{ value: '+1 503 555 0100', label: 'Mobile' }],
      addresses: [{ label: 'Home', street: '1 Penguin Way', city: 'Portland', region: 'OR', postcode: '97201', country: 'USA' }],
    });
    await importFile(t, fixture('outlook.csv'));
    expect(await byName('Margaret Hamilton')).toMatchObject({
      companyName: 'Apollo Software',
      birthday: '1936-08-17',
      tags: ['Clients', 'Space'],
      emails: [{ value: 'margaret@apollo.example' }],
      addresses: [{ label: 'Work', street: '1 Launch Pad\nBuilding 4', city: 'Cambridge', region: 'MA', postcode: '02139', country: 'United States' }],
      website: 'https://apollo.example',
    });
    expect((await byName('Margaret Hamilton'))!.phones.map((p) => p.label).sort()).toEqual(['Mobile', 'Work']);
    expect((await byName('Katherine Johnson'))!.birthday).toBeNull(); // Outlook's 0/0/00
    await importFile(t, fixture('outlook-com.csv'));
    expect(await byName('Tim Berners-Lee')).toMatchObject({ birthday: '1955-06-08', emails: [{ value: 'tim@w3.example' }, { value: 'tbl@home.example' }], companyName: 'W3 Consortium' });
  });

  it('rejects malformed rows with their line and reason, and keeps every good row around them', async () => {
    const report = await importFile(t, fixture('malformed.csv'));
    // Issue #15 changed lines 3-5: a bad value goes to notes with a warning, a short row is padded, an extra
    // cell is kept in notes; only what cannot be read, or has nothing to show a person by, is rejected.
    expect(report.created).toBe(6);
    expect(report.rejected).toEqual([
      { line: 7, reason: 'Unclosed quote: lines 7–9 could not be read' },
      { line: 11, reason: 'Enter a first name, a last name or a company' },
    ]);
    expect(report.warnings).toEqual([
      { line: 3, reason: 'Email: not a valid email address; kept in notes' },
      { line: 4, reason: 'Row: 1 more cell than the header has columns; kept in notes' },
    ]);
    expect((await allContacts(t)).map((c) => c.displayName).sort()).toEqual(['Bad Email', 'Good One', 'Good Three', 'Good Two', 'Too Many', 'Too few']);
  });

  it('a second import of the same file creates nothing (skip and update alike)', async () => {
    await importFile(t, fixture('google.csv'));
    const again = await importFile(t, fixture('google.csv'));
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 3 });
    const update = await importFile(t, fixture('google.csv'), 'update');
    expect(update).toMatchObject({ created: 0, updated: 0, skipped: 3 });
    expect(await allContacts(t)).toHaveLength(3);
    const companies = await t.call('companies.list', {});
    expect(companies.total).toBe(2);
  });

  it('matches duplicates by email case-folded, by phone normalised, and by name + company', async () => {
    // (Issue #15: an email or phone only counts when the names do not conflict, so these contacts carry a name that
    // agrees with the file's: "Ada" for Ada Lovelace, and the same full name, in other capitals, for the phone match.)
    const existing = await t.call('contacts.create', { firstName: 'Ada', emails: [{ value: 'ADA@Engines.Example' }] });
    const byPhone = await t.call('contacts.create', { firstName: 'GRACE', lastName: 'hopper', phones: [{ value: '555 010 1234' }] });
    const byNameAndCompany = await t.call('contacts.create', { firstName: 'Sam', lastName: 'Jones', companyId: (await t.call('companies.create', { name: 'Acme' })).id });
    const file = join(t.dataDir, 'dupes.csv');
    writeFileSync(file, 'First Name,Last Name,Email,Phone,Company,Tags\r\nAda,Lovelace,ada@engines.example,,,New\r\nGrace,Hopper,,(555) 010-1234,,\r\nsam,JONES,,,ACME,Again\r\nFresh,Person,fresh@example.com,,,\r\nSam,Jones,,,Other Co,\r\n');
    const report = await importFile(t, file, 'update');
    expect(report).toMatchObject({ created: 2, updated: 3, skipped: 0 });
    expect(await t.call('contacts.get', { id: existing.id })).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', tags: ['New'] });
    expect(await t.call('contacts.get', { id: byNameAndCompany.id })).toMatchObject({ firstName: 'sam', lastName: 'JONES', companyName: 'Acme', tags: ['Again'] });
    expect(await t.call('contacts.get', { id: byPhone.id })).toMatchObject({ firstName: 'Grace', lastName: 'Hopper' });

    const create = await importFile(t, file, 'create');
    expect(create.created).toBe(5);
  });

  it('follows a changed mapping: a column retargeted, another ignored', async () => {
    const path = await pick(t, fixture('google.csv'));
    const preview = await t.call('import.preview', { path });
    const mapping = preview.mapping.map((m) =>
      m.column === 'Organization Title' ? { ...m, target: 'notes' as const } : m.column === 'E-mail 2 - Value' ? { ...m, target: null } : m,
    );
    await t.call('import.run', { path, mapping, duplicates: 'skip' });
    const ada = (await byName('Ada King Lovelace'))!;
    expect(ada.jobTitle).toBeNull();
    expect(ada.notes).toContain('Engineer');
    expect(ada.emails.map((e) => e.value)).toEqual(['ada@engines.example']);
  });
});

describe('undo', () => {
  it('removes what an import created and restores what it updated, once', async () => {
    // (Issue #15: the same email under a different name is another person, so the contact's name agrees: "Grace".)
    const before = await t.call('contacts.create', { firstName: 'Grace', emails: [{ value: 'grace@navy.example' }], tags: ['Keep'] });
    const report = await importFile(t, fixture('google.csv'), 'update');
    expect(report).toMatchObject({ created: 2, updated: 1 });
    expect(await t.call('contacts.get', { id: before.id })).toMatchObject({ firstName: 'Grace', lastName: 'Hopper' });

    const undone = await t.call('import.undo', { importId: report.importId });
    expect(undone.status).toBe('undone');
    const live = await allContacts(t);
    expect(live.map((c) => c.id)).toEqual([before.id]);
    expect(await t.call('contacts.get', { id: before.id })).toMatchObject({ firstName: 'Grace', lastName: null, tags: ['Keep'], updatedAt: before.updatedAt });
    expect((await t.call('companies.list', {})).total).toBe(0);
    // Created contacts went to Trash, where they can still be restored.
    expect((await t.call('contacts.list', { trashed: true })).total).toBe(2);

    expect(await t.fail('import.undo', { importId: report.importId })).toMatchObject({ code: 'CONFLICT' });
    const list = await t.call('imports.list', {});
    expect(list.items[0]).toMatchObject({ id: report.importId, status: 'undone', fileName: 'google.csv', dialect: 'google', created: 2, updated: 1 });
  });

  it('keeps what changed since the import: the updated contact the user edited, and a created one they filled in', async () => {
    const grace = await t.call('contacts.create', { firstName: 'Grace', emails: [{ value: 'grace@navy.example' }] });
    const report = await importFile(t, fixture('google.csv'), 'update');
    expect(report).toMatchObject({ created: 2, updated: 1 });
    t.clock.advance(60_000);
    const created = (await allContacts(t)).filter((c) => c.id !== grace.id);
    // The user edits the updated contact, fills in one created contact and trashes nothing else.
    const edited = await t.call('contacts.update', { id: grace.id, notes: 'Called back about the quote' });
    await t.call('contacts.update', { id: created[0]!.id, notes: 'Gate code 1234' });
    t.clock.advance(60_000);

    const undone = await t.call('import.undo', { importId: report.importId });
    expect(undone).toMatchObject({ status: 'undone', kept: 2 });
    // Both changed contacts are exactly as the user left them; the untouched created one went to Trash.
    expect(await t.call('contacts.get', { id: grace.id })).toMatchObject({ lastName: 'Hopper', notes: 'Called back about the quote', updatedAt: edited.updatedAt, deletedAt: null });
    expect(await t.call('contacts.get', { id: created[0]!.id })).toMatchObject({ notes: 'Gate code 1234', deletedAt: null });
    expect(await t.call('contacts.get', { id: created[1]!.id })).toMatchObject({ deletedAt: expect.any(String) });
  });

  it('does not bring back a contact trashed since the import', async () => {
    const grace = await t.call('contacts.create', { firstName: 'Grace', emails: [{ value: 'grace@navy.example' }] });
    const report = await importFile(t, fixture('google.csv'), 'update');
    t.clock.advance(60_000);
    await t.call('contacts.delete', { id: grace.id });
    t.clock.advance(60_000);
    expect(await t.call('import.undo', { importId: report.importId })).toMatchObject({ kept: 1 });
    expect(await t.call('contacts.get', { id: grace.id })).toMatchObject({ deletedAt: expect.any(String), lastName: 'Hopper' });
  });

  it('an unknown import is NOT_FOUND', async () => {
    expect(await t.fail('import.undo', { importId: '01890a5d-ac96-774b-bcce-b302099a8057' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('large files', () => {
  it('streams in batches with progress, and cancel keeps the finished batches', async () => {
    const file = join(t.dataDir, 'big.csv');
    const lines = ['First Name,Last Name,Email'];
    for (let i = 0; i < 12_000; i++) lines.push(`Person,${i},p${i}@example.com`);
    writeFileSync(file, lines.join('\r\n'));
    const path = await pick(t, file);
    let cancelled = false;
    t.core.events.subscribe((name, payload) => {
      const p = payload as { importId: string; rows: number };
      if (name === 'import.progress' && p.rows >= BATCH && !cancelled) {
        cancelled = true;
        void t.call('import.cancel', { importId: p.importId });
      }
    });
    const report = await t.call('import.run', { path, duplicates: 'skip' });
    expect(report.status).toBe('cancelled');
    expect(report.created).toBeGreaterThanOrEqual(BATCH);
    expect(report.created).toBeLessThan(12_000);
    expect(report.created % BATCH).toBe(0); // whole batches only
    expect((await t.call('contacts.list', {})).total).toBe(report.created);
    const progress = t.events.filter((e) => e.name === 'import.progress').map((e) => e.payload as { bytesRead: number; totalBytes: number });
    expect(progress.length).toBeGreaterThanOrEqual(3);

    // The rest of the file, on a second run: the finished batches are matched, nothing doubles.
    const rest = await t.call('import.run', { path: await pick(t, file), duplicates: 'skip' });
    expect(rest.created + rest.skipped).toBe(12_000);
    expect((await t.call('contacts.list', {})).total).toBe(12_000);
  });

  it('reports progress per batch but sends one data.changed, at the end, for a whole multi-batch import', async () => {
    const file = join(t.dataDir, 'three-batches.csv');
    const lines = ['First Name,Last Name,Email'];
    for (let i = 0; i < 2 * BATCH + 10; i++) lines.push(`Batch,${i},b${i}@example.com`);
    writeFileSync(file, lines.join('\r\n'));
    const path = await pick(t, file);
    const seen: string[] = [];
    const unsubscribe = t.core.events.subscribe((name) => void seen.push(name));
    const report = await t.call('import.run', { path, duplicates: 'skip' });
    unsubscribe();
    expect(report.created).toBe(2 * BATCH + 10);
    expect(seen.filter((name) => name === 'import.progress').length).toBeGreaterThanOrEqual(4);
    expect(seen.filter((name) => name === 'data.changed')).toHaveLength(1);
    expect(seen.at(-1)).toBe('data.changed');
  });

  it('indexes new contacts for search and tags in bulk, also when a later row of the batch updates an earlier one', async () => {
    // Row 3 is row 1 again with more to say: under "update" it changes a contact this very batch created, whose
    // search entry must already exist (the update trigger deletes the old one) — the case bulk indexing must get right.
    const file = join(t.dataDir, 'same-batch.csv');
    writeFileSync(
      file,
      ['First Name,Last Name,Email,Labels,Notes', 'Grace,Hopper,grace@example.com,Navy,', 'Alan,Turing,alan@example.com,Bletchley,Enigma',
        'Grace,Hopper,GRACE@example.com,Navy ::: Cobol,Compilers'].join('\r\n'),
    );
    const report = await importFile(t, file, 'update');
    expect(report).toMatchObject({ created: 2, updated: 1 });
    const hits = async (query: string) => (await t.call('search.global', { query })).items.map((h) => h.title);
    expect(await hits('compil')).toEqual(['Grace Hopper']);
    expect(await hits('enigma')).toEqual(['Alan Turing']);
    expect(await hits('grace@example')).toEqual(['Grace Hopper']);
    const tags = (await t.call('tags.list', {})).items;
    expect(tags.map((x) => [x.tag, x.contacts])).toEqual([['Bletchley', 1], ['Cobol', 1], ['Navy', 1]]);

    const sqlite = openSqlite(join(t.dataDir, DB_FILE));
    try {
      // The search index agrees with its content, and no import left the per-row triggers standing down.
      expect(() => sqlite.prepare(`INSERT INTO contacts_fts(contacts_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
      expect(sqlite.prepare(`SELECT count(*) FROM bulk_insert`).pluck().get()).toBe(0);
    } finally {
      sqlite.close();
    }
    // And a contact added afterwards the ordinary way is indexed by its trigger.
    await t.call('contacts.create', { firstName: 'Ada', lastName: 'Lovelace', tags: ['Navy'] });
    expect(await hits('lovelace')).toEqual(['Ada Lovelace']);
    expect((await t.call('tags.list', {})).items.find((x) => x.tag === 'Navy')?.contacts).toBe(2);
  });
});
