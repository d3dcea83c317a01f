// The backup engine: takes a checked copy of the data file (off the main thread, see db/backups.copy.ts) with a
// manifest, keeps the documents it needs once in backups/blobs, applies retention, copies to the second place.
// Backups run one at a time; a store unchanged since the last backup takes no new one.
import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Backup, BackupReason, SecondPlaceState } from '../../../shared/ipc/backups.contract';
import { AppError } from '../../../shared/ipc/errors';
import { snapshotFile } from '../../db/backups.copy';
import {
  backupFile, backupsDir, blobPath, cleanUpBackups, ensureDir, readManifests, writeManifest, type BackupManifest,
} from '../../db/backups.files';
import { changeMarker } from '../../db/backups.repo';
import { DB_FILE } from '../../db/connection';
import type { Store } from '../../db/store';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import type { Platform } from '../platform';
import { retain } from './retention';
import { checkPlace, copyToPlace, keepBlob, pruneToPlace } from './second-place';
import { PASSPHRASE_KEY, readSettings } from './settings';

export interface EngineOptions {
  store: Store;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  newId: () => string;
}

export interface TakeResult {
  backup: BackupManifest;
  unchanged: boolean;
}

const GB = 1024 ** 3;

export function toWire(m: BackupManifest): Backup {
  return {
    id: m.id, createdAt: m.createdAt, reason: m.reason, bytes: m.bytes, documentsBytes: m.documentsBytes,
    counts: m.counts, schemaVersion: m.schemaVersion, status: m.status, secondPlace: m.secondPlace,
  };
}

export type BackupsEngine = ReturnType<typeof createBackupsEngine>;

