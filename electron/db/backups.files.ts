// Where backups live on disk and how their manifests are read and written: <dataDir>/backups/<id>.sqlite with
// <id>.json beside it (written last, so a listed backup is always complete), documents once in backups/blobs/.
// Plain Node, usable before the core opens (the damaged-store screen restores from here).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Backup } from '../../shared/ipc/backups.contract';
import { DB_FILE } from './connection';
import { TEMP_SUFFIX } from './backups.copy';

export const BACKUPS_FOLDER = 'backups';
const ID = /^[0-9a-f-]{36}$/;

/** What a backup's .json holds: the wire's fields plus what only the engine needs. */
export interface BackupManifest extends Backup {
  file: string;
  sha256: string;
  blobs: { sha256: string; size: number }[];
}

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUPS_FOLDER);
}

export function backupFile(dataDir: string, id: string): string {
  if (!ID.test(id)) throw new Error('not a backup id');
  return join(backupsDir(dataDir), `${id}.sqlite`);
}

export function blobPath(root: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
  return join(root, sha256.slice(0, 2), sha256);
}

/** Writes `text` to `path` through a temporary name, so a crash leaves the old file or the new, never half. */
export function writeFileAtomic(path: string, text: string | Buffer): void {
  const temp = path + TEMP_SUFFIX;
  writeFileSync(temp, text, { flush: true });
  renameSync(temp, path);
}

export function writeManifest(dataDir: string, manifest: BackupManifest): void {
  writeFileAtomic(join(backupsDir(dataDir), `${manifest.id}.json`), JSON.stringify(manifest, null, 1));
}

/** Every complete backup, newest first; a manifest whose copy is gone or that cannot be read is left out. */
export function readManifests(dataDir: string): BackupManifest[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  const out: BackupManifest[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json') || !ID.test(name.slice(0, -5))) continue;
    try {
      const manifest = JSON.parse(readFileSync(join(dir, name), 'utf8')) as BackupManifest;
      if (manifest.status === 'ok' && existsSync(backupFile(dataDir, manifest.id))) out.push(manifest);
    } catch {
      // A damaged manifest is not a backup anyone can rely on; its copy is removed by the next clean-up.
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}

/** Removes what a crash mid-backup can leave: partial copies, and copies whose manifest was never written. */
export function cleanUpBackups(dataDir: string): void {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return;
  const listed = new Set(readManifests(dataDir).map((m) => m.id));
  for (const name of readdirSync(dir)) {
    const stem = name.replace(/\.sqlite(-journal)?$/, '').replace(/\.sqlite\.partial(-journal)?$/, '');
    if (name.includes(TEMP_SUFFIX) || (ID.test(stem) && name.startsWith(stem + '.sqlite') && !listed.has(stem))) {
      rmSync(join(dir, name), { force: true });
    }
  }
}

/** Whether a closed SQLite file passes quick_check (false when it cannot even be opened). */
export function passesQuickCheck(file: string): boolean {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('quick_check', { simple: true }) === 'ok';
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/** The newest backup that still passes quick_check, for the damaged-store screen's "restore from (time)". */
export function latestGoodBackup(dataDir: string): BackupManifest | null {
  return readManifests(dataDir).find((m) => passesQuickCheck(backupFile(dataDir, m.id))) ?? null;
}

/**
 * Before the core opens (nothing may have the data file open): copies `from` to a temporary name, checks the copy,
 * moves the current file (and its -wal/-shm) aside as rapport.sqlite.damaged-<time>, never deleted, and renames the
 * copy into place. Throws, changing nothing, when the copy does not pass quick_check.
 */
export function replaceDataFile(dataDir: string, from: string, now: Date = new Date()): { damagedPath: string } {
  const live = join(dataDir, DB_FILE);
  const damagedPath = `${live}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  const temp = live + TEMP_SUFFIX;
  copyFileSync(from, temp);
  if (!passesQuickCheck(temp)) {
    rmSync(temp, { force: true });
    throw new Error(`${from} did not pass quick_check after copying`);
  }
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(live + suffix)) renameSync(live + suffix, damagedPath + suffix);
  }
  renameSync(temp, live);
  return { damagedPath };
}

/**
 * For the damaged-store screen: puts the newest good backup in place of the damaged file (replaceDataFile).
 * Returns null, changing nothing, when there is no good backup.
 */
export function restoreLatestGood(dataDir: string, now: Date = new Date()): { backup: BackupManifest; damagedPath: string } | null {
  const backup = latestGoodBackup(dataDir);
  if (!backup) return null;
  return { backup, ...replaceDataFile(dataDir, backupFile(dataDir, backup.id), now) };
}

export function ensureDir(path: string): void {
  mkdirSync(path, { recursive: true });
}
