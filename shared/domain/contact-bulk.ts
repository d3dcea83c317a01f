// Bulk actions on a selection of contacts (issue #18): which contacts (ids ticked, or everyone a list filter
// matches) and what changes. Each edit can be undone as one unit. Imports zod only.
import { z } from 'zod';
import { ContactKind } from './contact';
import { Id, Tags, text } from './fields';
import { SegmentFilter } from './segment';

/** A selection never holds more ids than this; "all matching" sends the filter instead. */
export const MAX_BULK_IDS = 100_000;

export const BulkTarget = z.union([
  z.strictObject({ ids: z.array(Id).min(1, { message: 'Select at least one contact' }).max(MAX_BULK_IDS) }),
  z.strictObject({ filter: SegmentFilter }),
]);
export type BulkTarget = z.infer<typeof BulkTarget>;

const SomeTags = Tags.min(1, { message: 'Enter a tag' });

/** Why the opt-in changed, kept with the change (consent is never changed without a word of why). */
export const ConsentNote = text().trim().min(1, { message: 'Say where the consent came from' }).max(500, { message: 'Must be at most 500 characters' });

export const BulkChange = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('addTags'), tags: SomeTags }),
  z.strictObject({ action: z.literal('removeTags'), tags: SomeTags }),
  z.strictObject({ action: z.literal('setKind'), kind: ContactKind }),
  z.strictObject({ action: z.literal('setEmailOptIn'), emailOptIn: z.boolean(), note: ConsentNote }),
  z.strictObject({ action: z.literal('linkCompany'), companyId: Id }),
  z.strictObject({ action: z.literal('trash') }),
]);
export type BulkChange = z.infer<typeof BulkChange>;

export const BulkUpdateInput = z.strictObject({ target: BulkTarget, change: BulkChange });
export const BulkUpdateResult = z.object({
  /** Contacts the edit changed. */
  count: z.number().int(),
  /** Contacts selected that already were as asked (nothing to change, nothing to undo). */
  unchanged: z.number().int(),
  undoId: z.string(),
});

export const BulkUndoInput = z.strictObject({ undoId: Id });
export const BulkUndoResult = z.object({
  /** Contacts put back as they were before the edit. */
  count: z.number().int(),
  /** Contacts changed again since the edit (or deleted for good): left as they are. */
  changedSince: z.number().int(),
});
