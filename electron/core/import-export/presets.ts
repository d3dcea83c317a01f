// Export presets: for each, the exact header other apps expect and one row per contact. Rapport's own preset
// is lossless (numbered groups for every email, phone and address) and re-imports to the same contacts.
// No `electron` import.
import type { Contact } from '../../../shared/domain/contact';
import type { FieldDefinition } from '../../../shared/domain/custom-fields';
import { customHeaders } from '../../../shared/domain/import-custom';
import type { Address } from '../../../shared/domain/fields';
import type { ExportPreset } from '../../../shared/domain/transfer';
import { AppError } from '../../../shared/ipc/errors';
import { plainColumns, type PlainForm } from '../csv-write';
import { valueAsText } from '../fields/convert';
import { GOOGLE_ADDRESS_PARTS, GOOGLE_FIXED, MULTI_SEPARATOR, OUTLOOK_COM, OUTLOOK_DESKTOP, OUTLOOK_PHONES, RAPPORT_ADDRESS_PARTS, RAPPORT_FIXED_HEAD, RAPPORT_FIXED_TAIL } from './headers';

/** How many numbered groups the rows need (Google's and Rapport's headers have only as many as the data needs). */
export interface GroupCounts {
  emails: number;
  phones: number;
  addresses: number;
}

export interface Layout {
  header: string[];
  row(contact: Contact): string[];
  /** Outlook desktop quotes every field. */
  quoteAll: boolean;
  /**
   * Cells (by index) that hold phone numbers written for another program's importer, not for a spreadsheet:
   * a plain number like `+44 20 7946 0000` goes out without the formula guard's apostrophe, which importers keep
   * (README, "Phone numbers in Google and Outlook files"). Anything else in them, and all other cells, are guarded.
   */
  plain?: ReadonlyMap<number, PlainForm>;
}

const numbered = (n: number, make: (i: number) => string[]) => Array.from({ length: n }, (_, i) => make(i + 1)).flat();

// ---- Rapport ----

/** The columns a person may pick for their own layout (the multi-valued ones expand to numbered groups). */
export const PICKABLE_COLUMNS = [...RAPPORT_FIXED_HEAD, 'Emails', 'Phones', 'Addresses', ...RAPPORT_FIXED_TAIL] as const;

/** Appends one column's cells for a contact: rows are built by pushing into one array (exports run per 100k rows). */
type Cells = (c: Contact, out: string[]) => void;

function groups<T>(n: number, width: number, items: (c: Contact) => readonly T[], cells: (item: T, out: string[]) => void): Cells {
  return (c, out) => {
    const list = items(c);
    for (let i = 0; i < n; i++) {
      const item = list[i];
      if (item) cells(item, out);
      else for (let k = 0; k < width; k++) out.push('');
    }
  };
}

function rapportCells(column: string, counts: GroupCounts): Cells {
  switch (column) {
    case 'First Name': return (c, out) => void out.push(c.firstName ?? '');
    case 'Last Name': return (c, out) => void out.push(c.lastName ?? '');
    case 'Company': return (c, out) => void out.push(c.companyName ?? '');
    case 'Job Title': return (c, out) => void out.push(c.jobTitle ?? '');
    case 'Emails': return groups(counts.emails, 2, (c) => c.emails, (e, out) => void out.push(e.label ?? '', e.value));
    case 'Phones': return groups(counts.phones, 2, (c) => c.phones, (p, out) => void out.push(p.label ?? '', p.value));
    case 'Addresses':
      return groups(counts.addresses, RAPPORT_ADDRESS_PARTS.length, (c) => c.addresses, (a: Address, out) =>
        void out.push(a.label ?? '', a.street ?? '', a.city ?? '', a.region ?? '', a.postcode ?? '', a.country ?? ''));
    case 'Website': return (c, out) => void out.push(c.website ?? '');
    case 'Birthday': return (c, out) => void out.push(c.birthday ?? '');
    case 'Tags': return (c, out) => void out.push(c.tags.join(MULTI_SEPARATOR));
    case 'Notes': return (c, out) => void out.push(c.notes ?? '');
    case 'Kind': return (c, out) => void out.push(c.kind);
    case 'Lead Source': return (c, out) => void out.push(c.leadSource ?? '');
    case 'Email Opt-in': return (c, out) => void out.push(c.emailOptIn ? 'yes' : 'no');
    default: return () => {};
  }
}

function rapportHeader(column: string, counts: GroupCounts): string[] {
  if (column === 'Emails') return numbered(counts.emails, (i) => [`Email ${i} - Label`, `Email ${i} - Value`]);
  if (column === 'Phones') return numbered(counts.phones, (i) => [`Phone ${i} - Label`, `Phone ${i} - Value`]);
  if (column === 'Addresses') return numbered(counts.addresses, (i) => RAPPORT_ADDRESS_PARTS.map((p) => `Address ${i} - ${p}`));
  return [column];
}

/** What an export needs of a custom field: its key, label and how its values read. */
export type ExportField = Pick<FieldDefinition, 'key' | 'label' | 'type' | 'options' | 'currency' | 'required'>;

