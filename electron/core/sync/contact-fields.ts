// A vCard's content lines as CardDAV sync reads them (issue #24): each line parsed (group, name, parameters, value),
// and the owned fields read into what Rapport stores. The ONE reading both `apply` (contact-mapper.ts) and `same`
// (vcard-format.ts) use, so "the merge sees no change" and "Rapport would store the same" are the same statement.
// The importer's reader (import-export/vcard.ts) is not used here: it moves what has no field into notes, which
// for sync would grow a phone's NOTE on every round; what Rapport cannot hold stays in the server's text instead.
// No `electron` import.
import { Address, Birthday, EmailEntry, PhoneEntry, Tag, Website } from '../../../shared/domain/fields';
import type { ContactKind } from '../../../shared/domain/contact';
import { normaliseBirthday, type ImportRecord } from '../import-export/records';
import { decodeValue } from '../import-export/vcard-lines';

export interface Line {
  /** The content line as in the text, unfolded. */
  raw: string;
  /** Lower case, or null. */
  group: string | null;
  /** Upper case, group removed ("TEL"); for a line with no colon, its text. */
  name: string;
  params: Map<string, string[]>;
  /** The value decoded (quoted-printable, base64 text) but still escaped as vCard text. */
  value: string;
}

/** A line's head: everything before the first colon outside double quotes (a parameter value may hold a colon). */
const HEAD = /^(?:"[^"]*"|[^":])*/;
/** One `;NAME=value` (or 2.1's bare `;VALUE`) of a head, quoted values whole. */
const PARAM = /;([^;=]*)(?:=((?:"[^"]*"|[^;"])*))?/g;

const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);
const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);

