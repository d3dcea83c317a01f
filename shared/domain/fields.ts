// Field schemas shared by every entity: limits live here once, so the renderer's forms and the
// dispatcher reject exactly the same things. Imports zod only.
import { z } from 'zod';

export const Id = z.uuid({ message: 'Must be an id' });

/**
 * C0 control characters other than tab, LF and CR, and DEL: never text a person meant (a pasted NUL cuts C strings,
 * file names and SMTP commands short). Every string input of the contract starts from `text()`, so each is refused
 * with the same words wherever it is (tests/shared/control-chars.test.ts walks every channel to hold that).
 */
// eslint-disable-next-line no-control-regex
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
export const CONTROL_CHARACTER_MESSAGE = 'Must not contain control characters';

/** A string of user text (or a path, a query, a cursor): control characters refused, see above. */
export function text() {
  return z.string().regex(NO_CONTROL_CHARACTERS, { message: CONTROL_CHARACTER_MESSAGE });
}

/**
 * What was typed in a search box: cut to `max` characters rather than refused, so a pasted paragraph still searches
 * (by its start). Control characters are refused like any text.
 */
export function searchQuery(max = 200) {
  return text().transform((s) => (s.length <= max ? s : s.slice(0, /[\uD800-\uDBFF]/.test(s.charAt(max - 1)) ? max - 1 : max)));
}

/** Optional free text: trimmed, '' becomes null (what an emptied form field means), capped. */
export function optionalText(max: number) {
  return text()
    .trim()
    .max(max, { message: `Must be at most ${max} characters` })
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
}

export const Label = text().trim().max(40, { message: 'Must be at most 40 characters' }).optional();

export const EmailEntry = z.strictObject({
  value: text().trim().max(254).pipe(z.email({ message: 'Not a valid email address' })),
  label: Label,
});
export const PhoneValue = text()
    .trim()
    .min(1, { message: 'Enter a phone number' })
    .max(40, { message: 'Must be at most 40 characters' })
    .regex(/^[0-9+()./\-\sextEXT#*]+$/, { message: 'Use digits, spaces and + ( ) - . only' })
    .regex(/\d/, { message: 'A phone number needs digits' });
export const PhoneEntry = z.strictObject({ value: PhoneValue, label: Label });
export const Address = z.strictObject({
  label: Label,
  street: text().trim().max(200).optional(),
  city: text().trim().max(100).optional(),
  region: text().trim().max(100).optional(),
  postcode: text().trim().max(20).optional(),
  country: text().trim().max(100).optional(),
});

export const Tag = text().trim().min(1, { message: 'A tag cannot be empty' }).max(50, { message: 'Must be at most 50 characters' });
export const Tags = z.array(Tag).max(50, { message: 'At most 50 tags' });

export const Website = text()
  .trim()
  .max(2048)
  .refine((s) => s === '' || /^(https?:\/\/)?[^\s/$.?#][^\s]*\.[^\s]{2,}$/i.test(s), { message: 'Not a web address' })
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional();

/** A birthday is `YYYY-MM-DD`, or `--MM-DD` when the year is unknown (vCard's and Google's form). */
export const Birthday = text()
  .trim()
  .refine((s) => s === '' || isValidBirthday(s), { message: 'Use YYYY-MM-DD, or --MM-DD without a year' })
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional();

function isValidBirthday(s: string): boolean {
  const m = /^(\d{4}|--)-?(\d{2})-(\d{2})$/.exec(s);
  if (!m || (m[1] !== '--' && s[4] !== '-')) return false;
  const year = m[1] === '--' ? 2000 : Number(m[1]); // 2000 is a leap year: --02-29 is a real birthday
  const month = Number(m[2]);
  const day = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Keyset paging: the cursor is opaque to the renderer. */
export const Cursor = text().max(1000).optional();
export const Limit = z.number().int().min(1).max(200).default(50);

export type EmailEntry = z.infer<typeof EmailEntry>;
export type PhoneEntry = z.infer<typeof PhoneEntry>;
export type Address = z.infer<typeof Address>;
