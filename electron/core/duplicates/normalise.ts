// Puts what people type into one form before two records are compared: names folded (accents, case, titles,
// "Jr"), emails as the mail provider reads them, phones by their last digits, company names without "Ltd",
// websites as their registrable domain, addresses as postcode + house number. Pure functions; no `electron`.
import { foldForSort } from '../../../shared/domain/text';

/** Titles dropped from a name: they say nothing about who it is. */
const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'revd', 'fr', 'herr', 'frau',
  'mme', 'mlle', 'sra', 'srta', 'dona', 'sig', 'sigra', 'dott', 'ing', 'mag',
]);
/** Generations: "John Smith Jr" and "John Smith Sr" are father and son, so these are kept apart, not dropped. */
const GENERATIONS: Record<string, string> = { jr: 'jr', jnr: 'jr', junior: 'jr', sr: 'sr', snr: 'sr', senior: 'sr', ii: 'ii', iii: 'iii', iv: 'iv' };
/** Letters after a name: dropped. */
const POST_NOMINALS = new Set(['phd', 'md', 'esq', 'mba', 'obe', 'mbe', 'cbe', 'dds', 'cpa', 'rn', 'msc', 'bsc', 'ma', 'ba', 'llb', 'qc', 'kc']);

export interface PersonName {
  /** First given name, folded ("j" for "J."). */
  given: string | null;
  /** Family name, folded, its words joined ("vanderberg", "garcialopez"). */
  family: string | null;
  /** jr, sr, ii, iii, iv when the name carries one. */
  generation: string | null;
  /** All the given-name words joined ("van an"): compared with the other's family name for swapped names. */
  givenAll: string | null;
}

/** Letters NFKD leaves whole, as they are written without them ("Weiß" is "Weiss", "Łukasz" "Lukasz"). */
const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i', þ: 'th', ð: 'd', ħ: 'h' };

/** Folded (accents, case) with the letters NFKD keeps whole spelled out. */
export const foldName = (text: string) => foldForSort(text).replace(/[ßæœøłđıþðħ]/g, (ch) => LETTERS[ch]!);

