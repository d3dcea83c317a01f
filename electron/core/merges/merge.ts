// contacts.merge and companies.merge (issue #20): 2–10 records into one, a backup first and then ONE transaction:
// the survivor's fields chosen and combined, every linked row moved to it (journalled), the others deleted with their
// rows kept whole in the journal and their ids kept as aliases of the survivor. Undo is in unmerge.ts.
import type { Kysely } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import {
  customRows,
  deleteDuplicatePairsOf,
  deleteRecord,
  duplicatePairsOf,
  insertAlias,
  insertLoser,
  insertMerge,
  recordKindOf,
  recordRow,
  replaceCustomValue,
  setSurvivorAfter,
} from '../../db/merges.repo';
import { moveColumn, recomputeTouches, rowsNaming, standDownActivityTriggers, type RawRow } from '../../db/merges.moves.repo';
import type { DB } from '../../db/schema';
import type { RecordKind } from '../../db/schema.merges';
import type { FeatureContext } from '../modules';
import { recordOptIns } from '../consent/mirror';
import { fieldDefinitions } from '../fields/definitions';
import { checkChoices, mergedFields } from './fields';
import { groupCustom, loadSources, recordName, renameNameless, valueRows, wireFields, writeFields } from './records';
import { CASCADED, movesOf } from './registry';

type MergeInput = ChannelParsedInput<'contacts.merge'>;
type MergeOutput = ChannelOutput<'contacts.merge'>;

const KIND_WORD: Record<RecordKind, { one: string; other: string; otherChannel: string }> = {
  contact: { one: 'contact', other: 'company', otherChannel: 'merge companies with companies' },
  company: { one: 'company', other: 'contact', otherChannel: 'merge contacts with contacts' },
};

/** The checks that need no reading: before the backup, so a mistyped call costs nothing. */
export function checkIds(ids: readonly string[], keep: string): void {
  if (new Set(ids).size !== ids.length) throw AppError.validation('ids', 'A record is listed twice');
  if (!ids.includes(keep)) throw AppError.validation('keep', 'Keep one of the records being merged');
}

