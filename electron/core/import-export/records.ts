// One imported row (a CSV record through its column mapping, or a vCard) as a contact to be written, checked
// with the same field rules as the contact form. A value the form would refuse never costs the record: it is
// kept in notes and reported as a warning on its field. No `electron` import.
import { ContactFields, ContactKind, NEEDS_A_NAME } from '../../../shared/domain/contact';
import { Address as AddressSchema, Birthday, EmailEntry, PhoneEntry as PhoneSchema, Tag, Website, type Address, type PhoneEntry } from '../../../shared/domain/fields';
import type { CustomValues, FieldShape } from '../../../shared/domain/custom-fields';
import { customFromText } from '../../../shared/domain/import-custom';
import { isCustomTarget, type Dialect, type ImportTarget, type MappingEntry } from '../../../shared/domain/transfer';
import { splitAddressText } from './address-text';
import { isPoBoxColumn, isWholeAddressColumn, tagSeparator } from './dialects';
import { MULTI_SEPARATOR } from './headers';
import { NOISE_VALUES } from './import-headers';
import { unneutralise } from '../csv-write';

export interface ImportRecord {
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  jobTitle: string | null;
  emails: { value: string; label?: string }[];
  phones: PhoneEntry[];
  addresses: Address[];
  website: string | null;
  birthday: string | null;
  tags: string[];
  notes: string | null;
  /** Absent: the file does not say (an update keeps the contact's value; a new contact gets the default). */
  kind?: ContactKind;
  leadSource: string | null;
  emailOptIn?: boolean;
  /** No field of its own: shown as the name of a person who has no other, else kept in notes. */
  nickname?: string | null;
  /** Custom field values the file sets (issue #19), checked; absent or {} when it sets none. */
  custom?: CustomValues;
}

/** A value that could not go where the file put it (it is in notes now), named by the field it came from. */
export interface FieldWarning {
  field: string;
  reason: string;
}

export type Built = { record: ImportRecord; warnings: FieldWarning[] } | { reason: string };

/** A warning as the report lists it, in the app's own words (never the value itself). */
export const warningText = (w: FieldWarning) => `${w.field}: ${w.reason}`;

export function emptyRecord(): ImportRecord {
  return { firstName: null, lastName: null, companyName: null, jobTitle: null, emails: [], phones: [], addresses: [], website: null, birthday: null, tags: [], notes: null, leadSource: null };
}

/** Google marks the primary value with "* " and puts every contact in the system group "myContacts". */
const googleValue = (value: string) => value.replace(/^\*\s*/, '').trim();
const SYSTEM_GROUPS = new Set(['mycontacts', 'my contacts']);

/** Birthdays as other apps write them -> YYYY-MM-DD or --MM-DD (the form's rule decides validity). */
export function normaliseBirthday(text: string): string | null {
  const s = text.trim();
  if (s === '' || /^0?0[/.]0?0[/.]0{2,4}$/.test(s)) return null; // Outlook's "no date" (0/0/00, German 0.0.00)
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^--(\d{2})-?(\d{2})$/.exec(s);
  if (m) return `--${m[1]}-${m[2]}`;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s); // Outlook (US): M/D/YYYY; a first part over 12 must be the day
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [month, day] = a > 12 ? [b, a] : [a, b];
    return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s); // German and most of Europe: D.M.YYYY
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{4}-\d{2}-\d{2})T/.exec(s);
  if (m) return m[1]!;
  return s;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', 'opted in']);
const FALSE = new Set(['false', 'no', 'n', '0', '', 'opted out']);

const GROUPED = new Set<ImportTarget>(['email', 'emailLabel', 'phone', 'phoneLabel', 'addressLabel', 'addressStreet', 'addressCity', 'addressRegion', 'addressPostcode', 'addressCountry']);

interface Group {
  values: Partial<Record<ImportTarget, string>>;
  /** A one-cell address, used when the row has no separate parts for it. */
  whole?: string;
  label?: string;
}

type Entry = { index: number; target: ImportTarget; group: string; label?: string; whole?: boolean; poBox?: boolean };
/** A prepared mapping: which cell feeds which field, grouped, computed once per import. */
export interface CompiledMapping {
  dialect: Dialect;
  entries: Entry[];
  /** Columns that go to a custom field, each with the field (issue #19). */
  custom: { index: number; column: string; def: CustomDef }[];
}

/** What the import needs of a custom field to check a cell against it. */
export type CustomDef = FieldShape & { key: string };