const wordCache = new Map<string, string[]>();
/** A name field's folded words, remembered (a scan meets "Smith" thousands of times; folding costs µs each). */
function nameWords(text: string | null | undefined): string[] {
  if (!text) return [];
  let words = wordCache.get(text);
  if (words === undefined) {
    words = foldName(text).replace(/['’`]/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (wordCache.size > 100_000) wordCache.clear();
    wordCache.set(text, words);
  }
  return words;
}

/** A person's name as compared: titles and letters after it dropped, the generation kept aside. */
export function personName(firstName: string | null | undefined, lastName: string | null | undefined): PersonName {
  let generation: string | null = null;
  const keep = (words: string[], leading: boolean) =>
    words.filter((w, i) => {
      if (GENERATIONS[w] && (i > 0 || !leading)) {
        generation = GENERATIONS[w]!;
        return false;
      }
      if (POST_NOMINALS.has(w) && i > 0) return false;
      return !(HONORIFICS.has(w) && (i === 0 || leading) && words.length > 1);
    });
  let first = keep(nameWords(firstName), true);
  let last = keep(nameWords(lastName), false);
  // "John Smith" typed whole into one of the two boxes.
  if (last.length === 0 && first.length > 1) [first, last] = [first.slice(0, 1), first.slice(1)];
  else if (first.length === 0 && last.length > 1) [first, last] = [last.slice(0, 1), last.slice(1)];
  return { given: first[0] ?? null, family: last.length ? last.join('') : null, generation, givenAll: first.length ? first.join('') : null };
}

/** Providers that ignore dots in the local part (Gmail only). */
const DOTLESS = new Set(['gmail.com', 'googlemail.com']);
/**
 * Providers that deliver "ann+news@" to "ann@", so the tag is dropped: Gmail, Outlook.com (outlook, hotmail, live),
 * iCloud, Fastmail and Proton. Yahoo's tags use "-" and are real addresses of their own: left alone.
 */
const PLUS_TAGS = new Set(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'icloud.com', 'me.com', 'fastmail.com', 'protonmail.com', 'proton.me']);

/** An email as its mailbox: trimmed, lower-cased, Gmail dots and provider +tags folded. */
export function emailKey(email: string): string {
  const value = email.trim().toLowerCase();
  const at = value.lastIndexOf('@');
  if (at < 1) return value;
  let local = value.slice(0, at);
  let domain = value.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (PLUS_TAGS.has(domain)) local = local.replace(/\+.*$/, '');
  if (DOTLESS.has(domain)) local = local.replace(/\./g, '');
  return `${local}@${domain}`;
}

/** Mailboxes a team shares: the same one on two records says "same organisation", not "same person". */
const ROLE_MAILBOXES = new Set(['info', 'sales', 'office', 'contact', 'admin', 'hello', 'enquiries', 'enquiry', 'accounts', 'support', 'team', 'mail', 'reception', 'billing', 'hr', 'jobs', 'bookings', 'orders', 'post', 'kontakt', 'service']);
export const isRoleEmail = (key: string) => ROLE_MAILBOXES.has(key.slice(0, key.indexOf('@')));

/** Free mail providers: their domain says nothing about where someone works. */
const FREE_MAIL = new Set([
  'gmail', 'googlemail', 'yahoo', 'ymail', 'rocketmail', 'hotmail', 'outlook', 'live', 'msn', 'icloud', 'me', 'mac', 'aol', 'protonmail', 'proton',
  'gmx', 'web', 'mail', 'yandex', 'btinternet', 'sky', 'virginmedia', 'talktalk', 'orange', 'free', 'laposte', 'wanadoo', 'qq', '163', '126',
  'naver', 'hanmail', 'libero', 't-online', 'comcast', 'verizon', 'att', 'fastmail', 'zoho', 'hey', 'tutanota', 'seznam', 'wp', 'o2', 'bigpond', 'shaw', 'rogers',
]);

/**
 * A phone by its last nine digits: what "+44 7700 900123", "+44 (0)7700 900123" and "07700 900123" have in common,
 * without knowing the country (parsing each number with libphonenumber costs ~40 µs: 4 s at 100,000 contacts).
 * Fewer than seven digits is an extension or a fragment: never a match.
 */
export function phoneTail(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(-9) : null;
}

export const isHomeLabel = (label: string | null | undefined) => !!label && /home|house|privat|domicile|casa|landline/i.test(label);
export const isMobileLabel = (label: string | null | undefined) => !!label && /mobile|cell|handy|portable|móvil|movil/i.test(label);

/** Second-level labels under which names are registered ("acme.co.uk", not "co.uk"). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ltd', 'plc', 'me', 'nhs', 'or', 'ne', 'go', 'gv', 'asn', 'id']);

/** A website (or an email's domain) as its registrable domain: "https://www.shop.acme.co.uk/about" -> "acme.co.uk". */
export function registrableDomain(url: string | null | undefined): string | null {
  if (!url) return null;
  const host = url.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^[^@/]*@/, '').split(/[/?#:]/)[0]!.replace(/\.$/, '');
  const labels = host.split('.').filter(Boolean);
  if (labels.length < 2) return null;
  const n = labels.length >= 3 && labels[labels.length - 1]!.length === 2 && SECOND_LEVEL.has(labels[labels.length - 2]!) ? 3 : 2;
  return labels.slice(-n).join('.');
}

const orgDomains = new Map<string, string | null>();
/** An email's domain when it names an organisation (not gmail.com and the like); remembered per domain. */
export function organisationDomain(emailKeyValue: string): string | null {
  const host = emailKeyValue.slice(emailKeyValue.indexOf('@') + 1);
  let org = orgDomains.get(host);
  if (org === undefined) {
    const domain = registrableDomain(host);
    org = domain && !FREE_MAIL.has(domain.split('.')[0]!) ? domain : null;
    if (orgDomains.size > 50_000) orgDomains.clear();
    orgDomains.set(host, org);
  }
  return org;
}

/** Legal forms dropped from a company's name, wherever they end it ("Acme Widgets Ltd." -> "acme widgets"). */
const LEGAL_FORMS = new Set([
  'ltd', 'limited', 'llc', 'llp', 'lp', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'plc', 'gmbh', 'ag', 'kg', 'ohg', 'ug', 'sarl', 'sa',
  'sas', 'sasu', 'eurl', 'bv', 'nv', 'pty', 'pte', 'pvt', 'private', 'srl', 'spa', 'sl', 'oy', 'ab', 'as', 'aps', 'kk', 'cic', 'group', 'holdings',
]);

/** A company name as compared: folded, "&" as "and", punctuation gone, legal forms and a leading "the" dropped. */
export function companyKey(name: string | null | undefined): string | null {
  if (!name) return null;
  // "S.A.R.L." and "G.m.b.H." lose their dots first, so they read as one word.
  const words = foldName(name)
    .replace(/&/g, ' and ')
    .replace(/\b(?:[a-z]\.){2,}/g, (m) => m.replace(/\./g, ''))
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1]!)) words.pop();
  if (words.length > 1 && words[0] === 'the') words.shift();
  return words.length ? words.join(' ') : null;
}

/** Postcode and house number, the part of an address two spellings of it share ("SW1A 1AA" + "10"). */
export function placeKey(address: { street?: string | null; postcode?: string | null }): string | null {
  const postcode = address.postcode?.toUpperCase().replace(/\s+/g, '');
  const house = address.street?.match(/\d+[a-z]?/i)?.[0]?.toLowerCase();
  return postcode && house ? `${postcode}:${house}` : null;
}
