// Recognises which app wrote a CSV file from its header, and maps every column to a contact field BY NAME
// (column sets vary per file and per locale, so a position means nothing). No `electron` import.
import { fieldForHeader } from '../../../shared/domain/import-custom';
import type { Dialect, ImportTarget, MappingEntry } from '../../../shared/domain/transfer';
import { OUTLOOK_PHONES } from './headers';
import { NOTE_COLUMNS, OTHER_EMAILS, OTHER_PHONES, OUTLOOK_GERMAN } from './import-headers';

/** A German Outlook file: only there do "Ort" (Location) and "Position" (Job Title) mean Outlook's columns. */
const isGermanOutlook = (columns: readonly string[]) => columns.some((c) => c.trim() === 'E-Mail-Typ' || c.trim() === 'Land/Region geschäftlich');

/** A localized Outlook header as its English name (the mapping rules below are written once, in English). */
export const englishHeader = (column: string, german = true): string => (german ? OUTLOOK_GERMAN[column.trim()] : undefined) ?? column.trim();

export function detectDialect(columns: readonly string[]): Dialect {
  const german = isGermanOutlook(columns);
  const names = new Set(columns.map((c) => englishHeader(c, german).toLowerCase()));
  const has = (name: string) => names.has(name.toLowerCase());
  if (has('Lead Source') && has('Email Opt-in') && has('Kind')) return 'rapport';
  if (has('Labels') && columns.some((c) => /^E-mail 1 - (Label|Value)$/i.test(c.trim()))) return 'google';
  if (has('Given Name') && has('Group Membership')) return 'google-legacy';
  if (has('Given Yomi') && has('IMAddress')) return 'outlook-com';
  if (has('Business Country/Region') && has('E-mail Type')) return 'outlook';
  if (has('Categories') && has('Home Country')) return 'google-outlook';
  if (has('Primary Email') && (has('Display Name') || has('Work Phone'))) return 'thunderbird';
  if (has('Connected On') && (has('URL') || has('Position'))) return 'linkedin';
  if (has('First') && has('Last') && (has('Alternate Email 1') || has('Messenger ID'))) return 'yahoo';
  return 'generic';
}

type Rule = Omit<MappingEntry, 'column'>;
const to = (target: ImportTarget | null, group?: string, label?: string): Rule => ({
  target,
  ...(group !== undefined ? { group } : {}),
  ...(label !== undefined ? { label } : {}),
});
/** A value with no field of its own: kept in notes as "Label: value". */
const note = (label: string): Rule => (label ? to('notes', undefined, label.slice(0, 40)) : to(null));

const SIMPLE: Record<string, ImportTarget> = {
  'first name': 'firstName', 'given name': 'firstName', firstname: 'firstName', first: 'firstName', vorname: 'firstName', n_given: 'firstName',
  'middle name': 'middleName', 'additional name': 'middleName', middle: 'middleName', n_middle: 'middleName',
  'last name': 'lastName', 'family name': 'lastName', surname: 'lastName', lastname: 'lastName', last: 'lastName', nachname: 'lastName', n_family: 'lastName',
  name: 'fullName', 'full name': 'fullName', 'display name': 'fullName', n_fn: 'fullName',
  company: 'company', 'company name': 'company', organization: 'company', organisation: 'company', 'organization name': 'company',
  'organization 1 - name': 'company', org_name: 'company', firma: 'company', name1: 'company',
  'job title': 'jobTitle', 'organization title': 'jobTitle', 'organization 1 - title': 'jobTitle', position: 'jobTitle', role: 'jobTitle',
  website: 'website', 'web page': 'website', 'web page 1': 'website', 'personal web page': 'website', url: 'website', homepage: 'website',
  'web page 2': 'website', 'personal website': 'website', 'business website': 'website', 'website home page': 'website', 'website work': 'website', 'website blog': 'website', 'website other': 'website', 'website profile': 'website',
  birthday: 'birthday', 'date of birth': 'birthday', bday: 'birthday',
  labels: 'tags', 'group membership': 'tags', categories: 'tags', category: 'tags', tags: 'tags',
  notes: 'notes', note: 'notes', comments: 'notes', bemerkung: 'notes',
  kind: 'kind', 'lead source': 'leadSource', 'email opt-in': 'emailOptIn',
  email: 'email', 'e-mail': 'email', 'email address': 'email', 'e-mail address': 'email',
  phone: 'phone', telephone: 'phone', mobile: 'phone',
};

