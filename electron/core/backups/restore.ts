// Bringing data back from a backup: the whole store (after a backup of the current one, so the restore can be
// undone), one contact or job next to what exists now, and a read-only look into a backup before either.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { copyFile, mkdir, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackupContactView, RestoreRecordResult } from '../../../shared/ipc/backups.contract';
import { AppError } from '../../../shared/ipc/errors';
import { restoreInto } from '../../db/backups.copy';
import { backupFile, blobPath, readManifests, type BackupManifest } from '../../db/backups.files';
import {
  backupContactView, copyRecord, documentBlobs, existingIds, keepRemindersFired, migrationNames, openBackupReader, recordRows,
  searchBackupContacts, withBackupAttached,
} from '../../db/backups.repo';
import { createKysely, DB_FILE, openSqlite, type Sqlite } from '../../db/connection';
import { contactIds, readErasureState } from '../../db/erasure.register.repo';
import { migrate, schemaStanding } from '../../db/migrator';
import type { Store } from '../../db/store';
import type { Clock } from '../clock';
import { reapplyAfterRestore } from '../privacy/erase-backups';
import { freeBlobs } from '../privacy/erase-files';
import { erasedMatcher } from '../privacy/erase-register';
import type { BackupsEngine, TakeResult } from './engine';

const TOO_NEW = 'This backup was made by a newer version of Rapport. Update Rapport to restore it; nothing was changed.';

export function findBackup(dataDir: string, id: string): BackupManifest {
  const manifest = readManifests(dataDir).find((m) => m.id === id);
  if (!manifest) throw AppError.notFound('Backup', id);
  return manifest;
}

/** Refuses a backup whose schema this build does not know (a newer Rapport); says whether it is older. */
function schemaOf(file: string): { older: boolean } {
  const reader = openBackupReader(file);
  try {
    const { tooNew, older } = schemaStanding(migrationNames(reader));
    if (tooNew) throw new AppError('CONFLICT', TOO_NEW);
    return { older };
  } finally {
    reader.close();
  }
}

/**
 * A readable copy of a backup at today's schema: the backup itself when it is current, else a migrated copy in a
 * temp folder (the backup file is never changed). The caller calls `done` when finished.
 */
