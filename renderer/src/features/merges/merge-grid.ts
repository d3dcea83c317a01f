// What the merge grid shows and sends (issue #20), as plain functions so they are tested without a browser: which
// single-valued fields differ between the records, which record keeps its id by default, which value each field
// takes unless the user picks another, what is united or appended, and the `fields` choices for contacts.merge.
import type { Company, Contact } from '../../../../shared/domain/contact';
import type { DuplicateKind } from '../../../../shared/domain/duplicates';
import type { MergeInput } from '../../../../shared/domain/merge';
import { contactDisplayName, dedupeTags, foldForSort, phoneDigits } from '../../../../shared/domain/text';

export type MergeRecord = Contact | Company;
type Address = Contact['addresses'][number];

/** One cell: a record's value of a field, and how it reads. */
export interface GridCell {
  id: string;
  value: unknown;
  text: string;
  empty: boolean;
}

/** One single-valued field across the records. `same` rows are shown once, greyed, with nothing to choose. */
export interface GridRow {
  /** The name contacts.merge takes: firstName, companyId, custom.<key>, … */
  field: string;
  label: string;
  cells: GridCell[];
  same: boolean;
}

/** How custom fields read, from their definitions (the fields feature knows how a choice or money value reads). */
export interface CustomFieldSpec {
  key: string;
  label: string;
  text?: (value: unknown) => string;
}

export interface GridOptions {
  customFields?: readonly CustomFieldSpec[];
  /** The contact kind's label ("Customer"); the raw value when not given. */
  kindLabel?: (kind: string) => string;
}

interface FieldSpec {
  field: string;
  label: string;
  read: (r: MergeRecord) => unknown;
  text?: (value: unknown, r: MergeRecord) => string;
}

const contact = (r: MergeRecord) => r as Contact;
const company = (r: MergeRecord) => r as Company;

/** An address on one line, its parts in reading order. */
export function addressText(a: Partial<Address> | null | undefined): string {
  if (!a) return '';
  return [a.street, a.city, a.region, a.postcode, a.country].map((p) => p?.trim()).filter(Boolean).join(', ');
}

function contactFields(options: GridOptions): FieldSpec[] {
  return [
    { field: 'firstName', label: 'First name', read: (r) => contact(r).firstName },
    { field: 'lastName', label: 'Last name', read: (r) => contact(r).lastName },
    { field: 'jobTitle', label: 'Job title', read: (r) => contact(r).jobTitle },
    // The id decides; the name is what people read.
    { field: 'companyId', label: 'Company', read: (r) => contact(r).companyId, text: (_v, r) => contact(r).companyName ?? '' },
    { field: 'website', label: 'Website', read: (r) => contact(r).website },
    { field: 'birthday', label: 'Birthday', read: (r) => contact(r).birthday },
    { field: 'kind', label: 'Kind', read: (r) => contact(r).kind, text: (v) => (options.kindLabel ? options.kindLabel(String(v)) : String(v)) },
    { field: 'leadSource', label: 'Lead source', read: (r) => contact(r).leadSource },
  ];
}

const COMPANY_FIELDS: FieldSpec[] = [
  { field: 'name', label: 'Name', read: (r) => company(r).name },
  { field: 'website', label: 'Website', read: (r) => company(r).website },
  { field: 'phone', label: 'Phone', read: (r) => company(r).phone },
  { field: 'address', label: 'Address', read: (r) => company(r).address, text: (v) => addressText(v as Address | null) },
];

export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isEmptyValue);
  return false;
}

/** Equal values give equal keys: text trimmed, empty address parts and key order ignored. */
export function valueKey(value: unknown): string {
  if (isEmptyValue(value)) return '';
  if (typeof value === 'string') return `s:${value.trim()}`;
  if (Array.isArray(value)) return `a:${JSON.stringify(value)}`;
  if (value !== null && typeof value === 'object') {
    const parts = Object.entries(value)
      .filter(([, v]) => !isEmptyValue(v))
      .sort(([a], [b]) => a.localeCompare(b));
    return `o:${JSON.stringify(parts)}`;
  }
  return `${typeof value}:${String(value)}`;
}