const ADDRESS_PART: Record<string, ImportTarget | null> = {
  label: 'addressLabel', type: 'addressLabel', street: 'addressStreet', 'street 2': 'addressStreet', 'street 3': 'addressStreet',
  address: 'addressStreet', 'address 2': 'addressStreet', 'po box': 'addressStreet', 'address po box': 'addressStreet',
  'extended address': 'addressStreet', formatted: 'addressStreet', city: 'addressCity', region: 'addressRegion', state: 'addressRegion',
  'postal code': 'addressPostcode', postcode: 'addressPostcode', zip: 'addressPostcode', zipcode: 'addressPostcode', 'zip code': 'addressPostcode',
  country: 'addressCountry', 'country/region': 'addressCountry',
};

/** An address part with no kind in its name ("Street", LX-Office's "zipcode", Tine's "adr_one_locality"). */
const BARE_ADDRESS: Record<string, ImportTarget> = {
  street: 'addressStreet', straße: 'addressStreet', strasse: 'addressStreet', city: 'addressCity', ort: 'addressCity', town: 'addressCity',
  zip: 'addressPostcode', zipcode: 'addressPostcode', plz: 'addressPostcode', postcode: 'addressPostcode', 'postal code': 'addressPostcode',
  state: 'addressRegion', region: 'addressRegion', country: 'addressCountry', land: 'addressCountry',
};
const TINE_ADDRESS: Record<string, ImportTarget> = { street: 'addressStreet', street2: 'addressStreet', locality: 'addressCity', region: 'addressRegion', postalcode: 'addressPostcode', countryname: 'addressCountry' };

const ADDRESS_KIND: Record<string, string> = { business: 'Work', work: 'Work', home: 'Home', other: 'Other' };
const JOB_TITLE_COLUMNS = new Set(['job title', 'organization title', 'organization 1 - title', 'position', 'role']);

/** Answered once per header: a header of thousands of "Title" columns must not search all columns for each. */
const jobTitleColumns = new WeakMap<ReadonlySet<string>, boolean>();
function hasJobTitle(columns: ReadonlySet<string>): boolean {
  let known = jobTitleColumns.get(columns);
  if (known === undefined) jobTitleColumns.set(columns, (known = [...columns].some((c) => JOB_TITLE_COLUMNS.has(c))));
  return known;
}

