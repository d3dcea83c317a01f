// One imported row (a CSV record through its column mapping, or a vCard) as a contact to be written, checked
// with the same field rules as the contact form. No `electron` import.
import { ContactFields, ContactKind, NEEDS_A_NAME } from '../../../shared/domain/contact';
import type { Address, EmailEntry, PhoneEntry } from '../../../shared/domain/fields';
import type { Dialect, ImportTarget, MappingEntry } from '../../../shared/domain/transfer';
import { tagSeparator } from './dialects';
import { MULTI_SEPARATOR } from './headers';
import { unneutralise } from './csv-io';

export interface ImportRecord {
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  jobTitle: string | null;
  emails: EmailEntry[];
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
}

export type Built = { record: ImportRecord } | { reason: string };

export function emptyRecord(): ImportRecord {
  return { firstName: null, lastName: null, companyName: null, jobTitle: null, emails: [], phones: [], addresses: [], website: null, birthday: null, tags: [], notes: null, leadSource: null };
}

/** Google marks the primary value with "* " and puts every contact in the system group "myContacts". */
const googleValue = (value: string) => value.replace(/^\*\s*/, '').trim();
const SYSTEM_GROUPS = new Set(['mycontacts', 'my contacts']);

/** Birthdays as other apps write them -> YYYY-MM-DD or --MM-DD (the form's rule decides validity). */
export function normaliseBirthday(text: string): string | null {
  const s = text.trim();
  if (s === '' || /^0?0\/0?0\/0{2,4}$/.test(s)) return null; // Outlook's "no date"
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
  m = /^(\d{4}-\d{2}-\d{2})T/.exec(s);
  if (m) return m[1]!;
  return s;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', 'opted in']);
const FALSE = new Set(['false', 'no', 'n', '0', '', 'opted out']);

const GROUPED = new Set<ImportTarget>(['email', 'emailLabel', 'phone', 'phoneLabel', 'addressLabel', 'addressStreet', 'addressCity', 'addressRegion', 'addressPostcode', 'addressCountry']);

interface Group {
  values: Partial<Record<ImportTarget, string>>;
  label?: string;
}

/** A prepared mapping: which cell feeds which field, grouped, computed once per import. */
export interface CompiledMapping {
  dialect: Dialect;
  entries: { index: number; target: ImportTarget; group: string; label?: string }[];
}

export function compileMapping(columns: readonly string[], mapping: readonly MappingEntry[], dialect: Dialect): CompiledMapping {
  const byColumn = new Map(mapping.map((m) => [m.column, m]));
  const entries: CompiledMapping['entries'] = [];
  columns.forEach((column, index) => {
    const m = byColumn.get(column);
    if (!m || !m.target) return;
    entries.push({ index, target: m.target, group: m.group ?? `${m.target}:${column}`, ...(m.label ? { label: m.label } : {}) });
  });
  return { dialect, entries };
}

export function buildFromCells(cells: readonly string[], compiled: CompiledMapping): Built {
  const own = compiled.dialect === 'rapport';
  const single: Partial<Record<ImportTarget, string>> = {};
  const groups = new Map<string, Group>();
  for (const { index, target, group, label } of compiled.entries) {
    let value = cells[index] ?? '';
    if (own || target === 'phone') value = unneutralise(value);
    if (value.trim() === '') continue;
    if (GROUPED.has(target)) {
      let g = groups.get(group);
      if (!g) groups.set(group, (g = { values: {}, ...(label ? { label } : {}) }));
      // Outlook's "Street 2/3" add lines to the same street.
      g.values[target] = target === 'addressStreet' && g.values[target] ? `${g.values[target]}\n${value}` : value;
    } else {
      single[target] = target === 'notes' && single.notes ? `${single.notes}\n${value}` : value;
    }
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
  record.website = single.website ?? null;
  record.birthday = single.birthday ? normaliseBirthday(single.birthday) : null;
  record.notes = single.notes ?? null;
  record.leadSource = single.leadSource ?? null;
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
    if (!kind.success) return { reason: `Kind "${single.kind}" is not one of ${ContactKind.options.join(', ')}` };
    record.kind = kind.data;
  }
  if (single.emailOptIn !== undefined) {
    const v = single.emailOptIn.trim().toLowerCase();
    if (TRUE.has(v)) record.emailOptIn = true;
    else if (FALSE.has(v)) record.emailOptIn = false;
    else return { reason: `Email opt-in "${single.emailOptIn}" is not yes or no` };
  }

  for (const g of groups.values()) {
    const label = clean(g.values.emailLabel ?? g.values.phoneLabel ?? g.values.addressLabel ?? g.label ?? '');
    const withLabel = <T extends object>(entry: T) => (label ? { ...entry, label } : entry);
    // Google puts several values of one kind in one cell, " ::: " between them.
    if (g.values.email) for (const value of g.values.email.split(MULTI_SEPARATOR)) record.emails.push(withLabel({ value: value.trim() }));
    if (g.values.phone) for (const value of g.values.phone.split(MULTI_SEPARATOR)) record.phones.push(withLabel({ value: unneutralise(value.trim()) }));
    const address: Address = {};
    if (g.values.addressStreet) address.street = g.values.addressStreet;
    if (g.values.addressCity) address.city = g.values.addressCity;
    if (g.values.addressRegion) address.region = g.values.addressRegion;
    if (g.values.addressPostcode) address.postcode = g.values.addressPostcode;
    if (g.values.addressCountry) address.country = g.values.addressCountry;
    if (Object.keys(address).length) record.addresses.push(withLabel(address));
  }
  return validate(record);
}

/** The contact form's rules, so an import accepts exactly what a person could type. */
export function validate(record: ImportRecord): Built {
  if (!record.firstName && !record.lastName && !record.companyName) return { reason: NEEDS_A_NAME };
  if (record.companyName && record.companyName.length > 200) return { reason: 'Company: must be at most 200 characters' };
  const { companyName: _company, ...fields } = record;
  const parsed = ContactFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { reason: `${describe(issue.path, record)}: ${issue.message}` };
  }
  const data = parsed.data;
  return {
    record: {
      ...record,
      firstName: data.firstName ?? null,
      lastName: data.lastName ?? null,
      jobTitle: data.jobTitle ?? null,
      emails: data.emails ?? [],
      phones: data.phones ?? [],
      addresses: data.addresses ?? [],
      website: data.website ?? null,
      birthday: data.birthday ?? null,
      tags: data.tags ?? [],
      notes: data.notes ?? null,
      leadSource: data.leadSource ?? null,
    },
  };
}

const FIELD_NAMES: Record<string, string> = {
  firstName: 'First name', lastName: 'Last name', emails: 'Email', phones: 'Phone', addresses: 'Address', jobTitle: 'Job title',
  website: 'Website', birthday: 'Birthday', tags: 'Tags', notes: 'Notes', leadSource: 'Lead source',
};

function describe(path: readonly PropertyKey[], record: ImportRecord): string {
  const [field, index] = path;
  const name = FIELD_NAMES[String(field)] ?? String(field);
  if (field === 'emails' && typeof index === 'number') return `${name} "${record.emails[index]?.value ?? ''}"`;
  if (field === 'phones' && typeof index === 'number') return `${name} "${record.phones[index]?.value ?? ''}"`;
  if (field === 'birthday') return `${name} "${record.birthday ?? ''}"`;
  return name;
}