function plainText(value: unknown): string {
  if (isEmptyValue(value)) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

function row(records: readonly MergeRecord[], spec: FieldSpec): GridRow {
  const cells = records.map((r): GridCell => {
    const value = spec.read(r);
    const empty = isEmptyValue(value);
    return { id: r.id, value, empty, text: empty ? '' : spec.text ? spec.text(value, r) : plainText(value) };
  });
  return { field: spec.field, label: spec.label, cells, same: new Set(cells.map((c) => valueKey(c.value))).size === 1 };
}

/**
 * Every single-valued field that any record fills, in form order, then the custom fields in the order given. A value
 * of a field no definition names (one deleted since) is left out: it cannot be chosen, as the form cannot show it.
 */
export function gridRows(kind: DuplicateKind, records: readonly MergeRecord[], options: GridOptions = {}): GridRow[] {
  const specs = kind === 'contact' ? contactFields(options) : COMPANY_FIELDS;
  const customSpecs = (options.customFields ?? []).map(
    (c): FieldSpec => ({ field: `custom.${c.key}`, label: c.label, read: (r) => r.custom[c.key] ?? null, ...(c.text ? { text: (v) => c.text!(v) } : {}) }),
  );
  return [...specs, ...customSpecs].map((spec) => row(records, spec)).filter((r) => r.cells.some((c) => !c.empty));
}

const time = (iso: string) => Date.parse(iso) || 0;

/**
 * The record that keeps its id unless the user picks another: for companies the one with the most people (their
 * count is on the record), then the oldest; for contacts the oldest, which is most likely the one other records
 * and other systems know. Ties go to the first in the list.
 */
export function defaultSurvivor(kind: DuplicateKind, records: readonly MergeRecord[]): string {
  let best = records[0];
  for (const r of records.slice(1)) {
    if (!best) break;
    const people = kind === 'company' ? (r as Company).contactCount - (best as Company).contactCount : 0;
    if (people > 0 || (people === 0 && time(r.createdAt) < time(best.createdAt))) best = r;
  }
  return best?.id ?? '';
}

/**
 * The record a field's value comes from when the user has not picked one, as main decides for a field not named:
 * the survivor's value, or if that is empty the most recently updated record's non-empty one.
 */
export function defaultSource(row: GridRow, records: readonly MergeRecord[], survivorId: string): string {
  const own = row.cells.find((c) => c.id === survivorId);
  if (own && !own.empty) return survivorId;
  const filled = new Set(row.cells.filter((c) => !c.empty).map((c) => c.id));
  const newest = [...records].filter((r) => filled.has(r.id)).sort((a, b) => time(b.updatedAt) - time(a.updatedAt))[0];
  return newest?.id ?? survivorId;
}

/** Field -> record id, as the user picked them (a pick for a record no longer in the merge is ignored). */
export type Picks = Readonly<Record<string, string>>;

export function chosenSource(row: GridRow, picks: Picks, records: readonly MergeRecord[], survivorId: string): string {
  const pick = picks[row.field];
  return pick && row.cells.some((c) => c.id === pick) ? pick : defaultSource(row, records, survivorId);
}

/**
 * contacts.merge's input: every field that differs names the record its value comes from, so what the grid showed
 * is what is saved whatever main's default; same-valued fields need no choice.
 */
export function buildMergeInput(records: readonly MergeRecord[], survivorId: string, rows: readonly GridRow[], picks: Picks): MergeInput {
  const fields: Record<string, string> = {};
  for (const r of rows) if (!r.same) fields[r.field] = chosenSource(r, picks, records, survivorId);
  return { ids: records.map((r) => r.id), keep: survivorId, fields };
}

/** The value a row ends with. */
export function chosenCell(row: GridRow, picks: Picks, records: readonly MergeRecord[], survivorId: string): GridCell | undefined {
  const id = chosenSource(row, picks, records, survivorId);
  return row.cells.find((c) => c.id === id);
}

/** A multi-valued field after the merge: everything any record has, each once. */
export interface UnitedRow {
  field: 'emails' | 'phones' | 'addresses' | 'tags';
  label: string;
  items: string[];
}

/** Main unites numbers by their international form when they have one, else by their digits: the preview does the same. */
function phoneSameKey(value: string): string {
  return phoneDigits(value);
}

/** Main's address key: each part folded, without spaces. */
function addressKey(a: Address): string {
  return JSON.stringify([a.street, a.city, a.region, a.postcode, a.country].map((p) => foldForSort(p ?? '').replace(/\s+/g, '')));
}

function unite<T>(items: readonly T[], key: (item: T) => string, text: (item: T) => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const k = key(item);
    if (k === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(text(item));
  }
  return out;
}

/** Emails, phones, addresses and tags united (contacts), tags (companies): a preview; main's own matching decides. */
export function unitedRows(kind: DuplicateKind, records: readonly MergeRecord[]): UnitedRow[] {
  const rows: UnitedRow[] = [];
  if (kind === 'contact') {
    const people = records as readonly Contact[];
    rows.push(
      { field: 'emails', label: 'Emails', items: unite(people.flatMap((r) => r.emails), (e) => e.value.trim().toLowerCase(), (e) => e.value) },
      { field: 'phones', label: 'Phones', items: unite(people.flatMap((r) => r.phones), (p) => phoneSameKey(p.value), (p) => p.value) },
      {
        field: 'addresses',
        label: 'Addresses',
        items: unite(people.flatMap((r) => r.addresses), addressKey, addressText),
      },
    );
  }
  rows.push({ field: 'tags', label: 'Tags', items: dedupeTags(records.flatMap((r) => r.tags)) });
  return rows.filter((r) => r.items.length > 0);
}

/** How many records have notes (each part is appended, headed by its source). */
export function notesCount(records: readonly MergeRecord[]): number {
  return records.filter((r) => !isEmptyValue(r.notes)).length;
}

/** Email opt-in after a contact merge: the most restrictive wins, so one "No" makes it No. */
export function mergedOptIn(records: readonly MergeRecord[]): boolean {
  return (records as readonly Contact[]).every((r) => r.emailOptIn);
}

/** The survivor's name once the chosen values are in ("Robert Smith" after Bob's last name was picked). */
export function resultName(kind: DuplicateKind, records: readonly MergeRecord[], rows: readonly GridRow[], picks: Picks, survivorId: string): string {
  const survivor = records.find((r) => r.id === survivorId);
  if (!survivor) return '';
  const value = (field: string) => {
    const r = rows.find((x) => x.field === field);
    return r ? chosenCell(r, picks, records, survivorId) : undefined;
  };
  if (kind === 'company') return value('name')?.text || (survivor as Company).name;
  const text = (field: string) => {
    const cell = value(field);
    return cell && !cell.empty ? String(cell.value) : null;
  };
  const s = survivor as Contact;
  return contactDisplayName({ firstName: text('firstName'), lastName: text('lastName'), companyName: value('companyId')?.text || null, emails: s.emails, phones: s.phones });
}

/** The sentence above the Merge button. */
export function summaryText(kind: DuplicateKind, count: number, name: string): string {
  if (kind === 'company') {
    return `Merge ${count} companies into ${name}. Their people, jobs, activities, follow-ups and documents move to ${name}. You can undo this.`;
  }
  return `Merge ${count} contacts into ${name}. Their activities, follow-ups, jobs, appointments and documents move to ${name}. You can undo this.`;
}

/** Column titles that tell the records apart: a name shared by two records gets its place ("Bob Smith (2)"). */
export function columnTitles(records: readonly MergeRecord[]): string[] {
  const names = records.map((r) => ('displayName' in r ? r.displayName : r.name));
  return names.map((n, i) => (names.filter((m) => m === n).length > 1 ? `${n} (${i + 1})` : n));
}

