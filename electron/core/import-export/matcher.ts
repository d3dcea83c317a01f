// Decides when an imported row is "the same person" as an existing contact (or an earlier row of the file). A
// shared phone or company never suffices when the names differ: the rules are in the README ("How people are
// matched") and below, each with why. No `electron` import.
import { createHash } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { Address } from '../../../shared/domain/fields';
import type { MatchKey } from '../../../shared/domain/transfer';
import { foldForSort, phoneDigits } from '../../../shared/domain/text';
import type { MatchStore } from '../../db/import-export.matching.repo';

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export function phoneKey(phone: string): string | null {
  const trimmed = phone.trim();
  if (trimmed.startsWith('+')) {
    // "+44 (0)20 7946 0958" and "+44 20 7946 0958" are one number; libphonenumber knows the trunk prefixes.
    const parsed = parsePhoneNumberFromString(trimmed);
    if (parsed?.isPossible()) return parsed.number;
  }
  const digits = phoneDigits(trimmed);
  // Too short to mean one person (an extension, a typo): never a match on its own.
  return digits.replace('+', '').length >= 6 ? digits : null;
}

/** The values matching looks at: identifiers, the name, and (for "identical") what the record says. */
export interface MatchSource {
  emails: readonly { value: string }[];
  phones: readonly { value: string }[];
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  addresses?: readonly Address[];
  jobTitle?: string | null;
  website?: string | null;
  birthday?: string | null;
  notes?: string | null;
}

/** A record's keys, worked out once: a phone's key costs tens of µs (libphonenumber), and each is wanted twice. */
export interface MatchKeys {
  emails: string[];
  phones: string[];
  /** Folded first given name and family name; `tokens` is the whole name's words sorted (so "Lovelace Ada" is "Ada Lovelace"). */
  given: string | null;
  family: string | null;
  tokens: string | null;
  company: string | null;
  /** A digest of everything the record says: two records with the same one are one record, whoever they are. */
  fingerprint: string;
}

export interface Match {
  id: string;
  on: MatchKey[];
}

const words = (text: string | null): string[] => (text ? foldForSort(text).split(/[\s,]+/).filter(Boolean) : []);
const clean = (text: string | null | undefined): string | null => (text && foldForSort(text)) || null;

/** Given names agree when their first words are equal, or one is the other's initial ("J." and "John"). */
function givenAgree(a: string, b: string): boolean {
  const x = a.replace(/\.$/, '');
  const y = b.replace(/\.$/, '');
  if (x === y) return true;
  return (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y));
}

/**
 * How two names relate. 'absent': one has no person name (a company-only or email-only record). 'same': the
 * same words. 'compatible': nothing contradicts ("Ada" and "Ada Lovelace"). 'conflict': different people by name.
 */
export function nameRelation(a: MatchKeys, b: MatchKeys): 'absent' | 'same' | 'compatible' | 'conflict' {
  if (!a.tokens || !b.tokens) return 'absent';
  if (a.tokens === b.tokens) return 'same';
  const givenOk = !a.given || !b.given || givenAgree(a.given, b.given);
  const familyOk = !a.family || !b.family || a.family === b.family;
  return givenOk && familyOk ? 'compatible' : 'conflict';
}

const shares = (a: readonly string[], b: readonly string[]) => a.some((k) => b.includes(k));
/** Both have values of a kind and none in common: evidence of two people when only the name ties them. */
const conflicts = (a: readonly string[], b: readonly string[]) => a.length > 0 && b.length > 0 && !shares(a, b);

/** The keys two records have in common, for the report. */
export function agreeingKeys(a: MatchKeys, b: MatchKeys): MatchKey[] {
  const on: MatchKey[] = [];
  if (shares(a.emails, b.emails)) on.push('email');
  if (shares(a.phones, b.phones)) on.push('phone');
  if (a.tokens && a.tokens === b.tokens) on.push('name');
  if (a.company && a.company === b.company) on.push('company');
  if (a.fingerprint === b.fingerprint) on.push('identical');
  return on;
}

/**
 * The rules, in order; the first that holds decides (see the README for the reasons):
 * 1. a shared email, and the names do not conflict;
 * 2. a shared phone, and the same name;
 * 3. the same name at the same company, and no conflicting email or phone;
 * 4. no person name on either side, the same company, and no conflicting email or phone (company-only records);
 * 5. identical records (everything the row says equals what the contact holds).
 */
export function sameBy(row: MatchKeys, known: MatchKeys, rule: 1 | 2 | 3 | 4 | 5): boolean {
  const names = nameRelation(row, known);
  switch (rule) {
    case 1:
      return names !== 'conflict' && shares(row.emails, known.emails);
    case 2:
      return names === 'same' && shares(row.phones, known.phones);
    case 3:
    case 4: {
      const named = rule === 3 ? names === 'same' : !row.tokens && !known.tokens;
      return named && !!row.company && row.company === known.company && !conflicts(row.emails, known.emails) && !conflicts(row.phones, known.phones);
    }
    case 5:
      return row.fingerprint === known.fingerprint;
  }
}

/** A key shared by more contacts than this (a switchboard, info@) is not searched further: none of them can be "the" person. */
const MAX_CANDIDATES = 64;
/** Phone keys remembered per import: enough for a re-import to meet its own numbers, bounded for a 100,000-row file. */
const PHONE_CACHE = 20_000;

