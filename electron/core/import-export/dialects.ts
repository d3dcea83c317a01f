// Recognises which app wrote a CSV file from its header, and maps every column to a contact field BY NAME
// (column sets vary per file and per locale, so a position means nothing). No `electron` import.
import type { Dialect, ImportTarget, MappingEntry } from '../../../shared/domain/transfer';
import { OUTLOOK_PHONES } from './headers';

export function detectDialect(columns: readonly string[]): Dialect {
  const has = (name: string) => columns.some((c) => c.trim().toLowerCase() === name.toLowerCase());
  if (has('Lead Source') && has('Email Opt-in') && has('Kind')) return 'rapport';
  if (has('Labels') && columns.some((c) => /^E-mail 1 - (Label|Value)$/i.test(c.trim()))) return 'google';
  if (has('Given Name') && has('Group Membership')) return 'google-legacy';
  if (has('Given Yomi') && has('IMAddress')) return 'outlook-com';
  if (has('Business Country/Region') && has('E-mail Type')) return 'outlook';
  if (has('Categories') && has('Home Country')) return 'google-outlook';
  return 'generic';
}

type Rule = Omit<MappingEntry, 'column'>;
const to = (target: ImportTarget | null, group?: string, label?: string): Rule => ({
  target,
  ...(group !== undefined ? { group } : {}),
  ...(label !== undefined ? { label } : {}),
});

const SIMPLE: Record<string, ImportTarget> = {
  'first name': 'firstName',
  'given name': 'firstName',
  firstname: 'firstName',
  'middle name': 'middleName',
  'additional name': 'middleName',
  'last name': 'lastName',
  'family name': 'lastName',
  surname: 'lastName',
  lastname: 'lastName',
  name: 'fullName',
  'full name': 'fullName',
  'display name': 'fullName',
  company: 'company',
  'company name': 'company',
  organization: 'company',
  organisation: 'company',
  'organization name': 'company',
  'organization 1 - name': 'company',
  'job title': 'jobTitle',
  'organization title': 'jobTitle',
  'organization 1 - title': 'jobTitle',
  position: 'jobTitle',
  website: 'website',
  'web page': 'website',
  'personal web page': 'website',
  url: 'website',
  birthday: 'birthday',
  'date of birth': 'birthday',
  labels: 'tags',
  'group membership': 'tags',
  categories: 'tags',
  tags: 'tags',
  notes: 'notes',
  note: 'notes',
  kind: 'kind',
  'lead source': 'leadSource',
  'email opt-in': 'emailOptIn',
  email: 'email',
  'e-mail': 'email',
  'email address': 'email',
  phone: 'phone',
  telephone: 'phone',
  mobile: 'phone',
};

const ADDRESS_PART: Record<string, ImportTarget | null> = {
  label: 'addressLabel',
  type: 'addressLabel',
  street: 'addressStreet',
  'street 2': 'addressStreet',
  'street 3': 'addressStreet',
  city: 'addressCity',
  region: 'addressRegion',
  state: 'addressRegion',
  'postal code': 'addressPostcode',
  postcode: 'addressPostcode',
  country: 'addressCountry',
  'country/region': 'addressCountry',
};

const OUTLOOK_ADDRESS_LABEL: Record<string, string> = { business: 'Work', home: 'Home', other: 'Other' };

function rule(column: string, dialect: Dialect): Rule {
  const name = column.trim();
  const lower = name.toLowerCase();
  const outlookish = dialect === 'outlook' || dialect === 'outlook-com' || dialect === 'google-outlook';

  // Numbered groups: Google's "E-mail 1 - Value", Rapport's "Email 1 - Value", legacy "Phone 1 - Type".
  let m = /^e-?mail (\d+) - (label|type|value)$/i.exec(name);
  if (m) return to(m[2]!.toLowerCase() === 'value' ? 'email' : 'emailLabel', `email:${m[1]}`);
  m = /^phone (\d+) - (label|type|value)$/i.exec(name);
  if (m) return to(m[2]!.toLowerCase() === 'value' ? 'phone' : 'phoneLabel', `phone:${m[1]}`);
  m = /^address (\d+) - (.+)$/i.exec(name);
  if (m) return to(ADDRESS_PART[m[2]!.toLowerCase()] ?? null, `address:${m[1]}`);
  m = /^website (\d+) - (label|type|value)$/i.exec(name);
  if (m) return to(m[1] === '1' && m[2]!.toLowerCase() === 'value' ? 'website' : null);

  // Outlook's layout: fixed columns per kind of phone, address and up to three e-mails.
  m = /^e-mail(?: (\d))? address$/i.exec(name);
  if (m) return to('email', `email:${m[1] ?? '1'}`);
  if (/^e-mail(?: \d)? (type|display name)$/i.test(name)) return to(null);
  const phoneLabel = OUTLOOK_PHONES[name];
  if (phoneLabel !== undefined) return to('phone', `phone:${name}`, phoneLabel);
  m = /^(business|home|other) (street|street 2|street 3|city|state|postal code|country\/region|country)$/i.exec(name);
  if (m) return to(ADDRESS_PART[m[2]!.toLowerCase()] ?? null, `address:${m[1]!.toLowerCase()}`, OUTLOOK_ADDRESS_LABEL[m[1]!.toLowerCase()]);
  // In Outlook's layouts "Title" is a name prefix (Mr, Dr); elsewhere it is more often a job title.
  if (lower === 'title') return to(outlookish ? null : 'jobTitle');

  const simple = SIMPLE[lower];
  if (simple === 'email') return to('email', 'email:1');
  if (simple === 'phone') return to('phone', 'phone:1');
  return to(simple ?? null);
}

export function mapColumns(columns: readonly string[], dialect: Dialect): MappingEntry[] {
  return columns.map((column) => ({ column, ...rule(column, dialect) }));
}

/** How several values share one cell: Outlook's Categories use ';', Google's and Rapport's cells ' ::: '. */
export function tagSeparator(dialect: Dialect): RegExp {
  if (dialect === 'outlook' || dialect === 'outlook-com' || dialect === 'google-outlook') return /\s*;\s*/;
  if (dialect === 'generic') return /\s*(?::::|;|,)\s*/;
  return /\s+:::\s+/;
}
