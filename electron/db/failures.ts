// Turns a failed read or write (a SQLite result code, a file-system errno) into the reason a user can act on:
// read-only, disk full, locked, damaged, unreachable. Shared by the store's start-up checks and the dispatcher.
// Plain Node; never imports core or `electron`.
import type { StorageReason } from '../../shared/ipc/errors';

/** The error's code: better-sqlite3's SqliteError (`SQLITE_FULL`, extended codes too) or Node's (`ENOSPC`). */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

const BY_ERRNO: Record<string, StorageReason> = {
  EROFS: 'readOnly',
  EACCES: 'readOnly',
  EPERM: 'readOnly',
  ENOSPC: 'diskFull',
  EDQUOT: 'diskFull',
  EFBIG: 'diskFull',
  EBUSY: 'locked',
  EIO: 'unreachable',
  ENXIO: 'unreachable',
  ENODEV: 'unreachable',
  ESTALE: 'unreachable',
};

/**
 * The reason behind a storage failure, or null when it is not one (a bug, a constraint, a parse error). Extended
 * SQLite codes (`SQLITE_READONLY_DBMOVED`, `SQLITE_IOERR_WRITE`) share their primary code's reason. SQLite reports a
 * full disk as SQLITE_FULL, but some file systems answer a failed WAL or journal write with SQLITE_IOERR_WRITE/FSYNC.
 */
export function storageReason(error: unknown, depth = 0): StorageReason | null {
  const code = errorCode(error);
  if (code === undefined) {
    // A service may wrap the driver's error; the cause still says what the disk did.
    const cause = error instanceof Error ? error.cause : undefined;
    return cause !== undefined && depth < 3 ? storageReason(cause, depth + 1) : null;
  }
  if (code in BY_ERRNO) return BY_ERRNO[code]!;
  if (!code.startsWith('SQLITE_')) return null;
  const primary = code.split('_').slice(0, 2).join('_');
  switch (primary) {
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
      return 'readOnly';
    case 'SQLITE_FULL':
      return 'diskFull';
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'locked';
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return 'damaged';
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_IOERR':
      return 'unreachable';
    default:
      return null;
  }
}
