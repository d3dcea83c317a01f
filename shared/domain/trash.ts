// Trash for good (issue #18): what is in Trash per kind, what deleting chosen items (or everything) for good takes
// with it, and what it removed. Imports zod only.
import { z } from 'zod';
import { Cursor, Id } from './fields';

/** The kinds that can be deleted for good one by one (documents go through "Empty" and only-used links). */
export const TrashKind = z.enum(['contact', 'company', 'job', 'activity', 'task', 'appointment', 'case']);
export type TrashKind = z.infer<typeof TrashKind>;

const count = z.number().int().nonnegative();
/** A count per kind of record. */
export const TrashCounts = z.object({
  contacts: count,
  companies: count,
  jobs: count,
  activities: count,
  tasks: count,
  appointments: count,
  /** Service cases (issue #22); each goes with its timeline. */
  cases: count,
  documents: count,
});
export type TrashCounts = z.infer<typeof TrashCounts>;

export const TrashItem = z.strictObject({ kind: TrashKind, id: Id });
export type TrashItem = z.infer<typeof TrashItem>;

/** Chosen items in Trash, or everything in it (documents included). */
export const TrashScope = z
  .strictObject({
    items: z.array(TrashItem).min(1, { message: 'Choose something in Trash' }).max(500, { message: 'Choose at most 500 at a time' }).optional(),
    all: z.literal(true).optional(),
  })
  .refine((s) => (s.items === undefined) !== (s.all === undefined), { message: 'Choose items or everything in Trash', path: ['items'] });
export type TrashScope = z.infer<typeof TrashScope>;

/** What a deletion for good would take: the chosen records in Trash, and what goes with them that is not in Trash. */
export const TrashPreview = z.object({
  chosen: TrashCounts,
  alongside: TrashCounts,
});
export type TrashPreview = z.infer<typeof TrashPreview>;

/** What went: every row deleted per kind, and the stored files no document uses any more. */
export const TrashPurged = z.object({
  removed: TrashCounts,
  blobsRemoved: count,
  bytesFreed: z.number().nonnegative(),
});
export type TrashPurged = z.infer<typeof TrashPurged>;

export const TrashRestoreAll = z.strictObject({ kind: z.enum([...TrashKind.options, 'document']).optional() });

/** Progress of a long deletion or restore: records of Trash handled so far out of all. */
export const TrashProgress = z.object({ action: z.enum(['purge', 'restore']), done: count, total: count, finished: z.boolean() });
export type TrashProgress = z.infer<typeof TrashProgress>;

/** One page of a Trash tab, most recently deleted first. */
export const TrashListInput = z.strictObject({ kind: TrashKind, limit: z.number().int().min(1).max(200).default(50), cursor: Cursor.optional() });
export const TrashedRecord = z.object({ id: z.string(), name: z.string(), detail: z.string().nullable(), deletedAt: z.string() });
export type TrashedRecord = z.infer<typeof TrashedRecord>;
