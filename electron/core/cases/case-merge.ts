// Merging duplicate cases (issue #22 item 11): the from-cases' entries, message ids (so replies quoting their token
// or Message-ID thread to the survivor), follow-ups, activities and outbox emails move onto the case that stays; each
// from-case is closed as Duplicate with merged_into_id and a 'merged' entry on both sides. Only one person's cases
// merge: mixing two people's records is refused. A backup is taken first. No SQL, no `electron` import.
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { findStatusByKey } from '../../db/case-statuses.repo';
import { moveCaseData, updateCaseRow } from '../../db/cases.repo';
import type { FeatureContext } from '../modules';
import type { CaseHelpers } from './cases';
import { addEntry } from './case-open';
import { loadServiceSettings, recomputeCase } from './recompute';
import { caseLabel } from './threading';

export function createCaseMerge(ctx: FeatureContext, { requireCase, get, changed }: CaseHelpers) {
  const { db, clock } = ctx.deps;

  async function merge(input: ChannelParsedInput<'cases.merge'>): Promise<ChannelOutput<'cases.merge'>> {
    // Checked before the backup, so a refused merge costs nothing.
    const into = await requireCase(db, input.intoId, 'intoId');
    const fromIds = [...new Set(input.fromIds)];
    for (const [i, id] of input.fromIds.entries()) {
      if (id === into.id) throw AppError.validation(`fromIds.${i}`, 'A case cannot be merged into itself');
      const from = await requireCase(db, id, `fromIds.${i}`, false);
      if (from.contact_id !== into.contact_id) {
        throw AppError.validation(`fromIds.${i}`, `${caseLabel(from.number)} is for ${from.contact_name} and ${caseLabel(into.number)} for ${into.contact_name}: only one person’s cases can be merged`);
      }
      if (from.merged_into_id) throw AppError.validation(`fromIds.${i}`, `${caseLabel(from.number)} was already merged`);
    }
    await ctx.backups.before('before-merge');
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const duplicate = await findStatusByKey(trx, 'duplicate');
      const settings = await loadServiceSettings(trx);
      let minutes = 0;
      for (const id of fromIds) {
        const from = await requireCase(trx, id, 'fromIds', false);
        minutes += from.time_spent_minutes;
        await moveCaseData(trx, from.id, into.id);
        await addEntry(trx, ctx.deps, from.id, now.getTime(), 'status', { status_id: duplicate.id, category: 'closed' });
        await addEntry(trx, ctx.deps, from.id, now.getTime(), 'merged', { body: `Merged into ${caseLabel(into.number)}`, subject: caseLabel(into.number) });
        await addEntry(trx, ctx.deps, into.id, now.getTime(), 'merged', { body: `${caseLabel(from.number)} merged in: ${from.subject}`, subject: caseLabel(from.number) });
        await updateCaseRow(trx, from.id, { status_id: duplicate.id, category: 'closed', merged_into_id: into.id, remind_on: null, time_spent_minutes: 0, updated_at: now.toISOString() });
        await recomputeCase(trx, from.id, now.getTime(), settings);
      }
      await updateCaseRow(trx, into.id, { time_spent_minutes: into.time_spent_minutes + minutes, updated_at: now.toISOString() });
      await recomputeCase(trx, into.id, now.getTime(), settings);
    });
    changed('updated', [into.id, ...fromIds]);
    return get(into.id);
  }

  return { merge };
}
