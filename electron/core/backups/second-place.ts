// The second place (an external drive, a synced folder): each backup is copied there, optionally encrypted.
// A marker file names the place; a folder that is missing or carries another marker is reported, never
// written into, so a backup never lands on the wrong disk or recreates a drive's path on the laptop.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { copyFile, link, mkdir, rename, rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { SecondPlaceState } from '../../../shared/ipc/backups.contract';
import { AppError } from '../../../shared/ipc/errors';
import { backupFile, blobPath, writeFileAtomic, type BackupManifest } from '../../db/backups.files';
import { encryptFile } from './crypto';

export const MARKER = 'rapport-backup-place.json';
export const PLACE_FOLDER = 'Rapport backups';

/** Makes `folder` the second place: it must exist, be writable and lie outside the data folder. Returns its id. */
export function claimPlace(folder: string, dataDir: string): string {
  const full = resolve(folder);
  const inside = relative(resolve(dataDir), full);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw AppError.validation('secondFolder', 'Choose a folder outside Rapport’s data folder');
  }
  if (!existsSync(full) || !statSync(full).isDirectory()) throw AppError.validation('secondFolder', 'That folder was not found');
  const marker = join(full, MARKER);
  if (existsSync(marker)) {
    try {
      const placeId = (JSON.parse(readFileSync(marker, 'utf8')) as { placeId?: unknown }).placeId;
      if (typeof placeId === 'string') return placeId;
    } catch {
      // An unreadable marker is replaced below.
    }
  }
  const placeId = randomUUID();
  try {
    writeFileAtomic(marker, JSON.stringify({ app: 'Rapport', placeId, note: 'Marks this folder as a Rapport backup place. Do not delete.' }));
  } catch {
    throw AppError.validation('secondFolder', 'Rapport cannot write to that folder');
  }
  return placeId;
}

/** Whether the second place is there and is the one chosen; never creates the folder. */
export function checkPlace(folder: string | null, placeId: string | null): SecondPlaceState {
  if (!folder || !placeId) return { state: 'off', message: null };
  if (!existsSync(folder)) return { state: 'missing', message: `Backup drive not found: ${folder} is not there. Is the drive connected?` };
  try {
    const marker = JSON.parse(readFileSync(join(folder, MARKER), 'utf8')) as { placeId?: unknown };
    if (marker.placeId === placeId) return { state: 'copied', message: null };
  } catch {
    // Falls through: no readable marker means this is not the place that was set up.
  }
  return { state: 'different', message: `${folder} is not the backup folder you chose (a different drive?). Nothing was written there.` };
}

async function putFile(source: string, target: string, passphrase: string | null): Promise<void> {
  if (passphrase) return encryptFile(source, target, passphrase);
  const temp = `${target}.partial`;
  await copyFile(source, temp);
  await rename(temp, target);
}

/** Copies one backup (its data file, the documents it needs that are not there yet, its manifest) to the place. */
export async function copyToPlace(folder: string, dataDir: string, manifest: BackupManifest, passphrase: string | null): Promise<void> {
  const root = join(folder, PLACE_FOLDER);
  const blobsRoot = join(root, 'blobs');
  await mkdir(blobsRoot, { recursive: true });
  const suffix = passphrase ? '.enc' : '';
  const source = backupFile(dataDir, manifest.id);
  await putFile(source, join(root, `${manifest.id}.sqlite${suffix}`), passphrase);
  for (const blob of manifest.blobs) {
    const target = blobPath(blobsRoot, blob.sha256) + suffix;
    if (existsSync(target)) continue;
    await mkdir(join(target, '..'), { recursive: true });
    await putFile(blobPath(join(dataDir, 'backups', 'blobs'), blob.sha256), target, passphrase);
  }
  writeFileAtomic(join(root, `${manifest.id}.json`), JSON.stringify({ ...manifest, encrypted: passphrase !== null }, null, 1));
}

/** Removes from the place the backups no longer kept locally (same retention), and documents none of them needs. */
export function pruneToPlace(folder: string, keep: readonly BackupManifest[]): void {
  const root = join(folder, PLACE_FOLDER);
  if (!existsSync(root)) return;
  const ids = new Set(keep.map((m) => m.id));
  for (const name of readdirSync(root)) {
    const id = name.split('.')[0]!;
    if (/^[0-9a-f-]{36}$/.test(id) && !ids.has(id)) rmSync(join(root, name), { force: true });
  }
  const needed = new Set(keep.flatMap((m) => m.blobs.map((b) => b.sha256)));
  const blobsRoot = join(root, 'blobs');
  if (!existsSync(blobsRoot)) return;
  for (const dir of readdirSync(blobsRoot)) {
    for (const name of readdirSync(join(blobsRoot, dir))) {
      if (!needed.has(name.replace(/\.enc$/, ''))) rmSync(join(blobsRoot, dir, name), { force: true });
    }
  }
}

/** Keeps a stored document in backups/blobs once: a hard link where the disk allows (no second copy), else a copy. */
export async function keepBlob(source: string, target: string): Promise<void> {
  if (existsSync(target)) return;
  await mkdir(join(target, '..'), { recursive: true });
  const temp = `${target}.${randomUUID()}.partial`;
  try {
    await link(source, temp);
  } catch {
    await copyFile(source, temp);
  }
  await rename(temp, target);
  await rm(temp, { force: true });
}
