// Backup settings live in backups/settings.json, outside the data file, so restoring an old backup never
// brings back an old second place or turns hourly backups off. The passphrase is never here (secret store).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupsDir, writeFileAtomic } from '../../db/backups.files';

export interface StoredSettings {
  hourly: boolean;
  capGb: number;
  secondFolder: string | null;
  /** The id in the second place's marker file: a folder without it is not the place the user chose. */
  placeId: string | null;
  encrypt: boolean;
}

export const PASSPHRASE_KEY = 'backups.passphrase';
const DEFAULTS: StoredSettings = { hourly: true, capGb: 20, secondFolder: null, placeId: null, encrypt: false };

export function readSettings(dataDir: string): StoredSettings {
  const file = join(backupsDir(dataDir), 'settings.json');
  if (!existsSync(file)) return { ...DEFAULTS };
  try {
    return { ...DEFAULTS, ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredSettings>) };
  } catch {
    return { ...DEFAULTS };
  }
}

export function writeSettings(dataDir: string, settings: StoredSettings): void {
  mkdirSync(backupsDir(dataDir), { recursive: true });
  writeFileAtomic(join(backupsDir(dataDir), 'settings.json'), JSON.stringify(settings, null, 1));
}