export function createMerger(ctx: FeatureContext) {
  const { db, clock, events, newId } = ctx.deps;
  const definitions = fieldDefinitions(ctx.deps);

  /** Every record must exist, be of this kind and not be in Trash. */
  async function checkRecords(trx: Kysely<DB>, kind: RecordKind, ids: readonly string[], rows: Map<string, RawRow>): Promise<void> {
    for (const id of ids) {
      const row = rows.get(id);
      if (!row) {
        const other = await recordKindOf(trx, id);
        const words = KIND_WORD[kind];
        throw AppError.validation('ids', other ? `One of them is a ${words.other}: ${words.otherChannel}` : `One of the ${words.one} records no longer exists`);
      }
      if (row.deleted_at) throw AppError.validation('ids', `${recordName(kind, row)} is in Trash: restore it first, or leave it out`);
    }
  }

  async function merge(kind: RecordKind, input: MergeInput): Promise<MergeOutput> {
    const { ids, keep: survivorId } = input;
    const choices = input.fields ?? {};
    checkIds(ids, survivorId);
    const first = await loadSources(db, kind, ids);
    await checkRecords(db, kind, ids, first.rows);
    checkChoices(kind, choices, ids, await definitions.get(kind));
    await ctx.backups.before('before-merge');

    const mergeId = newId();
    const losers = ids.filter((id) => id !== survivorId);
    const moved: Record<string, number> = {};
    const renamed: string[] = [];
    await db.transaction().execute(async (trx) => {
      const now = clock.now().toISOString();
      // Read again inside the transaction: what is written is decided on what is there now.
      const { rows, sources } = await loadSources(trx, kind, ids);
      await checkRecords(trx, kind, ids, rows);
      const defs = await definitions.get(kind, trx);
      checkChoices(kind, choices, ids, defs);
      const { fields, custom } = mergedFields(kind, sources, survivorId, choices, defs);

      const survivorRow = rows.get(survivorId)!;
      const survivorCustom = groupCustom(await customRows(trx, [survivorId])).get(survivorId) ?? new Map<string, RawRow[]>();
      const before = { row: survivorRow, fields: wireFields(kind, survivorRow), custom: [...survivorCustom.values()].flat() };
      await insertMerge(trx, { id: mergeId, kind, survivorId, survivorBefore: before, survivorAfter: {}, choices, createdAt: now });

      await writeFields(trx, kind, survivorId, fields, now);
      // Withdrawal wins (fields.ts): a survivor whose opt-in the merge turned off gets that on its own ledger (issue #21).
      if (kind === 'contact') await recordOptIns(trx, { clock, newId }, { source: 'bulkEdit', evidence: `Merge of ${ids.length} records (${mergeId})`, contactIds: [survivorId] });
      for (const [fieldId, value] of custom) {
        if (value.from === survivorId) continue;
        await replaceCustomValue(trx, fieldId, survivorId, value.rows);
      }

      // Thousands of activities move in one statement; their per-row summaries are recomputed once, after.
      await standDownActivityTriggers(trx, true);
      for (const loserId of losers) {
        for (const entry of movesOf(kind)) {
          const n = await moveColumn(trx, entry.handling.link, mergeId, loserId, survivorId, ids);
          if (entry.handling.what && n > 0) moved[entry.handling.what] = (moved[entry.handling.what] ?? 0) + n;
        }
      }
      await standDownActivityTriggers(trx, false);
      if (kind === 'contact') await recomputeTouches(trx, ids);

      for (const loserId of losers) {
        // What a foreign key would delete with the record (a document linked to both) is kept with it, whole.
        const children: Record<string, RawRow[]> = {};
        for (const { table, column } of CASCADED[kind]) {
          const left = await rowsNaming(trx, table, column, loserId);
          if (left.length > 0) children[table] = [...(children[table] ?? []), ...left];
        }
        const pairs = await duplicatePairsOf(trx, loserId);
        if (pairs.length > 0) children.duplicate_pairs = pairs;
        const row = rows.get(loserId)!;
        await insertLoser(trx, mergeId, { loserId, displayName: recordName(kind, row), snapshot: { row, custom: await customRows(trx, [loserId]), children } });
        await deleteDuplicatePairsOf(trx, loserId);
        await deleteRecord(trx, kind, loserId);
        await insertAlias(trx, { aliasId: loserId, kind, targetId: survivorId, mergeId });
      }
      if (kind === 'company') renamed.push(...(await renameNameless(trx, [survivorId])));

      // The survivor as written, read back: undo restores a field only while it still holds exactly this.
      const written = (await recordRow(trx, kind, survivorId))!;
      const writtenCustom = groupCustom(await customRows(trx, [survivorId])).get(survivorId) ?? new Map<string, RawRow[]>();
      const after = { fields: wireFields(kind, written), custom: Object.fromEntries([...custom.keys()].map((fieldId) => [fieldId, valueRows(writtenCustom.get(fieldId) ?? [])])) };
      await setSurvivorAfter(trx, mergeId, after);
    });

    const entity = kind === 'contact' ? 'contact' : 'company';
    events.emit('data.changed', { entity, action: 'deleted', ids: losers });
    events.emit('data.changed', { entity, action: 'updated', ids: [survivorId] });
    if (kind === 'company' && (moved.contacts || renamed.length)) events.emit('data.changed', { entity: 'contact', action: 'updated', ids: [...new Set(renamed)] });
    events.emit('data.changed', { entity: 'merge', action: 'created', ids: [mergeId] });
    return { mergeId, survivorId, moved };
  }

  return {
    contacts: (input: MergeInput) => merge('contact', input),
    companies: (input: ChannelParsedInput<'companies.merge'>) => merge('company', input),
  };
}