/** A 31-bit hash of a key (FNV-1a). A collision only adds a candidate: every candidate is checked on its full keys (sameBy). */
function hashKey(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 1;
}

type Packed = [string[], string[], string | null, string | null, string | null, string | null, string];
const nameCompany = (keys: MatchKeys) => `${keys.tokens ?? ''}\u0000${keys.company}`;

/** A key's contacts as slots: one (by far the most common: no array per key), or several. */
type Slots = number | number[];

function push(map: Map<number, Slots>, key: string, slot: number): void {
  const hash = hashKey(key);
  const slots = map.get(hash);
  if (slots === undefined) map.set(hash, slot);
  else if (typeof slots === 'number') {
    if (slots !== slot) map.set(hash, [slots, slot]);
  } else if (slots.length < MAX_CANDIDATES && !slots.includes(slot)) slots.push(slot);
}

const slotsOf = (map: Map<number, Slots>, key: string): readonly number[] => {
  const slots = map.get(hashKey(key));
  return slots === undefined ? [] : typeof slots === 'number' ? [slots] : slots;
};

/**
 * The people an import compares its rows with: the store's live contacts, then each row as it is created or
 * updated. Their keys are kept in a MatchStore (a TEMP table of the import's connection:
 * electron/db/import-export.matching.repo.ts), so 100,000 contacts do not sit in the heap, and unpacked only for a
 * candidate; here only maps from key hashes (small integers) to slots, read for every row.
 */
export class DuplicateIndex {
  private readonly byEmail = new Map<number, Slots>();
  private readonly byPhone = new Map<number, Slots>();
  private readonly byNameCompany = new Map<number, Slots>();
  private readonly byFingerprint = new Map<number, Slots>();
  /** Phone keys seen this import: re-importing a file meets the same numbers the store already holds. */
  private readonly phoneKeys = new Map<string, string | null>();

  constructor(private readonly store: MatchStore) {}

  keysOf(source: MatchSource): MatchKeys {
    const phones: string[] = [];
    for (const p of source.phones) {
      let key = this.phoneKeys.get(p.value);
      if (key === undefined) {
        key = phoneKey(p.value);
        if (this.phoneKeys.size >= PHONE_CACHE) this.phoneKeys.clear();
        this.phoneKeys.set(p.value, key);
      }
      if (key && !phones.includes(key)) phones.push(key);
    }
    const emails = [...new Set(source.emails.map((e) => emailKey(e.value)))];
    const all = [...words(source.firstName), ...words(source.lastName)];
    const company = clean(source.companyName);
    const tokens = all.length ? [...all].sort().join(' ') : null;
    const fingerprint = createHash('sha1')
      .update(
        JSON.stringify([
          tokens, company, [...emails].sort(), source.phones.map((p) => phoneDigits(p.value)).sort(),
          (source.addresses ?? []).map((a) => [a.street, a.city, a.region, a.postcode, a.country].map((v) => clean(v))),
          clean(source.jobTitle), clean(source.website), source.birthday ?? null, clean(source.notes),
        ]),
      )
      .digest('base64')
      .slice(0, 16); // 96 bits: no two of millions of records share one by chance
    // Of the given name only its first word is compared (see givenAgree): keep no more.
    return { emails, phones, given: words(source.firstName)[0] ?? null, family: words(source.lastName).join(' ') || null, tokens, company, fingerprint };
  }

  /** Records `id` under `keys` (again after an update: its newest keys are what later rows are compared with). */
  add(id: string, keys: MatchKeys): void {
    const { emails, phones, given, family, tokens, company, fingerprint } = keys;
    const packed: Packed = [emails, phones, given, family, tokens, company, fingerprint];
    const slot = this.store.put(id, JSON.stringify(packed));
    for (const key of emails) push(this.byEmail, key, slot);
    for (const key of phones) push(this.byPhone, key, slot);
    if (company) push(this.byNameCompany, nameCompany(keys), slot);
    push(this.byFingerprint, fingerprint, slot);
  }

  /** The contact the row is the same person as (the oldest when several are), and the keys they share. */
  find(keys: MatchKeys): Match | undefined {
    const tryRule = (rule: 1 | 2 | 3 | 4 | 5, map: Map<number, Slots>, key: string): Match | undefined => {
      for (const slot of slotsOf(map, key)) {
        const { id, packed } = this.store.person(slot);
        const [emails, phones, given, family, tokens, company, fingerprint] = JSON.parse(packed) as Packed;
        const known: MatchKeys = { emails, phones, given, family, tokens, company, fingerprint };
        if (sameBy(keys, known, rule)) return { id, on: rule === 5 ? ['identical'] : agreeingKeys(keys, known).filter((k) => k !== 'identical') };
      }
      return undefined;
    };
    for (const key of keys.emails) {
      const found = tryRule(1, this.byEmail, key);
      if (found) return found;
    }
    for (const key of keys.phones) {
      const found = tryRule(2, this.byPhone, key);
      if (found) return found;
    }
    if (keys.company) {
      const found = tryRule(keys.tokens ? 3 : 4, this.byNameCompany, nameCompany(keys));
      if (found) return found;
    }
    return tryRule(5, this.byFingerprint, keys.fingerprint);
  }
}