/** `fields`: the contact fields a `custom.<key>` target may name (unknown keys were refused before: see importer). */
export function compileMapping(columns: readonly string[], mapping: readonly MappingEntry[], dialect: Dialect, fields: readonly CustomDef[] = []): CompiledMapping {
  const byColumn = new Map(mapping.map((m) => [m.column, m]));
  const entries: Entry[] = [];
  const custom: CompiledMapping['custom'] = [];
  columns.forEach((column, index) => {
    const m = byColumn.get(column);
    if (!m || !m.target) return;
    if (isCustomTarget(m.target)) {
      const def = fields.find((f) => `custom.${f.key}` === m.target);
      if (def) custom.push({ index, column, def });
      return;
    }
    const entry: Entry = { index, target: m.target, group: m.group ?? `${m.target}:${column}`, ...(m.label ? { label: m.label } : {}) };
    if (m.target === 'addressStreet' && isWholeAddressColumn(column, dialect)) entry.whole = true;
    if (m.target === 'addressStreet' && isPoBoxColumn(column)) entry.poBox = true;
    entries.push(entry);
  });
  return { dialect, entries, custom };
}

/** `extra`: non-empty cells past the header's last column, kept in notes rather than lost. */
export function buildFromCells(cells: readonly string[], compiled: CompiledMapping, extra: readonly string[] = []): Built {
  const own = compiled.dialect === 'rapport';
  const single: Partial<Record<ImportTarget, string>> = {};
  const groups = new Map<string, Group>();
  const notes: string[] = [];
  const labelled: string[] = [];
  const websites: string[] = [];
  const birthParts: Record<string, string> = {};
  const warnings: FieldWarning[] = [];
  let nickname: string | null = null;
  for (const { index, target, group, label, whole, poBox } of compiled.entries) {
    let value = cells[index] ?? '';
    if (own || target === 'phone') value = unneutralise(value);
    if (value.trim() === '') continue;
    if (GROUPED.has(target)) {
      let g = groups.get(group);
      if (!g) groups.set(group, (g = { values: {}, ...(label && !poBox ? { label } : {}) }));
      if (whole) g.whole = value;
      else if (target === 'addressStreet') {
        // Outlook's "Street 2/3", Google's PO box and extended address add lines to the same street.
        const line = poBox && /^\d/.test(value.trim()) ? `PO Box ${value.trim()}` : value;
        g.values.addressStreet = g.values.addressStreet ? `${g.values.addressStreet}\n${line}` : line;
      } else g.values[target] = value;
    } else if (target === 'notes') {
      if (!label) notes.push(value);
      // A nickname is what a person with no other name is shown by (validate decides); else it is a note.
      else if (label === 'Nickname') nickname = value.trim();
      else if (!NOISE_VALUES.has(value.trim().toLowerCase())) labelled.push(`${label}: ${value.trim()}`);
    } else if (target === 'website') websites.push(value.trim());
    else if (target === 'birthday' && label) birthParts[label] = value.trim();
    else single[target] = value;
  }

  const record = emptyRecord();
  record.firstName = [single.firstName, single.middleName].filter(Boolean).join(' ').trim() || null;
  record.lastName = single.lastName?.trim() || null;
  if (!record.firstName && !record.lastName && single.fullName) {
    const words = single.fullName.trim().split(/\s+/);
    record.lastName = words.length > 1 ? words.pop()! : null;
    record.firstName = words.join(' ') || null;
  }
  record.companyName = single.company?.trim() || null;
  record.jobTitle = single.jobTitle ?? null;
  // The first web address is the website; further ones (Thunderbird's "Web Page 2", Google's Website 2) go to notes.
  const website = websites.find((w) => Website.safeParse(w).success) ?? websites[0];
  record.website = website ?? null;
  for (const extra of websites) if (extra !== website) labelled.push(`Web page: ${extra}`);
  const birthday = single.birthday ?? (birthParts.year || birthParts.month ? [birthParts.year ?? '-', (birthParts.month ?? '').padStart(2, '0'), (birthParts.day ?? '').padStart(2, '0')].join('-') : undefined);
  record.birthday = birthday ? normaliseBirthday(birthday) : null;
  if (extra.length) {
    labelled.push(...extra.map((value) => `Extra cell: ${value.trim()}`));
    warnings.push({ field: 'Row', reason: `${extra.length} more cell${extra.length > 1 ? 's' : ''} than the header has columns; kept in notes` });
  }
  const customValues = readCustomCells(cells, compiled, own, labelled, warnings);
  if (customValues) record.custom = customValues;
  record.notes = [...notes, ...labelled].join('\n') || null;
  record.leadSource = single.leadSource ?? null;
  record.nickname = nickname;
  // Rapport's own files carry labels and tags exactly; other apps' markers ("* ", myContacts) are dropped.
  const clean = own ? (value: string) => value.trim() : googleValue;
  if (single.tags) {
    record.tags = single.tags
      .split(tagSeparator(compiled.dialect))
      .map(clean)
      .filter((t) => t && (own || !SYSTEM_GROUPS.has(t.toLowerCase())));
  }
  if (single.kind !== undefined) {
    const kind = ContactKind.safeParse(single.kind.trim().toLowerCase());
    if (kind.success) record.kind = kind.data;
    else warnings.push({ field: 'Kind', reason: `not one of ${ContactKind.options.join(', ')}; the default is used` });
  }
  if (single.emailOptIn !== undefined) {
    const v = single.emailOptIn.trim().toLowerCase();
    if (TRUE.has(v)) record.emailOptIn = true;
    else if (FALSE.has(v)) record.emailOptIn = false;
    else warnings.push({ field: 'Email opt-in', reason: 'not yes or no; left unchanged' });
  }

  for (const g of groups.values()) {
    const label = clean(g.values.emailLabel ?? g.values.phoneLabel ?? g.values.addressLabel ?? g.label ?? '');
    const withLabel = <T extends object>(entry: T) => (label ? { ...entry, label } : entry);
    // Google puts several values of one kind in one cell, " ::: " between them; ERPs a comma or semicolon.
    if (g.values.email) for (const value of splitEmails(g.values.email)) record.emails.push(withLabel({ value }));
    if (g.values.phone) for (const value of g.values.phone.split(MULTI_SEPARATOR)) record.phones.push(withLabel({ value: unneutralise(value.trim()) }));
    let address: Address = {};
    if (g.values.addressStreet) address.street = g.values.addressStreet;
    if (g.values.addressCity) address.city = g.values.addressCity;
    if (g.values.addressRegion) address.region = g.values.addressRegion;
    if (g.values.addressPostcode) address.postcode = g.values.addressPostcode;
    if (g.values.addressCountry) address.country = g.values.addressCountry;
    // The one-cell address is read only when the row has no parts for it (Google-as-Outlook writes both).
    if (g.whole && !address.city && !address.postcode && !address.country) address = { ...splitAddressText(g.whole), ...(address.street && !g.whole.includes(address.street) ? { street: address.street } : {}) };
    if (Object.keys(address).length) record.addresses.push(withLabel(address));
  }
  return validate(record, warnings);
}

