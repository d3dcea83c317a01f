// The retention feature's part of the contract (issue #21): rules, the review list they build, and the decision on
// each person (erasing goes through privacy.erase). contract.ts spreads this in. Imports zod and shared/ only.
import { z } from 'zod';
import { RetentionDecideInput, RetentionDecideResult, RetentionReview, RetentionReviewInput, RetentionRules, RetentionRulesUpdateInput } from '../domain/retention';
import type { RetentionChannel } from './retention.channels';

export const retentionContract = {
  'retention.rules.get': { input: z.strictObject({}), output: RetentionRules },
  'retention.rules.update': { input: RetentionRulesUpdateInput, output: RetentionRules },
  'retention.review': { input: RetentionReviewInput, output: RetentionReview },
  'retention.decide': { input: RetentionDecideInput, output: RetentionDecideResult },
} as const satisfies Record<RetentionChannel, { input: z.ZodType; output: z.ZodType }>;