export function createBackupsEngine(options: EngineOptions) {
  const { store, dataDir, clock, logger, newId } = options;
  const dir = backupsDir(dataDir);
  const blobsRoot = join(dir, 'blobs');
  const documentsRoot = join(dataDir, 'documents');
  let events: EventBus | null = null;
  let platform: Platform | null = null;
  /** The change marker when this session's last backup was taken; null: none yet (then the copy's hash decides). */
  let lastMarker: string | null = null;
  let secondPlace: SecondPlaceState = { state: 'off', message: null };
  let queue: Promise<unknown> = Promise.resolve();
  let cleaned = false;

  function progress(phase: 'copying' | 'checking' | 'documents' | 'second-place' | 'restoring' | 'done' | 'restored' | 'failed',
    reason: BackupReason, percent: number, message: string | null = null): void {
    events?.emit('backups.progress', { phase, reason, percent, message });
  }

  /** Runs `work` after every backup or restore already asked for: they never overlap. */
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  function changed(): boolean {
    return lastMarker === null || changeMarker(store.sqlite) !== lastMarker;
  }

  async function takeNow(reason: BackupReason): Promise<TakeResult> {
    ensureDir(dir);
    if (!cleaned) {
      cleanUpBackups(dataDir);
      cleaned = true;
    }
    const latest = readManifests(dataDir)[0];
    if (latest && !changed()) return { backup: latest, unchanged: true };
    const marker = changeMarker(store.sqlite);
    const id = newId();
    const createdAt = clock.now().toISOString();
    progress('copying', reason, 0);
    let info;
    try {
      info = await snapshotFile(join(dataDir, DB_FILE), backupFile(dataDir, id), () => progress('checking', reason, 50));
    } catch (error) {
      logger.error('backup failed', { reason, error });
      progress('failed', reason, 100, 'The backup could not be written or did not pass its check; the previous backups are untouched.');
      throw error;
    }
    if (latest && latest.sha256 === info.sha256) {
      // The same bytes as the newest backup (a new session on an unchanged store): keep just that one.
      // Deleting a large file can take a while: never on the main thread's clock.
      await rm(backupFile(dataDir, id), { force: true });
      lastMarker = marker;
      progress('done', reason, 100);
      return { backup: latest, unchanged: true };
    }
    progress('documents', reason, 70);
    const blobs: BackupManifest['blobs'] = [];
    for (const blob of info.blobs) {
      const source = blobPath(documentsRoot, blob.sha256);
      if (!existsSync(source) && !existsSync(blobPath(blobsRoot, blob.sha256))) {
        logger.warn('a stored document is missing and is not in the backup', { sha256: blob.sha256 });
        continue;
      }
      await keepBlob(source, blobPath(blobsRoot, blob.sha256));
      blobs.push(blob);
    }
    const manifest: BackupManifest = {
      id, createdAt, reason, bytes: info.bytes, documentsBytes: blobs.reduce((sum, b) => sum + b.size, 0),
      counts: info.counts, schemaVersion: info.schemaVersion, status: 'ok', secondPlace: { state: 'off', message: null },
      file: `${id}.sqlite`, sha256: info.sha256, blobs,
    };
    writeManifest(dataDir, manifest);
    lastMarker = marker;
    const kept = await prune();
    manifest.secondPlace = await copySecond(manifest, kept, reason);
    if (manifest.secondPlace.state !== 'off') writeManifest(dataDir, manifest);
    progress('done', reason, 100, manifest.secondPlace.message);
    return { backup: manifest, unchanged: false };
  }

  /** Applies retention: removes what it does not keep (manifest first, so no listed backup lacks its file). */
  async function prune(): Promise<BackupManifest[]> {
    const all = readManifests(dataDir);
    const settings = readSettings(dataDir);
    const items = all.map((m) => ({ id: m.id, at: Date.parse(m.createdAt), bytes: m.bytes, blobs: m.blobs }));
    const keep = new Set(retain(items, clock.now().getTime(), { capBytes: settings.capGb * GB }));
    for (const m of all) {
      if (keep.has(m.id)) continue;
      await rm(join(dir, `${m.id}.json`), { force: true });
      await rm(backupFile(dataDir, m.id), { force: true });
    }
    const kept = all.filter((m) => keep.has(m.id));
    const needed = new Set(kept.flatMap((m) => m.blobs.map((b) => b.sha256)));
    if (existsSync(blobsRoot)) {
      for (const sub of readdirSync(blobsRoot)) {
        for (const name of readdirSync(join(blobsRoot, sub))) {
          if (!needed.has(name)) await rm(join(blobsRoot, sub, name), { force: true });
        }
      }
    }
    return kept;
  }

  async function copySecond(manifest: BackupManifest, kept: BackupManifest[], reason: BackupReason): Promise<SecondPlaceState> {
    const settings = readSettings(dataDir);
    const state = checkPlace(settings.secondFolder, settings.placeId);
    if (state.state !== 'copied') return (secondPlace = state);
    const passphrase = settings.encrypt ? (platform?.secrets.get(PASSPHRASE_KEY) ?? null) : null;
    if (settings.encrypt && !passphrase) {
      return (secondPlace = { state: 'failed', message: 'The backup passphrase is not saved on this computer: enter it again in Backups → Settings.' });
    }
    progress('second-place', reason, 85);
    try {
      await copyToPlace(settings.secondFolder!, dataDir, manifest, passphrase);
      pruneToPlace(settings.secondFolder!, kept);
      secondPlace = { state: 'copied', message: null };
    } catch (error) {
      logger.error('copy to the second place failed', { error });
      secondPlace = { state: 'failed', message: 'The backup could not be copied to the second place (is it full or unplugged?). The backup on this computer is fine.' };
    }
    return secondPlace;
  }

  return {
    /** Wires the engine to the event bus and platform once they exist (it runs earlier, for migrations). */
    connect(bus: EventBus, on: Platform) {
      events = bus;
      platform = on;
    },
    take: (reason: BackupReason) => serial(() => takeNow(reason)),
    /** Inside work already serialised (a restore): takes a backup without waiting for the queue. */
    takeInside: takeNow,
    serial,
    /** Before something large or destructive. A failure stops it: better no import than one with no way back. */
    async before(reason: BackupReason): Promise<void> {
      try {
        await serial(() => takeNow(reason));
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw Object.assign(new AppError('UNAVAILABLE', 'A backup could not be taken first, so nothing was changed. Check the disk has space, then try again.'), { cause: error });
      }
    },
    /** For the migrator: the path of a checked, listed backup of the file before `migration` runs. */
    async beforeMigration(): Promise<string> {
      const { backup } = await serial(() => takeNow('before-migration'));
      return backupFile(dataDir, backup.id);
    },
    changed,
    /** The store was replaced under the connection (a restore): the next backup must not be skipped. */
    forget() {
      lastMarker = null;
    },
    list: () => readManifests(dataDir),
    secondPlaceState: () => secondPlace,
    setSecondPlaceState(state: SecondPlaceState) {
      secondPlace = state;
    },
    prune,
    dataDir,
  };
}
