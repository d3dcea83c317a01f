// The backups feature's entry: a handler map, the hourly backup and the one taken when the app quits.
// The work lives beside it (engine.ts, restore.ts, second-place.ts, settings.ts, retention.ts).
import type { BackupsChannel } from '../../../shared/ipc/backups.channels';
import { AppError } from '../../../shared/ipc/errors';
import { backupsDir } from '../../db/backups.files';
import type { FeatureContext, FeatureModule } from '../modules';
import { reappearedWords } from '../privacy/erase-backups';
import { toWire } from './engine';
import { openBackup, restoreRecord, restoreWhole } from './restore';
import { backupSettings, updateBackupSettings } from './settings-service';

const HOUR = 3_600_000;

export function createBackupsModule(ctx: FeatureContext): FeatureModule<BackupsChannel> & { tick(): Promise<void>; beforeQuit(): Promise<void> } {
  const engine = ctx.backups;
  const deps = { engine, store: ctx.store, dataDir: ctx.dataDir, clock: ctx.deps.clock, newId: ctx.deps.newId };
  let timer: ReturnType<typeof setInterval> | null = null;

  /** The hourly backup: only when hourly backups are on and something changed (the engine skips an unchanged store). */
  async function tick(): Promise<void> {
    const { hourly } = backupSettings(ctx).value;
    if (!hourly) return;
    await engine.take('hourly').catch((error: unknown) => ctx.logger.error('hourly backup failed', { error }));
  }

  return {
    tick,
    async beforeQuit() {
      await engine.take('quit').catch((error: unknown) => ctx.logger.error('backup on quit failed', { error }));
    },
    start() {
      timer = setInterval(() => void tick(), HOUR);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    handlers: {
      async 'backups.list'() {
        return { items: engine.list().map(toWire), backupsFolder: backupsDir(ctx.dataDir), secondPlace: backupSettings(ctx).value.secondPlace };
      },
      async 'backups.create'() {
        const { backup, unchanged } = await engine.take('manual');
        return { backup: toWire(backup), unchanged };
      },
      async 'backups.open'(input) {
        const { manifest, contacts, contact } = await openBackup(deps, input);
        return { backup: toWire(manifest), contacts, contact };
      },
      async 'backups.restore'({ id }) {
        ctx.deps.events.emit('backups.progress', { phase: 'restoring', reason: 'before-restore', percent: 0, message: null });
        try {
          const { restored, undo, reErased } = await restoreWhole(deps, id);
          const message = reErased > 0 ? `${reappearedWords(reErased)}.` : null;
          ctx.deps.events.emit('backups.progress', { phase: 'restored', reason: 'before-restore', percent: 100, message });
          return { restored: toWire(restored), undo: toWire(undo) };
        } catch (error) {
          const message = error instanceof AppError ? error.message : 'The restore did not complete; your data is as it was.';
          ctx.deps.events.emit('backups.progress', { phase: 'failed', reason: 'before-restore', percent: 100, message });
          throw error;
        }
      },
      async 'backups.restoreRecord'(input) {
        const result = await restoreRecord(deps, input);
        ctx.deps.events.emit('data.changed', { entity: input.type, action: 'restored', ids: [result.recordId] });
        return result;
      },
      async 'backups.settings.get'() {
        return backupSettings(ctx).value;
      },
      async 'backups.settings.update'(input) {
        return updateBackupSettings(ctx, input);
      },
    },
  };
}