/**
 * The row's custom field cells, each checked like a typed value. A cell the field refuses never costs the row: like
 * any other refused value it is kept in notes ("Boiler installed: 31/02/2020") with a warning naming the column.
 */
function readCustomCells(cells: readonly string[], compiled: CompiledMapping, own: boolean, labelled: string[], warnings: FieldWarning[]): CustomValues | null {
  if (compiled.custom.length === 0) return null;
  const out: CustomValues = {};
  for (const { index, column, def } of compiled.custom) {
    const raw = own ? unneutralise(cells[index] ?? '') : (cells[index] ?? '');
    if (raw.trim() === '') continue;
    const read = customFromText(def, raw);
    if (read.ok) {
      if (read.value !== null) out[def.key] = read.value;
      continue;
    }
    const name = column.trim().slice(0, 60) || def.label;
    labelled.push(`${name}: ${raw.trim()}`);
    warnings.push({ field: name, reason: `${read.reason}; kept in notes` });
  }
  return out;
}

function splitEmails(cell: string): string[] {
  const out: string[] = [];
  for (const part of cell.split(MULTI_SEPARATOR)) {
    const value = part.trim();
    // "a@x.de, b@x.de" in one cell (LX-Office): each address on its own.
    if ((value.match(/@/g) ?? []).length > 1) out.push(...value.split(/[\s,;]+/).filter(Boolean));
    else if (value) out.push(value);
  }
  return out;
}

const LIMITS = { emails: 20, phones: 20, addresses: 10, tags: 50, notes: 20_000 };

/**
 * The contact form's rules, so an import stores exactly what a person could type. Each value the form would
 * refuse moves to notes with a warning; only a record with nothing to show a person by is rejected.
 */
