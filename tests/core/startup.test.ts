// Starting on a data file that cannot be used gives a screen (reason, plain words, actions), never a crash:
// another Rapport on the folder, a read-only file or folder, a locked file, a damaged file (with "Restore the last
// good backup (time)"), a file of unknown shape. Real files, real locks, real read-only mounts (as root) or chmod.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { manualClock } from '../../electron/core/clock';
import { memoryLogger } from '../../electron/core/logger';
import { runStartupAction, startCore, type StartOptions, type StartResult } from '../../electron/core/startup';
import { inspectStoreAtStart } from '../../electron/core/startup-checks';
import { harnessPlatform } from '../../electron/harness/platform';
import { STORAGE_TEXT } from '../../shared/ipc/errors';
import { openTestCore, tempDir } from '../helpers/core';
import { damagePage, readOnlyFile, readOnlyFolder } from '../helpers/storage-conditions';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function options(dataDir: string, extra: Partial<StartOptions> = {}): StartOptions {
  return {
    dataDir,
    clock: manualClock('2026-11-22T09:00:00.000Z'),
    logger: memoryLogger(),
    startReminders: false,
    platform: harnessPlatform(dataDir),
    busyTimeoutMs: 100,
    formatTime: (iso) => iso.slice(0, 16).replace('T', ' '),
    ...extra,
  };
}

function opened(result: StartResult | null): Core {
  if (!result?.ok) throw new Error(`expected a core, got ${JSON.stringify(result && !result.ok ? result.screen : result)}`);
  cleanups.push(() => result.core.close());
  return result.core;
}

function problem(result: StartResult) {
  if (result.ok) {
    result.core.close();
    throw new Error('expected a start-up problem, the core opened');
  }
  return result.screen;
}

/** A store with one contact, closed. */
async function storeWith(name: string): Promise<string> {
  const t = await openTestCore();
  await t.call('contacts.create', { firstName: name });
  t.close();
  cleanups.push(() => rmSync(t.dataDir, { recursive: true, force: true }));
  return t.dataDir;
}

async function names(core: Core): Promise<string[]> {
  const result = await core.dispatch('contacts.list', {});
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as { items: { firstName: string }[] }).items.map((c) => c.firstName);
}

