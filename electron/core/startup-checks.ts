// What openCore checks before it trusts the data file, and the one error it throws when the file cannot be used:
// a StartupProblem with the reason a user can act on (read-only, full, locked, damaged, in use, unknown shape).
// Plain Node; electron/main and the harness turn a problem into a screen (startup.ts).
import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { STORAGE_TEXT, type StorageReason } from '../../shared/ipc/errors';
import type { Sqlite } from '../db/connection';
import { storageReason } from '../db/failures';
import { FolderInUseError } from '../db/folder-lock';
import { SchemaTooNewError } from '../db/migrator';

/** The data file cannot be used as it is; `reason` picks the screen, `cause` (if any) goes to the log only. */
export class StartupProblem extends Error {
  readonly title: string;
  constructor(
    readonly reason: StorageReason,
    readonly dataDir: string,
    options: { cause?: unknown } = {},
  ) {
    super(STORAGE_TEXT[reason].message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StartupProblem';
    this.title = STORAGE_TEXT[reason].title;
  }
}

/**
 * SQLite says only "unable to open database file" for a read-only folder, a full disk and a missing drive alike;
 * a probe file in the folder tells them apart (as root, permissions don't stop writes, a read-only mount does).
 */
export function diagnoseFolder(dataDir: string): StorageReason | null {
  const probe = join(dataDir, `.rapport-probe-${process.pid}`);
  let created = false;
  try {
    const fd = openSync(probe, 'wx');
    created = true;
    try {
      // An empty file fits on a full disk; a page's worth does not.
      writeSync(fd, Buffer.alloc(8192));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return null;
  } catch (error) {
    const reason = storageReason(error);
    return reason === null ? 'unreachable' : reason;
  } finally {
    if (created) rmSync(probe, { force: true });
  }
}

/**
 * An error thrown while opening the store as the problem to show, or null for one that is not about the file (a bug
 * in a migration), which the caller reports as a plain failure.
 */
export function startupProblemOf(error: unknown, dataDir: string): StartupProblem | null {
  if (error instanceof StartupProblem) return error;
  if (error instanceof SchemaTooNewError) return new StartupProblem('tooNew', dataDir, { cause: error });
  if (error instanceof FolderInUseError) return new StartupProblem('inUse', dataDir, { cause: error });
  const reason = storageReason(error);
  if (reason === null) return null;
  return new StartupProblem(reason === 'unreachable' ? (diagnoseFolder(dataDir) ?? reason) : reason, dataDir, { cause: error });
}

/**
 * Up to this size the whole file is quick-checked at every start (a 148 MB store took 2.0 s on a busy 2-core test
 * machine). A bigger store (1 GB with 100,000 contacts and 1,000,000 activities took 7.5-10 s) checks only the tables
 * the first screen reads (0.9 s); the rest is read whole by every automatic backup, whose integrity_check on the copy
 * reports damage in the source too.
 */
export const FULL_CHECK_MAX_BYTES = 128 * 1024 * 1024;
const FIRST_SCREEN_TABLES = ['schema_migrations', 'contacts', 'companies'];

/**
 * Before anything writes to it (run on the fresh connection, before its switch to WAL): the file must read back
 * whole (quick_check: every page and index entry, in a fraction of an integrity_check's time), and have Rapport's
 * record of migrations if it has any tables at all.
 */
export function inspectStoreAtStart(sqlite: Sqlite, dataDir: string, options: { fullCheckMaxBytes?: number } = {}): void {
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  const bytes = (sqlite.pragma('page_count', { simple: true }) as number) * (sqlite.pragma('page_size', { simple: true }) as number);
  const targets = bytes <= (options.fullCheckMaxBytes ?? FULL_CHECK_MAX_BYTES) ? [null] : FIRST_SCREEN_TABLES.filter((t) => tables.includes(t));
  for (const table of targets) {
    const check = sqlite.pragma(table === null ? 'quick_check(1)' : `quick_check("${table}")`, { simple: true });
    if (check !== 'ok') throw new StartupProblem('damaged', dataDir, { cause: new Error(`quick_check${table ? ` of ${table}` : ''}: ${String(check)}`) });
  }

  if (tables.length > 0 && !tables.includes('schema_migrations')) {
    throw new StartupProblem('unknownShape', dataDir, { cause: new Error(`tables without schema_migrations: ${tables.slice(0, 5).join(', ')}`) });
  }
}

/** Before migrating: the store takes a write, so a read-only file or folder, or another program's lock, shows now. */
export function checkStoreWritable(sqlite: Sqlite): void {
  // A write that is rolled back: nothing reaches the file.
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    sqlite.pragma(`user_version = ${version}`);
  } finally {
    // SQLite may already have rolled back on its own (a full disk does that).
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
  }
}
