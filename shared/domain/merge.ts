// Merging 2–10 contacts or companies into one, and undoing a merge (issue #20). The survivor keeps its id; the
// others are remembered as aliases of it; every linked record moves to it; a merge can be undone whenever.
// Imports zod only.
import { z } from 'zod';
import { Id, text } from './fields';

const MergeIds = z.array(Id).min(2, { message: 'Choose at least two records to merge' }).max(10, { message: 'At most 10 records can be merged at once' });

/**
 * Which record each single-valued field comes from: field name (firstName, lastName, jobTitle, companyId, website,
 * birthday, kind, leadSource, name, phone, address, custom.<key>, …) -> the id it is taken from. A field not named
 * takes the survivor's value, or if that is empty the most recently updated record's. Emails, phones, addresses and
 * tags are always united; notes appended, each part headed by its source; email opt-in is the most restrictive.
 */
export const MergeFieldChoices = z.record(text().max(120), Id);

export const MergeInput = z.strictObject({
  ids: MergeIds,
  /** The survivor: one of `ids`. */
  keep: Id,
  fields: MergeFieldChoices.default({}),
});
export type MergeInput = z.infer<typeof MergeInput>;

export const MergeResult = z.object({
  mergeId: z.string(),
  survivorId: z.string(),
  /** Linked records moved to the survivor, by what they are ("activities", "jobs", …). */
  moved: z.record(z.string(), z.number().int()),
});

export const MergeUndoInput = z.strictObject({ mergeId: Id });
export const MergeUndoResult = z.object({
  /** The merged-away records, back with their own ids. */
  restored: z.array(z.string()),
  /** Linked records moved back. */
  movedBack: z.number().int(),
  /** Linked records that had since moved elsewhere (or were deleted for good): left where they are. */
  leftAlone: z.number().int(),
  /** Survivor fields the user changed after the merge: kept as they are now. */
  keptEdits: z.array(z.string()),
});

export const MergeListInput = z.strictObject({
  /** Merges into this record (as survivor); all merges when omitted. */
  recordId: Id.optional(),
  includeUndone: z.boolean().default(false),
  limit: z.number().int().min(1).max(200).default(50),
});
export const MergeSummary = z.object({
  id: z.string(),
  kind: z.enum(['contact', 'company']),
  survivorId: z.string(),
  survivorName: z.string(),
  /** The merged-away records as they were named. */
  merged: z.array(z.object({ id: z.string(), displayName: z.string() })),
  /** Linked records that moved, by what they are (as MergeResult.moved): the undo dialog says what goes back. */
  moved: z.record(z.string(), z.number().int()).optional(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});
export const MergeList = z.object({ items: z.array(MergeSummary) });
