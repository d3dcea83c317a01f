// Finding duplicates by likeness (issue #20): what a scan finds, why, and the check a contact form makes while the
// user types. The matching rules are in electron/core/duplicates/ and the README ("Duplicates and merging").
// Imports zod only.
import { z } from 'zod';
import { ContactFields } from './contact';
import { Id, text } from './fields';

export const DuplicateKind = z.enum(['contact', 'company']);
export type DuplicateKind = z.infer<typeof DuplicateKind>;

/** Why two records look alike, in the user's words, e.g. "same mobile +44 7700 900123", "names alike: Bob Smith / Robert Smith". */
export const DuplicateReason = z.object({
  /** Machine tag: email, phone, name, nickname, initials, swapped, company, website, address. */
  code: z.string(),
  text: z.string(),
});
export type DuplicateReason = z.infer<typeof DuplicateReason>;

/** The default score a pair must reach to be shown; the user can move it (Settings → Duplicates or the view's slider). */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.7;
const Threshold = z.number().min(0.3, { message: 'The threshold must be between 0.3 and 1' }).max(1, { message: 'The threshold must be between 0.3 and 1' });

export const DuplicateMember = z.object({ id: z.string(), displayName: z.string(), detail: z.string().nullable() });
export type DuplicateMember = z.infer<typeof DuplicateMember>;

/** Records that look like one person (or one company): pairs found by the scan joined into a group, best pair first. */
export const DuplicateGroup = z.object({
  kind: DuplicateKind,
  /** The group's best pair score, 0–1. */
  score: z.number(),
  members: z.array(DuplicateMember),
  /** Each scored pair inside the group with its reasons. */
  pairs: z.array(z.object({ a: z.string(), b: z.string(), score: z.number(), reasons: z.array(DuplicateReason) })),
});
export type DuplicateGroup = z.infer<typeof DuplicateGroup>;

export const DuplicateScanInput = z.strictObject({ kind: DuplicateKind.default('contact') });
export const DuplicateScanResult = z.object({ kind: DuplicateKind, scanned: z.number().int(), pairs: z.number().int(), groups: z.number().int(), tookMs: z.number(), cancelled: z.boolean() });
/** Sent while a scan runs (`duplicates.progress`). */
export const DuplicateScanProgress = z.object({ kind: DuplicateKind, done: z.number().int(), total: z.number().int() });

export const DuplicateListInput = z.strictObject({
  kind: DuplicateKind.default('contact'),
  threshold: Threshold.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export const DuplicateList = z.object({
  groups: z.array(DuplicateGroup),
  /** When the shown pairs were found; null before the first scan. */
  scannedAt: z.string().nullable(),
  threshold: z.number(),
});

/** "Not a duplicate": remembered for these records, never shown again as a pair. */
export const DuplicateDismissInput = z.strictObject({ kind: DuplicateKind.default('contact'), ids: z.array(Id).min(2, { message: 'Choose at least two records' }).max(10) });
export const DuplicateDismissResult = z.object({ dismissed: z.number().int() });

/** The form's check while creating or editing: `id` is the record being edited (never matched with itself). */
export const DuplicateCheckInput = z.strictObject({
  kind: DuplicateKind.default('contact'),
  id: Id.optional(),
  fields: ContactFields.pick({ firstName: true, lastName: true, emails: true, phones: true, companyId: true, website: true })
    .extend({ name: text().max(200).optional() })
    .partial(),
});
export const DuplicateCheckResult = z.object({
  matches: z.array(z.object({ id: z.string(), displayName: z.string(), score: z.number(), reasons: z.array(DuplicateReason) })),
});
