// How likely two records are one person (or one company), 0-1, and why in the user's words. Evidence adds up
// (1 - product of what each piece leaves unexplained); names that contradict each other, a different generation
// (Jr/Sr) or birthday pull the score down, so a shared switchboard, a couple's shared email or two namesakes stay
// below the threshold. The weights are tuned on tests/fixtures/duplicates (precision and recall printed there).
import type { DuplicateReason } from '../../../shared/domain/duplicates';
import type { DupRecord } from './records';
import { isRoleEmail } from './normalise';
import { nicknameRelated } from './nicknames';
import { editDistance, jaroWinkler, soundKey } from './similarity';

export interface PairScore {
  score: number;
  reasons: DuplicateReason[];
}

/** How two given names relate, strongest first. */
type GivenRelation = 'same' | 'nickname' | 'initial' | 'alike' | 'missing' | 'different';

export function givenRelation(a: string | null, b: string | null): GivenRelation {
  if (!a || !b) return 'missing';
  if (a === b) return 'same';
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 'initial' : 'different';
  if (nicknameRelated(a, b)) return 'nickname';
  return wordsAlike(a, b) ? 'alike' : 'different';
}

/** A typo or another spelling of one word: "Jon"/"John", "Sergei"/"Sergey", "Mohammed"/"Muhammad". */
function wordsAlike(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) <= 3) return editDistance(a, b, 1) <= 1 && a[0] === b[0];
  if (editDistance(a, b, 1) <= 1) return true;
  const jw = jaroWinkler(a, b);
  return jw >= 0.9 || (jw >= 0.8 && soundKey(a) === soundKey(b));
}

function familyAlike(a: string, b: string): boolean {
  if (a === b) return true;
  // "Garcia" and "Garcia Lopez" (a second family name dropped), "Smith" and "Smith-Jones".
  if (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a))) return true;
  return wordsAlike(a, b);
}

export interface NameMatch {
  /** 0 when the names say two people, else how sure (1 = the same name). */
  strength: number;
  code: 'name' | 'nickname' | 'initials' | 'swapped';
  conflict: boolean;
  absent: boolean;
}

const GIVEN_STRENGTH: Record<GivenRelation, number> = { same: 1, nickname: 0.95, initial: 0.9, alike: 0.9, missing: 0.8, different: 0 };

export function nameMatch(a: DupRecord, b: DupRecord): NameMatch {
  if ((!a.given && !a.family) || (!b.given && !b.family)) return { strength: 0, code: 'name', conflict: false, absent: true };
  const straight = () => {
    if (!a.family || !b.family) {
      // One has a single name ("Ann", or only a family name): it must agree with the other's same part.
      const x = a.given ?? a.family;
      const y = b.given ?? b.family;
      return givenRelation(x, y) === 'different' && !(a.family && b.family) ? 0 : Math.min(0.8, GIVEN_STRENGTH[givenRelation(a.given, b.given)]);
    }
    if (!familyAlike(a.family, b.family)) return 0;
    return GIVEN_STRENGTH[givenRelation(a.given, b.given)] * (a.family === b.family ? 1 : 0.92);
  };
  const s = straight();
  const rel = givenRelation(a.given, b.given);
  if (s > 0) return { strength: s, code: rel === 'nickname' ? 'nickname' : rel === 'initial' ? 'initials' : 'name', conflict: false, absent: false };
  // "Smith John" and "John Smith".
  const [ga, gb] = [a.givenAll, b.givenAll];
  if (ga && a.family && gb && b.family && familyAlike(ga, b.family) && familyAlike(a.family, gb)) {
    return { strength: ga === b.family && a.family === gb ? 0.95 : 0.85, code: 'swapped', conflict: false, absent: false };
  }
  return { strength: 0, code: 'name', conflict: true, absent: false };
}

const shared = (a: readonly string[], b: readonly string[]) => a.findIndex((x) => b.includes(x));

/** What a name alone adds: two namesakes with nothing else in common score this much at most. */
export const NAME_WEIGHT = 0.45;

/**
 * Whether two records share anything beyond their names (an email, phone, company, website or address). Cheap, so a
 * scan skips the name comparison for the many namesakes a common surname's block holds: alone a name never reaches
 * NAME_WEIGHT, which is below what the scan keeps.
 */
export function sharesEvidence(a: DupRecord, b: DupRecord): boolean {
  if (a.kind === 'company') return true;
  return shared(a.emails, b.emails) >= 0 || shared(a.phones, b.phones) >= 0 || (!!a.company && a.company === b.company) || shared(a.domains, b.domains) >= 0 || shared(a.places, b.places) >= 0;
}

/** How many records share a key (a switchboard, info@): told by the scan from its blocks, by the check from the index. */
export type KeyCount = (key: string) => number;

/** Contacts share a phone this many or fewer: theirs, not an office's. */
const PERSONAL_LINE = 2;
/** An email on more records than this is a team's or a family's mailbox (three copies of one person still count as one). */
const SHARED_MAILBOX = 3;

/**
 * The pair's score, and its reasons when `phoneText` is given (how a phone is shown). A scan first scores without
 * (most pairs fall below what is kept: no text built, no phone parsed), then explains the ones it keeps.
 */
export function scorePair(a: DupRecord, b: DupRecord, count: KeyCount, phoneText: ((shown: string) => string) | null): PairScore {
  return a.kind === 'company' ? scoreCompanies(a, b, count, phoneText) : scoreContacts(a, b, count, phoneText);
}

