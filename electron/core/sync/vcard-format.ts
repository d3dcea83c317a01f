// vCard 3.0 / 4.0 texts as fields for the sync merge (issue #24, mapping.ts): one field per property name, Apple's
// grouped properties (item1.TEL + item1.X-ABLabel) inside their main property's field, N and FN together (Rapport
// reads its name from N, else FN). Owned fields compare by what Rapport would store from them (contact-fields.ts):
// a field whose meaning for Rapport did not change is "the same", so the merge keeps the phone's own text of it
// (its name prefix, its PREF, its type order). Unowned fields compare line by line, ignoring parameter order and case.
// No `electron` import.
import type { FieldFormat, Fields } from './mapping';
import { cardLines, components, groupLabels, labelOf, parseLine, readCard, unescape, type Line } from './contact-fields';
import { foldLine } from '../import-export/vcard-write';
import { phoneDigits } from '../../../shared/domain/text';

/** The card's frame: written by join from the frame text, never a field. */
const FRAME = new Set(['BEGIN', 'END', 'VERSION', 'UID', 'PRODID', 'REV']);
/** Lines that only describe their group's main property. */
const HELPERS = new Set(['X-ABLABEL', 'X-ABADR']);
/** The fields Rapport maps (a contact's fields, shared/domain/contact.ts); X-RAPPORT-* are its own. */
const OWNED = new Set(['N', 'EMAIL', 'TEL', 'ADR', 'ORG', 'TITLE', 'BDAY', 'NOTE', 'URL', 'CATEGORIES', 'KIND', 'X-ABSHOWAS']);

/** The field a property name belongs to: FN rides with N. */
const fieldName = (name: string) => (name === 'FN' ? 'N' : name);

/** Each line's field key: its name's, or for a grouped line its group's main property's. */
function keyed(lines: readonly Line[]): { line: Line; key: string }[] {
  const main = new Map<string, string>();
  for (const l of lines) if (l.group && !HELPERS.has(l.name) && !main.has(l.group)) main.set(l.group, fieldName(l.name));
  return lines.map((line) => ({ line, key: (line.group && main.get(line.group)) ?? fieldName(line.name) }));
}

function split(text: string): Fields {
  const fields: Fields = new Map();
  const lines = cardLines(text).map(parseLine).filter((l) => !FRAME.has(l.name));
  for (const { line, key } of keyed(lines)) {
    const field = fields.get(key);
    if (field) field.push(line.raw);
    else fields.set(key, [line.raw]);
  }
  return fields;
}

/** Renames `group.` at the start of a raw line. */
const regroup = (raw: string, group: string) => raw.replace(/^[^.;:]*\./, `${group}.`);

/**
 * The card from fields, framed by `frame`'s VERSION (4.0 when it has none), UID and PRODID. Fields from two texts
 * (Rapport's and a phone's) may both use "item1": a group already used by another field is renumbered, so each
 * label stays with its own value.
 */
function join(fields: Fields, frame: string): string {
  const framing = cardLines(frame).map(parseLine);
  const version = framing.find((l) => l.name === 'VERSION');
  const out = ['BEGIN:VCARD', version ? `VERSION:${version.value.trim()}` : 'VERSION:4.0'];
  for (const name of ['UID', 'PRODID']) {
    const line = framing.find((l) => l.name === name);
    if (line) out.push(line.raw);
  }
  const owner = new Map<string, string>();
  for (const [key, lines] of fields) for (const l of lines) {
    const group = parseLine(l).group;
    if (group && !owner.has(group)) owner.set(group, key);
  }
  let next = 1;
  const fresh = () => {
    while (owner.has(`item${next}`)) next++;
    return `item${next}`;
  };
  for (const [key, lines] of fields) {
    const renamed = new Map<string, string>();
    for (const raw of lines) {
      const group = parseLine(raw).group;
      if (!group || owner.get(group) === key) out.push(raw);
      else {
        if (!renamed.has(group)) {
          const name = fresh();
          owner.set(name, key);
          renamed.set(group, name);
        }
        out.push(regroup(raw, renamed.get(group)!));
      }
    }
  }
  out.push('END:VCARD');
  return out.map((l) => (/QUOTED-PRINTABLE/i.test(l.slice(0, l.indexOf(':') + 1)) ? foldQuotedPrintable(l) : foldLine(l))).join('');
}

/**
 * A vCard 2.1 quoted-printable line continues after a soft break ("=" at the end), never a fold: a fold's space
 * would become part of the value. Lines are ASCII there; an =XX escape is never cut.
 */
function foldQuotedPrintable(line: string): string {
  let out = '';
  let rest = line;
  while (rest.length > 75) {
    const escape = rest.lastIndexOf('=', 73);
    const cut = escape > 71 ? escape : 74;
    out += `${rest.slice(0, cut)}=\r\n`;
    rest = rest.slice(cut);
  }
  return `${out}${rest}\r\n`;
}

const owns = (key: string) => OWNED.has(key) || key.startsWith('X-RAPPORT-');

