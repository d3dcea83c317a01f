// vCard in and out. Reads 2.1 (quoted-printable, CHARSET, bare types), 3.0 and 4.0, several cards per file,
// Apple's `itemN.` groups with X-ABLabel; writes 3.0 (default) or 4.0, UTF-8, folded at 75 octets (RFC 6350).
// Photos are dropped on import (Rapport keeps no contact photos). No `electron` import.
import type { Contact } from '../../../shared/domain/contact';
import { emptyRecord, normaliseBirthday, validate, type Built } from './records';

interface Property {
  group: string | null;
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** Types that say how, not which: they are not labels a person gave. */
const NOISE_TYPES = new Set(['internet', 'pref', 'voice', 'x400', 'text', 'uri', 'dom', 'intl', 'postal', 'parcel']);

// ---- reading ----

/** Unfolded content lines with the line number each starts on, from a stream of text chunks. */
async function* contentLines(chunks: AsyncIterable<string>): AsyncGenerator<{ line: number; text: string }> {
  let rest = '';
  let lineNo = 0;
  let current: { line: number; text: string } | null = null;
  let qpSoftBreak = false;
  const feed = function* (physical: string) {
    lineNo++;
    if (current && (qpSoftBreak || ((physical.startsWith(' ') || physical.startsWith('\t')) && physical.trim() !== ''))) {
      current.text += qpSoftBreak ? physical : physical.slice(1);
    } else {
      if (current) yield current;
      current = { line: lineNo, text: physical };
    }
    // 2.1 quoted-printable: a line ending in "=" continues on the next line.
    qpSoftBreak = /ENCODING=QUOTED-PRINTABLE|;QUOTED-PRINTABLE/i.test(current.text.split(':', 1)[0] ?? '') && current.text.endsWith('=');
    if (qpSoftBreak) current.text = current.text.slice(0, -1);
  };
  for await (const chunk of chunks) {
    rest += chunk;
    const parts = rest.split(/\r\n|\n|\r/);
    rest = parts.pop() ?? '';
    for (const physical of parts) yield* feed(physical);
  }
  if (rest) yield* feed(rest);
  if (current) yield current;
}

function parseProperty(text: string): Property | null {
  let colon = -1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const [nameWithGroup = '', ...rawParams] = text.slice(0, colon).split(';');
  const dot = nameWithGroup.lastIndexOf('.');
  const params = new Map<string, string[]>();
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    // vCard 2.1 writes bare types: TEL;CELL;VOICE
    const key = eq < 0 ? 'TYPE' : raw.slice(0, eq).toUpperCase();
    const value = eq < 0 ? raw : raw.slice(eq + 1);
    const values = value.split(',').map((v) => v.replace(/^"|"$/g, ''));
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  if (params.get('TYPE')?.some((t) => t.toUpperCase() === 'QUOTED-PRINTABLE')) params.set('ENCODING', ['QUOTED-PRINTABLE']);
  return {
    group: dot > 0 ? nameWithGroup.slice(0, dot).toLowerCase() : null,
    name: nameWithGroup.slice(dot + 1).toUpperCase(),
    params,
    value: text.slice(colon + 1),
  };
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(value.charCodeAt(i) & 0xff);
  }
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

/** Splits on unescaped `sep` and unescapes each part. */
function splitValue(value: string, sep: ';' | ','): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && i + 1 < value.length) {
      const next = value[++i]!;
      cur += next === 'n' || next === 'N' ? '\n' : next;
    } else if (ch === sep) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}
const text = (value: string) => splitValue(value, ';').join(';');

function labelOf(prop: Property, groupLabels: Map<string, string>): string | undefined {
  if (prop.group && groupLabels.has(prop.group)) return groupLabels.get(prop.group);
  const types = (prop.params.get('TYPE') ?? []).filter((t) => t && !NOISE_TYPES.has(t.toLowerCase()));
  return types.length ? types.join(' ').slice(0, 40) : undefined;
}

function cardToRecord(props: Property[]): Built {
  const record = emptyRecord();
  const groupLabels = new Map<string, string>();
  for (const p of props) {
    if (p.name === 'X-ABLABEL' && p.group) groupLabels.set(p.group, text(p.value).replace(/^_\$!<(.*)>!\$_$/, '$1'));
  }
  let fullName: string | null = null;
  for (const p of props) {
    const label = labelOf(p, groupLabels);
    const withLabel = <T extends object>(entry: T) => (label ? { ...entry, label } : entry);
    switch (p.name) {
      case 'N': {
        const [family = '', given = '', additional = ''] = splitValue(p.value, ';');
        record.lastName = family.trim() || null;
        record.firstName = [given, additional].map((s) => s.trim()).filter(Boolean).join(' ') || null;
        break;
      }
      case 'FN':
        fullName = text(p.value).trim() || null;
        break;
      case 'ORG':
        record.companyName = splitValue(p.value, ';')[0]?.trim() || null;
        break;
      case 'TITLE':
        record.jobTitle = text(p.value);
        break;
      case 'EMAIL':
        record.emails.push(withLabel({ value: text(p.value).replace(/^mailto:/i, '').trim() }));
        break;
      case 'TEL':
        record.phones.push(withLabel({ value: text(p.value).replace(/^tel:/i, '').trim() }));
        break;
      case 'ADR': {
        const [, , street = '', city = '', region = '', postcode = '', country = ''] = splitValue(p.value, ';');
        const address = Object.fromEntries(Object.entries({ street, city, region, postcode, country }).filter(([, v]) => v.trim() !== ''));
        if (Object.keys(address).length) record.addresses.push(withLabel(address));
        break;
      }
      case 'URL':
        record.website ??= text(p.value).trim();
        break;
      case 'BDAY':
        record.birthday = normaliseBirthday(text(p.value));
        break;
      case 'NOTE':
        record.notes = text(p.value);
        break;
      case 'CATEGORIES':
        record.tags.push(...splitValue(p.value, ',').map((t) => t.trim()).filter(Boolean));
        break;
      case 'X-RAPPORT-KIND': {
        const kind = text(p.value).trim();
        if (kind === 'customer' || kind === 'prospect' || kind === 'partner' || kind === 'supplier' || kind === 'other') record.kind = kind;
        break;
      }
      case 'X-RAPPORT-LEAD-SOURCE':
        record.leadSource = text(p.value);
        break;
      case 'X-RAPPORT-EMAIL-OPT-IN':
        record.emailOptIn = text(p.value).trim().toUpperCase() === 'TRUE';
        break;
    }
  }
  if (!record.firstName && !record.lastName && fullName && fullName !== record.companyName) {
    const words = fullName.split(/\s+/);
    record.lastName = words.length > 1 ? words.pop()! : null;
    record.firstName = words.join(' ');
  }
  return validate(record);
}

