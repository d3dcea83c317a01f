// Documents through the real dispatcher, on a real SQLite file and a real documents/ folder in a temp dir:
// attach (copy and link), dedup, atomic writes, hostile names and paths, limits, Trash, search and the check.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../electron/db/connection';
import { DB_FILE } from '../../electron/core/app';
import type { harnessPlatform } from '../../electron/harness/platform';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';
import { attachingPicked } from '../helpers/picks';

let t: TestCore;
let src = '';
let maya = '';
let okafor = '';
let job = '';

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const write = (name: string, data: string | Buffer) => {
  const path = join(src, name);
  writeFileSync(path, data);
  return path;
};
const blobPath = (hash: string) => join(t.dataDir, 'documents', hash.slice(0, 2), hash);
const blobFiles = () =>
  existsSync(join(t.dataDir, 'documents')) ? readdirSync(join(t.dataDir, 'documents'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];
const platform = () => t.core.platform as ReturnType<typeof harnessPlatform>;
// A 1x1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeEach(async () => {
  t = attachingPicked(await openTestCore());
  src = tempDir('rapport-src-');
  okafor = (await t.call('companies.create', { name: 'Okafor Kitchens' })).id;
  maya = (await t.call('contacts.create', { firstName: 'Maya', lastName: 'Okafor', companyId: okafor })).id;
  job = (await t.call('jobs.create', { title: 'Kitchen refit', contactId: maya })).id;
});
afterEach(() => {
  t.destroy();
  rmSync(src, { recursive: true, force: true });
});

