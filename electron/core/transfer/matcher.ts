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

export class DuplicateIndex {
  private readonly byEmail = new Map<string, string>();
  private readonly byPhone = new Map<string, string>();
  private readonly byName = new Map<string, string>();

  add(id: string, keys: Keys): void {
    // The first contact seen keeps a key: the oldest of several same-email contacts wins.
    for (const e of keys.emails) if (!this.byEmail.has(emailKey(e.value))) this.byEmail.set(emailKey(e.value), id);
    for (const p of keys.phones) {
      const key = phoneKey(p.value);
      if (key && !this.byPhone.has(key)) this.byPhone.set(key, id);
    }
    const name = nameKey(keys.firstName, keys.lastName, keys.companyName);
    if (name && !this.byName.has(name)) this.byName.set(name, id);
  }

  find(keys: Keys): string | undefined {
    for (const e of keys.emails) {
      const id = this.byEmail.get(emailKey(e.value));
      if (id) return id;
    }
    for (const p of keys.phones) {
      const key = phoneKey(p.value);
      const id = key ? this.byPhone.get(key) : undefined;
      if (id) return id;
    }
    const name = nameKey(keys.firstName, keys.lastName, keys.companyName);
    return name ? this.byName.get(name) : undefined;
  }
}
