// The damaged-store screen's restore, run while no core is open: the newest good backup (the backups feature's, or
// failing that a pre-migration copy an older Rapport left as a plain file) replaces the data file, which is kept
// aside as rapport.sqlite.damaged-<time> (never deleted). The folder lock is held while files move.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { latestGoodBackup, passesQuickCheck, replaceDataFile, restoreLatestGood } from '../db/backups.files';
import { lockDataFolder } from '../db/folder-lock';
import type { GoodBackup, StartupRecovery } from './startup';

/** Pre-migration copies from before the backups feature: `rapport-<time>-before-<migration>.sqlite`, no manifest. */
const LEGACY = /^rapport-.*\.sqlite$/;

export function backupFolderRecovery(dataDir: string, backupDir = join(dataDir, 'backups')): StartupRecovery {
  function candidates(): { id: string; takenAt: Date }[] {
    if (!existsSync(backupDir)) return [];
    return readdirSync(backupDir)
      .filter((name) => LEGACY.test(name))
      .map((name) => ({ id: name, takenAt: statSync(join(backupDir, name)).mtime }))
      .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  }
  return {
    async lastGoodBackup(): Promise<GoodBackup | null> {
      const managed = latestGoodBackup(dataDir);
      if (managed) return { id: managed.id, takenAt: managed.createdAt };
      for (const candidate of candidates()) {
        if (passesQuickCheck(join(backupDir, candidate.id))) return { id: candidate.id, takenAt: candidate.takenAt.toISOString() };
      }
      return null;
    },
    async restore(id: string): Promise<void> {
      // Held while the files move, so a second Rapport cannot open the store half-way.
      const lock = lockDataFolder(dataDir);
      try {
        const managed = latestGoodBackup(dataDir);
        if (managed) {
          // The screen offered this one; if a newer good one appeared since, the screen is stale: ask again.
          if (managed.id !== id) throw new Error(`backup ${id} is no longer the latest good one (${managed.id})`);
          restoreLatestGood(dataDir);
          return;
        }
        if (!candidates().some((c) => c.id === id)) throw new Error(`no backup named ${id}`);
        // A legacy copy is a closed, plain SQLite file: copied, checked and put in place like a managed backup.
        replaceDataFile(dataDir, join(backupDir, id));
      } finally {
        lock.release();
      }
    },
  };
}
