// "Export everything" through the real dispatcher on a real store, unpacked by a real unzip and read part by part:
// the SQLite file opens with the same counts, every table's CSV, the vCards, the .ics events, a document's bytes,
// the README; cancel leaves nothing behind.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataTables } from '../../electron/db/data.repo';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';
import { attachingPicked } from '../helpers/picks';

let t: TestCore;
let unpacked = '';

beforeEach(async () => {
  t = attachingPicked(await openTestCore());
  unpacked = tempDir('rapport-unzip-');
});
afterEach(() => {
  t.destroy();
  rmSync(unpacked, { recursive: true, force: true });
});

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function seed() {
  const company = (await t.call('companies.create', { name: 'Okafor Kitchens' })).id;
  const maya = (await t.call('contacts.create', { firstName: 'Maya', lastName: 'Okafor', companyId: company, emails: [{ value: 'maya@example.com' }] })).id;
  await t.call('contacts.create', { firstName: '=HYPERLINK("http://evil")', lastName: 'Formula' });
  const gone = (await t.call('contacts.create', { firstName: 'Trashed', lastName: 'Person' })).id;
  await t.call('contacts.delete', { id: gone });
  await t.call('activities.create', { contactId: maya, type: 'call', notes: 'Talked about the kitchen\nsecond line' });
  await t.call('jobs.create', { title: 'Kitchen refit', contactId: maya, amountMinor: 1_250_000 });
  await t.call('appointments.create', { title: 'Site visit', startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T11:00:00Z', contactId: maya });
  await t.call('appointments.create', { title: 'Weekly check', startsAt: '2026-11-24T09:00:00Z', endsAt: '2026-11-24T09:30:00Z', recurrence: { freq: 'weekly', count: 4 } });
  const src = join(t.dataDir, 'user-files');
  mkdirSync(src);
  writeFileSync(join(src, 'Quote: 2026?.pdf'), '%PDF-1.4 the quote');
  writeFileSync(join(src, 'photo.png'), PNG);
  await t.call('documents.attach', { path: join(src, 'Quote: 2026?.pdf'), contactId: maya });
  await t.call('documents.attach', { path: join(src, 'photo.png'), jobId: undefined });
  return { maya };
}

function unzip(path: string) {
  execFileSync('unzip', ['-tqq', path]);
  execFileSync('python3', ['-m', 'zipfile', '-t', path]);
  execFileSync('unzip', ['-qq', path, '-d', unpacked]);
}

describe('data.exportAll', () => {
  it('writes one zip that real tools unpack, with the store, every table, vCards, the schedule, documents and a README', async () => {
    await seed();
    const result = await t.call('data.exportAll', {});
    expect(result).toMatchObject({ cancelled: false, contacts: 2, events: 2, documents: 2, missingDocuments: 0 });
    expect(result.path).toMatch(/\.zip$/);
    unzip(result.path!);

    // The SQLite copy opens, passes its check, and has the live store's counts, table by table.
    const copy = new Database(join(unpacked, 'rapport.sqlite'), { readonly: true });
    const live = new Database(join(t.dataDir, 'rapport.sqlite'), { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const tables = dataTables(live);
      expect(tables).toContain('contacts');
      expect(result.tables).toBe(tables.length);
      for (const table of tables) expect([table, copy.prepare(`SELECT count(*) FROM "${table}"`).pluck().get()]).toEqual([table, live.prepare(`SELECT count(*) FROM "${table}"`).pluck().get()]);
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');

      // One CSV per table, with its columns as the header, and as many lines as rows (CRLF ends a record;
      // a line break inside a quoted note does not).
      const csvs = readdirSync(join(unpacked, 'tables')).sort();
      expect(csvs).toEqual(tables.map((name) => `${name}.csv`).sort());
      const contactsCsv = readFileSync(join(unpacked, 'tables', 'contacts.csv'), 'utf8');
      const columns = (copy.prepare('SELECT * FROM contacts').raw(true).columns() as { name: string }[]).map((c) => c.name);
      expect(contactsCsv.split('\r\n')[0]).toBe(`\uFEFF${columns.join(',')}`);
      expect(contactsCsv.split('\r\n').filter(Boolean)).toHaveLength(1 + 3);
      // Formula text is neutralised, a trashed contact is there with its deleted_at.
      expect(contactsCsv).toContain(`'=HYPERLINK(""http://evil"")`);
      expect(contactsCsv).toContain('Trashed');
      const activities = readFileSync(join(unpacked, 'tables', 'activities.csv'), 'utf8');
      expect(activities).toContain('"Talked about the kitchen\nsecond line"');
    } finally {
      copy.close();
      live.close();
    }

    // vCard: the live contacts, not the trashed one.
    const vcf = readFileSync(join(unpacked, 'contacts.vcf'), 'utf8');
    expect(vcf.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(2);
    expect(vcf).toContain('FN:Maya Okafor');
    expect(vcf).not.toContain('Trashed');

    // iCalendar: one VEVENT per appointment (a series is one event with its rule).
    const ics = readFileSync(join(unpacked, 'schedule.ics'), 'utf8');
    expect(ics.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(2);
    expect(ics).toContain('RRULE:FREQ=WEEKLY;COUNT=4');

    // Documents under safe names with their exact bytes, and an index saying which is which.
    expect(readFileSync(join(unpacked, 'documents', 'Quote_ 2026_.pdf'), 'utf8')).toBe('%PDF-1.4 the quote');
    expect(readFileSync(join(unpacked, 'documents', 'photo.png')).equals(PNG)).toBe(true);
    expect(readFileSync(join(unpacked, 'documents', 'index.csv'), 'utf8')).toContain('documents/Quote_ 2026_.pdf');

    const readme = readFileSync(join(unpacked, 'README.txt'), 'utf8');
    for (const part of ['rapport.sqlite', 'tables/', 'contacts.vcf', 'schedule.ics', 'documents/']) expect(readme).toContain(part);
    expect(readme).toContain('(2 contacts)');

    // Progress went from the database to the end, with one run id; no temp file is left anywhere.
    const progress = t.events.filter((e) => e.name === 'data.exportProgress').map((e) => e.payload as { runId: string; step: string; finished: boolean });
    expect(new Set(progress.map((p) => p.runId)).size).toBe(1);
    expect(progress[0]!.step).toBe('database');
    expect(progress.at(-1)).toMatchObject({ step: 'finishing', finished: true });
    expect(readdirSync(t.dataDir).filter((n) => n.startsWith('.export-'))).toEqual([]);
    expect(readdirSync(join(t.dataDir, 'exports')).filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it.each(['database', 'tables', 'documents'])('stops on Cancel (during %s) and leaves no file at the chosen path, nor a temp file', async (step) => {
    await seed();
    let cancelled: Promise<unknown> | null = null;
    t.core.events.subscribe((name, payload) => {
      const p = payload as { runId: string; step: string };
      if (name === 'data.exportProgress' && p.step === step && !cancelled) cancelled = t.call('data.cancel', { runId: p.runId });
    });
    const result = await t.call('data.exportAll', {});
    expect(await cancelled).toEqual({ cancelling: true });
    expect(result).toMatchObject({ path: null, cancelled: true });
    expect(readdirSync(join(t.dataDir, 'exports'))).toEqual([]);
    expect(readdirSync(t.dataDir).filter((n) => n.startsWith('.export-'))).toEqual([]);
    expect(await t.call('data.cancel', { runId: '0190a7e4-0000-7000-8000-000000000000' })).toEqual({ cancelling: false });
  });

  it('lists a document whose stored file is missing in the README and still exports the rest', async () => {
    await seed();
    const docs = join(t.dataDir, 'documents');
    const pdf = readdirSync(docs, { recursive: true, withFileTypes: true }).find((e) => e.isFile() && readFileSync(join(e.parentPath, e.name), 'utf8').startsWith('%PDF'))!;
    rmSync(join(pdf.parentPath, pdf.name));
    const result = await t.call('data.exportAll', {});
    expect(result).toMatchObject({ documents: 1, missingDocuments: 1 });
    unzip(result.path!);
    expect(readFileSync(join(unpacked, 'README.txt'), 'utf8')).toContain('- Quote: 2026?.pdf');
    expect(existsSync(join(unpacked, 'documents', 'photo.png'))).toBe(true);
  });
});
