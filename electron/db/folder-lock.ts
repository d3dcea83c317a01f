// One Rapport per data folder: two processes (two Electron profiles, two harnesses, a copy of the app) writing one
// store would race their reminders, outbox and backups. The lock is an exclusive SQLite lock on a small file beside
// the store: the OS drops it when the holder dies (even kill -9), so a crash never leaves a stale lock behind.
import { join } from 'node:path';
import Database from 'better-sqlite3';

export const LOCK_FILE = 'rapport.lock';

/** Another Rapport (this process or another) holds the data folder. */
export class FolderInUseError extends Error {
  constructor(readonly dataDir: string) {
    super(`Another Rapport is using the data folder ${dataDir}`);
    this.name = 'FolderInUseError';
  }
}

export interface FolderLock {
  release(): void;
}

/** Takes the folder's lock at once (no waiting) or throws FolderInUseError; other errors (read-only folder) pass through. */
export function lockDataFolder(dataDir: string): FolderLock {
  const lock = new Database(join(dataDir, LOCK_FILE));
  try {
    lock.pragma('busy_timeout = 0');
    // In exclusive locking mode the first write's EXCLUSIVE lock is kept until the connection closes.
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    lock.close();
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) throw new FolderInUseError(dataDir);
    throw error;
  }
  return {
    release() {
      if (lock.open) lock.close();
    },
  };
}
