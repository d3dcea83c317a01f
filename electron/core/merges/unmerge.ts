// merges.undo (issue #20): the merged-away records come back with their own ids and fields, exactly the journalled
// rows that still name the survivor go back, what was added to the survivor since stays, and a survivor field goes
// back only while it still holds what the merge wrote (the others are listed as kept edits). A backup first, then
// one transaction.
import type { Kysely } from 'kysely';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import {
  customRows,
  deleteAliases,
  existingDocumentIds,
  existingFieldIds,
  findMerge,
  liveMergeTaking,
  losersOf,
  recordKindOf,
  recordRow,
  replaceCustomValue,
  setMergeUndone,
  writeRecordColumns,
  type LoserRecord,
  type MergeRecord,
} from '../../db/merges.repo';
import { insertRows, moveColumnBack, recomputeTouches, seqTaken, standDownActivityTriggers, type RawRow } from '../../db/merges.moves.repo';
import type { DB } from '../../db/schema';
import type { RecordKind } from '../../db/schema.merges';
import type { FeatureContext } from '../modules';
import { recordOptIns } from '../consent/mirror';
import { fieldDefinitions } from '../fields/definitions';
import { fieldLabel, type Fields } from './fields';
import { groupCustom, recordName, renameNameless, restorableColumns, sameValue, wireFields, writeFields } from './records';
import { movesOf } from './registry';

interface Before {
  row: RawRow;
  fields: Fields;
  custom: RawRow[];
}
interface After {
  fields: Fields;
  custom: Record<string, RawRow[]>;
}

const TABLE: Record<RecordKind, 'contacts' | 'companies'> = { contact: 'contacts', company: 'companies' };