export function validate(record: ImportRecord, warnings: FieldWarning[] = []): Built {
  const notes: string[] = record.notes ? [record.notes] : [];
  const keep = (field: string, value: string, why: string) => {
    notes.push(`${field}: ${value}`);
    warnings.push({ field, reason: `${why}; kept in notes` });
  };
  const text = (field: string, value: string | null, max: number): string | null => {
    const v = value?.trim() || null;
    if (v && v.length > max) {
      keep(field, v, `longer than ${max} characters`);
      return null;
    }
    return v;
  };
  const out: ImportRecord = { ...record, emails: [], phones: [], addresses: [], tags: [] };
  out.firstName = text('First name', record.firstName, 100);
  out.lastName = text('Last name', record.lastName, 100);
  out.companyName = text('Company', record.companyName, 200);
  out.jobTitle = text('Job title', record.jobTitle, 100);
  out.leadSource = text('Lead source', record.leadSource, 100);
  const nickname = record.nickname?.trim() || null;
  delete out.nickname;

  for (const e of record.emails) {
    const parsed = EmailEntry.safeParse({ value: e.value, ...(e.label ? { label: e.label.slice(0, 40) } : {}) });
    if (!parsed.success) keep(fieldName('Email', e.label), e.value.trim(), 'not a valid email address');
    else if (out.emails.length >= LIMITS.emails) keep(fieldName('Email', e.label), e.value.trim(), `more than ${LIMITS.emails} addresses`);
    else out.emails.push(parsed.data);
  }
  for (const p of record.phones) {
    // RFC 3966's ";ext=102" is written the way the form accepts an extension: "… ext. 102".
    const value = p.value.trim().replace(/\s*;\s*ext=\s*/i, ' ext. ');
    const parsed = PhoneSchema.safeParse({ value, ...(p.label ? { label: p.label.slice(0, 40) } : {}) });
    if (!parsed.success) keep(fieldName('Phone', p.label), p.value.trim(), /letters|digits|Use digits/.test(parsed.error.issues[0]?.message ?? '') ? 'not a phone number' : 'longer than 40 characters');
    else if (out.phones.length >= LIMITS.phones) keep(fieldName('Phone', p.label), value, `more than ${LIMITS.phones} numbers`);
    else out.phones.push(parsed.data);
  }
  for (const a of record.addresses) {
    const { label, ...parts } = a;
    const parsed = AddressSchema.safeParse({ ...parts, ...(label ? { label: label.slice(0, 40) } : {}) });
    const whole = Object.values(parts).filter(Boolean).join(', ');
    if (!parsed.success) keep(fieldName('Address', label), whole, 'a part is too long');
    else if (out.addresses.length >= LIMITS.addresses) keep(fieldName('Address', label), whole, `more than ${LIMITS.addresses} addresses`);
    else out.addresses.push(parsed.data);
  }
  const website = Website.safeParse(record.website ?? '');
  out.website = website.success ? (website.data ?? null) : null;
  if (!website.success) keep('Website', record.website!.trim(), 'not a web address');
  const birthday = Birthday.safeParse(record.birthday ?? '');
  out.birthday = birthday.success ? (birthday.data ?? null) : null;
  if (!birthday.success) keep('Birthday', record.birthday!.trim(), 'not a date');
  for (const tag of record.tags) {
    const parsed = Tag.safeParse(tag);
    if (!parsed.success) keep('Tag', tag.trim(), 'longer than 50 characters');
    else if (out.tags.length >= LIMITS.tags) keep('Tag', parsed.data, `more than ${LIMITS.tags} tags`);
    else out.tags.push(parsed.data);
  }

  // A person is shown by what they have: a name, a company, else a nickname, an email or a phone number.
  if (!out.firstName && !out.lastName && !out.companyName && nickname) out.firstName = nickname.slice(0, 100);
  else if (nickname) notes.push(`Nickname: ${nickname}`);
  if (!out.firstName && !out.lastName && !out.companyName && !out.emails.length && !out.phones.length) return { reason: NEEDS_A_NAME };

  let joined = notes.join('\n').trim();
  if (joined.length > LIMITS.notes) {
    joined = joined.slice(0, LIMITS.notes);
    warnings.push({ field: 'Notes', reason: `longer than ${LIMITS.notes} characters; the rest was cut` });
  }
  out.notes = joined || null;

  const { companyName: _company, ...fields } = out;
  const parsed = ContactFields.safeParse(fields);
  // Every field was checked above; this is the same schema the form uses, as a last guard.
  if (!parsed.success) return { reason: `${FIELD_NAMES[String(parsed.error.issues[0]!.path[0])] ?? 'A field'}: ${parsed.error.issues[0]!.message}` };
  return { record: out, warnings };
}

const fieldName = (field: string, label: string | undefined) => (label ? `${field} (${label.slice(0, 40)})` : field);

const FIELD_NAMES: Record<string, string> = {
  firstName: 'First name', lastName: 'Last name', emails: 'Email', phones: 'Phone', addresses: 'Address', jobTitle: 'Job title',
  website: 'Website', birthday: 'Birthday', tags: 'Tags', notes: 'Notes', leadSource: 'Lead source',
};
