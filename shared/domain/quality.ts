// The Data quality page (issue #20): counts of contacts and companies that need care, the lists behind each count,
// and bulk fixes with a preview and Undo. Imports zod only.
import { z } from 'zod';
import { Cursor, Id, text } from './fields';

export const QualityCheck = z.enum([
  /** No email, no phone and no address. */
  'unreachable',
  /** A phone that is not a possible number. */
  'invalidPhone',
  /** A valid phone not written in international form (E.164). */
  'unnormalisedPhone',
  /** An email that is not an address. */
  'invalidEmail',
  /** A name in all capitals or all lower case. */
  'nameCase',
  /** Spaces at either end or doubled inside a name, email or phone. */
  'extraSpaces',
  /** A company with no live people. */
  'companyNoPeople',
  /** Not contacted (call, email, meeting, letter) for `untouchedYears` years, or never and created that long ago. */
  'untouched',
]);
export type QualityCheck = z.infer<typeof QualityCheck>;

const Country = text().regex(/^[A-Z]{2}$/, { message: 'Choose a country' });
const Years = z.number().int().min(1, { message: 'Enter 1 to 20 years' }).max(20, { message: 'Enter 1 to 20 years' });

export const QualitySummaryInput = z.strictObject({ untouchedYears: Years.default(2), defaultCountry: Country.optional() });
export const QualitySummary = z.object({
  counts: z.record(QualityCheck, z.number().int()),
  contacts: z.number().int(),
  companies: z.number().int(),
  /** The country the phone counts used (the one asked for, else the settings'): the page's default for fixes. */
  defaultCountry: z.string(),
});

export const QualityListInput = z.strictObject({
  check: QualityCheck,
  untouchedYears: Years.default(2),
  defaultCountry: Country.optional(),
  limit: z.number().int().min(1).max(500).default(100),
  cursor: Cursor,
});
export const QualityListItem = z.object({
  id: z.string(),
  kind: z.enum(['contact', 'company']),
  displayName: z.string(),
  /** What is wrong, e.g. "phone 07700 900123 is not in international form". */
  problem: z.string(),
});
export const QualityList = z.object({ items: z.array(QualityListItem), total: z.number().int(), nextCursor: z.string().nullable() });

export const QualityFixKind = z.enum(['titleCaseNames', 'phonesE164', 'trimSpaces']);
export type QualityFixKind = z.infer<typeof QualityFixKind>;

export const QualityFixInput = z.strictObject({
  fix: QualityFixKind,
  /** For phonesE164: the country of numbers written without one (default: the settings' country). */
  defaultCountry: Country.optional(),
  /** Only these contacts; all that need the fix when omitted. */
  ids: z.array(Id).max(100_000).optional(),
  /** true: say what would change, change nothing. */
  preview: z.boolean().default(true),
});
export const QualityFixResult = z.object({
  /** Contacts changed (or, in a preview, that would be). */
  count: z.number().int(),
  /** Up to 20 examples: before and after. */
  samples: z.array(z.object({ id: z.string(), displayName: z.string(), before: z.string(), after: z.string() })),
  /** Values the fix could not make right (e.g. a phone that is not a number): listed, left alone. */
  skipped: z.number().int(),
  /** For `quality.undo`; null in a preview. */
  undoId: z.string().nullable(),
});
export const QualityUndoInput = z.strictObject({ undoId: Id });
export const QualityUndoResult = z.object({ count: z.number().int(), changedSince: z.number().int() });
