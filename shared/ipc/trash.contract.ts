// The trash feature's part of the contract: counts per kind, what a deletion for good takes, the deletion itself,
// and Restore all. contract.ts and events.ts spread these in. Imports zod and shared/domain only.
import { z } from 'zod';
import { TrashCounts, TrashedRecord, TrashListInput, TrashPreview, TrashProgress, TrashPurged, TrashRestoreAll, TrashScope } from '../domain/trash';
import type { TrashChannel } from './trash.channels';
import { Empty, Page } from './shapes';

export const trashContract = {
  /** How many records of each kind are in Trash. */
  'trash.summary': { input: Empty, output: TrashCounts },
  /** One kind's records in Trash, most recently deleted first. */
  'trash.list': { input: TrashListInput, output: Page(TrashedRecord) },
  /** What deleting the chosen items (or everything) for good would remove, for the confirmation. */
  'trash.preview': { input: TrashScope, output: TrashPreview },
  /** Deletes for good, in steps (see `trash.progress`), after a backup. */
  'trash.purge': { input: TrashScope, output: TrashPurged },
  /** Brings back everything in Trash, or every record of one kind. */
  'trash.restoreAll': { input: TrashRestoreAll, output: TrashCounts },
} as const satisfies Record<TrashChannel, { input: z.ZodType; output: z.ZodType }>;

export const trashEvents = {
  'trash.progress': TrashProgress,
} as const satisfies Record<string, z.ZodType>;