/**
 * Rapport's layout: the chosen columns, then one column per custom field (issue #19). With no choice every field
 * goes (archived ones too: the file is lossless); a choice names fields as `custom.<key>`. A field's column is
 * headed by its label (by "<label> [<key>]" when another column has that name), its cells are the values as
 * text (valueAsText), and a number or amount column may hold a plain decimal bare, like the tables' numbers.
 */
function rapportLayout(counts: GroupCounts, columns: readonly string[] | undefined, fields: readonly ExportField[]): Layout {
  const chosen = columns ?? [...PICKABLE_COLUMNS, ...fields.map((f) => `custom.${f.key}`)];
  const picked: ExportField[] = [];
  const builtIn: string[] = [];
  chosen.forEach((column, i) => {
    const field = column.startsWith('custom.') ? fields.find((f) => `custom.${f.key}` === column) : undefined;
    if (field) picked.push(field);
    else if ((PICKABLE_COLUMNS as readonly string[]).includes(column)) builtIn.push(column);
    else throw AppError.validation(`columns.${i}`, `Not a column Rapport exports: ${column}`);
  });
  const parts = builtIn.map((column) => rapportCells(column, counts));
  const fixedHeader = builtIn.flatMap((column) => rapportHeader(column, counts));
  const header = [...fixedHeader, ...customHeaders(picked, fixedHeader)];
  return {
    header,
    plain: plainColumns(header, (_, i) => i >= fixedHeader.length && (picked[i - fixedHeader.length]!.type === 'number' || picked[i - fixedHeader.length]!.type === 'money'), 'number'),
    row(contact) {
      const out: string[] = [];
      for (const cells of parts) cells(contact, out);
      for (const def of picked) out.push(valueAsText(def, contact.custom?.[def.key] ?? null));
      return out;
    },
    quoteAll: false,
  };
}

// ---- Google (current export) ----

const formatted = (a: Address) => [a.street, [a.city, a.region, a.postcode].filter(Boolean).join(' '), a.country].filter(Boolean).join('\n');

function googleLayout(counts: GroupCounts): Layout {
  const header = [
    ...GOOGLE_FIXED,
    ...numbered(counts.emails, (i) => [`E-mail ${i} - Label`, `E-mail ${i} - Value`]),
    ...numbered(counts.phones, (i) => [`Phone ${i} - Label`, `Phone ${i} - Value`]),
    ...numbered(counts.addresses, (i) => GOOGLE_ADDRESS_PARTS.map((p) => `Address ${i} - ${p}`)),
    'Website 1 - Label',
    'Website 1 - Value',
  ];
  return {
    header,
    plain: plainColumns(header, (h) => /^Phone \d+ - Value$/.test(h), 'phone'),
    row(c) {
      const fixed: Record<(typeof GOOGLE_FIXED)[number], string> = {
        'First Name': c.firstName ?? '', 'Middle Name': '', 'Last Name': c.lastName ?? '', 'Phonetic First Name': '', 'Phonetic Middle Name': '',
        'Phonetic Last Name': '', 'Name Prefix': '', 'Name Suffix': '', Nickname: '', 'File As': '', 'Organization Name': c.companyName ?? '',
        'Organization Title': c.jobTitle ?? '', 'Organization Department': '', Birthday: c.birthday ?? '', Notes: c.notes ?? '', Photo: '',
        Labels: ['* myContacts', ...c.tags].join(MULTI_SEPARATOR),
      };
      return [
        ...GOOGLE_FIXED.map((h) => fixed[h]),
        ...numbered(counts.emails, (i) => [c.emails[i - 1]?.label ?? '', c.emails[i - 1]?.value ?? '']),
        ...numbered(counts.phones, (i) => [c.phones[i - 1]?.label ?? '', c.phones[i - 1]?.value ?? '']),
        ...numbered(counts.addresses, (i) => {
          const a = c.addresses[i - 1];
          return a ? [a.label ?? '', formatted(a), a.street ?? '', a.city ?? '', '', a.region ?? '', a.postcode ?? '', a.country ?? '', ''] : Array<string>(9).fill('');
        }),
        '',
        c.website ?? '',
      ];
    },
    quoteAll: false,
  };
}

// ---- Outlook (desktop and Outlook.com): fixed slots per kind of phone and address ----

/** Outlook's phone columns for a label, most specific first (labels as Rapport, vCard and Google write them). */
const PHONE_RULES: [RegExp, string[]][] = [
  [/fax/, []], // resolved below: which fax depends on home / work
  [/\bcar\b/, ['Car Phone']],
  [/assistant/, ["Assistant's Phone"]],
  [/pager|beeper/, ['Pager']],
  [/isdn/, ['ISDN']],
  [/radio/, ['Radio Phone']],
  [/tty|tdd|textphone/, ['TTY/TDD Phone']],
  [/telex/, ['Telex']],
  [/callback/, ['Callback']],
  [/company|switchboard/, ['Company Main Phone']],
  [/mobile|cell|iphone/, ['Mobile Phone']],
  [/work|business|office/, ['Business Phone', 'Business Phone 2']],
  [/home/, ['Home Phone', 'Home Phone 2']],
  [/main|primary|pref/, ['Primary Phone']],
];

