// Where the data lives after "Move data folder": the old folder keeps a small note naming the new one, which the
// app follows at start (Electron main calls followMovedFolder on the folder it resolved), and the new folder a note
// naming the old one, so the old copy is removed only once the new folder has opened. No `electron` import.
import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { DB_FILE } from '../../db/connection';
import { LOCK_FILE } from '../../db/folder-lock';
import type { Logger } from '../logger';

/** In the old folder: where the data went. Kept for good (it is how Rapport finds the new folder). */
export const MOVED_TO_FILE = 'data-folder-moved.json';
/** In the new folder until the first start there: where the data came from. */
export const MOVED_FROM_FILE = 'data-folder-moved-from.json';

/**
 * What a data folder holds besides the data file itself: documents, backups, secrets, the sent log, window
 * state, logs. Only these are copied and later removed: a data folder may be Electron's own profile folder.
 */
export const FOLDER_ENTRIES = ['documents', 'backups', 'secrets.json', 'TEST-ONLY-plaintext-secrets.json', 'outbox-sent.log', 'window-state.json', 'logs'];
const STORE_FILES = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, `${DB_FILE}-journal`, LOCK_FILE];

function readNote(path: string, key: 'movedTo' | 'movedFrom'): string | null {
  try {
    const value = (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>)[key];
    return typeof value === 'string' && isAbsolute(value) ? value : null;
  } catch {
    return null;
  }
}

function writeNote(path: string, note: Record<string, string>): void {
  const temp = `${path}.tmp`;
  writeFileSync(temp, JSON.stringify(note, null, 2), { flush: true });
  renameSync(temp, path);
}

export function writeMovedNotes(from: string, to: string, at: Date): void {
  writeNote(join(to, MOVED_FROM_FILE), { movedFrom: from, movedAt: at.toISOString() });
  writeNote(join(from, MOVED_TO_FILE), { movedTo: to, movedAt: at.toISOString() });
}

/** Where a moved folder's data went, if it did. */
export const movedTo = (dataDir: string): string | null => readNote(join(dataDir, MOVED_TO_FILE), 'movedTo');

/**
 * The folder to open: `dataDir`, or where its data was moved (followed a few times, never in a loop). `missing`
 * names a new folder that cannot be found (a drive not plugged in): open nothing and say so, rather than
 * starting afresh in the old folder.
 */
export function followMovedFolder(dataDir: string): { dataDir: string; missing: string | null } {
  let current = dataDir;
  const seen = new Set<string>([dataDir]);
  for (let hop = 0; hop < 8; hop++) {
    const next = movedTo(current);
    if (next === null || seen.has(next)) return { dataDir: current, missing: null };
    if (!existsSync(join(next, DB_FILE))) return { dataDir: current, missing: next };
    seen.add(next);
    current = next;
  }
  return { dataDir: current, missing: null };
}

const same = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};

/**
 * At the first start in a folder the data was moved to: the new folder opened, so the old copy goes (its note
 * stays). Only the entries a move copies are removed, and only when the old folder's note points here.
 */
export function removeOldCopy(dataDir: string, logger: Logger): string | null {
  const arrived = join(dataDir, MOVED_FROM_FILE);
  const from = readNote(arrived, 'movedFrom');
  if (from === null) return null;
  const pointer = movedTo(from);
  if (pointer !== null && same(pointer, dataDir)) {
    for (const name of [...STORE_FILES, ...FOLDER_ENTRIES]) {
      try {
        rmSync(join(from, name), { recursive: true, force: true });
      } catch (error) {
        logger.warn('could not remove part of the old data folder', { name, error });
      }
    }
    logger.info('removed the old copy of the moved data folder', { from });
  }
  rmSync(arrived, { force: true });
  return from;
}