export type VcardItem = { line: number; built: Built; name: string };

/** Every card in the text stream, each built into a record or a reason it was rejected. */
export async function* vcardRecords(chunks: AsyncIterable<string>): AsyncGenerator<VcardItem> {
  let props: Property[] | null = null;
  let start = 0;
  for await (const { line, text: content } of contentLines(chunks)) {
    if (content.trim() === '') continue;
    const prop = parseProperty(content);
    if (!prop) {
      if (props) props.push({ group: null, name: '', params: new Map(), value: '' });
      continue;
    }
    if (prop.name === 'BEGIN' && prop.value.trim().toUpperCase() === 'VCARD') {
      if (props) yield { line: start, built: { reason: 'Card has no END:VCARD' }, name: '' };
      props = [];
      start = line;
    } else if (prop.name === 'END' && prop.value.trim().toUpperCase() === 'VCARD') {
      if (props) {
        const built = cardToRecord(props);
        const name = 'record' in built ? [built.record.firstName, built.record.lastName].filter(Boolean).join(' ') || (built.record.companyName ?? '') : '';
        yield { line: start, built, name };
      }
      props = null;
    } else if (props) {
      const charset = prop.params.get('CHARSET')?.[0] ?? 'utf-8';
      if (prop.params.get('ENCODING')?.[0]?.toUpperCase() === 'QUOTED-PRINTABLE') prop.value = decodeQuotedPrintable(prop.value, charset);
      props.push(prop);
    }
  }
  if (props) yield { line: start, built: { reason: 'Card has no END:VCARD' }, name: '' };
}

// ---- writing ----

const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/\r\n|\n|\r/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');

/** RFC 6350 3.2: lines of at most 75 octets, continued with CRLF + space; never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line) <= 75) return `${line}\r\n`;
  let out = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > limit) {
      out += '\r\n ';
      bytes = 0;
      limit = 74; // the leading space counts
    }
    out += ch;
    bytes += size;
  }
  return `${out}\r\n`;
}

const PLAIN_TYPE = /^[A-Za-z][A-Za-z0-9-]*$/;

export function contactToVcard(contact: Contact, version: '3.0' | '4.0'): string {
  const lines: string[] = ['BEGIN:VCARD', `VERSION:${version}`];
  let item = 0;
  const labelled = (name: string, value: string, label?: string) => {
    if (!label) return lines.push(`${name}:${value}`);
    if (PLAIN_TYPE.test(label) && !NOISE_TYPES.has(label.toLowerCase())) return lines.push(`${name};TYPE=${label}:${value}`);
    item++; // Apple's grouping carries any label text, spaces and punctuation included
    lines.push(`item${item}.${name}:${value}`, `item${item}.X-ABLabel:${escapeText(label)}`);
  };
  lines.push(`N:${escapeText(contact.lastName ?? '')};${escapeText(contact.firstName ?? '')};;;`);
  lines.push(`FN:${escapeText(contact.displayName)}`);
  if (contact.companyName) lines.push(`ORG:${escapeText(contact.companyName)}`);
  if (contact.jobTitle) lines.push(`TITLE:${escapeText(contact.jobTitle)}`);
  for (const e of contact.emails) labelled('EMAIL', escapeText(e.value), e.label);
  for (const p of contact.phones) labelled('TEL', escapeText(p.value), p.label);
  for (const a of contact.addresses) {
    const parts = ['', '', a.street ?? '', a.city ?? '', a.region ?? '', a.postcode ?? '', a.country ?? ''].map(escapeText);
    labelled('ADR', parts.join(';'), a.label);
  }
  if (contact.website) lines.push(`URL:${escapeText(contact.website)}`);
  if (contact.birthday) lines.push(`BDAY:${version === '4.0' ? contact.birthday.replace(/^(\d{4}|-)-(\d\d)-(\d\d)$/, (_, y: string, m: string, d: string) => `${y === '-' ? '--' : y}${m}${d}`) : contact.birthday}`);
  if (contact.notes) lines.push(`NOTE:${escapeText(contact.notes)}`);
  if (contact.tags.length) lines.push(`CATEGORIES:${contact.tags.map(escapeText).join(',')}`);
  lines.push(`X-RAPPORT-KIND:${contact.kind}`);
  if (contact.leadSource) lines.push(`X-RAPPORT-LEAD-SOURCE:${escapeText(contact.leadSource)}`);
  lines.push(`X-RAPPORT-EMAIL-OPT-IN:${contact.emailOptIn ? 'TRUE' : 'FALSE'}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('');
}