function scoreContacts(a: DupRecord, b: DupRecord, count: KeyCount, phoneText: ((shown: string) => string) | null): PairScore {
  const reasons: DuplicateReason[] = [];
  const explain = phoneText !== null;
  const name = nameMatch(a, b);
  let unexplained = 1;
  const add = (weight: number) => (unexplained *= 1 - weight);

  const e = shared(a.emails, b.emails);
  if (e >= 0) {
    const key = a.emails[e]!;
    const team = isRoleEmail(key) || count(`e:${key}`) > SHARED_MAILBOX;
    add(team ? 0.45 : 0.9);
    if (explain) reasons.push({ code: 'email', text: `${team ? 'shared' : 'same'} email ${a.emailShown[e]}` });
  }
  const p = shared(a.phones, b.phones);
  if (p >= 0) {
    const users = count(`p:${a.phones[p]}`);
    const mobile = a.phoneMobile[p] || b.phoneMobile[b.phones.indexOf(a.phones[p]!)];
    const household = a.phoneHome[p] || b.phoneHome[b.phones.indexOf(a.phones[p]!)];
    const personal = users <= PERSONAL_LINE;
    // A home line rings for the whole household (a father and his son): weaker than an unlabelled number.
    add(!personal ? 0.4 : mobile ? 0.85 : household ? 0.55 : 0.75);
    if (explain) {
      const shown = phoneText(a.phoneShown[p]!);
      reasons.push({ code: 'phone', text: personal ? `same ${mobile ? 'mobile' : 'phone'} ${shown}` : `same phone ${shown} (shared by ${users} records)` });
    }
  }
  const sameCompany = !!a.company && a.company === b.company;
  const d = shared(a.domains, b.domains);
  if (sameCompany || d >= 0) add(0.5);
  const place = shared(a.places, b.places);
  if (place >= 0) add(0.5);

  const evidence = 1 - unexplained;
  let score: number;
  if (name.conflict) score = evidence * 0.35;
  else if (name.absent) score = evidence * 0.8;
  else score = 1 - unexplained * (1 - NAME_WEIGHT * name.strength);

  if (explain && !name.absent) {
    const pair = `${a.shown} / ${b.shown}`;
    if (name.conflict) reasons.push({ code: 'name', text: `different names: ${pair}` });
    else if (name.code === 'swapped') reasons.push({ code: 'swapped', text: `first and last names swapped: ${pair}` });
    else if (name.code === 'initials') reasons.push({ code: 'initials', text: `initials match: ${pair}` });
    else if (name.code === 'nickname' || a.shown.toLowerCase() !== b.shown.toLowerCase()) reasons.push({ code: name.code, text: `names alike: ${pair}` });
    else reasons.push({ code: 'name', text: `same name: ${a.shown}` });
  }
  if (explain && (sameCompany || d >= 0)) {
    const what = sameCompany ? 'company' : 'website';
    const where = sameCompany ? (a.companyShown ?? '') : a.domains[d]!;
    reasons.push({ code: sameCompany ? 'company' : 'website', text: name.conflict || name.absent ? `same ${what} ${where}`.trim() : `same ${what}, names alike${where ? ` (${where})` : ''}` });
  }
  if (explain && place >= 0) reasons.push({ code: 'address', text: `same address (postcode and house number ${a.places[place]!.replace(':', ', ')})` });

  // Evidence of two people.
  if (a.generation !== b.generation) score *= a.generation && b.generation ? 0.5 : 0.75;
  if (a.birthday && b.birthday && a.birthday !== b.birthday) score *= 0.4;
  if (e < 0 && a.emails.length && b.emails.length) score *= 0.9;
  return { score: round(score), reasons };
}

function scoreCompanies(a: DupRecord, b: DupRecord, count: KeyCount, phoneText: ((shown: string) => string) | null): PairScore {
  const reasons: DuplicateReason[] = [];
  const explain = phoneText !== null;
  let unexplained = 1;
  const add = (weight: number) => (unexplained *= 1 - weight);
  const d = shared(a.domains, b.domains);
  if (d >= 0) {
    add(0.8);
    if (explain) reasons.push({ code: 'website', text: `same website ${a.domains[d]}` });
  }
  const p = shared(a.phones, b.phones);
  if (p >= 0) {
    add(count(`p:${a.phones[p]}`) > PERSONAL_LINE ? 0.3 : 0.6);
    if (explain) reasons.push({ code: 'phone', text: `same phone ${phoneText(a.phoneShown[p]!)}` });
  }
  const place = shared(a.places, b.places);
  if (place >= 0) {
    add(0.5);
    if (explain) reasons.push({ code: 'address', text: `same address (postcode and house number ${a.places[place]!.replace(':', ', ')})` });
  }
  const x = a.orgName ?? '';
  const y = b.orgName ?? '';
  const strength = !x || !y ? 0 : x === y ? 1 : jaroWinkler(x, y) >= 0.93 ? 0.85 : x.split(' ')[0] === y.split(' ')[0] ? 0.55 : 0;
  if (explain && strength === 1) reasons.push({ code: 'company', text: a.shown === b.shown ? `same name: ${a.shown}` : `same name without legal form: ${a.shown} / ${b.shown}` });
  else if (explain && strength > 0) reasons.push({ code: 'company', text: `names alike: ${a.shown} / ${b.shown}` });
  let score = strength === 0 ? (1 - unexplained) * 0.5 : 1 - unexplained * (1 - 0.75 * strength);
  // Two websites and none shared: "Acme Ltd" (acme.co.uk) and "Acme Inc" (acme.com) are two firms of one name.
  if (d < 0 && a.domains.length && b.domains.length) score *= 0.6;
  return { score: round(score), reasons };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
