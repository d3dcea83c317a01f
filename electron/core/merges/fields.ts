// The survivor's fields after a merge (issue #20): each single field from the record the user chose, else the
// survivor's own, else the most recently updated record's; emails, phones, addresses and tags united; notes appended
// under their source's name; email opt-in the most restrictive. Pure rules over rows: no SQL.
import { dedupeTags, foldForSort } from '../../../shared/domain/text';
import type { FieldDefinition } from '../../../shared/domain/custom-fields';
import { AppError } from '../../../shared/ipc/errors';
import type { RawRow } from '../../db/merges.moves.repo';
import type { RecordKind } from '../../db/schema.merges';
import { emailKey, phoneKey } from '../import-export/matcher';

/** Single-valued fields a choice may name, by kind, with the words the forms use (undo lists kept edits in them). */
export const SINGLE_FIELDS: Record<RecordKind, Record<string, string>> = {
  contact: {
    firstName: 'First name', lastName: 'Last name', jobTitle: 'Job title', companyId: 'Company', website: 'Website', birthday: 'Birthday',
    kind: 'Kind', leadSource: 'Lead source',
  },
  company: { name: 'Company name', website: 'Website', phone: 'Phone', address: 'Address' },
};
/** Fields every merge combines rather than picks. */
export const COMBINED_FIELDS: Record<RecordKind, Record<string, string>> = {
  contact: { emails: 'Email addresses', phones: 'Phone numbers', addresses: 'Addresses', tags: 'Tags', notes: 'Notes', emailOptIn: 'Happy to receive emails' },
  company: { tags: 'Tags', notes: 'Notes' },
};
/** Notes may also be taken whole from one record; the rest are always combined. */
const CHOOSABLE_COMBINED = new Set(['notes']);

/** Most a contact or company holds (the forms' limits): a merge that would exceed one is refused, nothing dropped. */
const LIMITS: Record<string, { max: number; words: string }> = {
  emails: { max: 20, words: 'email addresses' },
  phones: { max: 20, words: 'phone numbers' },
  addresses: { max: 10, words: 'addresses' },
  tags: { max: 50, words: 'tags' },
};
const NOTES_MAX = 20_000;

export type Fields = Record<string, unknown>;

