// A contact or company as the duplicate finder sees it: its keys worked out once (a scan compares each record with
// several others), plus the words a reason quotes ("same email ann@x.com"). No SQL here (duplicates.repo reads).
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { contactDisplayName } from '../../../shared/domain/text';
import type { DuplicateKind } from '../../../shared/domain/duplicates';
import type { Place, Valued } from '../../db/duplicates.repo';
import { relatedInitials } from './nicknames';
import { companyKey, emailKey, isHomeLabel, isMobileLabel, organisationDomain, personName, phoneTail, placeKey, registrableDomain } from './normalise';
import { soundKey } from './similarity';

/** What the repo reads of a contact (or the form sends while typing). */
export interface ContactSource {
  id: string;
  firstName: string | null;
  lastName: string | null;
  emails: readonly Valued[];
  phones: readonly Valued[];
  addresses: readonly Place[];
  companyId: string | null;
  companyName: string | null;
  website: string | null;
  birthday: string | null;
}

/** What the repo reads of a company. */
export interface CompanySource {
  id: string;
  name: string;
  website: string | null;
  phone: string | null;
  address: Place | null;
}

export interface DupRecord {
  id: string;
  kind: DuplicateKind;
  /** The name a reason shows ("Bob Smith"). */
  shown: string;
  given: string | null;
  family: string | null;
  /** All given-name words joined (for swapped names). */
  givenAll: string | null;
  generation: string | null;
  /** Companies: the name without legal form ("acme widgets"). */
  orgName: string | null;
  emails: string[];
  emailShown: string[];
  phones: string[];
  phoneShown: string[];
  phoneMobile: boolean[];
  phoneHome: boolean[];
  /** Contacts: their company (its id). */
  company: string | null;
  companyShown: string | null;
  domains: string[];
  places: string[];
  birthday: string | null;
}

const unique = <T>(values: T[]) => [...new Set(values)];
/** Shared by every record that has none of a kind (most have no address, many no phone): 100,000 arrays fewer. */
const NONE: never[] = [];
const orNone = <T>(values: T[]): T[] => (values.length ? values : NONE);

export function contactRecord(c: ContactSource): DupRecord {
  const name = personName(c.firstName, c.lastName);
  const emails: string[] = [];
  const emailShown: string[] = [];
  for (const e of c.emails) {
    const key = emailKey(e.value);
    if (key.includes('@') && !emails.includes(key)) {
      emails.push(key);
      emailShown.push(e.value.trim());
    }
  }
  const phones: string[] = [];
  const phoneShown: string[] = [];
  const phoneMobile: boolean[] = [];
  const phoneHome: boolean[] = [];
  for (const p of c.phones) {
    const tail = phoneTail(p.value);
    if (tail && !phones.includes(tail)) {
      phones.push(tail);
      phoneShown.push(p.value.trim());
      phoneMobile.push(isMobileLabel(p.label));
      phoneHome.push(isHomeLabel(p.label));
    }
  }
  const domains = orNone(unique([registrableDomain(c.website), ...emails.map(organisationDomain)].filter((d): d is string => !!d)));
  return {
    id: c.id,
    kind: 'contact',
    shown: contactDisplayName({ ...c, companyName: null }).trim(),
    given: name.given,
    family: name.family,
    givenAll: name.givenAll,
    generation: name.generation,
    orgName: null,
    emails: orNone(emails),
    emailShown: orNone(emailShown),
    phones: orNone(phones),
    phoneShown: orNone(phoneShown),
    phoneMobile: orNone(phoneMobile),
    phoneHome: orNone(phoneHome),
    company: c.companyId,
    companyShown: c.companyName,
    domains,
    places: c.addresses.length ? orNone(unique(c.addresses.map(placeKey).filter((k): k is string => !!k))) : NONE,
    birthday: c.birthday,
  };
}

export function companyRecord(c: CompanySource): DupRecord {
  const tail = c.phone ? phoneTail(c.phone) : null;
  const domain = registrableDomain(c.website);
  const place = c.address ? placeKey(c.address) : null;
  return {
    id: c.id,
    kind: 'company',
    shown: c.name,
    given: null,
    family: null,
    givenAll: null,
    generation: null,
    orgName: companyKey(c.name),
    emails: [],
    emailShown: [],
    phones: tail ? [tail] : [],
    phoneShown: tail ? [c.phone!.trim()] : [],
    phoneMobile: [false],
    phoneHome: [false],
    company: null,
    companyShown: null,
    domains: domain ? [domain] : [],
    places: place ? [place] : [],
    birthday: null,
  };
}

/**
 * The keys that put a record in a block with others: each email and phone, the family name's sound with the
 * initials the given name can stand for ("Bob" -> b and r: Robert), the same swapped, postcode + house number.
 * Companies: the name's sound, domain, phone, place.
 */
export function blockKeys(r: DupRecord): string[] {
  const keys: string[] = [];
  for (const e of r.emails) keys.push(`e:${e}`);
  for (const p of r.phones) keys.push(`p:${p}`);
  for (const place of r.places) keys.push(`a:${place}`);
  if (r.kind === 'company') {
    if (r.orgName) keys.push(`o:${soundKey(r.orgName.replace(/\s.*$/, ''))}${r.orgName.length > 1 ? r.orgName[1] : ''}`);
    for (const d of r.domains) keys.push(`d:${d}`);
    return keys;
  }
  // Same company or website with names alike: such pairs share a name key too (a typo keeps the sound, a nickname
  // is among the initials), and the scorer sees the company; names that differ make no duplicate.
  const initials = r.given ? relatedInitials(r.given) : '';
  if (r.family) {
    const sound = soundOf(r.family);
    if (!initials) keys.push(`n:${sound}`);
    for (const i of initials) keys.push(`n:${sound}${i}`);
  }
  // Swapped first and last names: "Smith John" meets "John Smith" under the same key.
  if (r.givenAll && r.family && r.givenAll.length > 1) keys.push(`n:${soundOf(r.givenAll)}${r.family[0]}`);
  return keys;
}

const sounds = new Map<string, string>();
/** soundKey, remembered: a book repeats its family names thousands of times. */
function soundOf(word: string): string {
  let key = sounds.get(word);
  if (key === undefined) {
    key = soundKey(word);
    if (sounds.size > 100_000) sounds.clear();
    sounds.set(word, key);
  }
  return key;
}

/** A phone for a reason: international form when it parses (with the default country for national ones), else as typed. */
export function phoneForReason(phone: string, country: CountryCode | undefined): string {
  const parsed = parsePhoneNumberFromString(phone, country);
  return parsed?.isPossible() ? parsed.formatInternational() : phone;
}