export function parseLine(raw: string): Line {
  // An unclosed quote: the head ends at the first colon after all.
  const quoted = HEAD.exec(raw)![0].length;
  const end = raw[quoted] === ':' || quoted === raw.length ? quoted : raw.indexOf(':') < 0 ? raw.length : raw.indexOf(':');
  const head = raw.slice(0, end);
  const nameWithGroup = head.split(';', 1)[0]!;
  const dot = nameWithGroup.indexOf('.');
  const params = new Map<string, string[]>();
  for (const [, rawKey = '', rawValue] of head.slice(nameWithGroup.length).matchAll(PARAM)) {
    const bare = rawKey.trim();
    // vCard 2.1 writes bare values: TEL;CELL;VOICE
    const key = rawValue === undefined ? (BARE_ENCODINGS.has(bare.toUpperCase()) ? 'ENCODING' : 'TYPE') : bare.toUpperCase();
    const values = (rawValue ?? bare).split(',').map((v) => v.trim().replace(/^"|"$/g, '')).filter(Boolean);
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  const colon = end;
  const name = nameWithGroup.slice(dot + 1).trim().toUpperCase();
  const group = dot > 0 ? nameWithGroup.slice(0, dot).toLowerCase() : null;
  const rawValue = colon < raw.length ? raw.slice(colon + 1) : '';
  // Binary values are never decoded: only their bytes matter, and those are kept verbatim in `raw`.
  const value = BINARY.has(name) ? rawValue : decodeValue({ line: 0, group, name, params, raw: rawValue }, { bytes: false, chosen: null }).text;
  return { raw, group, name, params, value };
}

/**
 * The content lines of the text's first card, unfolded (RFC 6350 folds; 2.1 quoted-printable soft breaks), BEGIN/END
 * and anything outside the card left out. A card nested in another (2.1 AGENT) stays inside its parent's lines.
 */
export function cardLines(text: string): string[] {
  const physical = text.split(/\r\n|\n|\r/);
  const logical: string[] = [];
  let softBreak = false;
  for (const line of physical) {
    const last = logical.length - 1;
    if (last >= 0 && (softBreak || line.startsWith(' ') || line.startsWith('\t'))) logical[last] += softBreak ? line : line.slice(1);
    else if (line.trim() !== '') logical.push(line);
    const current = logical[logical.length - 1] ?? '';
    softBreak = /QUOTED-PRINTABLE/i.test(current.slice(0, current.indexOf(':') + 1)) && current.endsWith('=');
    if (softBreak) logical[logical.length - 1] = current.slice(0, -1);
  }
  const out: string[] = [];
  let depth = 0;
  for (const line of logical) {
    const edge = /^(BEGIN|END):VCARD\s*$/i.exec(line)?.[1]?.toUpperCase();
    if (edge === 'BEGIN') {
      if (depth++ > 0) out.push(line);
    } else if (edge === 'END') {
      if (--depth === 0) break;
      out.push(line);
    } else if (depth > 0) out.push(line);
  }
  return out;
}

/** A value's parts between unescaped `sep`s, escapes kept (unescape each part after). */
export function splitRaw(value: string, sep: ';' | ','): string[] {
  const parts: string[] = [];
  for (const [, part = '', end] of value.matchAll(sep === ';' ? /((?:\\[\s\S]?|[^\\;])*)(;|$)/g : /((?:\\[\s\S]?|[^\\,])*)(,|$)/g)) {
    parts.push(part);
    if (!end) break;
  }
  return parts;
}
export const unescape = (s: string) => s.replace(/\\(.)/gs, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
const text = (l: Line) => unescape(l.value).trim();
/** A structured value's components, each component's own list (4.0 commas) joined with `join`. */
export const components = (value: string, join = ' ') =>
  splitRaw(value, ';').map((c) => splitRaw(c, ',').map(unescape).map((s) => s.trim()).filter(Boolean).join(join));

/** Types that say how, not which: not labels a person gave (as the importer reads them). */
const NOISE_TYPES = new Set(['internet', 'pref', 'voice', 'x400', 'text', 'uri', 'dom', 'intl', 'postal', 'parcel']);

/** Each group's X-ABLabel (Apple's "_$!<Mobile>!$_" as "Mobile"). */
export function groupLabels(lines: readonly Line[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const l of lines) if (l.name === 'X-ABLABEL' && l.group) labels.set(l.group, text(l).replace(/^_\$!<(.*)>!\$_$/, '$1').trim());
  return labels;
}

export function labelOf(l: Line, labels: Map<string, string>): string | undefined {
  const grouped = l.group ? labels.get(l.group) : undefined;
  if (grouped) return grouped.slice(0, 40);
  const types = (l.params.get('TYPE') ?? []).filter((t) => !NOISE_TYPES.has(t.toLowerCase()));
  return types.length ? types.join(' ').slice(0, 40) : undefined;
}

const withLabel = <T extends object>(entry: T, label: string | undefined): T & { label?: string } => (label ? { ...entry, label } : entry);

// ---- the owned fields as Rapport stores them ----

/** The owned fields as an import record has them (records.ts), with what sync needs to tell apart. */
export interface ReadCard extends Omit<ImportRecord, 'nickname' | 'custom'> {
  /** FN, which names the contact only when N has no names (see nameTheCard). */
  fullName: string | null;
  /** KIND:org or X-ABShowAs:COMPANY: FN is the company's name. */
  company: boolean;
  /** X-RAPPORT-<KEY> values of custom fields: by X-KEY when given, else by the upper-cased key; text unescaped. */
  custom: Map<string, { xKey: string | null; text: string; list: string[] }>;
}

/** Rapport's own properties for built-in fields; any other X-RAPPORT- name is a custom field's. */
const BUILT_IN_RAPPORT = new Set(['X-RAPPORT-KIND', 'X-RAPPORT-LEAD-SOURCE', 'X-RAPPORT-EMAIL-OPT-IN']);
const KINDS = new Set<string>(['customer', 'prospect', 'partner', 'supplier', 'other']);
const LIMITS = { emails: 20, phones: 20, addresses: 10, tags: 50, name: 100, company: 200, notes: 20_000 };

/** Reads the owned properties among `lines` (all of a card's, or one field's) the way Rapport stores them. */
export function readCard(lines: readonly Line[]): ReadCard {
  const labels = groupLabels(lines);
  const card: ReadCard = {
    firstName: null, lastName: null, fullName: null, companyName: null, company: false, jobTitle: null, emails: [], phones: [],
    addresses: [], website: null, birthday: null, tags: [], notes: null, leadSource: null, custom: new Map(),
  };
  let names: string[] | null = null;
  const titles = new Set<string>();
  const notes: string[] = [];
  const seenAlt = new Set<string>();
  for (const l of lines) {
    if (l.name.startsWith('X-RAPPORT-') && (l.params.has('X-KEY') || !BUILT_IN_RAPPORT.has(l.name))) {
      const xKey = l.params.get('X-KEY')?.[0] ?? null;
      card.custom.set(xKey ?? l.name.slice('X-RAPPORT-'.length), { xKey, text: text(l), list: splitRaw(l.value, ',').map(unescape).map((t) => t.trim()).filter(Boolean) });
      continue;
    }
    // ALTID marks the same value in another form or language (RFC 6350 5.4): the first one is read.
    const altId = l.params.get('ALTID')?.[0];
    if (altId !== undefined) {
      if (seenAlt.has(`${l.name};${altId}`)) continue;
      seenAlt.add(`${l.name};${altId}`);
    }
    const label = labelOf(l, labels);
    switch (l.name) {
      case 'N':
        names ??= components(l.value);
        break;
      case 'FN':
        card.fullName ??= text(l) || null;
        break;
      case 'KIND':
        if (/^org(anization)?$/i.test(text(l))) card.company = true;
        break;
      case 'X-ABSHOWAS':
        if (text(l).toUpperCase() === 'COMPANY') card.company = true;
        break;
      case 'ORG':
        card.companyName ??= components(l.value)[0]?.slice(0, LIMITS.company).trim() || null;
        break;
      case 'TITLE':
        if (text(l)) titles.add(text(l));
        break;
      case 'EMAIL': {
        const parsed = EmailEntry.safeParse(withLabel({ value: text(l).replace(/^mailto:/i, '') }, label));
        if (parsed.success && card.emails.length < LIMITS.emails) card.emails.push(parsed.data);
        break;
      }
      case 'TEL': {
        const value = text(l).replace(/^tel:/i, '').replace(/;ext=([^;]*)/i, ' ext. $1').replace(/;.*$/, '').trim();
        const parsed = PhoneEntry.safeParse(withLabel({ value }, label));
        if (parsed.success && card.phones.length < LIMITS.phones) card.phones.push(parsed.data);
        break;
      }
      case 'ADR': {
        const [poBox = '', extended = '', street = '', city = '', region = '', postcode = '', country = '', ...more] = components(l.value, ', ');
        const parts = { street: [poBox, extended, street, ...more].filter(Boolean).join('\n'), city, region, postcode, country };
        const kept = Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== ''));
        const parsed = Address.safeParse(withLabel(kept, label));
        if (Object.keys(kept).length && parsed.success && card.addresses.length < LIMITS.addresses) card.addresses.push(parsed.data);
        break;
      }
      case 'URL': {
        const parsed = Website.safeParse(text(l));
        if (!card.website && parsed.success && parsed.data) card.website = parsed.data;
        break;
      }
      case 'BDAY': {
        const parsed = Birthday.safeParse(normaliseBirthday(text(l)) ?? '');
        if (!card.birthday && parsed.success && parsed.data) card.birthday = parsed.data;
        break;
      }
      case 'NOTE':
        if (text(l)) notes.push(text(l));
        break;
      case 'CATEGORIES':
        for (const tag of splitRaw(l.value, ',').map(unescape).map((t) => t.trim())) {
          if (!Tag.safeParse(tag).success || card.tags.length >= LIMITS.tags) continue;
          if (!card.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) card.tags.push(tag);
        }
        break;
      case 'X-RAPPORT-KIND':
        if (KINDS.has(text(l))) card.kind = text(l) as ContactKind;
        break;
      case 'X-RAPPORT-LEAD-SOURCE':
        card.leadSource = text(l).slice(0, 100) || null;
        break;
      case 'X-RAPPORT-EMAIL-OPT-IN':
        card.emailOptIn = text(l).toUpperCase() === 'TRUE';
    }
  }
  nameTheCard(card, names);
  if (titles.size) {
    const joined = [...titles].join('; ');
    card.jobTitle = joined.length <= LIMITS.name ? joined : [...titles][0]!.slice(0, LIMITS.name).trim();
  }
  card.notes = notes.join('\n\n').slice(0, LIMITS.notes) || null;
  return card;
}

/**
 * Names from N (family; given and additional names), else from FN when FN is a person's name: a company card's FN
 * (KIND:org, X-ABShowAs:COMPANY, FN equal to ORG) is the company, and a nameless contact's FN is the email or phone it
 * is shown by (Rapport writes it so), never a name.
 */
function nameTheCard(card: ReadCard, names: string[] | null): void {
  const [family = '', given = '', additional = ''] = names ?? [];
  card.lastName = family.slice(0, LIMITS.name).trim() || null;
  card.firstName = [given, additional].filter(Boolean).join(' ').slice(0, LIMITS.name).trim() || null;
  const fn = card.fullName;
  if (card.firstName || card.lastName || !fn) return;
  const shownBy = [card.emails[0]?.value, card.phones[0]?.value, '(no name)'];
  if (card.company || fn === card.companyName) card.companyName ??= fn.slice(0, LIMITS.company).trim();
  else if (!shownBy.includes(fn)) {
    const words = fn.split(/\s+/);
    card.lastName = words.length > 1 ? words.pop()!.slice(0, LIMITS.name) : null;
    card.firstName = words.join(' ').slice(0, LIMITS.name);
  }
}
