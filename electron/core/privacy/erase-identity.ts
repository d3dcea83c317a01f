// Who a person is, for the erasure (issue #21): the identifiers the register keeps one-way hashes of, and the
// strings that find them in free text (an import report line, a log line, a request's "who asked"). Plain functions.
import { foldForSort, phoneDigits } from '../../../shared/domain/text';
import type { ErasureSubject } from '../../db/erasure.repo';
import { subjectHash } from '../../db/privacy-log.repo';

/** The last nine digits of a phone number (as contact_match_keys keys it), or null when it has too few. */
export function phoneKey(phone: string): string | null {
  const digits = phoneDigits(phone).replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(-9) : null;
}

export const emailKey = (email: string) => email.trim().toLowerCase();

/** 'id:<uuid>', 'e:<email>', 'p:<last 9 digits>', 'n:<folded full name>': what the register hashes. */
export function identifiersOf(subject: ErasureSubject): string[] {
  const out = [`id:${subject.id}`];
  for (const email of subject.emails) if (emailKey(email)) out.push(`e:${emailKey(email)}`);
  for (const phone of subject.phones) {
    const key = phoneKey(phone);
    if (key) out.push(`p:${key}`);
  }
  const name = foldForSort(subject.displayName);
  if (name) out.push(`n:${name}`);
  return [...new Set(out)];
}

export function hashesOf(salt: string, subjects: readonly ErasureSubject[]): string[] {
  return [...new Set(subjects.flatMap(identifiersOf).map((i) => subjectHash(salt, i)))];
}

/** The hashes a contact would have, by id, email and phone (not name: two people may share one). */
export function matchHashes(salt: string, contact: { id: string; emails: readonly string[]; phones: readonly string[] }): string[] {
  const ids = [`id:${contact.id}`, ...contact.emails.map((e) => `e:${emailKey(e)}`), ...contact.phones.flatMap((p) => (phoneKey(p) ? [`p:${phoneKey(p)}`] : []))];
  return ids.map((i) => subjectHash(salt, i));
}

/**
 * Lower-case strings that mark the person in free text: their id, full name, addresses, numbers as written and as
 * bare digits; with nameParts, each name part of four letters or more too (for the log, where over-matching another
 * "Anna" costs nothing; never for the request log, where it would clear someone else's request).
 */
export function needlesOf(subjects: readonly ErasureSubject[], options: { nameParts: boolean } = { nameParts: true }): string[] {
  const out = new Set<string>();
  for (const s of subjects) {
    out.add(s.id.toLowerCase());
    const parts = options.nameParts ? [s.firstName ?? '', s.lastName ?? ''] : [];
    const names = [s.displayName, ...parts].map((n) => n.trim().toLowerCase()).filter((n) => n.length >= 4);
    names.forEach((n) => out.add(n));
    s.emails.forEach((e) => emailKey(e) && out.add(emailKey(e)));
    for (const p of s.phones) {
      if (p.trim().length >= 7) out.add(p.trim().toLowerCase());
      const digits = p.replace(/\D/g, '');
      if (digits.length >= 7) out.add(digits);
      const key = phoneKey(p);
      if (key) out.add(key);
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` with every needle (any case) replaced by "[erased]"; the same text when none is in it. */
export function scrub(text: string, needles: readonly string[]): string {
  if (needles.length === 0) return text;
  const pattern = new RegExp(needles.map(escape).join('|'), 'giu');
  return text.replace(pattern, '[erased]');
}

export function mentions(text: string, needles: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return needles.some((n) => lower.includes(n));
}
