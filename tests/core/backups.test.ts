// Backups on real files: a checked copy with a manifest, no new backup for an unchanged store (also after a
// restart), documents kept once, restore of the whole store (undoable, reminders stay fired) and of one record.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotFile } from '../../electron/db/backups.copy';
import { backupFile, restoreLatestGood } from '../../electron/db/backups.files';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';
import { attachingPicked, pickPaths } from '../helpers/picks';
import { fixture, importFile } from './import-export-helpers';

let t: TestCore;
let src: string;
beforeEach(async () => {
  t = attachingPicked(await openTestCore());
  src = tempDir('rapport-src-');
});
afterEach(() => {
  t.destroy();
  rmSync(src, { recursive: true, force: true });
});

const backupsDir = () => join(t.dataDir, 'backups');
const integrity = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
};

describe('taking a backup', () => {
  it('writes a checked copy with a manifest of counts, leaves no temporary file, and skips an unchanged store', async () => {
    const maya = await t.call('contacts.create', { firstName: 'Maya', lastName: 'Okafor' });
    await t.call('jobs.create', { title: 'Kitchen refit', contactId: maya.id });
    await t.call('activities.create', { contactId: maya.id, type: 'call', subject: 'First call', occurredAt: '2026-11-20T10:00:00Z' });
    const first = await t.call('backups.create', {});
    expect(first.unchanged).toBe(false);
    expect(first.backup).toMatchObject({ reason: 'manual', status: 'ok', counts: { contacts: 1, jobs: 1, activities: 1, companies: 0, documents: 0 } });
    expect(first.backup.schemaVersion).toMatch(/^\d{4}_/);
    const file = backupFile(t.dataDir, first.backup.id);
    expect(integrity(file)).toBe('ok');
    expect(readdirSync(backupsDir()).filter((n) => n.includes('partial'))).toEqual([]);
    // The copy is a plain rollback-journal file: it opens anywhere without a -wal beside it.
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();

    const copying = () => t.events.filter((e) => e.name === 'backups.progress' && (e.payload as { phase: string }).phase === 'copying').length;
    const copiesBefore = copying();
    const again = await t.call('backups.create', {});
    expect(again).toMatchObject({ unchanged: true, backup: { id: first.backup.id } });
    expect(copying()).toBe(copiesBefore); // known unchanged in this session: not even copied to compare
    expect((await t.call('backups.list', {})).items).toHaveLength(1);

    await t.call('contacts.update', { id: maya.id, notes: 'Prefers mornings' });
    const changed = await t.call('backups.create', {});
    expect(changed.unchanged).toBe(false);
    expect((await t.call('backups.list', {})).items.map((b) => b.id)).toEqual([changed.backup.id, first.backup.id]);
  });

  it('takes no new backup after a restart when nothing changed (the copy matches the newest backup)', async () => {
    await t.call('contacts.create', { firstName: 'Tom' });
    const first = await t.call('backups.create', {});
    t.close();
    const reopened = await openTestCore({ dataDir: t.dataDir });
    try {
      const again = await reopened.call('backups.create', {});
      expect(again).toMatchObject({ unchanged: true, backup: { id: first.backup.id } });
      expect(readdirSync(join(t.dataDir, 'backups')).filter((n) => n.endsWith('.sqlite'))).toHaveLength(1);
    } finally {
      reopened.close();
    }
  });

  it('keeps each document once in backups/blobs however many backups need it', async () => {
    const maya = await t.call('contacts.create', { firstName: 'Maya' });
    const path = join(src, 'quote.txt');
    writeFileSync(path, 'the quote');
    await t.call('documents.attach', { path, contactId: maya.id });
    const one = await t.call('backups.create', {});
    await t.call('contacts.update', { id: maya.id, notes: 'x' });
    const two = await t.call('backups.create', {});
    expect(one.backup.counts.documents).toBe(1);
    expect(two.backup.documentsBytes).toBe(9);
    const blobs = readdirSync(join(backupsDir(), 'blobs'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(blobs).toHaveLength(1);
  });

  it('the hourly tick backs up a changed store only, and reports progress', async () => {
    await t.call('contacts.create', { firstName: 'Before' });
    await t.core.modules.backups.tick();
    await t.core.modules.backups.tick();
    expect((await t.call('backups.list', {})).items.map((b) => b.reason)).toEqual(['hourly']);
    expect(t.events.filter((e) => e.name === 'backups.progress').map((e) => (e.payload as { phase: string }).phase)).toEqual(
      expect.arrayContaining(['copying', 'checking', 'done']),
    );
  });

  it('takes a backup before the Trash is emptied and before a calendar import runs or is undone', async () => {
    const maya = await t.call('contacts.create', { firstName: 'Maya' });
    const path = join(src, 'old-quote.txt');
    writeFileSync(path, 'an old quote');
    const doc = await t.call('documents.attach', { path, contactId: maya.id });
    await t.call('documents.delete', { id: doc.id });
    await t.call('documents.emptyTrash', {});
    const [calendarFile] = await pickPaths(t, [join(import.meta.dirname, '..', 'fixtures', 'real', 'ics', 'icaljs-google-birthday.ics')], 'calendar');
    const report = await t.call('schedule.importRun', { path: calendarFile! });
    await t.call('schedule.importUndo', { importId: report.importId });
    const reasons = (await t.call('backups.list', {})).items.map((b) => b.reason);
    expect(reasons).toEqual(['before-undo-import', 'before-import', 'before-empty-trash']);
    // The backup before emptying the Trash still holds the document that went.
    expect((await t.call('backups.list', {})).items[2]!.documentsBytes).toBe('an old quote'.length);
  });

  it('takes a backup before an import runs and before it is undone', async () => {
    await t.call('contacts.create', { firstName: 'Before import' });
    const report = await importFile(t, fixture('google.csv'));
    await t.call('import.undo', { importId: report.importId });
    const reasons = (await t.call('backups.list', {})).items.map((b) => b.reason);
    expect(reasons).toEqual(['before-undo-import', 'before-import']);
    const [undoPoint] = (await t.call('backups.list', {})).items;
    expect(undoPoint!.counts.contacts).toBeGreaterThan(1);
  });
});

describe('the check on the copy', () => {
  it('refuses a copy that fails integrity_check: nothing appears under the final name, no temporary file stays', async () => {
    const file = join(src, 'damaged.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t(x)');
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'y'.repeat(50)}`);
    })();
    db.close();
    // Scribble over the middle of the file: the pages stay readable to a page copy, but the b-trees are wrong.
    const bytes = readFileSync(file);
    for (let i = bytes.length / 2; i < bytes.length / 2 + 3000; i++) bytes[i] = (i * 7) % 256;
    writeFileSync(file, bytes);
    const target = join(src, 'copy.sqlite');
    await expect(snapshotFile(file, target)).rejects.toThrow(/integrity_check|malformed|corrupt/i);
    expect(readdirSync(src).filter((n) => n.startsWith('copy'))).toEqual([]);
  });
});

describe('restoring', () => {
  it('restores the whole store inside the running core, undoably, and keeps fired reminders fired', async () => {
    const maya = await t.call('contacts.create', { firstName: 'Maya' });
    await t.call('tasks.create', { title: 'Call back', contactId: maya.id, dueAt: '2026-11-22T10:00:00Z' });
    const backup = await t.call('backups.create', {});
    await t.call('contacts.create', { firstName: 'Added after' });
    t.clock.advance(2 * 3_600_000);
    expect(await t.core.reminders.tick()).toBe(1); // the follow-up's reminder fires once
    const { restored, undo } = await t.call('backups.restore', { id: backup.backup.id });
    expect(restored.id).toBe(backup.backup.id);
    expect(undo.reason).toBe('before-restore');
    expect((await t.call('contacts.list', {})).items.map((c) => c.displayName)).toEqual(['Maya']);
    expect(await t.core.reminders.tick()).toBe(0); // it does not fire again
    expect(integrity(join(t.dataDir, 'rapport.sqlite'))).toBe('ok');
    expect(t.events.some((e) => e.name === 'backups.progress' && (e.payload as { phase: string }).phase === 'restored')).toBe(true);

    // The undo point brings back what the restore replaced.
    await t.call('backups.restore', { id: undo.id });
    expect((await t.call('contacts.list', {})).items.map((c) => c.displayName).sort()).toEqual(['Added after', 'Maya']);
  });

  it('opens a backup read-only: search, and one contact with its jobs and activities, without changing anything', async () => {
    const maya = await t.call('contacts.create', { firstName: 'Maya', emails: [{ value: 'maya@example.com' }] });
    await t.call('jobs.create', { title: 'Kitchen refit', contactId: maya.id });
    const backup = await t.call('backups.create', {});
    await t.call('contacts.delete', { id: maya.id });
    const view = await t.call('backups.open', { id: backup.backup.id, search: 'may', contactId: maya.id });
    expect(view.contacts).toEqual([{ id: maya.id, name: 'Maya', email: 'maya@example.com', deleted: false }]);
    expect(view.contact).toMatchObject({ name: 'Maya', jobs: [{ title: 'Kitchen refit' }], existsNow: true });
    expect((await t.call('backups.list', {})).items).toHaveLength(1);
  });

  it('restores one contact with its job, follow-up and document under its own ids, or as a copy when it exists', async () => {
    const maya = await t.call('contacts.create', { firstName: 'Maya' });
    const other = await t.call('contacts.create', { firstName: 'Other' });
    const job = await t.call('jobs.create', { title: 'Kitchen refit', contactId: maya.id });
    await t.call('tasks.create', { title: 'Chase', contactId: maya.id, dueAt: '2026-11-22T08:00:00Z' });
    await t.call('activities.create', { contactId: maya.id, type: 'note', subject: 'Likes oak', occurredAt: '2026-11-20T10:00:00Z' });
    const path = join(src, 'plan.txt');
    writeFileSync(path, 'plan bytes');
    await t.call('documents.attach', { path, contactId: maya.id });
    const backup = await t.call('backups.create', {});

    // Gone for good: deleted and the Trash emptied (documents too), and another contact edited meanwhile.
    const db = new Database(join(t.dataDir, 'rapport.sqlite'));
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM documents').run();
    db.prepare('DELETE FROM tasks').run();
    db.prepare('DELETE FROM activities').run();
    db.prepare('DELETE FROM jobs').run();
    db.prepare('DELETE FROM contacts WHERE id = ?').run(maya.id);
    db.close();
    rmSync(join(t.dataDir, 'documents'), { recursive: true, force: true });
    await t.call('contacts.update', { id: other.id, notes: 'edited after the backup' });

    const result = await t.call('backups.restoreRecord', { id: backup.backup.id, type: 'contact', recordId: maya.id });
    expect(result).toEqual({ mode: 'original', recordId: maya.id, counts: { activities: 1, tasks: 1, jobs: 1, documents: 1 } });
    expect((await t.call('contacts.get', { id: maya.id })).displayName).toBe('Maya');
    expect((await t.call('jobs.get', { id: job.id })).title).toBe('Kitchen refit');
    expect((await t.call('contacts.get', { id: other.id })).notes).toBe('edited after the backup');
    const docs = await t.call('documents.list', { contactId: maya.id });
    expect(docs.items.map((d) => d.name)).toEqual(['plan.txt']);
    expect(existsSync(join(t.dataDir, 'documents'))).toBe(true);
    // The follow-up was due before now: it comes back as already reminded, so it does not fire.
    expect(await t.core.reminders.tick()).toBe(0);

    const copy = await t.call('backups.restoreRecord', { id: backup.backup.id, type: 'contact', recordId: maya.id });
    expect(copy.mode).toBe('copy');
    expect(copy.recordId).not.toBe(maya.id);
    expect((await t.call('contacts.list', {})).items.map((c) => c.displayName).sort()).toEqual(['Maya', 'Maya', 'Other']);
  });

  it('brings back the custom values of a restored contact and its job, also on a copy, and skips fields deleted since', async () => {
    await t.call('fields.create', { recordType: 'contact', label: 'Gate code', type: 'text' });
    const areas = await t.call('fields.create', { recordType: 'contact', label: 'Areas', type: 'choices', options: [{ label: 'Kitchen' }, { label: 'Loft' }] });
    const gone = await t.call('fields.create', { recordType: 'contact', label: 'Old note', type: 'text' });
    await t.call('fields.create', { recordType: 'job', label: 'Boiler model', type: 'text' });
    const both = areas.options.map((o) => o.id);
    const maya = await t.call('contacts.create', { firstName: 'Maya', custom: { gateCode: '4417#', areas: both, oldNote: 'x' } });
    const job = await t.call('jobs.create', { title: 'Boiler swap', contactId: maya.id, custom: { boilerModel: 'Vaillant 832' } });
    const backup = await t.call('backups.create', {});

    const db = new Database(join(t.dataDir, 'rapport.sqlite'));
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM custom_values WHERE record_id IN (?, ?)').run(maya.id, job.id);
    db.prepare('DELETE FROM jobs').run();
    db.prepare('DELETE FROM contacts WHERE id = ?').run(maya.id);
    db.prepare('DELETE FROM custom_fields WHERE id = ?').run(gone.id);
    db.close();
    t.core.events.emit('data.changed', { entity: 'field', action: 'deleted', ids: [gone.id] });

    await t.call('backups.restoreRecord', { id: backup.backup.id, type: 'contact', recordId: maya.id });
    expect((await t.call('contacts.get', { id: maya.id })).custom).toEqual({ gateCode: '4417#', areas: both });
    expect((await t.call('jobs.get', { id: job.id })).custom).toEqual({ boilerModel: 'Vaillant 832' });

    const copy = await t.call('backups.restoreRecord', { id: backup.backup.id, type: 'contact', recordId: maya.id });
    expect((await t.call('contacts.get', { id: copy.recordId })).custom).toEqual({ gateCode: '4417#', areas: both });
    expect((await t.call('contacts.get', { id: maya.id })).custom).toEqual({ gateCode: '4417#', areas: both });
  });
});

describe('restoreLatestGood (the damaged-store screen, before the core opens)', () => {
  it('moves the damaged file aside and puts the newest good backup in its place', async () => {
    await t.call('contacts.create', { firstName: 'Saved' });
    const backup = await t.call('backups.create', {});
    t.close();
    writeFileSync(join(t.dataDir, 'rapport.sqlite'), Buffer.alloc(8192, 7));
    const result = restoreLatestGood(t.dataDir, new Date('2026-11-22T12:00:00Z'));
    expect(result?.backup.id).toBe(backup.backup.id);
    expect(readFileSync(result!.damagedPath).subarray(0, 4)).toEqual(Buffer.alloc(4, 7));
    const reopened = await openTestCore({ dataDir: t.dataDir });
    try {
      expect((await reopened.call('contacts.list', {})).items.map((c) => c.displayName)).toEqual(['Saved']);
    } finally {
      reopened.close();
    }
  });
});