describe('attach (copy)', () => {
  it('stores the bytes under documents/<2 hex>/<sha256>, with name, type, size, hash, note and the linked record', async () => {
    const path = write('Quote 2026.pdf', '%PDF-1.4 quote for the kitchen');
    const doc = await t.call('documents.attach', { path, contactId: maya, note: 'First quote' });
    expect(doc).toMatchObject({ name: 'Quote 2026.pdf', type: 'application/pdf', size: 30, sha256: sha('%PDF-1.4 quote for the kitchen'), mode: 'copy', note: 'First quote' });
    expect(doc.links).toEqual([{ type: 'contact', id: maya, title: 'Maya Okafor' }]);
    expect(readFileSync(blobPath(doc.sha256!), 'utf8')).toBe('%PDF-1.4 quote for the kitchen');
    expect(await t.call('documents.get', { id: doc.id })).toEqual(doc);
    expect(t.events).toContainEqual({ name: 'data.changed', payload: { entity: 'document', action: 'created', ids: [doc.id] } });
  });

  it('stores the same content once, however often and under whatever name it is attached', async () => {
    const a = await t.call('documents.attach', { path: write('a.txt', 'same bytes'), contactId: maya });
    const b = await t.call('documents.attach', { path: write('b.txt', 'same bytes'), companyId: okafor });
    const c = await t.call('documents.attach', { path: write('c.txt', 'same bytes'), jobId: job });
    expect(new Set([a.sha256, b.sha256, c.sha256]).size).toBe(1);
    expect(new Set([a.id, b.id, c.id]).size).toBe(3);
    expect(blobFiles()).toEqual([sha('same bytes')]);
  });

  it('writes atomically: nothing but the finished blob is left, and a refused file leaves nothing at all', async () => {
    await t.call('documents.settings.update', { maxFileBytes: 1024 });
    await t.call('documents.attach', { path: write('small.bin', Buffer.alloc(1000, 1)) });
    const refused = await t.fail('documents.attach', { path: write('big.bin', Buffer.alloc(4096, 2)) });
    expect(refused).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path' }] });
    expect(refused.message).toMatch(/larger than the 1 KB limit/);
    expect(readdirSync(join(t.dataDir, 'documents')).filter((n) => n.startsWith('.incoming-'))).toEqual([]);
    expect(blobFiles()).toEqual([sha(Buffer.alloc(1000, 1))]);
    expect((await t.call('documents.list', {})).total).toBe(1);
  });

  it('a stray temp file from a crash is never taken for a document (and the check does not call it a blob)', async () => {
    mkdirSync(join(t.dataDir, 'documents'), { recursive: true });
    writeFileSync(join(t.dataDir, 'documents', '.incoming-crashed'), 'half a file');
    await t.call('documents.attach', { path: write('ok.txt', 'whole') });
    const report = await t.call('documents.check', {});
    expect(report).toMatchObject({ checkedRows: 1, checkedBlobs: 1, missingBlobs: [], corruptBlobs: [], orphanBlobs: [] });
  });

  it('keeps any file name (Unicode, spaces, very long, path-like) as a name only, never as a path', async () => {
    const names = [
      'Devis cuisine – Émile Zoë 日本語 📄.pdf',
      `${'very long name '.repeat(15).trim()}.docx`,
      '..\\..\\..\\windows\\evil.txt',
      ' spaces  inside .txt',
      '$(rm -rf ~).txt',
    ];
    for (const [i, name] of names.entries()) {
      const doc = await t.call('documents.attach', { path: write(name, `content ${i}`), contactId: maya });
      expect(doc.name).toBe(name);
      expect(existsSync(blobPath(doc.sha256!))).toBe(true);
    }
    // A decomposed name (as macOS writes them) is shown and searched in its composed form.
    const nfd = await t.call('documents.attach', { path: write('Zoe\u0308 plan.txt', 'nfd') });
    expect(nfd.name).toBe('Zoë plan.txt');
    // Everything written lives in documents/<2 hex>/<64 hex>: no name reached the file system.
    const entries = readdirSync(join(t.dataDir, 'documents'), { recursive: true }) as string[];
    for (const entry of entries) expect(entry).toMatch(/^[0-9a-f]{2}(\/[0-9a-f]{64})?$/);
    expect(readdirSync(t.dataDir).sort()).toEqual(expect.not.arrayContaining(['windows', 'evil.txt']));
  });

  it('refuses relative and traversal paths (VALIDATION on path), missing files (NOT_FOUND) and folders', async () => {
    expect(await t.fail('documents.attach', { path: '../../etc/passwd' })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path' }] });
    expect(await t.fail('documents.attach', { path: 'quote.pdf' })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path' }] });
    expect(await t.fail('documents.attach', { path: join(src, 'nope.pdf') })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.fail('documents.attach', { path: join(src, 'nope', '..', '..', 'nope.pdf') })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.fail('documents.attach', { path: src })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path' }] });
    expect(await t.fail('documents.attach', { path: '' })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path' }] });
    expect((await t.call('documents.list', {})).total).toBe(0);
  });

  it('refuses a missing or trashed record (NOT_FOUND) without storing anything', async () => {
    await t.call('contacts.delete', { id: maya });
    expect(await t.fail('documents.attach', { path: write('x.txt', 'x'), contactId: maya })).toMatchObject({ code: 'NOT_FOUND' });
    expect(blobFiles()).toEqual([]);
  });

  it('reports a file it cannot read as a clear error naming path', async () => {
    // A socket exists but cannot be opened as a file, even by root (a chmod 000 file would not stop root).
    const path = join(src, 'not-a-file.sock');
    const server = createServer().listen(path);
    await once(server, 'listening');
    try {
      const refused = await t.fail('documents.attach', { path });
      expect(refused).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path' }] });
      expect(refused.message).toMatch(/could not be read|not a regular file/);
    } finally {
      server.close();
    }
    // A named pipe must not hang the app waiting for a writer.
    const fifo = join(src, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(await t.fail('documents.attach', { path: fifo })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path', message: 'That is not a regular file, so it cannot be stored' }] });
    if (process.getuid?.() !== 0) {
      const locked = write('locked.txt', 'secret');
      chmodSync(locked, 0o000);
      expect(await t.fail('documents.attach', { path: locked })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path', message: 'Rapport is not allowed to read that file' }] });
    }
  });

  it('has a 200 MB default limit, changeable in settings', async () => {
    expect(await t.call('documents.settings.get', {})).toEqual({ maxFileBytes: 200 * 1024 * 1024 });
    expect(await t.call('documents.settings.update', { maxFileBytes: 5 * 1024 * 1024 })).toEqual({ maxFileBytes: 5 * 1024 * 1024 });
    expect((await t.fail('documents.settings.update', { maxFileBytes: 10 })).issues?.[0]?.path).toBe('maxFileBytes');
  });
});

describe('link instead of copy', () => {
  it('keeps a reference to a file or folder and says when it changed, moved or vanished', async () => {
    const path = write('plans.dwg', 'drawing v1');
    const doc = await t.call('documents.attach', { path, jobId: job, mode: 'link' });
    expect(doc).toMatchObject({ mode: 'link', sha256: null, linkPath: path, linkState: 'ok', size: 10, isFolder: false });
    expect(blobFiles()).toEqual([]);
    writeFileSync(path, 'drawing v2 with more');
    utimesSync(path, new Date('2030-01-01'), new Date('2030-01-01'));
    expect((await t.call('documents.get', { id: doc.id })).linkState).toBe('changed');
    rmSync(path);
    expect((await t.call('documents.get', { id: doc.id })).linkState).toBe('missing');
    expect((await t.call('documents.list', { jobId: job })).items[0]?.linkState).toBe('missing');
    expect(await t.fail('documents.open', { id: doc.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.call('documents.check', {})).brokenLinks).toEqual([{ documentId: doc.id, name: 'plans.dwg', path }]);

    const folder = join(src, 'Site photos');
    mkdirSync(folder);
    const linked = await t.call('documents.attach', { path: folder, contactId: maya, mode: 'link' });
    expect(linked).toMatchObject({ name: 'Site photos', isFolder: true, type: 'inode/directory', linkState: 'ok' });
    await t.call('documents.reveal', { id: linked.id });
    expect(platform().revealed).toEqual([folder]);
    expect(await t.fail('documents.attach', { path: join(src, 'gone'), mode: 'link' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('see and open', () => {
  it('lists a record\'s documents, sorted by name, size, type or date, page by page', async () => {
    await t.call('documents.attach', { path: write('b.txt', 'bb'), contactId: maya });
    await t.call('documents.attach', { path: write('A.pdf', '%PDF-aaaa'), contactId: maya });
    t.clock.advance(1000);
    await t.call('documents.attach', { path: write('c.png', PNG), contactId: maya });
    await t.call('documents.attach', { path: write('other.txt', 'not maya'), companyId: okafor });
    const names = async (input: object) => (await t.call('documents.list', { contactId: maya, ...input })).items.map((d) => d.name);
    expect(await names({ sort: 'name' })).toEqual(['A.pdf', 'b.txt', 'c.png']);
    expect(await names({ sort: 'name', direction: 'desc' })).toEqual(['c.png', 'b.txt', 'A.pdf']);
    expect(await names({ sort: 'size' })).toEqual(['c.png', 'A.pdf', 'b.txt']);
    expect(await names({ sort: 'type' })).toEqual(['A.pdf', 'c.png', 'b.txt']);
    const first = await t.call('documents.list', { contactId: maya, sort: 'name', limit: 2 });
    expect(first.total).toBe(3);
    const second = await t.call('documents.list', { contactId: maya, sort: 'name', limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((d) => d.name)).toEqual(['c.png']);
    expect((await t.call('documents.list', { companyId: okafor })).items.map((d) => d.name)).toEqual(['other.txt']);
    expect((await t.call('documents.list', {})).total).toBe(4);
  });

  it('finds documents by name and note on the Documents page, and by name, note and text in search.global', async () => {
    const quote = await t.call('documents.attach', { path: write('Quote.pdf', '%PDF-1.4'), contactId: maya, note: 'walnut worktops' });
    const notes = await t.call('documents.attach', { path: write('measurements.txt', 'Larder width 600mm, soffit boxing needed'), jobId: job });
    await t.call('documents.attach', { path: write('image.bin', Buffer.from([0, 1, 2, 0x73, 0x6f, 0x66, 0x66, 0x69, 0x74])) });
    expect((await t.call('documents.list', { query: 'walnut' })).items.map((d) => d.id)).toEqual([quote.id]);
    expect((await t.call('documents.list', { query: 'quo' })).items.map((d) => d.id)).toEqual([quote.id]);
    const hits = (await t.call('search.global', { query: 'soffit' })).items;
    expect(hits).toEqual([{ type: 'document', id: notes.id, title: 'measurements.txt', subtitle: 'Kitchen refit · 2026-11-22' }]);
    expect((await t.call('search.global', { query: 'walnut' })).items).toEqual([
      { type: 'document', id: quote.id, title: 'Quote.pdf', subtitle: 'Maya Okafor · 2026-11-22', contactId: maya },
    ]);
    await t.call('documents.rename', { id: quote.id, name: 'Signed contract.pdf', note: null });
    expect((await t.call('search.global', { query: 'walnut' })).items).toEqual([]);
    expect((await t.call('search.global', { query: 'signed contract' })).items.map((h) => h.id)).toEqual([quote.id]);
    await t.call('documents.delete', { id: notes.id });
    expect((await t.call('search.global', { query: 'soffit' })).items).toEqual([]);
    expect((await t.fail('documents.list', { query: 'x', contactId: maya, jobId: job })).issues?.[0]?.path).toBe('contactId');
  });

  it('renames (any Unicode, never control characters) and changes the note', async () => {
    const doc = await t.call('documents.attach', { path: write('scan001.jpg', 'jpeg?'), contactId: maya });
    const renamed = await t.call('documents.rename', { id: doc.id, name: '  Gas safety – Zoë.jpg ', note: 'Signed 2026' });
    expect(renamed).toMatchObject({ name: 'Gas safety – Zoë.jpg', note: 'Signed 2026', sha256: doc.sha256 });
    expect((await t.fail('documents.rename', { id: doc.id, name: 'a\nb' })).issues?.[0]?.path).toBe('name');
    expect((await t.fail('documents.rename', { id: doc.id, name: '  ' })).issues?.[0]?.path).toBe('name');
    expect(await t.fail('documents.rename', { id: '01900000-0000-7000-8000-000000000000', name: 'x' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('opens a read-only copy named by id (never by the file name) and reveals the stored file', async () => {
    const doc = await t.call('documents.attach', { path: write('Quote"; rm -rf ~.PDF', '%PDF-1.4 body'), contactId: maya });
    await t.call('documents.open', { id: doc.id });
    const opened = platform().opened[0]!;
    expect(opened).toBe(join(t.dataDir, 'opened', `${doc.id}.pdf`));
    expect(readFileSync(opened, 'utf8')).toBe('%PDF-1.4 body');
    expect(statSync(opened).mode & 0o222).toBe(0);
    await t.call('documents.open', { id: doc.id }); // again, over the read-only copy
    await t.call('documents.reveal', { id: doc.id });
    expect(platform().revealed).toEqual([blobPath(doc.sha256!)]);
    // The OS refusing (no app for the type) is UNAVAILABLE with a reason, not an internal error.
    platform().openPath = async () => {
      throw new Error('No application is associated with this file');
    };
    const refused = await t.fail('documents.open', { id: doc.id });
    expect(refused).toMatchObject({ code: 'UNAVAILABLE' });
    expect(refused.message).toMatch(/could not open .*No application/);
  });

  it('previews images and PDFs (by their bytes, not their names) and nothing else', async () => {
    const png = await t.call('documents.attach', { path: write('photo.png', PNG), contactId: maya });
    expect(await t.call('documents.preview', { id: png.id })).toEqual({ type: 'image/png', base64: PNG.toString('base64') });
    const pdf = await t.call('documents.attach', { path: write('quote', '%PDF-1.7\n...') });
    expect(pdf.type).toBe('application/pdf');
    expect((await t.call('documents.preview', { id: pdf.id })).type).toBe('application/pdf');
    const fake = await t.call('documents.attach', { path: write('evil.png', '<script>alert(1)</script>') });
    expect(await t.fail('documents.preview', { id: fake.id })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'id' }] });
  });

  it('links one document to several records and unlinks it without touching the file', async () => {
    const doc = await t.call('documents.attach', { path: write('contract.pdf', '%PDF-x'), contactId: maya });
    const linked = await t.call('documents.link', { id: doc.id, companyId: okafor, jobId: job });
    expect(linked.links.map((l) => l.type)).toEqual(['contact', 'company', 'job']);
    expect((await t.call('documents.list', { jobId: job })).total).toBe(1);
    const unlinked = await t.call('documents.unlink', { id: doc.id, contactId: maya });
    expect(unlinked.links.map((l) => l.type)).toEqual(['company', 'job']);
    expect(existsSync(blobPath(doc.sha256!))).toBe(true);
    expect((await t.fail('documents.link', { id: doc.id })).issues?.[0]?.path).toBe('contactId');
  });
});

describe('Trash', () => {
  it('moves to Trash and restores', async () => {
    const doc = await t.call('documents.attach', { path: write('q.pdf', '%PDF-q'), contactId: maya });
    const deleted = await t.call('documents.delete', { id: doc.id });
    expect(deleted.deletedAt).toBe('2026-11-22T09:00:00.000Z');
    expect((await t.call('documents.list', { contactId: maya })).total).toBe(0);
    expect((await t.call('documents.list', { trashed: true })).items.map((d) => d.id)).toEqual([doc.id]);
    expect((await t.call('documents.restore', { id: doc.id })).deletedAt).toBeNull();
    expect((await t.call('documents.list', { contactId: maya })).total).toBe(1);
  });

  it('emptying Trash removes the blobs no document uses and keeps those others still use', async () => {
    const shared1 = await t.call('documents.attach', { path: write('shared.pdf', '%PDF-shared'), contactId: maya });
    const shared2 = await t.call('documents.attach', { path: write('copy of shared.pdf', '%PDF-shared'), jobId: job });
    const alone = await t.call('documents.attach', { path: write('alone.txt', 'only me'), contactId: maya });
    await t.call('documents.delete', { id: shared1.id });
    await t.call('documents.delete', { id: alone.id });
    expect(await t.call('documents.emptyTrash', {})).toEqual({ documents: 2, blobsRemoved: 1, bytesFreed: 7 });
    expect(existsSync(blobPath(alone.sha256!))).toBe(false);
    expect(existsSync(blobPath(shared2.sha256!))).toBe(true);
    expect(await t.fail('documents.get', { id: alone.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.call('documents.emptyTrash', {})).toEqual({ documents: 0, blobsRemoved: 0, bytesFreed: 0 });
    expect((await t.call('documents.check', {})).orphanBlobs).toEqual([]);
  });

  it('deleting a contact (to Trash, or for good) never deletes a file another record still uses', async () => {
    const doc = await t.call('documents.attach', { path: write('site.jpg', 'jpeg bytes'), contactId: maya });
    await t.call('documents.link', { id: doc.id, jobId: job });
    await t.call('contacts.delete', { id: maya });
    expect((await t.call('documents.get', { id: doc.id })).deletedAt).toBeNull();
    // A contact removed for good (no UI does this yet; an import undo may) takes only its link with it.
    const sqlite = openSqlite(join(t.dataDir, DB_FILE));
    sqlite.pragma('foreign_keys = ON');
    sqlite.prepare(`UPDATE jobs SET contact_id = NULL`).run();
    sqlite.prepare(`DELETE FROM contacts WHERE id = ?`).run(maya);
    sqlite.close();
    const after = await t.call('documents.get', { id: doc.id });
    expect(after.links.map((l) => l.type)).toEqual(['job']);
    expect(existsSync(blobPath(doc.sha256!))).toBe(true);
  });
});

describe('integrity check', () => {
  it('reports rows without their blob, blobs with the wrong hash and blobs without a row, fixing nothing', async () => {
    const lost = await t.call('documents.attach', { path: write('lost.txt', 'will vanish') });
    const bad = await t.call('documents.attach', { path: write('bad.txt', 'will be altered') });
    await t.call('documents.attach', { path: write('fine.txt', 'fine') });
    rmSync(blobPath(lost.sha256!));
    writeFileSync(blobPath(bad.sha256!), 'tampered');
    const orphan = sha('nobody points here');
    mkdirSync(join(t.dataDir, 'documents', orphan.slice(0, 2)), { recursive: true });
    writeFileSync(blobPath(orphan), 'nobody points here');
    const report = await t.call('documents.check', {});
    expect(report).toEqual({
      checkedRows: 3,
      checkedBlobs: 3,
      missingBlobs: [{ documentId: lost.id, name: 'lost.txt', sha256: lost.sha256 }],
      corruptBlobs: [{ sha256: bad.sha256, actual: sha('tampered') }],
      orphanBlobs: [orphan],
      brokenLinks: [],
    });
    // Reported, not fixed: everything is still where it was.
    expect(existsSync(blobPath(orphan))).toBe(true);
    expect(readFileSync(blobPath(bad.sha256!), 'utf8')).toBe('tampered');
    expect((await t.call('documents.list', {})).total).toBe(3);
    expect(await t.fail('documents.open', { id: lost.id })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('copies made by Open', () => {
  it('are removed after a day, not before', async () => {
    const doc = await t.call('documents.attach', { path: write('q.pdf', '%PDF-q') });
    await t.call('documents.open', { id: doc.id });
    const copy = platform().opened[0]!;
    const service = t.core.modules.documents.service;
    expect(await service.cleanOpened()).toBe(0);
    expect(existsSync(copy)).toBe(true);
    expect(await service.cleanOpened(Date.now() + 25 * 3600 * 1000)).toBe(1);
    expect(existsSync(copy)).toBe(false);
    expect(existsSync(blobPath(doc.sha256!))).toBe(true);
  });
});

describe('documents kept with an activity', () => {
  const logCall = (subject: string | null = 'Site visit') =>
    t.call('activities.create', { contactId: maya, type: 'call', occurredAt: '2026-11-20T10:00:00Z', ...(subject ? { subject } : {}) });

  it('attaches to an activity, names the link after it (and whose timeline it is on), and lists by activity', async () => {
    const call = await logCall();
    const doc = await t.call('documents.attach', { path: write('photo.png', PNG), activityId: call.id });
    expect(doc.links).toEqual([{ type: 'activity', id: call.id, title: 'Site visit with Maya Okafor, 2026-11-20', contactId: maya }]);
    const untitled = await logCall(null);
    const other = await t.call('documents.attach', { path: write('other.txt', 'x'), activityId: untitled.id });
    expect(other.links[0]?.title).toBe('Call with Maya Okafor, 2026-11-20');
    expect((await t.call('documents.list', { activityId: call.id })).items.map((d) => d.id)).toEqual([doc.id]);
    // Not the contact's own documents: kept with the activity only.
    expect((await t.call('documents.list', { contactId: maya })).total).toBe(0);
  });

  it('lists a whole timeline page\'s documents in one call, each telling which activity it belongs to', async () => {
    const [a, b, c] = [await logCall('One'), await logCall('Two'), await logCall('Three')];
    const first = await t.call('documents.attach', { path: write('a.txt', 'a'), activityId: a.id });
    const second = await t.call('documents.attach', { path: write('b.txt', 'b'), activityId: b.id });
    await t.call('documents.attach', { path: write('c.txt', 'c'), activityId: c.id });
    await t.call('documents.link', { id: first.id, activityId: b.id });
    const page = await t.call('documents.list', { activityIds: [a.id, b.id], sort: 'name' });
    expect(page.items.map((d) => d.name)).toEqual(['a.txt', 'b.txt']);
    expect(page.items[0]?.links.map((l) => l.id)).toEqual([a.id, b.id]);
    expect(page.items[1]?.id).toBe(second.id);
    // Trashed documents stay out of the timeline.
    await t.call('documents.delete', { id: second.id });
    expect((await t.call('documents.list', { activityIds: [b.id] })).items.map((d) => d.id)).toEqual([first.id]);
  });

  it('refuses a missing or trashed activity (NOT_FOUND) on attach and link, storing nothing', async () => {
    const call = await logCall();
    const missing = '01930000-0000-7000-8000-000000000000';
    expect(await t.fail('documents.attach', { path: write('q.pdf', '%PDF-1.4 q'), activityId: missing })).toMatchObject({ code: 'NOT_FOUND' });
    await t.call('activities.delete', { id: call.id });
    expect(await t.fail('documents.attach', { path: write('q.pdf', '%PDF-1.4 q'), activityId: call.id })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/Activity/) });
    expect(blobFiles()).toEqual([]);
    expect((await t.call('documents.list', {})).total).toBe(0);
    const doc = await t.call('documents.attach', { path: write('q.pdf', '%PDF-1.4 q'), contactId: maya });
    expect(await t.fail('documents.link', { id: doc.id, activityId: call.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.call('documents.get', { id: doc.id })).links.map((l) => l.type)).toEqual(['contact']);
  });

  it('refuses listing by activities and by a record at once (VALIDATION on activityIds)', async () => {
    const call = await logCall();
    expect(await t.fail('documents.list', { activityIds: [call.id], contactId: maya })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'activityIds' }] });
  });

  it('unlinks from an activity without touching the file, and a file kept elsewhere survives its activity', async () => {
    const call = await logCall();
    const doc = await t.call('documents.attach', { path: write('form.pdf', '%PDF-1.4 form'), activityId: call.id });
    await t.call('documents.link', { id: doc.id, jobId: job });
    const unlinked = await t.call('documents.unlink', { id: doc.id, activityId: call.id });
    expect(unlinked.links.map((l) => l.type)).toEqual(['job']);
    expect(existsSync(blobPath(doc.sha256!))).toBe(true);
  });
});
