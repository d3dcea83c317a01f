// Writing contacts as vCard 3.0 (default) or 4.0, UTF-8, folded at 75 octets (RFC 6350). Labels made only of
// standard types are written as TYPE= lists; any other label as Apple's itemN.X-ABLabel, which other apps show.
// No `electron` import.
import type { Contact } from '../../../shared/domain/contact';
import type { FieldDefinition } from '../../../shared/domain/custom-fields';
import { valueAsText } from '../fields/convert';

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

/**
 * RFC 2426/6350 type names per property: a label made only of these is a TYPE list ("HOME FAX" -> TYPE=HOME,FAX).
 * Types the reader ignores as how-not-which (pref, voice, internet...) are not here, so a label reads back as written.
 */
const STANDARD_TYPES: Record<string, Set<string>> = {
  TEL: new Set(['home', 'work', 'cell', 'fax', 'pager', 'video', 'textphone', 'msg', 'car', 'isdn', 'bbs', 'modem', 'pcs', 'main', 'iphone', 'other']),
  EMAIL: new Set(['home', 'work', 'other']),
  ADR: new Set(['home', 'work', 'other']),
};

function typeList(name: string, label: string): string | null {
  const words = label.trim().split(/\s+/);
  const known = STANDARD_TYPES[name];
  return known && words.every((w) => known.has(w.toLowerCase())) ? words.join(',') : null;
}

/** Names the built-in X-RAPPORT- properties use: a custom field whose key upper-cases to one also says its key. */
const BUILT_IN = new Set(['KIND', 'LEAD-SOURCE', 'EMAIL-OPT-IN']);

type VcardField = Pick<FieldDefinition, 'key' | 'label' | 'type' | 'options' | 'currency' | 'required'>;

/**
 * Each custom value as `X-RAPPORT-<KEY>` (issue #19), its text as a person reads it (valueAsText) escaped like any
 * vCard text; several choices as a vCard list (each label escaped, so a label's own comma survives). vCard names
 * ignore case, so when two keys differ only in case (or one upper-cases to a built-in name) the property also
 * carries `X-KEY=<key>`, which the reader prefers.
 */
export function customVcardLines(contact: Pick<Contact, 'custom'>, fields: readonly VcardField[]): string[] {
  const lines: string[] = [];
  if (fields.length === 0) return lines;
  const upper = new Map<string, number>();
  for (const f of fields) upper.set(f.key.toUpperCase(), (upper.get(f.key.toUpperCase()) ?? 0) + 1);
  for (const def of fields) {
    const value = contact.custom?.[def.key];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    const name = def.key.toUpperCase();
    const param = BUILT_IN.has(name) || (upper.get(name) ?? 0) > 1 ? `;X-KEY=${def.key}` : '';
    const text = Array.isArray(value) ? value.map((id) => escapeText(valueAsText(def, [id]))).join(',') : escapeText(valueAsText(def, value));
    lines.push(`X-RAPPORT-${name}${param}:${text}`);
  }
  return lines;
}

/** `fields`: the contact custom fields to write (archived too: the card carries all the contact's data). */
export function contactToVcard(contact: Contact, version: '3.0' | '4.0', fields: readonly VcardField[] = []): string {
  const lines: string[] = ['BEGIN:VCARD', `VERSION:${version}`];
  let item = 0;
  const labelled = (name: string, value: string, label?: string) => {
    if (!label) return lines.push(`${name}:${value}`);
    const types = typeList(name, label);
    if (types) return lines.push(`${name};TYPE=${types}:${value}`);
    item++; // Apple's grouping carries any label text, spaces and punctuation included
    lines.push(`item${item}.${name}:${value}`, `item${item}.X-ABLabel:${escapeText(label)}`);
  };
  const company = !contact.firstName && !contact.lastName && !!contact.companyName;
  lines.push(`N:${escapeText(contact.lastName ?? '')};${escapeText(contact.firstName ?? '')};;;`);
  lines.push(`FN:${escapeText(contact.displayName)}`);
  if (company) lines.push(version === '4.0' ? 'KIND:org' : 'X-ABShowAs:COMPANY');
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
  lines.push(...customVcardLines(contact, fields));
  lines.push('END:VCARD');
  return lines.map(foldLine).join('');
}
