// The duplicates feature's part of the contract (issue #20): a scan in steps, its groups, "not a duplicate", and
// the check a form makes while the user types. contract.ts and events.ts spread these in. Imports zod and shared/ only.
import { z } from 'zod';
import {
  DuplicateCheckInput,
  DuplicateCheckResult,
  DuplicateDismissInput,
  DuplicateDismissResult,
  DuplicateList,
  DuplicateListInput,
  DuplicateScanInput,
  DuplicateScanProgress,
  DuplicateScanResult,
} from '../domain/duplicates';
import type { DuplicatesChannel } from './duplicates.channels';
import { Empty } from './shapes';

export const duplicatesContract = {
  /** Scores every likely pair (blocked by email, phone, name sound, company, …) in steps, with `duplicates.progress`. */
  'duplicates.scan': { input: DuplicateScanInput, output: DuplicateScanResult },
  /** Stops a running scan; the pairs found before are kept as they were. */
  'duplicates.cancel': { input: Empty, output: z.object({ cancelled: z.boolean() }) },
  /** Groups from the last scan at or above the threshold, best first, without dismissed or deleted records. */
  'duplicates.list': { input: DuplicateListInput, output: DuplicateList },
  'duplicates.dismiss': { input: DuplicateDismissInput, output: DuplicateDismissResult },
  /** Live records that look like the one being typed ("Looks like Robert Smith (same mobile)"). */
  'duplicates.check': { input: DuplicateCheckInput, output: DuplicateCheckResult },
} as const satisfies Record<DuplicatesChannel, { input: z.ZodType; output: z.ZodType }>;

export const duplicatesEvents = {
  'duplicates.progress': DuplicateScanProgress,
} as const satisfies Record<string, z.ZodType>;