function rule(column: string, dialect: Dialect, columns: ReadonlySet<string>, german: boolean): Rule {
  const name = englishHeader(column, german);
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
  if (m) return m[2]!.toLowerCase() === 'value' ? (m[1] === '1' ? to('website') : note('Web page')) : to(null);
  m = /^(event|relation|custom field|im) (\d+) - (label|type|service|value)$/i.exec(name);
  if (m) return m[3]!.toLowerCase() === 'value' ? note(m[1]!.toLowerCase() === 'im' ? 'IM' : m[1]![0]!.toUpperCase() + m[1]!.slice(1).toLowerCase()) : to(null);
  if (/^organization \d+ - (type|yomi name|symbol)$/i.test(name)) return to(null);
  m = /^im (aim|icq|jabber|msn|skype|yahoo|gtalk|qq|xmpp|address)$/i.exec(name);
  if (m) return note(`IM (${m[1]})`);

  // Outlook's layout: fixed columns per kind of phone, address and up to three e-mails.
  m = /^e-mail(?: (\d))? address$/i.exec(name);
  if (m) return to('email', `email:${m[1] ?? '1'}`);
  if (/^e-mail(?: \d)? (type|display name)$/i.test(name)) return to(null);
  const phoneLabel = OUTLOOK_PHONES[name];
  if (phoneLabel !== undefined) return to('phone', `phone:${name}`, phoneLabel);
  // Outlook, Thunderbird, Yahoo: "<Kind> Street/City/...", and one-cell "Home Address" (Outlook) or street (Thunderbird).
  m = /^(business|work|home|other) (street|street 2|street 3|address|address 2|address po box|city|state|postal code|zip|zipcode|zip code|country\/region|country)$/i.exec(name);
  if (m) return to(ADDRESS_PART[m[2]!.toLowerCase()] ?? null, `address:${ADDRESS_KIND[m[1]!.toLowerCase()]!.toLowerCase()}`, ADDRESS_KIND[m[1]!.toLowerCase()]);
  m = /^adr_(one|two)_(street2?|locality|region|postalcode|countryname)$/i.exec(name);
  if (m) return to(TINE_ADDRESS[m[2]!.toLowerCase()]!, `address:${m[1]}`, m[1] === 'one' ? 'Work' : 'Home');
  m = /^birth (year|month|day)$/i.exec(name);
  if (m) return to('birthday', 'birthday', m[1]!.toLowerCase());

  const email = OTHER_EMAILS[lower];
  if (email !== undefined) return to('email', `email:${lower}`, email || undefined);
  const otherPhone = OTHER_PHONES[lower];
  if (otherPhone !== undefined && !(dialect === 'yahoo' ? false : ['home', 'work', 'other', 'primary'].includes(lower)))
    return to('phone', `phone:${lower}`, otherPhone);
  if (lower === 'fax') return to('phone', 'phone:fax', 'Fax');

  // "Title" is a name prefix (Mr, Dr) in Outlook's layouts and beside a job-title column; elsewhere a job title.
  if (lower === 'title' || lower === 'titel') {
    const prefix = outlookish || lower === 'titel' || hasJobTitle(columns);
    return prefix ? note('Name prefix') : to('jobTitle');
  }
  const simple = SIMPLE[lower];
  if (simple === 'email') return to('email', 'email:1');
  if (simple === 'phone') return to('phone', `phone:${lower}`, lower === 'mobile' ? 'Mobile' : undefined);
  if (simple) return to(simple);
  const bare = BARE_ADDRESS[lower];
  if (bare) return to(bare, 'address:1');
  if (lower in NOTE_COLUMNS) return note(NOTE_COLUMNS[lower]!);
  if (/^(priority|sensitivity|private|e-mail type)$/i.test(lower) || /yomi|phonetic/i.test(lower)) return to(null);
  // A column no rule knows (an ERP's or CRM's own fields): kept in notes under its own name, never dropped.
  return dialect === 'generic' && name !== '' ? note(name) : to(null);
}

/**
 * Each column's destination. `fields` (the contact custom fields, issue #19): a column whose header is a field's
 * label or key (Rapport's own export writes the label) goes to that field, unless a built-in field claims it: only
 * columns bound for notes or nowhere are taken, so "Notes" stays notes even beside a field called Notes.
 */
export function mapColumns(columns: readonly string[], dialect: Dialect, fields: readonly { key: string; label: string }[] = []): MappingEntry[] {
  const german = isGermanOutlook(columns);
  const names = new Set(columns.map((c) => englishHeader(c, german).toLowerCase()));
  return columns.map((column) => {
    const mapped = rule(column, dialect, names, german);
    const loose = mapped.target === null || (mapped.target === 'notes' && mapped.label !== undefined);
    const field = loose && fields.length ? fieldForHeader(column, fields) : undefined;
    return field ? { column, target: `custom.${field.key}` as const } : { column, ...mapped };
  });
}

/** How several values share one cell: Outlook's Categories use ';', Google's and Rapport's cells ' ::: '. */
export function tagSeparator(dialect: Dialect): RegExp {
  if (dialect === 'outlook' || dialect === 'outlook-com' || dialect === 'google-outlook') return /\s*;\s*/;
  if (dialect === 'generic' || dialect === 'yahoo' || dialect === 'thunderbird') return /\s*(?::::|;|,)\s*/;
  return /\s+:::\s+/;
}

/** Cells that hold a whole address in one (Outlook's "Home Address", Google's "Address 1 - Formatted"). */
export function isWholeAddressColumn(column: string, dialect: Dialect): boolean {
  const name = englishHeader(column);
  if (/^address \d+ - formatted$/i.test(name)) return true;
  return dialect !== 'thunderbird' && dialect !== 'yahoo' && /^(business|home|other) address$/i.test(name);
}

/** PO box columns: the number alone on a street line would mean nothing. */
export const isPoBoxColumn = (column: string): boolean => /po box/i.test(englishHeader(column));
