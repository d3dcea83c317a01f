// vCard in: 2.1 (quoted-printable, CHARSET, bare types), 3.0 and 4.0, several cards per file, Apple's `itemN.`
// groups with X-ABLabel. A value Rapport cannot store never costs the card: it goes to notes with a warning on
// its line. Photos are skipped and said so (Rapport keeps no contact photos). Writing is vcard-write.ts. No `electron` import.
import { Birthday, EmailEntry, PhoneValue, Tag, Website } from '../../../shared/domain/fields';
import type { CustomValues } from '../../../shared/domain/custom-fields';
import { customFromText } from '../../../shared/domain/import-custom';
import type { RowProblem } from '../../../shared/domain/transfer';
import { emptyRecord, normaliseBirthday, validate, warningText, type Built, type CustomDef, type FieldWarning, type ImportRecord } from './records';
import { stripControls } from '../plain-text';
import { decodeValue, logicalLines, type DecodeContext, type Property } from './vcard-lines';
import { nameTheRecord, readAddress } from './vcard-parts';

export { contactToVcard, foldLine } from './vcard-write';

/** Rapport's own properties for built-in fields; any other X-RAPPORT- name is a custom field's (vcard-write.ts). */
const BUILT_IN_RAPPORT = new Set(['X-RAPPORT-KIND', 'X-RAPPORT-LEAD-SOURCE', 'X-RAPPORT-EMAIL-OPT-IN']);

/** Types that say how, not which: they are not labels a person gave. */
const NOISE_TYPES = new Set(['internet', 'pref', 'voice', 'x400', 'text', 'uri', 'dom', 'intl', 'postal', 'parcel']);
const LIMITS = { emails: 20, phones: 20, addresses: 10, tags: 50, name: 100, company: 200, notes: 20_000 };

/** Properties with no field of their own, kept as lines in notes: heading per property name. */
const NOTE_LINES: Record<string, string> = {
  ROLE: 'Role', ANNIVERSARY: 'Anniversary', 'X-ANNIVERSARY': 'Anniversary', 'X-EVOLUTION-ANNIVERSARY': 'Anniversary',
  'X-MS-ANNIVERSARY': 'Anniversary', 'X-OUTLOOK-WEDDING-ANNIVERSARY': 'Anniversary', 'X-EVOLUTION-SPOUSE': 'Spouse',
  'X-SPOUSE': 'Spouse', 'X-MS-SPOUSE': 'Spouse', SPOUSNAME: 'Spouse', 'X-OUTLOOK-SPOUSE-NAME': 'Spouse',
  'X-EVOLUTION-MANAGER': 'Manager', 'X-MANAGER': 'Manager', 'X-MS-MANAGER': 'Manager', MANNAME: 'Manager',
  'X-OUTLOOK-MANAGER-NAME': 'Manager', 'X-EVOLUTION-ASSISTANT': 'Assistant', 'X-ASSISTANT': 'Assistant',
  'X-MS-ASSISTANT': 'Assistant', ASSNAME: 'Assistant', 'X-OUTLOOK-ASSISTANT-NAME': 'Assistant', OFFICE: 'Office',
  'X-OUTLOOK-OFFICE-LOCATION': 'Office', 'X-SOCIALPROFILE': 'Profile',
};
/** Instant-messaging handles: the property (or IMPP's URI scheme) names the service. */
const IM: Record<string, string> = {
  'X-AIM': 'AIM', AIM: 'AIM', 'X-ICQ': 'ICQ', ICQ: 'ICQ', 'X-JABBER': 'Jabber', XMPP: 'Jabber', 'X-MSN': 'MSN', MSNIM: 'MSN',
  'X-YAHOO': 'Yahoo', YMSGR: 'Yahoo', 'X-SKYPE': 'Skype', 'X-SKYPE-USERNAME': 'Skype', SKYPE: 'Skype', 'X-GOOGLE-TALK': 'Google Talk',
  'X-GTALK': 'Google Talk', GTALK: 'Google Talk', 'X-QQ': 'QQ', QQ: 'QQ', 'X-GADUGADU': 'Gadu-Gadu', GG: 'Gadu-Gadu', SIP: 'SIP',
};

