// What is wrong with one contact, in the app's words, and one paced pass over the live contacts that asks it:
// phone parsing is JS work, and a single COUNT over 100,000 rows would hold the event loop as long. Summary, list
// and fix all read through here, so a count, its list and its fix agree. No `electron` import.
import type { Kysely } from 'kysely';
import type { QualityCheck } from '../../../shared/domain/quality';
import { contactFieldsByIds, contactFieldsPage, type ContactFieldsRow } from '../../db/quality.repo';
import { parseJsonColumn } from '../../db/json';
import type { DB } from '../../db/schema';
import { pacer } from '../steps';
import { hasExtraSpaces, isEmail, nameCaseOf, type phoneChecker } from './checks';

export type ContactCheck = Exclude<QualityCheck, 'companyNoPeople'>;
export const CONTACT_CHECKS: readonly ContactCheck[] = ['unreachable', 'invalidPhone', 'unnormalisedPhone', 'invalidEmail', 'nameCase', 'extraSpaces', 'untouched'];

/** What the checks are measured against: the country of numbers without "+", and the instant before which "untouched". */
export interface CheckContext {
  country: string;
  untouchedBefore: string;
}

export type PhoneChecker = ReturnType<typeof phoneChecker>;

/** The fields the checks and fixes read, parsed. */
export interface ContactFields {
  id: string;
  displayName: string;
  sortName: string;
  firstName: string | null;
  lastName: string | null;
  emails: { value: string; label?: string }[];
  phones: { value: string; label?: string }[];
  jobTitle: string | null;
}

/** The fields plus what only the checks read. */
export interface CheckedContact extends ContactFields {
  hasAddress: boolean;
  /** null when never contacted. */
  lastContactedAt: string | null;
  createdAt: string;
}

export function parseFields(row: ContactFieldsRow): CheckedContact {
  return {
    id: row.id,
    displayName: row.display_name,
    sortName: row.sort_name,
    firstName: row.first_name,
    lastName: row.last_name,
    emails: row.emails === '[]' ? [] : parseJsonColumn(row.emails, []),
    phones: row.phones === '[]' ? [] : parseJsonColumn(row.phones, []),
    jobTitle: row.job_title,
    hasAddress: row.addresses !== '[]',
    lastContactedAt: row.last_contacted_at || null,
    createdAt: row.created_at,
  };
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const day = (iso: string) => dateFormat.format(new Date(iso));

export const fullName = (c: Pick<ContactFields, 'firstName' | 'lastName'>): string => [c.firstName, c.lastName].filter(Boolean).join(' ');
const more = (list: readonly string[]) => (list.length > 1 ? `, and ${list.length - 1} more` : '');

/** Each check this contact fails, with its problem line ("phone 07700 900123 is not in international form"). */
export function problemsOf(c: CheckedContact, { country, untouchedBefore }: CheckContext, phone: PhoneChecker): Partial<Record<ContactCheck, string>> {
  const found: Partial<Record<ContactCheck, string>> = {};
  if (c.emails.length === 0 && c.phones.length === 0 && !c.hasAddress) found.unreachable = 'no email, phone or address';
  if ((c.lastContactedAt ?? c.createdAt) < untouchedBefore) {
    found.untouched = c.lastContactedAt ? `last contacted ${day(c.lastContactedAt)}` : `never contacted; added ${day(c.createdAt)}`;
  }
  const invalid: string[] = [];
  const national: string[] = [];
  for (const p of c.phones) {
    const verdict = phone(p.value, country).kind;
    if (verdict === 'invalid') invalid.push(p.value);
    else if (verdict === 'unnormalised') national.push(p.value.trim());
  }
  if (invalid.length) found.invalidPhone = `phone ${invalid[0]!.trim()} is not a phone number${more(invalid)}`;
  if (national.length) found.unnormalisedPhone = `phone ${national[0]!} is not in international form${more(national)}`;
  const badEmails = c.emails.filter((e) => !isEmail(e.value));
  if (badEmails.length) found.invalidEmail = `email ${badEmails[0]!.value.trim() || '(empty)'} is not an email address${more(badEmails.map((e) => e.value))}`;
  const cases = new Set([nameCaseOf(c.firstName), nameCaseOf(c.lastName)].filter((x) => x !== null));
  if (cases.size > 0) {
    const how = cases.size === 2 ? 'capitals and lower case' : cases.has('caps') ? 'capitals' : 'lower case';
    found.nameCase = `name in ${how}: ${fullName(c)}`;
  }
  const spaced = [
    ...(hasExtraSpaces(c.firstName) || hasExtraSpaces(c.lastName) ? [`the name “${fullName(c)}”`] : []),
    ...c.emails.filter((e) => hasExtraSpaces(e.value)).map((e) => `email “${e.value}”`),
    ...c.phones.filter((p) => hasExtraSpaces(p.value)).map((p) => `phone “${p.value}”`),
    ...(hasExtraSpaces(c.jobTitle) ? [`job title “${c.jobTitle}”`] : []),
  ];
  if (spaced.length) found.extraSpaces = `extra spaces in ${spaced[0]!}${more(spaced)}`;
  return found;
}

const PAGE = 1000;

/**
 * Every live contact (or those of `ids`) once, in pages, giving the event loop a turn whenever ~20 ms of work has
 * passed (phone parsing is the cost), so a count over 100,000 contacts never holds up another call.
 */
export async function eachContact(db: Kysely<DB>, visit: (c: CheckedContact) => void, ids?: readonly string[]): Promise<void> {
  const pace = pacer();
  for (let after = 0, at = 0; ; ) {
    const rows = ids ? await contactFieldsByIds(db, ids.slice(at, (at += PAGE))) : await contactFieldsPage(db, after, PAGE);
    for (const row of rows) {
      visit(parseFields(row));
      const turn = pace();
      if (turn) await turn;
    }
    if (ids ? at >= ids.length : rows.length < PAGE) return;
    after = rows.at(-1)?.seq ?? after;
  }
}
