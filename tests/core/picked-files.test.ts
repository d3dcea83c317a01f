// Issue #16 item 1: every channel that reads a user's file (contacts import, calendar import, documents in copy and
// link mode, email attachments, .eml filing) refuses, with a VALIDATION naming its field and quickly, a path that
// was not picked, a relative or `..` path, a symbolic link, a device, /proc, a FIFO, a NUL, a 300-byte name and a
// file over its limit; nothing is stored and no byte of the file reaches the message.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile, checkPicked, readChecked } from '../../electron/core/files/picked';
import { AppError } from '../../shared/ipc/errors';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';
import { pickPaths } from '../helpers/picks';

const SECRET = 'SECRET-MARKER-7f3a';
const MB = 1024 * 1024;

interface ReadChannel {
  name: string;
  channel: string;
  field: string;
  ext: string;
  /** Valid content of the kind, carrying the marker, so a leak would show. */
  content: string;
  /** Bytes over the limit (a sparse file); null: this channel reads nothing, so it has no size limit. */
  tooBig: number | null;
  input(path: string): unknown;
}

const CHANNELS: ReadChannel[] = [
  { name: 'contacts import preview', channel: 'import.preview', field: 'path', ext: 'csv', content: `First Name,Last Name\n${SECRET},X\n`, tooBig: 2048 * MB + 1, input: (path) => ({ path }) },
  { name: 'contacts import check', channel: 'import.check', field: 'path', ext: 'csv', content: `First Name,Last Name\n${SECRET},X\n`, tooBig: 2048 * MB + 1, input: (path) => ({ path, duplicates: 'create' }) },
  { name: 'contacts import run', channel: 'import.run', field: 'path', ext: 'vcf', content: `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${SECRET}\r\nEND:VCARD\r\n`, tooBig: 2048 * MB + 1, input: (path) => ({ path, duplicates: 'create' }) },
  { name: 'calendar preview', channel: 'schedule.importPreview', field: 'path', ext: 'ics', content: ics(), tooBig: 50 * MB + 1, input: (path) => ({ path }) },
  { name: 'calendar import', channel: 'schedule.importRun', field: 'path', ext: 'ics', content: ics(), tooBig: 50 * MB + 1, input: (path) => ({ path }) },
  { name: 'document (copy)', channel: 'documents.attach', field: 'path', ext: 'txt', content: SECRET, tooBig: 200 * MB + 1, input: (path) => ({ path, mode: 'copy' }) },
  { name: 'document (link)', channel: 'documents.attach', field: 'path', ext: 'txt', content: SECRET, tooBig: null, input: (path) => ({ path, mode: 'link' }) },
  { name: 'email attachment', channel: 'emails.send', field: 'attachments.0', ext: 'txt', content: SECRET, tooBig: 25 * MB + 1, input: (path) => ({ to: [{ address: 'ann@client.test' }], subject: 'Quote', body: 'x', attachments: [path] }) },
  { name: '.eml filing', channel: 'emails.importEml', field: 'path', ext: 'eml', content: `From: a@b.test\r\nSubject: ${SECRET}\r\n\r\n${SECRET}\r\n`, tooBig: 50 * MB + 1, input: (path) => ({ path }) },
];

function ics(): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:x@test', 'DTSTAMP:20261101T000000Z', 'DTSTART:20261125T140000Z', `SUMMARY:${SECRET}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
}

let t: TestCore;
let dir = '';
let outside = '';