/** One merged record as the rules see it: its wire fields and its custom value rows by field id. */
export interface Source {
  id: string;
  name: string;
  updatedAt: string;
  fields: Fields;
  custom: Map<string, RawRow[]>;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

function unite<T>(lists: readonly (readonly T[])[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of lists.flat()) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

const addressKey = (a: Record<string, unknown>) => JSON.stringify(['street', 'city', 'region', 'postcode', 'country'].map((k) => foldForSort(String(a[k] ?? '')).replace(/\s+/g, '')));

/**
 * Checks `choices` (field -> record id) against the merged records and the kind's fields; throws VALIDATION naming
 * `fields.<name>`. Returns the choices as kept in the journal.
 */
export function checkChoices(kind: RecordKind, choices: Record<string, string>, ids: readonly string[], defs: readonly FieldDefinition[]): Record<string, string> {
  for (const [name, from] of Object.entries(choices)) {
    const path = `fields.${name}`;
    if (name.startsWith('custom.')) {
      if (!defs.some((d) => d.key === name.slice('custom.'.length))) throw AppError.validation(path, 'There is no such custom field');
    } else if (COMBINED_FIELDS[kind][name] && !CHOOSABLE_COMBINED.has(name)) {
      throw AppError.validation(path, `${COMBINED_FIELDS[kind][name]} are combined from every record, not chosen`);
    } else if (!SINGLE_FIELDS[kind][name] && !CHOOSABLE_COMBINED.has(name)) {
      throw AppError.validation(path, 'There is no such field');
    }
    if (!ids.includes(from)) throw AppError.validation(path, 'Choose one of the records being merged');
  }
  return choices;
}

/** Survivor first, then the others most recently updated first: the order unnamed fields are taken in. */
function byPreference(sources: readonly Source[], survivorId: string): Source[] {
  const survivor = sources.find((s) => s.id === survivorId)!;
  const rest = sources.filter((s) => s.id !== survivorId).sort((a, b) => (a.updatedAt === b.updatedAt ? a.id.localeCompare(b.id) : b.updatedAt.localeCompare(a.updatedAt)));
  return [survivor, ...rest];
}

/** The survivor's fields as the merge writes them (wire names), and each custom field's rows and whose they are. */
export function mergedFields(
  kind: RecordKind,
  sources: readonly Source[],
  survivorId: string,
  choices: Record<string, string>,
  defs: readonly FieldDefinition[],
): { fields: Fields; custom: Map<string, { from: string; rows: RawRow[] }> } {
  const ordered = byPreference(sources, survivorId);
  const byId = new Map(sources.map((s) => [s.id, s]));
  // Survivor first, then the others in the order they were given: how united lists and appended notes read.
  const inOrder = [byId.get(survivorId)!, ...sources.filter((s) => s.id !== survivorId)];
  const pick = (name: string): unknown => {
    const chosen = choices[name];
    if (chosen) return byId.get(chosen)!.fields[name] ?? null;
    return ordered.find((s) => !isEmpty(s.fields[name]))?.fields[name] ?? ordered[0]!.fields[name] ?? null;
  };
  const fields: Fields = {};
  for (const name of Object.keys(SINGLE_FIELDS[kind])) fields[name] = pick(name);

  const lists = (name: string) => inOrder.map((s) => (s.fields[name] as unknown[] | undefined) ?? []);
  if (kind === 'contact') {
    fields.emails = unite(lists('emails') as { value: string }[][], (e) => emailKey(e.value));
    fields.phones = unite(lists('phones') as { value: string }[][], (p) => phoneKey(p.value) ?? p.value.trim());
    fields.addresses = unite(lists('addresses') as Record<string, unknown>[][], addressKey);
    // Consent is never assumed: one record saying no is a no.
    fields.emailOptIn = inOrder.every((s) => s.fields.emailOptIn === true);
  }
  fields.tags = dedupeTags(lists('tags').flat() as string[]);
  fields.notes = choices.notes ? (byId.get(choices.notes)!.fields.notes ?? null) : appendedNotes(inOrder);

  for (const [name, { max, words }] of Object.entries(LIMITS)) {
    const n = (fields[name] as unknown[] | undefined)?.length ?? 0;
    if (n > max) throw AppError.validation('ids', `Together these have ${n} ${words}, more than the ${max} one record can hold: remove some first`);
  }
  if (typeof fields.notes === 'string' && fields.notes.length > NOTES_MAX) {
    throw AppError.validation('fields.notes', `Together their notes are longer than ${NOTES_MAX.toLocaleString('en')} characters: shorten them first, or keep one record's notes`);
  }

  const custom = new Map<string, { from: string; rows: RawRow[] }>();
  for (const def of defs) {
    const chosen = choices[`custom.${def.key}`];
    const from = chosen ? byId.get(chosen)! : (ordered.find((s) => (s.custom.get(def.id)?.length ?? 0) > 0) ?? ordered[0]!);
    custom.set(def.id, { from: from.id, rows: from.custom.get(def.id) ?? [] });
  }
  return { fields, custom };
}

/** Each record's notes under its name, survivor's first; one record's notes alone stay as they are. */
function appendedNotes(sources: readonly Source[]): string | null {
  const parts = sources.filter((s) => typeof s.fields.notes === 'string' && (s.fields.notes as string).trim() !== '');
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0]!.fields.notes as string;
  return parts.map((s) => `${s.name}:\n${(s.fields.notes as string).trim()}`).join('\n\n');
}

/** A field's words for "kept your later changes to …": the forms' label, or the custom field's own. */
export function fieldLabel(kind: RecordKind, name: string, defs: readonly Pick<FieldDefinition, 'id' | 'label'>[]): string {
  if (name.startsWith('custom:')) return defs.find((d) => d.id === name.slice('custom:'.length))?.label ?? 'A custom field';
  return SINGLE_FIELDS[kind][name] ?? COMBINED_FIELDS[kind][name] ?? name;
}
