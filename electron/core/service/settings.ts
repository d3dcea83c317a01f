// The business calendar and the service targets (issue #22): read, checked, saved. Due times are a cache over each
// case's log, so a change here recomputes every open and waiting case (a page of 500 per transaction, the settings
// read once) and tells the renderer the cases changed. No SQL (db/service.repo.ts), no `electron` import.
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { activeCaseIds } from '../../db/case-log.repo';
import { loadCalendar, loadTargets, saveCalendar, saveTargets } from '../../db/service.repo';
import { assertCalendar } from '../cases/business-calendar';
import { loadServiceSettings, recomputeCase } from '../cases/recompute';
import type { FeatureContext } from '../modules';

const PAGE = 500;

export function createServiceSettings(ctx: FeatureContext) {
  const { db, clock, events } = ctx.deps;

  /** Recomputes every open and waiting case with the settings now saved; returns how many. */
  async function recomputeActive(): Promise<string[]> {
    const settings = await loadServiceSettings(db);
    const now = clock.now().getTime();
    const ids: string[] = [];
    let after = 0;
    for (;;) {
      const page = await db.transaction().execute(async (trx) => {
        const rows = await activeCaseIds(trx, after, PAGE);
        for (const row of rows) await recomputeCase(trx, row.id, now, settings);
        return rows;
      });
      ids.push(...page.map((r) => r.id));
      if (page.length < PAGE) break;
      after = page.at(-1)!.seq;
    }
    if (ids.length > 0) events.emit('data.changed', { entity: 'case', action: 'updated', ids });
    return ids;
  }

  return {
    calendar: (): Promise<ChannelOutput<'service.calendar.get'>> => loadCalendar(db),

    async updateCalendar(input: ChannelParsedInput<'service.calendar.update'>): Promise<ChannelOutput<'service.calendar.update'>> {
      // The shape is checked by the contract; the calendar's meaning here (a real zone, ends after starts, no overlaps).
      assertCalendar(input);
      await saveCalendar(db, input);
      events.emit('data.changed', { entity: 'service', action: 'updated', ids: ['calendar'] });
      await recomputeActive();
      return loadCalendar(db);
    },

    targets: (): Promise<ChannelOutput<'service.targets.get'>> => loadTargets(db),

    async updateTargets(input: ChannelParsedInput<'service.targets.update'>): Promise<ChannelOutput<'service.targets.update'>> {
      await saveTargets(db, input);
      events.emit('data.changed', { entity: 'service', action: 'updated', ids: ['targets'] });
      await recomputeActive();
      return loadTargets(db);
    },
  };
}