async function current(file: string): Promise<{ path: string; done(): void }> {
  if (!schemaOf(file).older) return { path: file, done() {} };
  const dir = mkdtempSync(join(tmpdir(), 'rapport-backup-'));
  const path = join(dir, DB_FILE);
  copyFileSync(file, path);
  const sqlite = openSqlite(path);
  try {
    await migrate(sqlite, createKysely(sqlite), { backupDir: dir, now: () => new Date(), backup: async () => path });
  } finally {
    sqlite.close();
  }
  return { path, done: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RestoreDeps {
  engine: BackupsEngine;
  store: Store;
  dataDir: string;
  clock: Clock;
  newId: () => string;
}

/**
 * Replaces the store's contents with a backup's, inside the running core: first a backup of the current store
 * (the undo point), then the backup is written into the live file through SQLite's backup API as one
 * transaction, so every open connection stays valid and sees either the old data or the new, never a mix.
 * Then an older schema is migrated and reminders that already fired are kept fired.
 */
export async function restoreWhole(deps: RestoreDeps, id: string): Promise<{ restored: BackupManifest; undo: BackupManifest; reErased: number }> {
  const { engine, store, dataDir, clock } = deps;
  return engine.serial(async () => {
    const manifest = findBackup(dataDir, id);
    const file = backupFile(dataDir, id);
    schemaOf(file);
    const undo: TakeResult = await engine.takeInside('before-restore');
    // Erased people stay erased (issue #21): the register outlives the restore, and whoever it names is erased again.
    const carried = await readErasureState(store.db);
    const living = await contactIds(store.db);
    await restoreInto(file, join(dataDir, DB_FILE));
    engine.forget();
    await migrate(store.sqlite, store.db, { backupDir: '', now: () => clock.now(), backup: async () => file });
    keepRemindersFired(store.sqlite, backupFile(dataDir, undo.backup.id), clock.now().toISOString());
    const again = await reapplyAfterRestore(store.db, carried, living, { now: clock.now().toISOString(), newId: deps.newId });
    await restoreDocuments(dataDir, manifest.blobs.map((b) => b.sha256));
    await freeBlobs(dataDir, store.db, again.erased.flatMap((e) => e.blobHashes));
    return { restored: manifest, undo: undo.backup, reErased: again.count };
  });
}

/** Puts back stored documents a restored record needs and the documents folder no longer has. */
async function restoreDocuments(dataDir: string, hashes: readonly string[]): Promise<void> {
  for (const sha256 of hashes) {
    const target = blobPath(join(dataDir, 'documents'), sha256);
    const source = blobPath(join(dataDir, 'backups', 'blobs'), sha256);
    if (existsSync(target) || !existsSync(source)) continue;
    await mkdir(join(target, '..'), { recursive: true });
    await copyFile(source, `${target}.restoring`);
    await rename(`${target}.restoring`, target);
  }
}

/**
 * Brings back one contact (with its jobs, activities, follow-ups and documents) or one job, beside what exists:
 * under its own ids when the record is not in the store now; as a copy with new ids when it is (the current
 * record is never overwritten). Documents are shared, so one that exists now is linked, not copied. Other rows
 * are untouched; follow-ups whose time has passed come back as already reminded.
 */
export async function restoreRecord(deps: RestoreDeps, input: { id: string; type: 'contact' | 'job'; recordId: string }): Promise<RestoreRecordResult> {
  const { engine, store, dataDir, clock, newId } = deps;
  findBackup(dataDir, input.id);
  const readable = await current(backupFile(dataDir, input.id));
  try {
    if (input.type === 'contact') await refuseErased(store, readable.path, input.recordId);
    await engine.before('before-restore');
    const sqlite = store.sqlite;
    const { result, hashes } = withBackupAttached(sqlite, readable.path, () => {
      const rows = recordRows(sqlite, input.type, input.recordId);
      if (!rows) throw AppError.notFound(input.type === 'contact' ? 'Contact' : 'Job', input.recordId);
      const idMap = new Map<string, string>();
      for (const table of ['contacts', 'jobs', 'activities', 'tasks'] as const) {
        const taken = existingIds(sqlite, table, rows[table]);
        for (const rowId of rows[table]) idMap.set(rowId, taken.has(rowId) ? newId() : rowId);
      }
      for (const doc of rows.documents) idMap.set(doc, doc);
      const fresh = rows.documents.filter((d) => !existingIds(sqlite, 'documents', [d]).has(d));
      const blobs = documentBlobs(sqlite, fresh);
      const counts = copyRecord(sqlite, rows, idMap, clock.now().toISOString());
      const recordId = idMap.get(input.recordId)!;
      const restored: RestoreRecordResult = {
        mode: recordId === input.recordId ? 'original' : 'copy',
        recordId,
        counts: { activities: counts.activities, tasks: counts.tasks, jobs: counts.jobs, documents: counts.documents },
      };
      return { result: restored, hashes: blobs };
    });
    await restoreDocuments(dataDir, hashes);
    return result;
  } finally {
    readable.done();
  }
}

/** Someone erased since the backup was taken does not come back one by one either (issue #21): the user is told. */
async function refuseErased(store: Store, file: string, contactId: string): Promise<void> {
  const reader = openBackupReader(file);
  let view: BackupContactView | null;
  try {
    view = backupContactView(reader, store.sqlite, contactId);
  } finally {
    reader.close();
  }
  if (!view) return;
  const erasedOn = (await erasedMatcher(store.db))({ id: view.id, emails: view.emails.map((value) => ({ value })), phones: view.phones.map((value) => ({ value })) });
  if (erasedOn) throw new AppError('CONFLICT', `This person was erased on ${erasedOn}, so they are not brought back from a backup. Nothing was changed.`);
}

/** The read-only look: contacts matching `search` (the first 50), and one contact with what hangs off it. */
export async function openBackup(deps: RestoreDeps, input: { id: string; search?: string | undefined; contactId?: string | undefined }) {
  const manifest = findBackup(deps.dataDir, input.id);
  const readable = await current(backupFile(deps.dataDir, input.id));
  let reader: Sqlite | null = null;
  try {
    reader = openBackupReader(readable.path);
    const contacts = searchBackupContacts(reader, input.search);
    const contact: BackupContactView | null = input.contactId ? backupContactView(reader, deps.store.sqlite, input.contactId) : null;
    if (input.contactId && !contact) throw AppError.notFound('Contact', input.contactId);
    return { manifest, contacts, contact };
  } finally {
    reader?.close();
    readable.done();
  }
}