export function createUnmerger(ctx: FeatureContext) {
  const { db, clock, events, newId } = ctx.deps;
  const definitions = fieldDefinitions(ctx.deps);

  /** Why this merge cannot be undone now, in the app's words; null when it can. */
  async function obstacle(from: Kysely<DB>, merge: MergeRecord, losers: readonly LoserRecord[]): Promise<string | null> {
    const before = merge.survivorBefore as Before;
    const name = recordName(merge.kind, before.row);
    if (!(await recordRow(from, merge.kind, merge.survivorId))) {
      const later = await liveMergeTaking(from, merge.survivorId);
      if (later) {
        const into = await recordRow(from, merge.kind, later.survivorId);
        return `${name} was merged into ${into ? recordName(merge.kind, into) : 'another record'} since: undo that merge first`;
      }
      return `${name} was deleted for good since, so this merge can no longer be undone`;
    }
    for (const loser of losers) {
      if (await recordKindOf(from, loser.loserId)) return `${loser.displayName} exists again (perhaps from a restored backup), so this merge cannot be undone`;
    }
    return null;
  }

  /** Puts a merged-away record back as it was: its row (seq too, when free), custom values, and the rows kept with it. */
  async function reinsert(trx: Kysely<DB>, kind: RecordKind, loser: LoserRecord): Promise<void> {
    const { row, custom, children } = loser.snapshot;
    const omit = kind === 'contact' ? ['last_contacted_at', 'next_task_due_at'] : [];
    if (await seqTaken(trx, TABLE[kind], row.seq as number)) omit.push('seq');
    // A company deleted for good since is not linked to: the contact comes back without it.
    const companyGone = kind === 'contact' && typeof row.company_id === 'string' && !(await recordRow(trx, 'company', row.company_id));
    await insertRows(trx, TABLE[kind], [companyGone ? { ...row, company_id: null } : row], omit);
    const fields = await existingFieldIds(trx);
    await insertRows(trx, 'custom_values', custom.filter((r) => fields.has(r.field_id as string)));
    for (const [table, rows] of Object.entries(children)) {
      let keep = rows;
      if (table === 'document_links') {
        const docs = await existingDocumentIds(trx, rows.map((r) => r.document_id as string));
        keep = rows.filter((r) => docs.has(r.document_id as string));
      }
      await insertRows(trx, table, keep);
    }
  }

  /** The survivor's fields back where it still holds what the merge wrote; returns the words of those kept. */
  async function restoreSurvivor(trx: Kysely<DB>, merge: MergeRecord, now: string): Promise<string[]> {
    const { kind, survivorId } = merge;
    const before = merge.survivorBefore as Before;
    const after = merge.survivorAfter as After;
    const currentRow = (await recordRow(trx, kind, survivorId))!;
    const current = wireFields(kind, currentRow);
    const kept = Object.keys(after.fields).filter((name) => JSON.stringify(current[name] ?? null) !== JSON.stringify(after.fields[name] ?? null));
    const customNow = groupCustom(await customRows(trx, [survivorId])).get(survivorId) ?? new Map<string, RawRow[]>();
    const customBefore = groupCustom(before.custom).get(survivorId) ?? new Map<string, RawRow[]>();
    const keptCustom = Object.keys(after.custom).filter((fieldId) => !sameValue(customNow.get(fieldId) ?? [], after.custom[fieldId] ?? []));

    // Nothing changed since: the row goes back byte for byte (its updated_at too), unless a custom value was edited.
    if (kept.length === 0) await writeRecordColumns(trx, kind, survivorId, { ...restorableColumns(kind, before.row), ...(keptCustom.length > 0 ? { updated_at: now } : {}) });
    else {
      const fields = Object.fromEntries(Object.keys(after.fields).map((name) => [name, kept.includes(name) ? current[name] : before.fields[name]]));
      await writeFields(trx, kind, survivorId, fields, now);
    }
    for (const fieldId of Object.keys(after.custom)) {
      if (!keptCustom.includes(fieldId)) await replaceCustomValue(trx, fieldId, survivorId, customBefore.get(fieldId) ?? []);
    }
    const defs = await definitions.get(kind, trx);
    return [...kept.map((name) => fieldLabel(kind, name, defs)), ...keptCustom.map((id) => fieldLabel(kind, `custom:${id}`, defs))];
  }

  return async function undo({ mergeId }: { mergeId: string }): Promise<ChannelOutput<'merges.undo'>> {
    const merge = await findMerge(db, mergeId);
    if (!merge) throw AppError.notFound('Merge', mergeId);
    if (merge.undoneAt) throw new AppError('CONFLICT', 'This merge was already undone');
    const losers = await losersOf(db, mergeId);
    const blocked = await obstacle(db, merge, losers);
    if (blocked) throw new AppError('CONFLICT', blocked);
    await ctx.backups.before('before-merge');

    const { kind, survivorId } = merge;
    let movedBack = 0;
    let leftAlone = 0;
    let keptEdits: string[] = [];
    await db.transaction().execute(async (trx) => {
      const now = clock.now().toISOString();
      const again = await findMerge(trx, mergeId);
      if (again?.undoneAt) throw new AppError('CONFLICT', 'This merge was already undone');
      const stillBlocked = await obstacle(trx, merge, losers);
      if (stillBlocked) throw new AppError('CONFLICT', stillBlocked);
      // The records first: rows moving back to them find them there, and the summaries count them as live.
      for (const loser of losers) await reinsert(trx, kind, loser);
      await standDownActivityTriggers(trx, true);
      for (const entry of movesOf(kind)) {
        const { back, journalled } = await moveColumnBack(trx, entry.handling.link, mergeId, survivorId);
        if (entry.handling.what === null) continue;
        movedBack += back;
        leftAlone += journalled - back;
      }
      await standDownActivityTriggers(trx, false);
      if (kind === 'contact') await recomputeTouches(trx, [survivorId, ...losers.map((l) => l.loserId)]);
      keptEdits = await restoreSurvivor(trx, merge, now);
      if (kind === 'contact') await recordOptIns(trx, { clock, newId }, { source: 'bulkEdit', evidence: `Undo of merge ${mergeId}`, contactIds: [survivorId] });
      if (kind === 'company') await renameNameless(trx, [survivorId, ...losers.map((l) => l.loserId)]);
      await deleteAliases(trx, mergeId);
      await setMergeUndone(trx, mergeId, now);
    });

    const entity = kind === 'contact' ? 'contact' : 'company';
    const restored = losers.map((l) => l.loserId);
    events.emit('data.changed', { entity, action: 'restored', ids: restored });
    events.emit('data.changed', { entity, action: 'updated', ids: [survivorId] });
    if (kind === 'company') events.emit('data.changed', { entity: 'contact', action: 'updated', ids: [] });
    events.emit('data.changed', { entity: 'merge', action: 'updated', ids: [mergeId] });
    return { restored, movedBack, leftAlone, keptEdits };
  };
}
