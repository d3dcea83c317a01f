// How custom values travel inside the record channels (issue #19): `custom: { [key]: value }` on contacts,
// companies and jobs, the list filters and the sort by a custom field. The values' per-field checks are built
// from the definitions in main (core/fields/record-custom.ts); this is the shape the contract checks first.
// Imports zod and shared/domain/fields only, so contact.ts and job.ts can use it (custom-fields.ts imports job.ts).
import { z } from 'zod';
import { text } from './fields';

/** What one custom value is on the wire, by type (see custom-values.ts for the checks). */
export type CustomValue = string | number | boolean | string[] | null;
export const CustomValue = z.union([text().max(5000), z.number(), z.boolean(), z.array(text().max(80)).max(200), z.null()]);
/** A record's custom values: field key -> value. */
export type CustomValues = Record<string, CustomValue>;

const Key = text().max(80);

/** A record's `custom` input: only the keys sent are checked and written on update; null clears a value. */
export const CustomInput = z.record(Key, CustomValue);

const isValueOut = (v: unknown): boolean =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || (Array.isArray(v) && v.every((s) => typeof s === 'string'));

/**
 * On the way out: every value the record holds, by field key (no key for a field without a value). The same check as
 * a record of a union, written as one predicate: zod's record-of-union cost a list page of 50 contacts with two
 * values each ~65 µs, a tenth of a filtered page's whole cost at 100,000 contacts (issue #19's 1.3 ratio).
 */
export const CustomOut = z.custom<CustomValues>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isValueOut),
  { message: 'Custom values must be text, numbers, yes or no, lists of text, or empty' },
);

/** One condition on a custom field, as the lists and saved segments take it (by the field's key). */
export const CustomFilter = z.discriminatedUnion('op', [
  z.strictObject({ key: Key, op: z.literal('equals'), value: z.union([text().max(500), z.number(), z.boolean()]) }),
  z.strictObject({ key: Key, op: z.literal('contains'), value: text().max(500) }),
  z.strictObject({ key: Key, op: z.literal('empty') }),
  z.strictObject({ key: Key, op: z.literal('notEmpty') }),
  z.strictObject({ key: Key, op: z.literal('between'), min: z.union([z.number(), text().max(40)]).optional(), max: z.union([z.number(), text().max(40)]).optional() }),
  z.strictObject({ key: Key, op: z.literal('anyOf'), values: z.array(text().max(80)).min(1).max(200) }),
]);
export type CustomFilter = z.infer<typeof CustomFilter>;

/** A list's conditions on custom fields, all of which must hold. */
export const CustomFilters = z.array(CustomFilter).max(10, { message: 'At most 10 custom field filters' });

/** A list sorted by a custom field instead of its `sort`: records without a value come last either way. */
export const CustomSort = z.strictObject({ key: Key, direction: z.enum(['asc', 'desc']).default('asc') });
export type CustomSort = z.infer<typeof CustomSort>;
