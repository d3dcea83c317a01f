// The migrator's safety promises on real files: pragmas, an online backup before touching an existing
// file, each migration in its own transaction, and a clear refusal of a file from a newer Rapport.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/app';
import { harnessPlatform } from '../../electron/harness/platform';
import { openSqlite } from '../../electron/db/connection';
import { migrate, SchemaTooNewError } from '../../electron/db/migrator';
import { migrations, type Migration } from '../../electron/db/migrations';
import { REPO_ROOT } from '../../electron/harness/renderer-build';
import { openTestCore, tempDir } from '../helpers/core';
import { openDb } from '../helpers/migrations';

const now = () => new Date('2026-11-22T09:00:00.000Z');

describe('the store', () => {
  it('opens with WAL, foreign keys, a busy timeout and synchronous=FULL', () => {
    const db = openSqlite(join(tempDir(), 'p.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });

  it('keeps a committed contact when the process is killed right after saving', async () => {
    const dataDir = tempDir();
    const script = `
      import { openCore } from './electron/core/app.ts';
      import { harnessPlatform } from './electron/harness/platform.ts';
      const core = await openCore({ dataDir: ${JSON.stringify(dataDir)}, logger: { info() {}, warn() {}, error() {} }, platform: harnessPlatform(${JSON.stringify(dataDir)}) });
      const r = await core.dispatch('contacts.create', { firstName: 'Survivor' });
      if (!r.ok) process.exit(3);
      process.kill(process.pid, 'SIGKILL');`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    const t = await openTestCore({ dataDir });
    expect((await t.call('contacts.list', {})).items.map((c) => c.displayName)).toEqual(['Survivor']);
    t.destroy();
  });
});

describe('migrate', () => {
  const fresh = () => openDb();

  it('applies pending migrations on a new file without a backup', async () => {
    const { dir, sqlite, db } = await fresh();
    const result = await migrate(sqlite, db, { backupDir: join(dir, 'backups'), now });
    expect(result).toEqual({ applied: migrations.map((m) => m.name), backupPath: null });
    expect(await migrate(sqlite, db, { backupDir: join(dir, 'backups'), now })).toEqual({ applied: [], backupPath: null });
    await db.destroy();
  });

  it('writes a readable backup of an existing file before a pending migration touches it', async () => {
    const t = await openTestCore();
    await t.call('contacts.create', { firstName: 'Before' });
    t.close();

    const { sqlite, db } = await openDb({ dir: t.dataDir });
    const next: Migration[] = [...migrations, { name: '9000_add_column', up: async (d) => void (await sql`ALTER TABLE contacts ADD COLUMN extra TEXT`.execute(d)) }];
    const result = await migrate(sqlite, db, { backupDir: join(t.dataDir, 'backups'), now, migrations: next });
    await db.destroy();

    expect(result.applied).toEqual(['9000_add_column']);
    expect(result.backupPath).toBe(join(t.dataDir, 'backups', 'rapport-2026-11-22T09-00-00-000Z-before-9000_add_column.sqlite'));
    const backup = new Database(result.backupPath!, { readonly: true });
    expect(backup.prepare('SELECT first_name FROM contacts').pluck().all()).toEqual(['Before']);
    expect(backup.prepare(`SELECT count(*) FROM pragma_table_info('contacts') WHERE name = 'extra'`).pluck().get()).toBe(0);
    backup.close();
  });

  it('applies each migration in its own transaction: a failure undoes only itself', async () => {
    const { dir, sqlite, db } = await fresh();
    const failing: Migration[] = [
      ...migrations,
      {
        name: '9001_half_done',
        up: async (d) => {
          await sql`CREATE TABLE half (x INTEGER)`.execute(d);
          await sql`THIS IS NOT SQL`.execute(d);
        },
      },
    ];
    await expect(migrate(sqlite, db, { backupDir: join(dir, 'backups'), now, migrations: failing })).rejects.toThrow();
    expect(sqlite.prepare('SELECT name FROM schema_migrations').pluck().all()).toEqual(migrations.map((m) => m.name));
    expect(sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'half'`).pluck().get()).toBe(0);
    expect(sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'contacts'`).pluck().get()).toBe(1);
    await db.destroy();
  });

  it('refuses a file written by a newer Rapport, clearly, and leaves it untouched', async () => {
    const t = await openTestCore();
    await t.call('contacts.create', { firstName: 'Future' });
    t.close();
    const file = join(t.dataDir, 'rapport.sqlite');
    const newer = new Database(file);
    newer.prepare(`INSERT INTO schema_migrations VALUES ('9999_from_the_future', '2027-01-01T00:00:00.000Z')`).run();
    newer.pragma('wal_checkpoint(TRUNCATE)');
    newer.close();
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;

    const opening = openCore({ dataDir: t.dataDir, logger: { info() {}, warn() {}, error() {} }, platform: harnessPlatform(t.dataDir) });
    await expect(opening).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(opening).rejects.toThrow(/newer version of Rapport.*9999_from_the_future.*not changed/s);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(readdirSync(t.dataDir)).not.toContain('backups');
  });
});
