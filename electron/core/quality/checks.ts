// The data-quality rules as plain functions (issue #20): what counts as a shouted name, a phone not in
// international form, a stray space, and how each fix rewrites a value. The count, the list and the fix all
// ask these, so the three never disagree. No database, no `electron` import.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/** Collapses runs of white space to one space and trims both ends. */
export function tidySpaces(text: string): string {
  return text.replace(/\s\s+/g, ' ').trim();
}

export const hasExtraSpaces = (text: string | null | undefined): boolean => !!text && tidySpaces(text) !== text;

/** 'caps' for "JOHN", 'lower' for "john"; null for mixed case, or fewer than 2 letters (initials, "X"). */
export function nameCaseOf(name: string | null | undefined): 'caps' | 'lower' | null {
  if (!name || (name.match(/\p{L}/gu)?.length ?? 0) < 2) return null;
  const upper = name.toLocaleUpperCase();
  const lower = name.toLocaleLowerCase();
  if (upper === lower) return null;
  if (name === upper) return 'caps';
  if (name === lower) return 'lower';
  return null;
}

/**
 * Name particles kept in lower case when a word follows them in the same field ("van der Berg", "de la Cruz"), as
 * they are written in the Netherlands, Spain, Portugal and France; alone or last they start with a capital.
 */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'ter', 'ten', 'y', 'bin', 'al']);

const capital = (part: string): string => {
  // "Mc" is always a prefix (McDonald, McKenzie). "Mac" is not (Mack, Macy, Machin): left as "Macdonald".
  if (part.length > 2 && part.startsWith('mc')) return 'Mc' + part.charAt(2).toLocaleUpperCase() + part.slice(3);
  return part.charAt(0).toLocaleUpperCase() + part.slice(1);
};

/** "JOHN" -> "John", "o'brien" -> "O'Brien", "SMITH-JONES" -> "Smith-Jones", "VAN DER BERG" -> "van der Berg". */
export function titleCaseName(name: string): string {
  const words = name.toLocaleLowerCase().split(' ');
  return words
    .map((word, i) => {
      if (PARTICLES.has(word) && words.slice(i + 1).some((w) => w !== '')) return word;
      // Each part after a hyphen or apostrophe starts a new capital: O'Brien, D'Angelo, Smith-Jones.
      return word.replace(/[^\s'’-]+/g, (part) => capital(part));
    })
    .join(' ');
}

/** Emails that are not one address: no @, text either side, a dot in the domain, no spaces inside. */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

export type PhoneVerdict = { kind: 'ok' } | { kind: 'invalid' } | { kind: 'unnormalised'; e164: string };

/**
 * A phone's state with numbers written without "+" read as `country`'s. Parsing costs tens of µs (libphonenumber),
 * so verdicts are remembered per value: the second count of 100,000 contacts costs a few milliseconds.
 */
export function phoneChecker(capacity = 400_000) {
  const memo = new Map<string, PhoneVerdict>();
  return (value: string, country: string): PhoneVerdict => {
    const key = `${country}\u0000${value}`;
    const known = memo.get(key);
    if (known) return known;
    const verdict = judgePhone(value.trim(), country);
    if (memo.size >= capacity) memo.clear();
    memo.set(key, verdict);
    return verdict;
  };
}

function judgePhone(value: string, country: string): PhoneVerdict {
  if (value === '') return { kind: 'ok' };
  const parsed = parsePhoneNumberFromString(value, { defaultCountry: country as CountryCode, extract: false });
  if (!parsed?.isPossible()) return { kind: 'invalid' };
  // An extension has no place in E.164: it is kept after the number as "ext." says it.
  const e164 = parsed.ext ? `${parsed.number} ext. ${parsed.ext}` : parsed.number;
  return value === e164 ? { kind: 'ok' } : { kind: 'unnormalised', e164 };
}

/** A country libphonenumber has numbering plans for (the wire only checks it is two capitals). */
export const knownCountry = (country: string): boolean => isSupportedCountry(country);

/** Countries whose currency names them, for a first guess at the country of numbers without "+". */
const COUNTRY_OF_CURRENCY: Record<string, string> = { GBP: 'GB', USD: 'US', CAD: 'CA', AUD: 'AU', NZD: 'NZ', CHF: 'CH', SEK: 'SE', NOK: 'NO', DKK: 'DK', PLN: 'PL', JPY: 'JP', INR: 'IN', ZAR: 'ZA', IEP: 'IE' };

export function countryOfCurrency(currency: string | null): string | null {
  return (currency && COUNTRY_OF_CURRENCY[currency]) ?? null;
}