beforeAll(async () => {
  t = await openTestCore();
  dir = tempDir('rapport-picked-');
  outside = tempDir('rapport-outside-');
  writeFileSync(join(outside, 'secret.txt'), `${SECRET}\n`);
});
afterAll(() => {
  t.destroy();
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

/** The hostile paths for one channel, each made fresh (a path picked for one channel counts for all). */
function hostilePaths(c: ReadChannel, n: number): { case: string; path: string; pick: boolean }[] {
  const here = join(dir, `c${n}`);
  mkdirSync(here);
  const file = (name: string, content: string) => {
    const path = join(here, name);
    writeFileSync(path, content);
    return path;
  };
  const link = (name: string, target: string) => {
    const path = join(here, name);
    symlinkSync(target, path);
    return path;
  };
  const out = [
    { case: 'not picked', path: file(`never-picked.${c.ext}`, c.content), pick: false },
    { case: 'relative', path: `quote.${c.ext}`, pick: true },
    { case: '..', path: `${here}/sub/../${`ok.${c.ext}`}`, pick: true },
    { case: 'symlink to /etc/passwd', path: link(`invoice.${c.ext}`, '/etc/passwd'), pick: true },
    { case: 'symlink to a file elsewhere', path: link(`notes.${c.ext}`, join(outside, 'secret.txt')), pick: true },
    { case: '/dev/zero', path: '/dev/zero', pick: true },
    { case: '/proc/self/environ', path: '/proc/self/environ', pick: true },
    { case: 'NUL in the path', path: join(here, `a\u0000b.${c.ext}`), pick: true },
    { case: '300-byte name', path: join(here, `${'é'.repeat(148)}.${c.ext}`), pick: true },
  ];
  mkdirSync(join(here, 'sub'));
  file(`ok.${c.ext}`, c.content);
  const fifo = join(here, `pipe.${c.ext}`);
  execFileSync('mkfifo', [fifo]);
  out.push({ case: 'FIFO', path: fifo, pick: true });
  if (c.tooBig !== null) {
    const big = file(`big.${c.ext}`, '');
    truncateSync(big, c.tooBig); // sparse: nothing is written
    out.push({ case: 'over the limit', path: big, pick: true });
  }
  return out;
}

describe('only picked files are read, and only if they are plain files within the limit', () => {
  it.each(CHANNELS.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const cases = hostilePaths(c, i);
    await pickPaths(t, cases.filter((x) => x.pick).map((x) => x.path));
    for (const hostile of cases) {
      const started = performance.now();
      const error = await t.fail(c.channel, c.input(hostile.path));
      const ms = performance.now() - started;
      const context = `${c.name}, ${hostile.case}`;
      expect(error, context).toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ path: c.field })] });
      const said = JSON.stringify(error);
      expect(said, context).not.toContain(SECRET);
      expect(said, context).not.toMatch(/root:|PATH=|HOME=/);
      // /dev/zero, a FIFO or a huge file are refused before reading: no wait, no growth.
      expect(ms, context).toBeLessThan(1500);
    }
  });

  it('stored nothing from any of them', async () => {
    expect((await t.call('contacts.list', {})).total).toBe(0);
    expect((await t.call('imports.list', {})).items).toEqual([]);
    expect((await t.call('schedule.imports', {})).items).toEqual([]);
    expect((await t.call('appointments.list', { from: '2026-01-01T00:00:00.000Z', to: '2027-12-31T00:00:00.000Z' })).items).toEqual([]);
    expect((await t.call('documents.list', {})).total).toBe(0);
    const blobs = join(t.dataDir, 'documents');
    expect(existsSync(blobs) ? readdirSync(blobs, { recursive: true }).filter((e) => !String(e).match(/^[0-9a-f]{2}$/)) : []).toEqual([]);
    expect((await t.call('outbox.list', {})).items).toEqual([]);
    expect((await t.call('activities.list', {})).items).toEqual([]);
  });

  it('still reads the same files when they are picked and plain', async () => {
    const ok = join(dir, 'fine');
    mkdirSync(ok);
    const csv = join(ok, 'contacts.csv');
    writeFileSync(csv, 'First Name,Last Name\nAnn,Lee\n');
    const calendar = join(ok, 'cal.ics');
    writeFileSync(calendar, ics());
    // A link among the folders above the file is fine (macOS's /tmp is one): the user saw the file's own name.
    const viaFolderLink = join(dir, 'folder-link');
    symlinkSync(ok, viaFolderLink);
    await pickPaths(t, [csv, calendar, ok, join(viaFolderLink, 'contacts.csv')]);
    expect((await t.call('import.preview', { path: csv })).sample).toHaveLength(1);
    expect((await t.call('import.preview', { path: join(viaFolderLink, 'contacts.csv') })).sample).toHaveLength(1);
    expect((await t.call('schedule.importPreview', { path: calendar })).events).toBe(1);
    // A picked folder may be linked (never copied).
    expect(await t.call('documents.attach', { path: ok, mode: 'link' })).toMatchObject({ isFolder: true });
    expect((await t.fail('documents.attach', { path: ok, mode: 'copy' })).issues?.[0]?.path).toBe('path');
  });
});

describe('the rule itself, below the channels\' schemas', () => {
  // The schemas refuse a NUL first; the rule must hold on its own (Node throws a TypeError on one, which was INTERNAL).
  it('refuses a NUL or an over-long name as VALIDATION naming the field, even when "picked"', () => {
    const everything = { has: () => true };
    const cases: [string, RegExp][] = [
      [join(dir, 'a\u0000b.csv'), /character no file name can have/],
      [join(dir, `${'x'.repeat(256)}.csv`), /longer than 255 bytes/],
      [join(dir, 'x'.repeat(256), 'a.csv'), /longer than 255 bytes/],
    ];
    for (const [path, message] of cases) {
      let thrown: unknown;
      try {
        checkPicked(everything, path, 'attachments.3', 'attachment');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect(thrown).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'attachments.3', message: expect.stringMatching(message) }] });
    }
  });

  it('reads only the file it checked, and never past the limit, even if the file changes in between', async () => {
    const path = join(dir, 'changing.eml');
    writeFileSync(path, 'x'.repeat(100));
    const checked = checkFile(path, 'path', 'eml', { maxBytes: 1000 });
    appendFileSync(path, 'y'.repeat(2000)); // grows past the limit after the check
    await expect(readChecked(checked, 'path', 'eml', { maxBytes: 1000 })).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path' }] });
    // Another file put in its place (made while the first still exists, so it cannot reuse its inode).
    writeFileSync(`${path}.new`, 'another file under the same name');
    renameSync(`${path}.new`, path);
    await expect(readChecked(checked, 'path', 'eml')).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path', message: expect.stringMatching(/replaced/) }] });
  });

  it('takes a folder only where one is asked for', () => {
    const everything = { has: () => true };
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    expect(checkPicked(everything, dir, 'secondFolder', 'folder')).toMatchObject({ isFolder: true });
    expect(() => checkPicked(everything, file, 'secondFolder', 'folder')).toThrow(/choose a folder/);
    expect(() => checkPicked(everything, dir, 'path', 'attachment')).toThrow(/folder/);
  });
});
