// A write that fails because of the disk, not a bug, reaches the window as STORAGE with a reason the user can act
// on (read-only, full, locked, damaged), never "Something went wrong inside Rapport"; the log keeps the real cause.
// Every failure here is the real one, from a real SQLite file or file-system call (see storage-conditions.ts).
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../electron/core/dispatcher';
import { fileLogger, memoryLogger } from '../../electron/core/logger';
import { STORAGE_TEXT, type ErrorEnvelope, type StorageReason } from '../../shared/ipc/errors';
import { damagePage, readOnlyFolder } from '../helpers/storage-conditions';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-store-failures-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A real SQLite file with one table, in WAL mode as Rapport keeps its store. */
function database(dir: string, rows = 0): string {
  const file = join(dir, 'rapport.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE notes (body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO notes VALUES (?)');
  for (let i = 0; i < rows; i++) insert.run(`note ${i} `.repeat(40));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return file;
}

/** A dispatcher whose tags.list runs `work`: the failure goes through the same path as any channel's. */
function dispatcherRunning(work: () => unknown, dataDir?: string) {
  const logger = memoryLogger();
  const handlers = new Proxy({} as Handlers, {
    get: () => async () => {
      work();
      return { items: [] };
    },
  });
  return { dispatch: createDispatcher(handlers, logger, dataDir === undefined ? {} : { dataDir }), logger };
}

async function failure(work: () => unknown, dataDir?: string): Promise<{ error: ErrorEnvelope; logged: unknown }> {
  const { dispatch, logger } = dispatcherRunning(work, dataDir);
  const result = await dispatch('tags.list', {});
  if (result.ok) throw new Error('the work did not fail');
  return { error: result.error, logged: logger.lines.find((l) => l.level === 'error')?.details };
}

function expectStorage(error: ErrorEnvelope, reason: StorageReason): void {
  expect(error).toEqual({ code: 'STORAGE', reason, message: STORAGE_TEXT[reason].message });
  expect(error.message).not.toMatch(/Something went wrong|SQLITE|E[A-Z]{3,}|\//);
}

describe('a failed write says what happened and what to do', () => {
  it('read-only data file (opened read-only: SQLITE_READONLY)', async () => {
    const file = database(tempDir());
    const db = new Database(file, { readonly: true });
    cleanups.push(() => db.close());
    const { error, logged } = await failure(() => db.prepare('INSERT INTO notes VALUES (?)').run('x'));
    expectStorage(error, 'readOnly');
    expect(logged).toMatchObject({ code: 'SQLITE_READONLY' });
  });

  it('read-only data folder (a real read-only folder: chmod, or a read-only bind mount as root)', async () => {
    const dataDir = tempDir();
    const folder = readOnlyFolder(dataDir);
    cleanups.push(folder.undo);
    const inside = await failure(() => writeFileSync(join(dataDir, 'export.csv'), 'a,b'), dataDir);
    expectStorage(inside.error, 'readOnly');
    expect((inside.logged as { code: string }).code).toMatch(/^(EROFS|EACCES)$/);
    // The same refusal for a file the user chose outside the data folder is about that file, not the store.
    const outside = await failure(() => writeFileSync(join(dataDir, 'export.csv'), 'a,b'), join(tempDir(), 'elsewhere'));
    expectStorage(outside.error, 'noAccess');
  });

  it('full disk: SQLITE_FULL from a store that can grow no more (max_page_count), ENOSPC from a real device', async () => {
    const file = database(tempDir(), 50);
    const db = new Database(file);
    cleanups.push(() => db.close());
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const full = await failure(() => db.prepare('INSERT INTO notes VALUES (?)').run('x'.repeat(100_000)));
    expectStorage(full.error, 'diskFull');
    expect(full.logged).toMatchObject({ code: 'SQLITE_FULL' });
    // What was there is untouched, and the store takes writes again once there is room.
    expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(50);
    db.pragma(`max_page_count = ${pages + 1000}`);
    db.prepare('INSERT INTO notes VALUES (?)').run('x'.repeat(100_000));

    // /dev/full answers every write with ENOSPC, on any Linux, root or not.
    const device = await failure(() => writeFileSync('/dev/full', 'x'));
    expectStorage(device.error, 'diskFull');
    expect(device.logged).toMatchObject({ code: 'ENOSPC' });
  });

  it('locked: another connection holds the write lock past the busy timeout (SQLITE_BUSY)', async () => {
    const file = database(tempDir());
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    holder.prepare('INSERT INTO notes VALUES (?)').run('theirs');
    const db = new Database(file);
    db.pragma('busy_timeout = 50');
    cleanups.push(() => (db.close(), holder.close()));
    const { error, logged } = await failure(() => db.prepare('INSERT INTO notes VALUES (?)').run('ours'));
    expectStorage(error, 'locked');
    expect(logged).toMatchObject({ code: 'SQLITE_BUSY' });
    holder.exec('COMMIT');
    db.prepare('INSERT INTO notes VALUES (?)').run('ours');
  });

  it('damaged: a page overwritten with garbage (SQLITE_CORRUPT)', async () => {
    const file = database(tempDir(), 400);
    damagePage(file, 5);
    const db = new Database(file);
    cleanups.push(() => db.close());
    const { error, logged } = await failure(() => db.prepare('SELECT body FROM notes').all());
    expectStorage(error, 'damaged');
    expect((logged as { code: string }).code).toMatch(/^SQLITE_CORRUPT/);
  });

  it('a bug is still INTERNAL, with nothing of it in the answer', async () => {
    const { error } = await failure(() => {
      throw new TypeError('cannot read properties of undefined (reading "name") at /home/maya/rapport');
    });
    expect(error).toEqual({ code: 'INTERNAL', message: 'Something went wrong inside Rapport. Details are in the log.' });
  });
});

describe('the log keeps the real cause', () => {
  it('writes name, code, message and stack of a failure to <dataDir>/logs/rapport.log', async () => {
    const dir = tempDir();
    const logger = fileLogger(join(dir, 'logs'), { also: memoryLogger() });
    const handlers = new Proxy({} as Handlers, {
      get: () => async () => {
        writeFileSync('/dev/full', 'x');
      },
    });
    const result = await createDispatcher(handlers, logger)('tags.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE', reason: 'diskFull' } });
    type Line = { level: string; message: string; details: { stack: string } };
    const [line] = readFileSync(logger.file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);
    expect(line).toMatchObject({ level: 'error', message: 'tags.list failed (diskFull)' });
    expect(line!.details).toMatchObject({ name: 'Error', code: 'ENOSPC', syscall: 'write', message: expect.stringContaining('no space left') });
    expect(line!.details.stack).toContain('store-failures.test.ts');
  });

  it('a log that cannot be written never fails the work being logged', () => {
    const also = memoryLogger();
    const logger = fileLogger('/dev/full/logs', { also });
    logger.error('still said', new Error('x'));
    expect(also.lines).toEqual([{ level: 'error', message: 'still said', details: expect.any(Error) }]);
  });

  it('rotates past its size cap, keeping the previous file', () => {
    const dir = tempDir();
    const logger = fileLogger(dir, { also: memoryLogger(), maxBytes: 200 });
    for (let i = 0; i < 10; i++) logger.info(`line ${i}`, { padding: 'x'.repeat(50) });
    expect(readFileSync(join(dir, 'rapport.log.1'), 'utf8')).toContain('"line');
    expect(readFileSync(logger.file, 'utf8')).toContain('line 9');
  });
});