describe('start-up screens', () => {
  it('a second Rapport on the same folder is refused with "already open", and gets in once the first closes', async () => {
    const dataDir = tempDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await startCore(options(dataDir));
    if (!first.ok) throw new Error('the first core did not open');
    const screen = problem(await startCore(options(dataDir)));
    expect(screen).toMatchObject({ reason: 'inUse', title: STORAGE_TEXT.inUse.title, dataDir });
    expect(screen.actions.map((a) => a.id)).toEqual(['retry', 'showFolder', 'quit']);
    first.core.close();
    opened(await runStartupAction('retry', screen, options(dataDir)));
  });

  it('a read-only data file: "cannot save changes" before the user types anything; Try again works once fixed', async () => {
    const dataDir = await storeWith('Ann');
    const readOnly = readOnlyFile(join(dataDir, 'rapport.sqlite'));
    let undone = false;
    cleanups.push(() => undone || readOnly.undo());
    const screen = problem(await startCore(options(dataDir)));
    expect(screen, readOnly.how).toMatchObject({ reason: 'readOnly', title: 'Rapport cannot save changes' });
    expect(screen.actions.map((a) => a.id)).toEqual(['retry', 'showFolder', 'quit']);
    readOnly.undo();
    undone = true;
    expect(await names(opened(await runStartupAction('retry', screen, options(dataDir))))).toEqual(['Ann']);
  });

  it('a read-only data folder', async () => {
    const dataDir = await storeWith('Ann');
    const readOnly = readOnlyFolder(dataDir);
    cleanups.push(readOnly.undo);
    expect(problem(await startCore(options(dataDir))), readOnly.how).toMatchObject({ reason: 'readOnly' });
  });

  it('a file another program holds locked (a writer mid-transaction, or an exclusive lock)', async () => {
    const dataDir = await storeWith('Ann');
    const file = join(dataDir, 'rapport.sqlite');
    const writer = new Database(file);
    writer.exec('BEGIN IMMEDIATE');
    writer.prepare(`UPDATE contacts SET first_name = 'Anne'`).run();
    const screen = problem(await startCore(options(dataDir)));
    expect(screen).toMatchObject({ reason: 'locked', title: 'The data file is busy' });
    writer.exec('COMMIT');
    writer.close();

    const exclusive = new Database(file);
    exclusive.pragma('locking_mode = EXCLUSIVE');
    exclusive.exec('BEGIN EXCLUSIVE; COMMIT');
    expect(problem(await startCore(options(dataDir)))).toMatchObject({ reason: 'locked' });
    exclusive.close();
    expect(await names(opened(await runStartupAction('retry', screen, options(dataDir))))).toEqual(['Anne']);
  });

  it('a damaged file (quick_check fails): one click restores the last good backup, the damaged file is kept aside', async () => {
    const t = await openTestCore();
    cleanups.push(() => rmSync(t.dataDir, { recursive: true, force: true }));
    await t.call('contacts.create', { firstName: 'Saved' });
    const { backup } = await t.call('backups.create', {});
    for (let i = 0; i < 60; i++) await t.call('contacts.create', { firstName: `Later ${i}`, notes: 'x'.repeat(3000) });
    t.close();
    const file = join(t.dataDir, 'rapport.sqlite');
    const before = readFileSync(file).length;
    damagePage(file, Math.floor(before / 4096) - 3);

    const screen = problem(await startCore(options(t.dataDir)));
    expect(screen).toMatchObject({ reason: 'damaged', title: 'The data file is damaged', backup: { id: backup.id, takenAt: backup.createdAt } });
    expect(screen.actions[0]).toEqual({ id: 'restoreBackup', label: `Restore the last good backup (${backup.createdAt.slice(0, 16).replace('T', ' ')})` });
    expect(screen.actions.map((a) => a.id)).toEqual(['restoreBackup', 'showFolder', 'quit']);

    const core = opened(await runStartupAction('restoreBackup', screen, options(t.dataDir)));
    expect(await names(core)).toEqual(['Saved']);
    const aside = readdirSync(t.dataDir).filter((n) => n.startsWith('rapport.sqlite.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(t.dataDir, aside[0]!)).length).toBe(before);
  });

  it('a damaged file with only a pre-migration copy from an older Rapport restores that; with none, says so', async () => {
    const dataDir = await storeWith('Old');
    const legacy = join(dataDir, 'backups', 'rapport-2026-01-01T00-00-00-000Z-before-0009_x.sqlite');
    mkdirSync(join(dataDir, 'backups'), { recursive: true });
    const copy = new Database(join(dataDir, 'rapport.sqlite'));
    await copy.backup(legacy);
    copy.close();
    // Only the legacy copy: no backup with a manifest.
    for (const name of readdirSync(join(dataDir, 'backups'))) if (name.endsWith('.json')) rmSync(join(dataDir, 'backups', name));
    writeFileSync(join(dataDir, 'rapport.sqlite'), Buffer.alloc(16384, 0x42));

    const screen = problem(await startCore(options(dataDir)));
    expect(screen).toMatchObject({ reason: 'damaged', backup: { id: 'rapport-2026-01-01T00-00-00-000Z-before-0009_x.sqlite' } });
    expect(await names(opened(await runStartupAction('restoreBackup', screen, options(dataDir))))).toEqual(['Old']);

    const bare = tempDir();
    cleanups.push(() => rmSync(bare, { recursive: true, force: true }));
    writeFileSync(join(bare, 'rapport.sqlite'), Buffer.alloc(16384, 0x42));
    const none = problem(await startCore(options(bare)));
    expect(none).toMatchObject({ reason: 'damaged', backup: null });
    expect(none.message).toContain('No good backup was found');
    expect(none.actions.map((a) => a.id)).toEqual(['showFolder', 'quit']);
  });

  it('a store over the full-check size checks the tables the first screen reads (a damaged contacts page is caught)', async () => {
    const t = await openTestCore();
    cleanups.push(() => rmSync(t.dataDir, { recursive: true, force: true }));
    for (let i = 0; i < 40; i++) await t.call('contacts.create', { firstName: `C${i}`, notes: 'x'.repeat(3000) });
    t.close();
    const file = join(t.dataDir, 'rapport.sqlite');
    const reader = new Database(file, { readonly: true });
    const page = reader.prepare(`SELECT pageno FROM dbstat WHERE name = 'contacts' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1`).pluck().get() as number;
    reader.close();
    damagePage(file, page - 1);
    const sqlite = new Database(file, { readonly: true });
    cleanups.push(() => sqlite.close());
    expect(() => inspectStoreAtStart(sqlite, t.dataDir, { fullCheckMaxBytes: 0 })).toThrow(expect.objectContaining({ reason: 'damaged' }));
  });

  it('a file with tables but no record of migrations is refused as unknown, and left unchanged', async () => {
    const dataDir = tempDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const file = join(dataDir, 'rapport.sqlite');
    const foreign = new Database(file);
    foreign.exec(`CREATE TABLE companies (id TEXT PRIMARY KEY, name TEXT); INSERT INTO companies VALUES (1, 'Theirs')`);
    foreign.close();
    const bytes = readFileSync(file);
    const screen = problem(await startCore(options(dataDir)));
    expect(screen).toMatchObject({ reason: 'unknownShape', title: 'This data file is not one Rapport can read' });
    expect(screen.message).not.toMatch(/already exists/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
  });

  it('the problem and its cause go to the log', async () => {
    const dataDir = await storeWith('Ann');
    const logger = memoryLogger();
    const writer = new Database(join(dataDir, 'rapport.sqlite'));
    writer.exec('BEGIN IMMEDIATE');
    cleanups.push(() => writer.close());
    problem(await startCore(options(dataDir, { logger })));
    expect(logger.lines).toContainEqual({ level: 'error', message: 'start-up problem: locked', details: expect.objectContaining({ code: 'SQLITE_BUSY' }) });
  });
});