function phoneSlots(label: string | undefined): string[] {
  const l = (label ?? '').toLowerCase();
  if (l.includes('fax')) return [l.includes('home') ? 'Home Fax' : /work|business|office/.test(l) ? 'Business Fax' : 'Other Fax', 'Other Fax'];
  const rule = PHONE_RULES.find(([test]) => test.test(l));
  // Every label ends in Other Phone; what does not fit there goes to Notes (see outlookLayout).
  return [...(rule ? rule[1] : []), 'Other Phone'];
}

function addressKind(label: string | undefined): 'Business' | 'Home' | 'Other' {
  const l = (label ?? '').toLowerCase();
  if (l.includes('work') || l.includes('business') || l.includes('office')) return 'Business';
  if (l.includes('home')) return 'Home';
  return 'Other';
}

/** Outlook's dates are M/D/YYYY; a birthday without a year has no Outlook form. */
const outlookDate = (birthday: string | null, empty: string) => {
  const m = birthday ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthday) : null;
  return m ? `${Number(m[2])}/${Number(m[3])}/${m[1]}` : empty;
};

function outlookLayout(header: readonly string[], desktop: boolean): Layout {
  const columns = new Set(header);
  return {
    header: [...header],
    plain: plainColumns(header, (h) => h in OUTLOOK_PHONES, 'phone'),
    row(c) {
      const v = new Map<string, string>();
      v.set('First Name', c.firstName ?? '');
      v.set('Last Name', c.lastName ?? '');
      v.set('Company', c.companyName ?? '');
      v.set('Job Title', c.jobTitle ?? '');
      v.set('Notes', c.notes ?? '');
      v.set('Web Page', c.website ?? '');
      v.set('Birthday', outlookDate(c.birthday, desktop ? '0/0/00' : ''));
      c.emails.slice(0, 3).forEach((e, i) => {
        const n = i === 0 ? '' : ` ${i + 1}`;
        v.set(`E-mail${n} Address`, e.value);
        if (desktop) {
          v.set(`E-mail${n} Type`, 'SMTP');
          v.set(`E-mail${n} Display Name`, `${c.displayName} (${e.value})`);
        }
      });
      // Each phone in the column its label names; one the header has no free place for is kept in Notes.
      const unplaced: string[] = [];
      for (const p of c.phones) {
        const slot = phoneSlots(p.label).find((s) => columns.has(s) && !v.has(s));
        if (slot) v.set(slot, p.value);
        else unplaced.push(`${p.label ? `${p.label}: ` : ''}${p.value}`);
      }
      // Outlook.com's header (exactly as it writes it) has no Categories column: its place for tags is Notes.
      const tagNote = !columns.has('Categories') && c.tags.length ? `Categories: ${c.tags.join('; ')}` : '';
      const phoneNote = unplaced.length ? `Other phones: ${unplaced.join('; ')}` : '';
      if (tagNote || phoneNote) v.set('Notes', [c.notes ?? '', phoneNote, tagNote].filter(Boolean).join('\n'));
      for (const a of c.addresses) {
        const kind = addressKind(a.label);
        if (v.has(`${kind} City`) || v.has(`${kind} Street`)) continue;
        const [first = '', ...more] = (a.street ?? '').split('\n');
        v.set(`${kind} Street`, desktop ? first : (a.street ?? ''));
        if (desktop && more.length) {
          v.set(`${kind} Street 2`, more[0] ?? '');
          v.set(`${kind} Street 3`, more.slice(1).join(' '));
        }
        v.set(`${kind} City`, a.city ?? '');
        v.set(`${kind} State`, a.region ?? '');
        v.set(`${kind} Postal Code`, a.postcode ?? '');
        v.set(`${kind} Country/Region`, a.country ?? '');
      }
      v.set('Categories', c.tags.join(';'));
      if (desktop) {
        v.set('Gender', 'Unspecified');
        v.set('Priority', 'Normal');
        v.set('Private', 'False');
        v.set('Sensitivity', 'Normal');
      }
      return header.map((h) => v.get(h) ?? '');
    },
    quoteAll: desktop,
  };
}

/**
 * `fields`: the contact custom fields, in Rapport's layout only. Google's and Outlook's presets reproduce those
 * programs' exact headers (FORMATS.md), which have no place for them: use Rapport's layout or vCard to carry them.
 */
export function layoutFor(preset: ExportPreset, counts: GroupCounts, columns?: readonly string[], fields: readonly ExportField[] = []): Layout {
  if (columns) return rapportLayout(counts, columns, fields);
  switch (preset) {
    case 'rapport':
      return rapportLayout(counts, undefined, fields);
    case 'google':
      return googleLayout(counts);
    case 'outlook':
      return outlookLayout(OUTLOOK_DESKTOP, true);
    case 'outlook-com':
      return outlookLayout(OUTLOOK_COM, false);
  }
}
