// The whole core on a disk that fills up: the user is told plainly, nothing already saved is lost, and Rapport
// carries on by itself once space returns. Uses a real 4 MB tmpfs when this process may mount (root, as in CI);
// otherwise the store's own ceiling (PRAGMA max_page_count), which makes SQLite take the same SQLITE_FULL path.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/app';
import { memoryLogger } from '../../electron/core/logger';
import { harnessPlatform } from '../../electron/harness/platform';
import { STORAGE_TEXT } from '../../shared/ipc/errors';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';
import { canMount, smallDisk } from '../helpers/storage-conditions';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A core whose disk can be filled and freed, and the mechanism used. */
async function coreOnSmallDisk(): Promise<{ t: TestCore; fill(): void; free(): void; how: string }> {
  if (canMount()) {
    const disk = smallDisk(4096);
    cleanups.push(disk.unmount);
    const t = await openTestCore({ dataDir: join(disk.dir, 'data') });
    cleanups.push(() => t.close());
    return { t, fill: disk.fill, free: disk.free, how: 'a full 4 MB tmpfs' };
  }
  const t = await openTestCore();
  cleanups.push(() => t.destroy());
  const sqlite = t.core.store.sqlite;
  return {
    t,
    fill: () => sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`),
    free: () => sqlite.pragma('max_page_count = 1073741823'),
    how: 'PRAGMA max_page_count',
  };
}

describe('a full disk', () => {
  it('says so in plain words, loses nothing already saved, and recovers when space returns', async () => {
    const { t, fill, free, how } = await coreOnSmallDisk();
    const saved: string[] = [];
    for (let i = 0; i < 20; i++) saved.push((await t.call('contacts.create', { firstName: `Saved ${i}`, notes: 'n'.repeat(2000) })).id);

    fill();
    const failures = [];
    for (let i = 0; i < 5; i++) failures.push(await t.fail('contacts.create', { firstName: `Lost ${i}`, notes: 'x'.repeat(20_000) }));
    for (const error of failures) expect(error, how).toEqual({ code: 'STORAGE', reason: 'diskFull', message: STORAGE_TEXT.diskFull.message });
    expect(t.logger.lines.filter((l) => l.level === 'error').map((l) => (l.details as { code?: string }).code)).toContain('SQLITE_FULL');

    // Still readable while full; every acknowledged write is there, none of the refused ones.
    const whileFull = await t.call('contacts.list', { limit: 100 });
    expect(whileFull.items.map((c) => c.id).sort()).toEqual([...saved].sort());

    free();
    const after = await t.call('contacts.create', { firstName: 'After', notes: 'x'.repeat(20_000) });
    expect((await t.call('contacts.get', { id: after.id })).firstName).toBe('After');

    // And on disk: reopened, the store is whole.
    const { dataDir } = t;
    t.close();
    const file = new Database(join(dataDir, 'rapport.sqlite'), { readonly: true });
    try {
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(file.prepare(`SELECT count(*) FROM contacts WHERE first_name LIKE 'Saved %'`).pluck().get()).toBe(20);
      expect(file.prepare(`SELECT count(*) FROM contacts WHERE first_name LIKE 'Lost %'`).pluck().get()).toBe(0);
    } finally {
      file.close();
    }
  });

});

describe('a store locked by another program', () => {
  it('holding the write lock elsewhere: "the data file is busy", and the write goes through once it is let go', async () => {
    const dataDir = tempDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await openTestCore({ dataDir });
    first.close();
    const core = await openCore({ dataDir, platform: harnessPlatform(dataDir), logger: memoryLogger(), startReminders: false, busyTimeoutMs: 100 });
    cleanups.push(() => core.close());
    const holder = new Database(join(dataDir, 'rapport.sqlite'));
    holder.exec('BEGIN IMMEDIATE');
    const refused = await core.dispatch('contacts.create', { firstName: 'Waiting' });
    expect(refused).toEqual({ ok: false, error: { code: 'STORAGE', reason: 'locked', message: STORAGE_TEXT.locked.message } });
    holder.exec('ROLLBACK');
    holder.close();
    expect(await core.dispatch('contacts.create', { firstName: 'Waiting' })).toMatchObject({ ok: true });
  });
});
