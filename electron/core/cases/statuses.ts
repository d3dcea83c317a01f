// Case statuses (issue #22): the user names them and adds their own within the four fixed categories (open, waiting,
// resolved, closed), which is what the clock reads. Built-ins can be renamed, never removed; no status changes
// category (a case's category follows its status). No SQL (db/case-statuses.repo.ts), no `electron` import.
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { countCasesWithStatus, deleteStatus, insertStatus, listStatuses, moveStatusCases, updateStatus } from '../../db/case-statuses.repo';
import type { FeatureContext } from '../modules';

export function createCaseStatuses(ctx: FeatureContext) {
  const { db, clock, events, newId } = ctx.deps;

  return {
    list: async (): Promise<ChannelOutput<'cases.statuses.list'>> => ({ statuses: await listStatuses(db) }),

    async update(input: ChannelParsedInput<'cases.statuses.update'>): Promise<ChannelOutput<'cases.statuses.update'>> {
      const result = await db.transaction().execute(async (trx) => {
        const existing = await listStatuses(trx);
        const names = new Set<string>();
        for (const [i, s] of input.statuses.entries()) {
          const key = s.name.toLocaleLowerCase('en');
          if (names.has(key)) throw AppError.validation(`statuses.${i}.name`, 'Two statuses cannot share a name');
          names.add(key);
          if (!s.id) continue;
          const old = existing.find((e) => e.id === s.id);
          if (!old) throw AppError.validation(`statuses.${i}.id`, 'There is no such status');
          if (old.category !== s.category) {
            throw AppError.validation(old.key ? 'statuses' : `statuses.${i}.category`, `"${old.name}" stays ${old.category}: add a new status for another category`);
          }
        }
        const removed = existing.filter((e) => !input.statuses.some((s) => s.id === e.id));
        const builtIn = removed.find((e) => e.key !== null);
        if (builtIn) throw AppError.validation('statuses', `"${builtIn.name}" is built in: rename it rather than remove it`);
        const ids = input.statuses.map((s) => s.id ?? newId());
        for (const [i, s] of input.statuses.entries()) {
          const waitingOn = s.category === 'waiting' ? (s.waitingOn ?? existing.find((e) => e.id === s.id)?.waitingOn ?? 'customer') : null;
          if (s.id) await updateStatus(trx, { id: s.id, name: s.name, waitingOn, position: i });
          else await insertStatus(trx, { id: ids[i]!, name: s.name, category: s.category, waitingOn, position: i });
        }
        const now = clock.now().toISOString();
        for (const gone of removed) {
          const held = await countCasesWithStatus(trx, gone.id);
          if (held > 0) {
            const target = input.moveCases[gone.id];
            const to = target === undefined ? undefined : input.statuses[target];
            if (!to) throw AppError.validation(`moveCases.${gone.id}`, `Choose where the ${held} case${held === 1 ? '' : 's'} in "${gone.name}" should go`);
            if (to.category !== gone.category) throw AppError.validation(`moveCases.${gone.id}`, `Move the cases in "${gone.name}" to another ${gone.category} status`);
            await moveStatusCases(trx, gone.id, ids[target!]!, now);
          }
          await deleteStatus(trx, gone.id);
        }
        return { statuses: await listStatuses(trx) };
      });
      events.emit('data.changed', { entity: 'caseStatus', action: 'updated', ids: result.statuses.map((s) => s.id) });
      return result;
    },
  };
}
