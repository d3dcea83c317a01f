// Two parts of reading a vCard, apart from vcard.ts to keep it readable: an ADR's parts into an address, and the
// name a card's N, FN and NICKNAME give the contact. No `electron` import.
import type { ImportRecord } from './records';
import type { Property } from './vcard-lines';

const LIMITS = { addresses: 10 };
const ADDRESS_MAX = { street: 200, city: 100, region: 100, postcode: 20, country: 100 } as const;

/** ADR: PO box and extended address become street lines before the street; a part too long for its field goes to notes. */
export function readAddress(
  p: Property,
  parts: string[],
  record: ImportRecord,
  extra: (heading: string, text: string) => void,
  warn: (line: number, reason: string) => void,
  withLabel: <T extends object>(p: Property, entry: T) => T,
  labelled: (heading: string, p: Property) => string,
): void {
  if (!parts.some(Boolean)) return;
  const [poBox = '', extended = '', street = '', city = '', region = '', postcode = '', country = '', ...more] = parts;
  // Trailing parts left out are common; a short address that fills its first parts has probably lost one in between.
  if (parts.length < 7 && (poBox || extended)) warn(p.line, `Address: ${parts.length} of its 7 parts; they were read in order, check them`);
  const fields = { street: [poBox, extended, street, ...more].filter(Boolean).join('\n'), city, region, postcode, country };
  const tooLong = (Object.keys(ADDRESS_MAX) as (keyof typeof ADDRESS_MAX)[]).some((k) => fields[k].length > ADDRESS_MAX[k]);
  if (tooLong || record.addresses.length >= LIMITS.addresses) {
    extra(labelled('Address', p), parts.filter(Boolean).join(', '));
    warn(p.line, tooLong ? 'Address: a part is too long for its field; kept in notes' : `Address: more than ${LIMITS.addresses} addresses; kept in notes`);
    return;
  }
  const address = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ''));
  record.addresses.push(withLabel(p, address));
}

/**
 * Names from N, else FN, else a nickname; a company card (KIND:org, X-ABShowAs:COMPANY, or FN equal to ORG) has
 * none. What does not fit first and last name (prefix, suffix, an FN that disagrees with N) is kept in notes.
 */
export function nameTheRecord(record: ImportRecord, card: { names: string[] | null; fullName: string | null; nicknames: string[]; company: boolean }, extra: (heading: string, text: string) => void): void {
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = card.names ?? [];
  record.lastName = family || null;
  record.firstName = [given, additional].filter(Boolean).join(' ') || null;
  if (prefix) extra('Name prefix', prefix);
  if (suffix) extra('Name suffix', suffix);
  const fn = card.fullName;
  const isCompany = card.company || (!!fn && fn === record.companyName);
  if (!record.firstName && !record.lastName && fn) {
    if (isCompany) record.companyName ??= fn;
    else {
      const words = fn.split(/\s+/);
      record.lastName = words.length > 1 ? words.pop()! : null;
      record.firstName = words.join(' ');
    }
  } else if (fn && !isCompany) {
    const known = new Set([family, given, additional, prefix, suffix].join(' ').toLowerCase().split(/[\s,]+/).filter(Boolean));
    const squeezed = (s: string) => s.toLowerCase().replace(/\s+/g, '');
    // Names written without spaces (Chinese, Japanese) agree when FN holds each part.
    const agrees = fn.toLowerCase().split(/[\s,;]+/).some((w) => known.has(w)) || [family, given].filter(Boolean).every((part) => squeezed(fn).includes(squeezed(part)));
    if (!agrees) extra('Full name', fn);
  }
  // validate() shows a person with no other name by the nickname, else keeps it in notes.
  if (card.nicknames.length) record.nickname = card.nicknames.join(', ');
}

