// Erased people stay erased (issue #21): the same erasure applied again to a store that came from a backup (after
// a whole restore), and to each backup in the backups folder when the user asks for them to be purged. Either way
// the store first takes the current register (and its salt), then every contact matching a hash of it (by id,
// email or phone) is erased again. Re-erasing on restore is the default, not a question: the user was asked when
// they erased, and "restore an old backup" must not quietly undo that answer.
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, createReadStream, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { TEMP_SUFFIX } from '../../db/backups.copy';
import { backupFile, backupsDir, blobPath, readManifests, writeManifest, type BackupManifest } from '../../db/backups.files';
import { createKysely } from '../../db/connection';
import {
  contactIdentifiers, contactIds, copyFacts, hasRegister, integrityProblems, mergeErasureState, readErasureState, registerHashes, type ErasureState,
} from '../../db/erasure.register.repo';
import { migrate } from '../../db/migrator';
import { logPrivacy, privacySalt } from '../../db/privacy-log.repo';
import type { DB } from '../../db/schema';
import { checkPlace, copyToPlace, pruneToPlace } from '../backups/second-place';
import { PASSPHRASE_KEY, readSettings } from '../backups/settings';
import type { FeatureContext } from '../modules';
import { matchHashes } from './erase-identity';
import { eraseIn, withSecureDelete, wipeFreed, type Erased } from './erase-store';

export interface Reapplied {
  /** People erased again. */
  count: number;
  erased: Erased[];
}

/**
 * Erases every contact in `db` whose id, email or phone is in its register (each in its own transaction), except
 * the people in `living`: contacts of the live store, who share an address or a number (an office line) with someone
 * erased but are someone else.
 */
export async function eraseRegistered(db: Kysely<DB>, living: ReadonlySet<string>): Promise<Reapplied> {
  const register = await registerHashes(db);
  if (register.size === 0) return { count: 0, erased: [] };
  const salt = await privacySalt(db);
  const erased: Erased[] = [];
  for (const contact of await contactIdentifiers(db)) {
    if (living.has(contact.id)) continue;
    const hit = matchHashes(salt, contact).map((h) => register.get(h)).find(Boolean);
    if (!hit) continue;
    // Recorded under the entry that matched: the register keeps one entry per erasure, with any address new to it.
    erased.push(await eraseIn(db, contact.id, { id: hit.registerId, erasedAt: hit.erasedAt }));
  }
  return { count: erased.length, erased };
}

export const reappearedWords = (n: number) =>
  `${n} ${n === 1 ? 'person' : 'people'} erased after this backup was taken ${n === 1 ? 'was' : 'were'} erased again`;

/**
 * After a whole restore: the register, salt and privacy log the store had before it are carried into the restored
 * store, then everyone in the register is erased again, and the privacy log says how many (kind 'reappeared').
 */
export async function reapplyAfterRestore(db: Kysely<DB>, carried: ErasureState, living: ReadonlySet<string>, deps: { now: string; newId: () => string }): Promise<Reapplied> {
  await db.transaction().execute((trx) => mergeErasureState(trx, carried));
  return withSecureDelete(db, async () => {
    const again = await eraseRegistered(db, living);
    if (again.count > 0) {
      await logPrivacy(db, { id: deps.newId(), at: deps.now, kind: 'reappeared', summary: `${reappearedWords(again.count)} after a restore`, contactId: null });
      await wipeFreed(db);
    }
    return again;
  });
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Rewrites one backup without the people in `state`'s register: a copy beside it (the .partial name the backups
 * clean-up removes after a crash), brought to today's schema, erased, vacuumed, checked, fsynced and renamed over
 * the backup; its manifest follows. Returns false (and leaves the backup as it was) when nobody in it matched.
 */
async function purgeOne(dataDir: string, manifest: BackupManifest, state: ErasureState, living: ReadonlySet<string>, now: string): Promise<boolean> {
  const file = backupFile(dataDir, manifest.id);
  const temp = file + TEMP_SUFFIX;
  copyFileSync(file, temp);
  const sqlite = new Database(temp);
  let done = false;
  try {
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('secure_delete = ON');
    const db = createKysely(sqlite);
    // Only the copy's own bookkeeping: no extra backup of a file that is itself a backup.
    await migrate(sqlite, db, { backupDir: '', now: () => new Date(now), backup: async () => temp });
    if (!(await hasRegister(db))) return false;
    await db.transaction().execute((trx) => mergeErasureState(trx, state));
    const { count } = await eraseRegistered(db, living);
    if (count === 0) return false;
    sqlite.exec('VACUUM');
    const problems = await integrityProblems(db);
    if (problems.length > 0) throw new Error(`integrity_check after purging: ${problems.slice(0, 3).join('; ')}`);
    const facts = await copyFacts(db);
    sqlite.close();
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const next: BackupManifest = { ...manifest, ...facts, bytes: statSync(temp).size, sha256: await sha256Of(temp) };
    renameSync(temp, file);
    writeManifest(dataDir, next);
    done = true;
    return true;
  } finally {
    if (sqlite.open) sqlite.close();
    if (!done) {
      rmSync(temp, { force: true });
      rmSync(`${temp}-journal`, { force: true });
    }
  }
}

/** Stored documents in backups/blobs that no backup lists any more (the erased person's files among them). */
function dropUnneededBlobs(dataDir: string): void {
  const root = join(backupsDir(dataDir), 'blobs');
  if (!existsSync(root)) return;
  const needed = new Set(readManifests(dataDir).flatMap((m) => m.blobs.map((b) => b.sha256)));
  for (const sub of readdirSync(root)) {
    for (const name of readdirSync(join(root, sub))) if (/^[0-9a-f]{64}$/.test(name) && !needed.has(name)) rmSync(blobPath(root, name), { force: true });
  }
}

/**
 * "Also purge backups": every backup in the backups folder rewritten without the registered people, then the same
 * copies sent again to the second place (encrypted when it is), whose now-unneeded files go. Runs in the backups'
 * own queue, so no backup or restore runs meanwhile. Returns how many backups were rewritten.
 */
export async function purgeBackups(ctx: FeatureContext, now: string): Promise<number> {
  const state = await readErasureState(ctx.deps.db);
  const living = await contactIds(ctx.deps.db);
  return ctx.backups.serial(async () => {
    const purged: BackupManifest[] = [];
    for (const manifest of readManifests(ctx.dataDir)) {
      if (await purgeOne(ctx.dataDir, manifest, state, living, now)) purged.push(readManifests(ctx.dataDir).find((m) => m.id === manifest.id)!);
    }
    dropUnneededBlobs(ctx.dataDir);
    const settings = readSettings(ctx.dataDir);
    if (purged.length > 0 && checkPlace(settings.secondFolder, settings.placeId).state === 'copied') {
      const passphrase = settings.encrypt ? ctx.platform.secrets.get(PASSPHRASE_KEY) : null;
      try {
        if (settings.encrypt && !passphrase) throw new Error('backup passphrase not saved on this computer');
        for (const m of purged) await copyToPlace(settings.secondFolder!, ctx.dataDir, m, passphrase ?? null);
        pruneToPlace(settings.secondFolder!, readManifests(ctx.dataDir));
      } catch (error) {
        ctx.logger.error('purging the second place failed', { error });
      }
    }
    if (purged.length > 0) {
      await logPrivacy(ctx.deps.db, { id: ctx.deps.newId(), at: now, kind: 'backupPurge', summary: `${purged.length} backup${purged.length === 1 ? '' : 's'} rewritten without erased people`, contactId: null });
    }
    return purged.length;
  });
}
