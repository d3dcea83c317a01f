// Sales suggestions' part of the contract (issue #23). contract.ts spreads this in. Imports zod and shared/ only.
import type { z } from 'zod';
import { Suggestions, SuggestionsInput } from '../domain/sales';
import type { SalesChannel } from './sales.channels';

export const salesContract = {
  /** From accepted quotes: products bought together, whom to offer what, and repeats falling due. */
  'sales.suggestions': { input: SuggestionsInput, output: Suggestions },
} as const satisfies Record<SalesChannel, { input: z.ZodType; output: z.ZodType }>;
