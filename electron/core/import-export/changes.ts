// What "Update the existing contact" makes of a contact and a file's row, and that change as text a person reads
// (before -> after), shared by the dry run (import.check) and the run's report. No `electron` import, no SQL.
import type { CustomValues, FieldDefinition } from '../../../shared/domain/custom-fields';
import type { Address } from '../../../shared/domain/fields';
import type { ChangeField, FieldChange } from '../../../shared/domain/transfer';
import { dedupeTags, foldForSort } from '../../../shared/domain/text';
import type { ContactValues } from '../../db/import-export.repo';
import { emailKey, phoneKey } from './matcher';
import type { ImportRecord } from './records';
import { valueAsText } from '../fields/convert';

const LIMITS = { emails: 20, phones: 20, addresses: 10, tags: 50, notes: 20_000 };

/**
 * Notes are the user's own writing: a file's notes are added below them (once: a re-import adds nothing), never
 * written over them. What would pass the notes' limit is not added.
 */
function mergedNotes(existing: string | null, incoming: string | null): string | null {
  if (!incoming?.trim()) return existing;
  if (!existing?.trim()) return incoming;
  if (foldForSort(existing).includes(foldForSort(incoming))) return existing;
  const both = `${existing}\n\n${incoming}`;
  return both.length <= LIMITS.notes ? both : existing;
}

/** "Update the existing contact": the file's non-empty values win, lists gain what they lack, notes are added to. */
export function merged(existing: ContactValues, record: ImportRecord): ImportRecord {
  const { emails, phones, addresses } = existing;
  const emailKeys = new Set(emails.map((e) => emailKey(e.value)));
  const phoneKeys = new Set(phones.map((p) => phoneKey(p.value) ?? p.value));
  const addressKeys = new Set(addresses.map((a) => JSON.stringify(a)));
  return {
    firstName: record.firstName ?? existing.firstName,
    lastName: record.lastName ?? existing.lastName,
    // The same company in other capitals is the same link: keep the name as the contact has it.
    companyName: record.companyName && (!existing.companyName || foldForSort(existing.companyName) !== foldForSort(record.companyName)) ? record.companyName : existing.companyName,
    jobTitle: record.jobTitle ?? existing.jobTitle,
    emails: [...emails, ...record.emails.filter((e) => !emailKeys.has(emailKey(e.value)))].slice(0, LIMITS.emails),
    phones: [...phones, ...record.phones.filter((p) => !phoneKeys.has(phoneKey(p.value) ?? p.value))].slice(0, LIMITS.phones),
    addresses: [...addresses, ...record.addresses.filter((a) => !addressKeys.has(JSON.stringify(a)))].slice(0, LIMITS.addresses),
    website: record.website ?? existing.website,
    birthday: record.birthday ?? existing.birthday,
    tags: dedupeTags([...existing.tags, ...record.tags]).slice(0, LIMITS.tags),
    notes: mergedNotes(existing.notes, record.notes),
    ...(record.kind ? { kind: record.kind } : existing.kind ? { kind: existing.kind } : {}),
    leadSource: record.leadSource ?? existing.leadSource,
    // Like the other fields: the file's values win, a value it does not give is kept.
    ...(record.custom || existing.custom ? { custom: { ...existing.custom, ...nonEmpty(record.custom) } } : {}),
    ...(record.emailOptIn !== undefined ? { emailOptIn: record.emailOptIn } : existing.emailOptIn !== undefined ? { emailOptIn: existing.emailOptIn } : {}),
  };
}

const nonEmpty = (values: CustomValues | undefined): CustomValues => Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => v !== null));

const MAX_TEXT = 200;
const cut = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);
const addressText = (a: Address) => [a.street?.replace(/\n/g, ', '), a.city, a.region, a.postcode, a.country].filter(Boolean).join(', ');

/** Each field as the UI shows it; lists joined with "; " so a value's own commas stay readable. */
const SHOW: Record<ChangeField, (v: ContactValues) => string> = {
  firstName: (v) => v.firstName ?? '',
  lastName: (v) => v.lastName ?? '',
  company: (v) => v.companyName ?? '',
  jobTitle: (v) => v.jobTitle ?? '',
  emails: (v) => v.emails.map((e) => e.value).join('; '),
  phones: (v) => v.phones.map((p) => p.value).join('; '),
  addresses: (v) => v.addresses.map(addressText).join('; '),
  website: (v) => v.website ?? '',
  birthday: (v) => v.birthday ?? '',
  tags: (v) => v.tags.join('; '),
  notes: (v) => v.notes ?? '',
  kind: (v) => v.kind ?? '',
  leadSource: (v) => v.leadSource ?? '',
  emailOptIn: (v) => (v.emailOptIn === undefined ? '' : v.emailOptIn ? 'yes' : 'no'),
};
const FIELDS = Object.keys(SHOW) as ChangeField[];

/** What a change needs of a custom field to name it and show its values. */
export type ChangeFieldDef = Pick<FieldDefinition, 'key' | 'label' | 'type' | 'options' | 'currency' | 'required'>;

/** The fields `next` changes in `before`, in a fixed order (custom fields last, by `fields`' order); empty when nothing changes. */
export function describeChanges(before: ContactValues, next: ContactValues, fields: readonly ChangeFieldDef[] = []): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of FIELDS) {
    const a = SHOW[field](before);
    const b = SHOW[field](next);
    // A kind or opt-in the file does not state keeps the contact's: not a change.
    if (a !== b && !(b === '' && (field === 'kind' || field === 'emailOptIn'))) out.push({ field, before: cut(a), after: cut(b) });
  }
  for (const def of fields) {
    const a = valueAsText(def, before.custom?.[def.key] ?? null);
    const b = valueAsText(def, next.custom?.[def.key] ?? null);
    if (a !== b) out.push({ field: `custom.${def.key}`, label: def.label, before: cut(a), after: cut(b) });
  }
  return out;
}
