// Reading and changing backup settings: choosing the second place (only a folder the user picked), and the
// optional passphrase, which goes to the system secret store and nowhere else.
import type { z } from 'zod';
import type { BackupSettings, BackupSettingsUpdate } from '../../../shared/ipc/backups.contract';
import { AppError } from '../../../shared/ipc/errors';
import type { FeatureContext } from '../modules';
import { checkPlace, claimPlace } from './second-place';
import { PASSPHRASE_KEY, readSettings, writeSettings } from './settings';

export function backupSettings(ctx: FeatureContext): { value: BackupSettings } {
  const stored = readSettings(ctx.dataDir);
  const lastCopy = ctx.backups.secondPlaceState();
  const now = checkPlace(stored.secondFolder, stored.placeId);
  // A place that is there now still reports the last copy's failure, until a copy succeeds.
  const secondPlace = now.state === 'copied' && lastCopy.state === 'failed' ? lastCopy : now;
  return {
    value: {
      hourly: stored.hourly,
      capGb: stored.capGb,
      secondFolder: stored.secondFolder,
      encrypt: stored.encrypt,
      passphraseSaved: ctx.platform.secrets.get(PASSPHRASE_KEY) !== null,
      secretsSecure: ctx.platform.secrets.secure,
      secondPlace,
    },
  };
}

export function updateBackupSettings(ctx: FeatureContext, input: z.output<typeof BackupSettingsUpdate>): BackupSettings {
  const stored = readSettings(ctx.dataDir);
  if (input.hourly !== undefined) stored.hourly = input.hourly;
  if (input.capGb !== undefined) stored.capGb = input.capGb;
  if (input.secondFolder !== undefined) {
    if (input.secondFolder === null) {
      stored.secondFolder = null;
      stored.placeId = null;
    } else if (input.secondFolder !== stored.secondFolder) {
      if (!ctx.picks.has(input.secondFolder)) throw AppError.validation('secondFolder', 'Choose the folder with the Choose folder button');
      stored.placeId = claimPlace(input.secondFolder, ctx.dataDir);
      stored.secondFolder = input.secondFolder;
    }
  }
  if (input.passphrase !== undefined) ctx.platform.secrets.set(PASSPHRASE_KEY, input.passphrase);
  if (input.encrypt !== undefined) {
    if (input.encrypt && ctx.platform.secrets.get(PASSPHRASE_KEY) === null) throw AppError.validation('passphrase', 'Enter a passphrase to encrypt backups');
    stored.encrypt = input.encrypt;
  }
  writeSettings(ctx.dataDir, stored);
  ctx.backups.setSecondPlaceState(checkPlace(stored.secondFolder, stored.placeId));
  return backupSettings(ctx).value;
}
