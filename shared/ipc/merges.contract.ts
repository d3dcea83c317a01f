// The merges feature's part of the contract (issue #20): merge 2–10 contacts or companies (a backup first, one
// transaction), list merges, undo one whenever. contract.ts spreads this in. Imports zod and shared/ only.
import type { z } from 'zod';
import { MergeInput, MergeList, MergeListInput, MergeResult, MergeUndoInput, MergeUndoResult } from '../domain/merge';
import type { MergesChannel } from './merges.channels';

export const mergesContract = {
  'contacts.merge': { input: MergeInput, output: MergeResult },
  'companies.merge': { input: MergeInput, output: MergeResult },
  /** Brings the merged-away records back with their ids and moves back exactly what moved. */
  'merges.undo': { input: MergeUndoInput, output: MergeUndoResult },
  'merges.list': { input: MergeListInput, output: MergeList },
} as const satisfies Record<MergesChannel, { input: z.ZodType; output: z.ZodType }>;
