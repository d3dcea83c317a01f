// Retention (issue #21): rules that build a review list, never a silent delete. Each rule names who it is about and
// how long after their last contact (or last job) they are kept; the review lists the people past it, and the user
// erases, keeps (with a reason, for a while) or anonymises each. Imports zod only.
import { z } from 'zod';
import { Cursor, Id, text } from './fields';

const Months = z.number().int().min(1, { message: 'Enter 1 to 240 months' }).max(240, { message: 'Enter 1 to 240 months' });

export const RetentionRule = z.strictObject({
  id: Id.optional(),
  /** Who: contacts of this kind ('prospect', 'customer'…), or 'formerClient' (a customer whose jobs are all closed). */
  appliesTo: z.enum(['prospect', 'customer', 'partner', 'supplier', 'other', 'formerClient']),
  /** Counted from the last call, email, meeting or letter, or for 'lastJob' from the last job's close. */
  from: z.enum(['lastContacted', 'lastJob']),
  months: Months,
  enabled: z.boolean().default(true),
});
export type RetentionRule = z.infer<typeof RetentionRule>;

export const RetentionRules = z.object({ rules: z.array(RetentionRule.required({ id: true })) });
export const RetentionRulesUpdateInput = z.strictObject({ rules: z.array(RetentionRule).max(20, { message: 'At most 20 rules' }) });

export const RetentionReviewInput = z.strictObject({ limit: z.number().int().min(1).max(500).default(100), cursor: Cursor });
export const RetentionReviewItem = z.object({
  contactId: z.string(),
  displayName: z.string(),
  ruleId: z.string(),
  /** "Prospect, not contacted since 3 Mar 2022 (rule: 36 months)". */
  reason: z.string(),
  lastActivityAt: z.string().nullable(),
});
export const RetentionReview = z.object({ items: z.array(RetentionReviewItem), total: z.number().int(), nextCursor: z.string().nullable() });

/** Keep (with a reason, off the list until `until`) or anonymise; erasing goes through privacy.erase. */
export const RetentionDecideInput = z.strictObject({
  contactId: Id,
  decision: z.enum(['keep', 'anonymise']),
  reason: text().trim().max(500, { message: 'Must be at most 500 characters' }).optional(),
  /** Keep: off the review list until this day (default: a year from today). */
  until: z.iso.date({ message: 'Enter a date' }).optional(),
}).refine((d) => d.decision !== 'keep' || (d.reason ?? '') !== '', { message: 'Say why they are kept', path: ['reason'] });
export const RetentionDecideResult = z.object({ contactId: z.string(), decision: z.enum(['keep', 'anonymise']) });
