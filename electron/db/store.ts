// The one place that knows where the data file is and how to open it: core asks the store for a connection
// (the main one, a bulk writer, a read snapshot) and never names the file. Never imports core or `electron`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { createKysely, DB_FILE, openSqlite, type Sqlite } from './connection';
import { lockDataFolder } from './folder-lock';
import type { DB } from './schema';

export interface Store {
  /** The data folder (rapport.sqlite, backups/, documents/ live in it). */
  readonly dataDir: string;
  /** The main connection through Kysely: every repo call. */
  readonly db: Kysely<DB>;
  /** The main connection's raw handle, for the few measured hot paths and the migrator's backup. */
  readonly sqlite: Sqlite;
  /**
   * A connection of its own for a bulk write (an import's batches, undoing an import), with the main one's
   * pragmas: its synchronous transactions never wait behind the main connection's Kysely work. The caller closes it.
   */
  bulkWriter(): Sqlite;
  /**
   * A read-only connection with a read transaction already begun: everything read on it sees one snapshot
   * (WAL) while the main connection keeps writing. For long exports; the caller closes it.
   */
  readSnapshot(): Sqlite;
  /** Closes the main connection (idempotent). Bulk writers and snapshots are their callers' to close. */
  close(): void;
}

export interface StoreOptions {
  /** How long a write waits for another program's lock before failing (tests shorten it). */
  busyTimeoutMs?: number;
  /** Checks on the main connection before it changes anything in the file (start-up: quick_check, shape). */
  inspect?: (sqlite: Sqlite) => void;
}

/**
 * Opens (creating the folder if missing) the data file in `dataDir`, after taking the folder's lock: throws
 * FolderInUseError when another Rapport has it, and the driver's own error (SQLITE_CANTOPEN, SQLITE_NOTADB, EROFS)
 * when the file cannot be opened. Does not migrate: see migrator.ts.
 */
export function openStore(dataDir: string, options: StoreOptions = {}): Store {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DB_FILE);
  const lock = lockDataFolder(dataDir);
  // Only the main connection is inspected; the others open a file that has passed.
  const { inspect: _inspected, ...others } = options;
  let sqlite: Sqlite;
  try {
    sqlite = openSqlite(file, options);
  } catch (error) {
    lock.release();
    throw error;
  }
  const db = createKysely(sqlite);
  return {
    dataDir,
    db,
    sqlite,
    bulkWriter: () => openSqlite(file, others),
    readSnapshot() {
      const reader = openSqlite(file, { ...others, readonly: true });
      try {
        reader.exec('BEGIN');
      } catch (error) {
        reader.close();
        throw error;
      }
      return reader;
    },
    close() {
      if (sqlite.open) sqlite.close();
      lock.release();
    },
  };
}