/** What Rapport would store from an owned field's lines, as one comparable string (labels by their words, any case). */
function meaning(key: string, lines: readonly Line[]): string {
  const card = readCard(lines);
  const label = (l: string | undefined) => (l ?? '').toLowerCase().split(/\s+/).filter(Boolean).sort().join(' ');
  const sorted = (items: string[]) => JSON.stringify(items.sort());
  switch (key) {
    case 'N':
      return JSON.stringify([card.firstName, card.lastName, card.firstName || card.lastName ? null : card.companyName ?? card.fullName]);
    case 'EMAIL':
      return sorted(card.emails.map((e) => `${e.value.toLowerCase()}|${label(e.label)}`));
    case 'TEL':
      return sorted(card.phones.map((p) => `${phoneDigits(p.value)}|${label(p.label)}`));
    case 'ADR':
      return sorted(card.addresses.map((a) => JSON.stringify([a.street, a.city, a.region, a.postcode, a.country, label(a.label)])));
    case 'ORG':
      return JSON.stringify(card.companyName);
    case 'TITLE':
      return JSON.stringify(card.jobTitle);
    case 'BDAY':
      return JSON.stringify(card.birthday);
    case 'NOTE':
      return JSON.stringify(card.notes);
    case 'URL':
      return JSON.stringify(card.website);
    case 'CATEGORIES':
      return sorted(card.tags.map((t) => t.toLowerCase()));
    case 'KIND':
    case 'X-ABSHOWAS':
      return String(card.company);
    case 'X-RAPPORT-KIND':
      return String(card.kind);
    case 'X-RAPPORT-LEAD-SOURCE':
      return JSON.stringify(card.leadSource);
    case 'X-RAPPORT-EMAIL-OPT-IN':
      return String(card.emailOptIn);
    default:
      return sorted([...card.custom.values()].map((c) => JSON.stringify([c.xKey, c.text])));
  }
}

/** An unowned line's meaning: its group's label instead of the group's name, parameters sorted, names and types any case. */
function canonicalLine(l: Line, labels: Map<string, string>): string {
  const params = [...l.params].map(([k, v]) => `${k}=${(k === 'TYPE' ? v.map((t) => t.toLowerCase()).sort() : v).join(',')}`).sort();
  const label = l.group ? (labels.get(l.group) ?? '') : '';
  return `${l.name};${params.join(';')};${label}:${l.value}`;
}

function same(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const la = (a ?? []).map(parseLine);
  const lb = (b ?? []).map(parseLine);
  const main = [...la, ...lb].find((l) => !HELPERS.has(l.name)) ?? la[0] ?? lb[0];
  if (!main) return true;
  const key = keyed([main])[0]!.key;
  if (owns(key)) return meaning(key, la) === meaning(key, lb);
  const canonical = (lines: Line[]) => {
    const labels = groupLabels(lines);
    return lines.filter((l) => !(l.group && HELPERS.has(l.name))).map((l) => canonicalLine(l, labels)).sort().join('\n');
  };
  return canonical(la) === canonical(lb);
}

const LABELS: Record<string, string> = {
  N: 'Name', EMAIL: 'Email addresses', TEL: 'Phone numbers', ADR: 'Address', ORG: 'Company', TITLE: 'Job title', BDAY: 'Birthday',
  NOTE: 'Notes', URL: 'Website', CATEGORIES: 'Tags', KIND: 'Contact or company', 'X-ABSHOWAS': 'Contact or company',
  'X-RAPPORT-KIND': 'Kind', 'X-RAPPORT-LEAD-SOURCE': 'Lead source', 'X-RAPPORT-EMAIL-OPT-IN': 'Email opt-in', PHOTO: 'Photo',
  NICKNAME: 'Nickname', IMPP: 'Instant messaging', ANNIVERSARY: 'Anniversary', RELATED: 'Related people', 'X-ABRELATEDNAMES': 'Related people',
  ROLE: 'Role', GENDER: 'Gender', 'X-ABDATE': 'Dates',
};

function label(key: string): string {
  if (LABELS[key]) return LABELS[key];
  // A custom field's label needs the database; its key is what its property carries.
  if (key.startsWith('X-RAPPORT-')) return key.slice('X-RAPPORT-'.length).toLowerCase();
  return key;
}

/** Labels a person reads: "mobile" for CELL. */
const WORDS: Record<string, string> = { cell: 'mobile', pref: 'preferred', fax: 'fax', iphone: 'iPhone' };

function shown(l: Line, labels: Map<string, string>): string | null {
  if (['PHOTO', 'LOGO', 'SOUND', 'KEY'].includes(l.name)) return `a ${l.name.toLowerCase()}`;
  let value: string;
  if (l.name === 'N') value = components(l.value).slice(0, 3).reverse().filter(Boolean).join(' ');
  else if (l.name === 'ADR' || l.name === 'ORG') value = components(l.value, ', ').filter(Boolean).join(', ');
  else if (l.name === 'X-RAPPORT-EMAIL-OPT-IN') value = unescape(l.value).trim().toUpperCase() === 'TRUE' ? 'yes' : 'no';
  else value = unescape(l.value).replace(/^(tel|mailto):/i, '').trim();
  if (!value) return null;
  const tag = labelOf(l, labels)?.split(/\s+/).map((w) => WORDS[w.toLowerCase()] ?? w.toLowerCase()).join(' ');
  return tag ? `${value} (${tag})` : value;
}

function show(lines: readonly string[] | undefined): string | null {
  if (!lines?.length) return null;
  const parsed = lines.map(parseLine);
  const labels = groupLabels(parsed);
  // FN is the name as written; N says it too (shown when there is no FN).
  const hasFn = parsed.some((l) => l.name === 'FN');
  const values = parsed.filter((l) => !HELPERS.has(l.name) && !(hasFn && l.name === 'N')).map((l) => shown(l, labels)).filter((v): v is string => !!v);
  return values.length ? values.join(', ') : null;
}

export const vcardFormat: FieldFormat = { split, join, owns, same, label, show };
