// "Erase this person" (issue #21): a dry run of everything that goes, then the erasure itself. The rows go in one
// transaction (erase-store.ts) after a backup; then the freed pages and the WAL are overwritten, the stored files
// only they used are removed, the log files are scrubbed of them, and, when asked, every backup is rewritten
// without them (erase-backups.ts). The privacy log records that an erasure happened, naming no one.
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { findSubject } from '../../db/erasure.repo';
import { logPrivacy } from '../../db/privacy-log.repo';
import type { FeatureContext } from '../modules';
import { purgeBackups } from './erase-backups';
import { freeBlobs, removeOpenedCopies, scrubLogs } from './erase-files';
import { needlesOf } from './erase-identity';
import { CANNOT_REACH, eraseIn, previewIn, wipeFreed, withSecureDelete } from './erase-store';

export function createEraser(ctx: FeatureContext) {
  const { db, clock, newId, events } = ctx.deps;
  // One erasure at a time: the second would find the first's temp table, and both scrub the same log files.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    async preview(input: ChannelParsedInput<'privacy.erasePreview'>): Promise<ChannelOutput<'privacy.erasePreview'>> {
      const { subject, removed, kept } = await previewIn(db, input.contactId);
      return { contactId: subject.id, displayName: subject.displayName, removed, kept, cannotReach: CANNOT_REACH };
    },

    erase(input: ChannelParsedInput<'privacy.erase'>): Promise<ChannelOutput<'privacy.erase'>> {
      return serial(async () => {
        if (!(await findSubject(db, input.contactId))) throw AppError.notFound('Contact', input.contactId);
        // The undo point: until it is purged, this backup still holds the person (the confirmation says so).
        await ctx.backups.before('before-erase');
        const registerId = newId();
        const erasedAt = clock.now().toISOString();
        const started = performance.now();
        const { erased, eraseMs, wiped, wipeMs } = await withSecureDelete(db, async () => {
          const erased = await eraseIn(db, input.contactId, { id: registerId, erasedAt }, async (trx, removed) => {
            const total = removed.reduce((sum, line) => sum + line.count, 0);
            await logPrivacy(trx, { id: newId(), at: erasedAt, kind: 'erasure', summary: `A person was erased (${total} records removed)`, contactId: input.contactId });
          });
          const eraseMs = performance.now() - started;
          const wipeStarted = performance.now();
          const wiped = await wipeFreed(db);
          return { erased, eraseMs, wiped, wipeMs: performance.now() - wipeStarted };
        });
        const blobsRemoved = await freeBlobs(ctx.dataDir, db, erased.blobHashes);
        await removeOpenedCopies(ctx.dataDir, erased.documentIds);
        const logLines = scrubLogs(ctx.dataDir, needlesOf(erased.subjects));
        const backupsPurged = input.purgeBackups ? await purgeBackups(ctx, erasedAt) : 0;
        // Figures only: this line must not itself name the person.
        ctx.logger.info('erasure finished', { eraseMs: Math.round(eraseMs), wipeMs: Math.round(wipeMs), ...wiped, blobsRemoved, logLines, backupsPurged });
        events.emit('data.changed', { entity: 'contact', action: 'deleted', ids: [input.contactId] });
        return { registerId, removed: erased.removed, backupsPurged };
      });
    },
  };
}