/** A URI's %-escapes decoded ("Messenger%20Work" is "Messenger Work"); text that is not a URI as it is. */
function uriText(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Splits on `sep` not preceded by a backslash; escapes are kept (unescape each part after). */
function splitRaw(value: string, sep: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === sep) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}
const unescape = (s: string) => s.replace(/\\(.)/gs, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
/** A structured value's components, each component's own list (4.0 commas) joined with `join`. */
const components = (value: string, join = ' ') => splitRaw(value, ';').map((c) => splitRaw(c, ',').map(unescape).map((s) => s.trim()).filter(Boolean).join(join));

interface Card {
  props: Property[];
  line: number;
}

/** A per-field warning with the line its value is on. */
type LineWarning = FieldWarning & { line: number };

const FIELD_NAMES: Record<string, string> = { N: 'Name', FN: 'Name', ORG: 'Company', TITLE: 'Job title', ADR: 'Address', NOTE: 'Notes', EMAIL: 'Email', TEL: 'Phone' };

/** The custom field an `X-RAPPORT-<KEY>` property names: by its X-KEY parameter, else by the key in any case (when only one fits). */
function customFieldOf(p: Property, fields: readonly CustomDef[]): CustomDef | undefined {
  const key = p.params.get('X-KEY')?.[0];
  if (key) return fields.find((f) => f.key === key);
  const name = p.name.slice('X-RAPPORT-'.length);
  const matching = fields.filter((f) => f.key.toUpperCase() === name);
  return matching.length === 1 ? matching[0] : undefined;
}

/** One card into a record: every value stored where it fits, the rest in notes, a warning for each. */
function cardToRecord(card: Card, ctx: DecodeContext, warnings: LineWarning[], fields: readonly CustomDef[] = []): Built {
  const warn = (line: number, reason: string) => {
    const colon = reason.indexOf(': ');
    warnings.push(colon > 0 ? { line, field: reason.slice(0, colon), reason: reason.slice(colon + 2) } : { line, field: 'Card', reason });
  };
  let guessWarned = false;
  const value = (p: Property): string => {
    const decoded = decodeValue(p, ctx);
    // NUL and other control characters are never text a person typed (a stray NUL would reach names and notes).
    decoded.text = stripControls(decoded.text);
    if (decoded.guessed && !guessWarned) {
      guessWarned = true;
      warn(p.line, `${FIELD_NAMES[p.name] ?? 'Text'}: no character set given, read as Western (Windows-1252); if letters look wrong, choose the file's encoding`);
    }
    return decoded.text;
  };
  const record: ImportRecord = emptyRecord();
  const notes: string[] = [];
  // A set: a card with thousands of values for notes must not cost a search of all the others each.
  const extras = new Set<string>();
  const extra = (heading: string, text: string) => {
    if (text.trim()) extras.add(`${heading}: ${text.trim()}`);
  };

  const labels = new Map<string, string>();
  for (const p of card.props) if (p.name === 'X-ABLABEL' && p.group) labels.set(p.group, unescape(value(p)).replace(/^_\$!<(.*)>!\$_$/, '$1').trim());
  const labelOf = (p: Property): string | undefined => {
    if (p.group && labels.get(p.group)) return labels.get(p.group)!.slice(0, 40);
    const types = (p.params.get('TYPE') ?? []).filter((t) => !NOISE_TYPES.has(t.toLowerCase()));
    return types.length ? types.join(' ').slice(0, 40) : undefined;
  };
  const withLabel = <T extends object>(p: Property, entry: T) => {
    const label = labelOf(p);
    return label ? { ...entry, label } : entry;
  };
  const labelled = (heading: string, p: Property) => (labelOf(p) ? `${heading} (${labelOf(p)})` : heading);

  let names: string[] | null = null;
  let fullName: string | null = null;
  const nicknames: string[] = [];
  const titles = new Set<string>();
  let company = false;
  const alternatives = new Set<string>();
  const custom: CustomValues = {};
  /** X-RAPPORT-<KEY> (issue #19): into the field with that key; a value it refuses goes to notes, an unknown key is reported. */
  const readCustom = (p: Property) => {
    const def = customFieldOf(p, fields);
    const text = value(p);
    if (!def) {
      if (unescape(text).trim()) warn(p.line, `${p.name}: no contact field has this key here; not imported`);
      return;
    }
    const read = customFromText(def, def.type === 'choices' ? splitRaw(text, ',').map(unescape).map((t) => t.trim()).filter(Boolean) : unescape(text));
    if (read.ok) {
      if (read.value !== null) custom[def.key] = read.value;
    } else {
      extra(def.label, unescape(text));
      warn(p.line, `${def.label}: ${read.reason}; kept in notes`);
    }
  };
  for (const p of card.props) {
    if (p.name.startsWith('X-RAPPORT-') && (p.params.has('X-KEY') || !BUILT_IN_RAPPORT.has(p.name))) {
      readCustom(p);
      continue;
    }
    // ALTID marks the same value in another form or language (RFC 6350 5.4): the first one is read.
    const altId = p.params.get('ALTID')?.[0];
    if (altId !== undefined) {
      if (alternatives.has(`${p.name};${altId}`)) continue;
      alternatives.add(`${p.name};${altId}`);
    }
    switch (p.name) {
      case 'N':
        names ??= components(value(p));
        break;
      case 'FN':
        fullName ??= unescape(value(p)).trim() || null;
        break;
      case 'NICKNAME':
        nicknames.push(...splitRaw(value(p), ',').map(unescape).map((n) => n.trim()).filter(Boolean));
        break;
      case 'KIND': {
        const kind = unescape(value(p)).trim().toLowerCase();
        if (kind === 'group') return { reason: 'A contact group (a list of members), not a person: skipped' };
        if (kind === 'org' || kind === 'organization') company = true;
        break;
      }
      case 'X-ABSHOWAS':
        if (unescape(value(p)).trim().toUpperCase() === 'COMPANY') company = true;
        break;
      case 'ORG': {
        const [org = '', ...units] = components(value(p));
        if (!record.companyName && org) record.companyName = org;
        else if (org) extra('Organisation', org);
        if (units.some(Boolean)) extra('Department', units.filter(Boolean).join(', '));
        break;
      }
      case 'TITLE': {
        const title = unescape(value(p)).trim();
        if (title) titles.add(title);
        break;
      }
      case 'EMAIL': {
        const text = unescape(value(p)).replace(/^mailto:/i, '').trim();
        if (!text) break;
        if (!EmailEntry.shape.value.safeParse(text).success) {
          extra(labelled('Email', p), text);
          warn(p.line, 'Email: not a valid address; kept in notes');
        } else if (record.emails.length >= LIMITS.emails) {
          extra(labelled('Email', p), text);
          warn(p.line, `Email: more than ${LIMITS.emails} addresses; kept in notes`);
        } else record.emails.push(withLabel(p, { value: text }));
        break;
      }
      case 'TEL': {
        const text = unescape(value(p)).trim();
        const phone = text.replace(/^tel:/i, '').replace(/;ext=([^;]*)/i, ' ext. $1').replace(/;.*$/, '').trim();
        if (!phone) break;
        if (!PhoneValue.safeParse(phone).success) {
          extra(labelled('Phone', p), text);
          warn(p.line, 'Phone: not a number Rapport can store as a phone; kept in notes');
        } else if (record.phones.length >= LIMITS.phones) {
          extra(labelled('Phone', p), text);
          warn(p.line, `Phone: more than ${LIMITS.phones} numbers; kept in notes`);
        } else record.phones.push(withLabel(p, { value: phone }));
        break;
      }
      case 'ADR':
        readAddress(p, components(value(p), ', '), record, extra, warn, withLabel, labelled);
        break;
      case 'URL': {
        const url = unescape(value(p)).trim();
        if (!url) break;
        if (!record.website && Website.safeParse(url).success) record.website = url;
        else {
          extra(labelled('Website', p), url);
          if (!Website.safeParse(url).success) warn(p.line, 'Website: not a web address; kept in notes');
        }
        break;
      }
      case 'BDAY': {
        const text = unescape(value(p)).trim();
        const day = normaliseBirthday(text);
        if (!day) break;
        const valid = Birthday.safeParse(day).success;
        if (valid && !record.birthday) record.birthday = day;
        else if (!valid || day !== record.birthday) {
          extra('Birthday', text);
          if (!valid) warn(p.line, 'Birthday: not a date Rapport can store; kept in notes');
        }
        break;
      }
      case 'NOTE': {
        const note = unescape(value(p)).trim();
        if (note) notes.push(note);
        break;
      }
      case 'CATEGORIES':
        for (const tag of splitRaw(value(p), ',').map(unescape).map((t) => t.trim()).filter(Boolean)) {
          if (record.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) continue;
          if (Tag.safeParse(tag).success && record.tags.length < LIMITS.tags) record.tags.push(tag);
          else {
            extra('Tag', tag);
            warn(p.line, Tag.safeParse(tag).success ? `Tags: more than ${LIMITS.tags}; kept in notes` : 'Tags: a tag is longer than 50 characters; kept in notes');
          }
        }
        break;
      case 'IMPP': {
        const text = uriText(unescape(value(p)).trim());
        const scheme = /^([a-z-]+):/i.exec(text)?.[1]?.toUpperCase();
        if (text) extra(IM[scheme ?? ''] ?? 'IM', scheme ? text.slice(scheme.length + 1) : text);
        break;
      }
      case 'RELATED':
      case 'X-ABRELATEDNAMES':
        extra(labelOf(p) ?? 'Related', unescape(value(p)).replace(/^urn:uuid:.*$/i, ''));
        break;
      case 'X-ABDATE':
        extra(labelOf(p) ?? 'Date', unescape(value(p)));
        break;
      case 'X-RAPPORT-KIND': {
        const kind = unescape(value(p)).trim();
        if (kind === 'customer' || kind === 'prospect' || kind === 'partner' || kind === 'supplier' || kind === 'other') record.kind = kind;
        break;
      }
      case 'X-RAPPORT-LEAD-SOURCE':
        record.leadSource = unescape(value(p)).trim().slice(0, 100) || null;
        break;
      case 'X-RAPPORT-EMAIL-OPT-IN':
        record.emailOptIn = unescape(value(p)).trim().toUpperCase() === 'TRUE';
        break;
      default:
        if (NOTE_LINES[p.name] === 'Anniversary') extra('Anniversary', normaliseBirthday(unescape(value(p))) ?? '');
        else if (NOTE_LINES[p.name]) extra(NOTE_LINES[p.name]!, unescape(value(p)));
        else if (IM[p.name]) extra(IM[p.name]!, unescape(value(p)));
    }
  }

  nameTheRecord(record, { names, fullName, nicknames, company }, extra);
  for (const [field, max] of [['firstName', LIMITS.name], ['lastName', LIMITS.name]] as const) {
    const text = record[field];
    if (text && text.length > max) {
      extra('Name', text);
      record[field] = text.slice(0, max).trim();
      warn(card.line, `Name: longer than ${max} characters; the whole name is in notes`);
    }
  }
  if (record.companyName && record.companyName.length > LIMITS.company) {
    extra('Organisation', record.companyName);
    record.companyName = record.companyName.slice(0, LIMITS.company).trim();
    warn(card.line, `Company: longer than ${LIMITS.company} characters; the whole name is in notes`);
  }
  if (titles.size) {
    const joined = [...titles].join('; ');
    record.jobTitle = joined.length <= LIMITS.name ? joined : [...titles][0]!.slice(0, LIMITS.name);
    if (joined.length > LIMITS.name) for (const t of titles) extra('Job title', t);
  }
  const body = [notes.join('\n\n'), [...extras].join('\n')].filter(Boolean).join('\n\n');
  if (body.length > LIMITS.notes) warn(card.line, `Notes: longer than ${LIMITS.notes.toLocaleString('en')} characters; the rest was cut`);
  record.notes = body.slice(0, LIMITS.notes) || null;
  if (Object.keys(custom).length) record.custom = custom;
  const built = validate(record);
  // Anything validate() still had to move has no line of its own: it is the card's.
  if ('record' in built) for (const w of built.warnings) warnings.push({ line: card.line, ...w });
  return 'record' in built ? { record: built.record, warnings: warnings.map((w) => ({ field: w.field, reason: `${w.reason} (line ${w.line})` })) } : built;
}

export type VcardItem = { line: number; built: Built; name: string; warnings: RowProblem[] };

/**
 * Binary values are skipped (issue #16: a phone's 10 MB photo is never held, vcard-lines.ts) and said so once per
 * file, on the first card that has one: Rapport keeps no contact photos, and a warning on every card of a phone's
 * export would bury the warnings that need a look.
 */
const NOT_IMPORTED: Record<string, FieldWarning> = {
  PHOTO: { field: 'Photo', reason: 'not imported: Rapport keeps no contact photos (this applies to every card with one)' },
  LOGO: { field: 'Logo', reason: 'not imported: Rapport keeps no logos (this applies to every card with one)' },
  SOUND: { field: 'Sound', reason: 'not imported: Rapport keeps no sound clips (this applies to every card with one)' },
  KEY: { field: 'Key', reason: 'not imported: Rapport keeps no encryption keys (this applies to every card with one)' },
};

/**
 * Every card in the stream, each built into a record (with per-field warnings) or a reason it was skipped.
 * A card nested in another (2.1 AGENT) belongs to its parent and is skipped with it; a card cut short (no
 * END:VCARD before the next card or the end of the file) keeps what it has, with a warning.
 */
export async function* vcardRecords(chunks: AsyncIterable<string>, ctx: DecodeContext = { bytes: false, chosen: null }, fields: readonly CustomDef[] = []): AsyncGenerator<VcardItem> {
  let card: Card | null = null;
  let depth = 0;
  let warnings: LineWarning[] = [];
  const toldNotImported = new Set<string>();
  const edge = (p: Property, name: string) => p.name === name && p.raw.trim().toUpperCase() === 'VCARD';
  const built = (c: Card): VcardItem => {
    const b = cardToRecord(c, ctx, warnings, fields);
    const r = 'record' in b ? b.record : null;
    const name = r ? [r.firstName, r.lastName].filter(Boolean).join(' ') || r.companyName || r.emails[0]?.value || r.phones[0]?.value || '' : '';
    return { line: c.line, built: b, name, warnings: warnings.map((w) => ({ line: w.line, reason: warningText(w) })) };
  };
  const cutShort = (c: Card) => {
    warnings.push({ line: c.line, field: 'Card', reason: 'no END:VCARD; read up to where it stops' });
    return built(c);
  };
  for await (const logical of logicalLines(chunks)) {
    if ('unreadable' in logical) {
      if (card && depth === 0) warnings.push({ line: logical.line, field: 'Line', reason: 'could not be read and was skipped' });
      continue;
    }
    const p = logical.property;
    if (edge(p, 'BEGIN')) {
      const last = card?.props[card.props.length - 1];
      if (card && (depth > 0 || (last?.name === 'AGENT' && last.raw.trim() === ''))) depth++;
      else {
        if (card) yield cutShort(card);
        card = { props: [], line: p.line };
        warnings = [];
      }
    } else if (edge(p, 'END')) {
      if (depth > 0) depth--;
      else if (card) {
        yield built(card);
        card = null;
      }
    } else if (card && depth === 0) {
      card.props.push(p);
      const skipped = p.skipped ? NOT_IMPORTED[p.name] : undefined;
      if (skipped && !toldNotImported.has(p.name)) {
        toldNotImported.add(p.name);
        warnings.push({ line: p.line, ...skipped });
      }
    }
  }
  if (card) yield cutShort(card);
}
