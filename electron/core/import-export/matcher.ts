// Finds the existing contact an imported row is "the same person" as: by email (case-folded), by phone
// (E.164 when the number is international, else its digits), then by name + company. No `electron` import.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { foldForSort, phoneDigits } from '../../../shared/domain/text';

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

export function nameKey(firstName: string | null, lastName: string | null, companyName: string | null): string | null {
  const name = foldForSort(`${firstName ?? ''} ${lastName ?? ''}`);
  return name ? `${name}\u0000${foldForSort(companyName ?? '')}` : null;
}

interface Keys {
  emails: readonly { value: string }[];
  phones: readonly { value: string }[];
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
}

/** A record's keys, worked out once: a phone's key costs tens of µs (libphonenumber), and each is wanted twice. */
export interface MatchKeys {
  emails: string[];
  phones: string[];
  name: string | null;
}

export class DuplicateIndex {
  private readonly byEmail = new Map<string, string>();
  private readonly byPhone = new Map<string, string>();
  private readonly byName = new Map<string, string>();
  /** Phone keys seen this import: re-importing a file meets the same numbers the store already holds. */
  private readonly phoneKeys = new Map<string, string | null>();

  keysOf(keys: Keys): MatchKeys {
    const phones: string[] = [];
    for (const p of keys.phones) {
      let key = this.phoneKeys.get(p.value);
      if (key === undefined) {
        key = phoneKey(p.value);
        this.phoneKeys.set(p.value, key);
      }
      if (key) phones.push(key);
    }
    return { emails: keys.emails.map((e) => emailKey(e.value)), phones, name: nameKey(keys.firstName, keys.lastName, keys.companyName) };
  }

  add(id: string, keys: MatchKeys): void {
    // The first contact seen keeps a key: the oldest of several same-email contacts wins.
    for (const key of keys.emails) if (!this.byEmail.has(key)) this.byEmail.set(key, id);
    for (const key of keys.phones) if (!this.byPhone.has(key)) this.byPhone.set(key, id);
    if (keys.name && !this.byName.has(keys.name)) this.byName.set(keys.name, id);
  }

  find(keys: MatchKeys): string | undefined {
    for (const key of keys.emails) {
      const id = this.byEmail.get(key);
      if (id) return id;
    }
    for (const key of keys.phones) {
      const id = this.byPhone.get(key);
      if (id) return id;
    }
    return keys.name ? this.byName.get(keys.name) : undefined;
  }
}
