// Custom fields (issue #19): every statement on custom_fields and custom_values, and the mapping between a value on
// the wire and its rows. The list filters and sorts are in fields.query.repo.ts. Never imports core.
import { sql, type Kysely } from 'kysely';
import type { CustomValue, CustomValues, FieldDefinition, FieldOption, FieldRecordType, FieldType } from '../../shared/domain/custom-fields';
import { foldForSort } from '../../shared/domain/text';
import { readRows } from './connection';
import { parseJsonColumn } from './json';
import type { DB } from './schema';
import type { CustomFieldsTable, CustomValuesTable } from './schema.custom-fields';

type ValueRow = Omit<CustomValuesTable, 'field_id' | 'record_id'>;
/** The parts of a definition that decide how its values are stored. */
export type StoredShape = Pick<FieldDefinition, 'id' | 'key' | 'type' | 'options'>;

function toField(row: CustomFieldsTable & { value_count?: number | null }): FieldDefinition {
  return {
    id: row.id,
    recordType: row.record_type as FieldRecordType,
    key: row.key,
    label: row.label,
    type: row.type as FieldType,
    currency: row.currency,
    required: row.required === 1,
    defaultValue: parseJsonColumn<CustomValue>(row.default_value, null),
    help: row.help,
    section: row.section,
    position: row.position,
    options: parseJsonColumn<FieldOption[]>(row.options, []),
    archived: row.archived === 1,
    deletedAt: row.deleted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    valueCount: Number(row.value_count ?? 0),
  };
}

const VALUE_COUNT = sql<number>`(SELECT count(DISTINCT v.record_id) FROM custom_values v WHERE v.field_id = f.id)`;

/**
 * A record type's fields in form order. `valueCounts: false` leaves every valueCount 0: the count reads each field's
 * values (tens of ms at 100,000 records), which the record services, reading definitions on every call, never need.
 */
export async function listFields(
  db: Kysely<DB>,
  recordType: FieldRecordType,
  options: { includeArchived?: boolean; trashed?: boolean; valueCounts?: boolean } = {},
): Promise<FieldDefinition[]> {
  const rows = await readRows(
    db,
    sql<CustomFieldsTable & { value_count: number }>`SELECT f.*, ${options.valueCounts === false ? sql`0` : VALUE_COUNT} AS value_count FROM custom_fields f
    WHERE f.record_type = ${recordType} AND ${options.trashed ? sql`f.deleted_at IS NOT NULL` : sql`f.deleted_at IS NULL`}
    ${options.includeArchived || options.trashed ? sql`` : sql`AND f.archived = 0`}
    ORDER BY f.position, f.created_at, f.id`,
  );
  return rows.map(toField);
}

export async function findField(db: Kysely<DB>, id: string): Promise<FieldDefinition | undefined> {
  const rows = await readRows(db, sql<CustomFieldsTable & { value_count: number }>`SELECT f.*, ${VALUE_COUNT} AS value_count FROM custom_fields f WHERE f.id = ${id}`);
  return rows[0] ? toField(rows[0]) : undefined;
}

/** Every key a record type uses, Trash included (a restored field must get its key back). */
export async function fieldKeys(db: Kysely<DB>, recordType: FieldRecordType): Promise<Set<string>> {
  const rows = await db.selectFrom('custom_fields').select('key').where('record_type', '=', recordType).execute();
  return new Set(rows.map((r) => r.key));
}

export async function nextFieldPosition(db: Kysely<DB>, recordType: FieldRecordType): Promise<number> {
  const row = await db.selectFrom('custom_fields').select((eb) => eb.fn.max('position').as('max')).where('record_type', '=', recordType).executeTakeFirst();
  return Number(row?.max ?? -1) + 1;
}

export type FieldWrite = Omit<FieldDefinition, 'deletedAt' | 'valueCount' | 'createdAt' | 'updatedAt'>;

function toColumns(f: Partial<FieldWrite>) {
  return {
    ...(f.label === undefined ? {} : { label: f.label }),
    ...(f.type === undefined ? {} : { type: f.type }),
    ...(f.currency === undefined ? {} : { currency: f.currency }),
    ...(f.required === undefined ? {} : { required: f.required ? 1 : 0 }),
    ...(f.defaultValue === undefined ? {} : { default_value: f.defaultValue === null ? null : JSON.stringify(f.defaultValue) }),
    ...(f.help === undefined ? {} : { help: f.help }),
    ...(f.section === undefined ? {} : { section: f.section }),
    ...(f.position === undefined ? {} : { position: f.position }),
    ...(f.options === undefined ? {} : { options: JSON.stringify(f.options) }),
    ...(f.archived === undefined ? {} : { archived: f.archived ? 1 : 0 }),
  };
}

export async function insertField(db: Kysely<DB>, f: FieldWrite, now: string): Promise<void> {
  await db
    .insertInto('custom_fields')
    .values({
      id: f.id, record_type: f.recordType, key: f.key, label: f.label, type: f.type, currency: f.currency, required: f.required ? 1 : 0,
      default_value: f.defaultValue === null ? null : JSON.stringify(f.defaultValue), help: f.help, section: f.section, position: f.position,
      options: JSON.stringify(f.options), archived: f.archived ? 1 : 0, created_at: now, updated_at: now,
    })
    .execute();
}

export async function updateField(db: Kysely<DB>, id: string, patch: Partial<FieldWrite>, now: string): Promise<void> {
  await db.updateTable('custom_fields').set({ ...toColumns(patch), updated_at: now }).where('id', '=', id).execute();
}

export async function setFieldDeleted(db: Kysely<DB>, id: string, deletedAt: string | null, now: string): Promise<void> {
  await db.updateTable('custom_fields').set({ deleted_at: deletedAt, updated_at: now }).where('id', '=', id).execute();
}

/** Positions 0.. for the listed ids in that order, then every other field of the type after them, order kept. */
export async function reorderFields(db: Kysely<DB>, recordType: FieldRecordType, ids: readonly string[], now: string): Promise<void> {
  const all = await db.selectFrom('custom_fields').select('id').where('record_type', '=', recordType).orderBy('position').orderBy('created_at').execute();
  const listed = new Set(ids);
  const order = [...ids.filter((id) => all.some((r) => r.id === id)), ...all.map((r) => r.id).filter((id) => !listed.has(id))];
  for (const [position, id] of order.entries()) {
    await db.updateTable('custom_fields').set({ position, updated_at: now }).where('id', '=', id).where('position', '!=', position).execute();
  }
}

/** A value as its rows: one per chosen option for several choices, else one (none for an empty value). */
export function encodeValue(def: StoredShape, value: CustomValue): ValueRow[] {
  if (value === null || (Array.isArray(value) && value.length === 0)) return [];
  const label = (id: string) => foldForSort(def.options.find((o) => o.id === id)?.label ?? '');
  if (Array.isArray(value)) return value.map((id, seq) => ({ seq, text_value: id, num_value: null, sort_text: label(id) }));
  if (typeof value === 'boolean') return [{ seq: 0, text_value: null, num_value: value ? 1 : 0, sort_text: null }];
  if (typeof value === 'number') return [{ seq: 0, text_value: null, num_value: value, sort_text: null }];
  switch (def.type) {
    case 'choice':
      return [{ seq: 0, text_value: value, num_value: null, sort_text: label(value) }];
    case 'date':
    case 'dateTime':
    case 'contactLink':
    case 'companyLink':
      return [{ seq: 0, text_value: value, num_value: null, sort_text: value }];
    default:
      return [{ seq: 0, text_value: value, num_value: null, sort_text: foldForSort(value) }];
  }
}

/** Rows (in seq order) back to the wire value. */
export function decodeValue(def: StoredShape, rows: readonly ValueRow[]): CustomValue {
  const first = rows[0];
  if (!first) return def.type === 'choices' ? [] : null;
  switch (def.type) {
    case 'choices':
      return rows.map((r) => r.text_value ?? '');
    case 'boolean':
      return first.num_value === 1;
    case 'number':
    case 'money':
      return first.num_value;
    default:
      return first.text_value;
  }
}

/**
 * The custom values of a page of records, in one query: record id -> { key: value } for every live field of the
 * record type (archived ones too: hidden on screen, still the record's data). Records with none get {}.
 */
export async function readCustom(db: Kysely<DB>, recordType: FieldRecordType, recordIds: readonly string[], definitions?: readonly FieldDefinition[]): Promise<Map<string, CustomValues>> {
  const out = new Map<string, CustomValues>(recordIds.map((id) => [id, {}]));
  const defs = definitions ?? (await listFields(db, recordType, { includeArchived: true, valueCounts: false }));
  if (defs.length === 0 || recordIds.length === 0) return out;
  const byId = new Map(defs.map((d) => [d.id, d]));
  const rows = await readRows(
    db,
    sql<CustomValuesTable>`SELECT * FROM custom_values WHERE field_id IN (SELECT value FROM json_each(${JSON.stringify([...byId.keys()])}))
    AND record_id IN (SELECT value FROM json_each(${JSON.stringify(recordIds)})) ORDER BY field_id, record_id, seq`,
  );
  // Rows come ordered by (field, record, seq): each run of one field and record is one value.
  for (let i = 0; i < rows.length; ) {
    const first = rows[i]!;
    let end = i + 1;
    while (end < rows.length && rows[end]!.field_id === first.field_id && rows[end]!.record_id === first.record_id) end++;
    const def = byId.get(first.field_id);
    const values = out.get(first.record_id);
    if (def && values) values[def.key] = decodeValue(def, end - i === 1 ? [first] : rows.slice(i, end));
    i = end;
  }
  return out;
}

/**
 * Writes the given keys of one record (others untouched; null clears). Runs inside the caller's transaction; the
 * values are the checked ones customValuesSchema made, keyed by the definitions passed (the record type's live fields).
 */
export async function writeCustom(db: Kysely<DB>, definitions: readonly StoredShape[], recordId: string, values: CustomValues): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    const def = definitions.find((d) => d.key === key);
    if (!def) continue;
    await db.deleteFrom('custom_values').where('field_id', '=', def.id).where('record_id', '=', recordId).execute();
    const rows = encodeValue(def, value);
    if (rows.length > 0) await db.insertInto('custom_values').values(rows.map((r) => ({ ...r, field_id: def.id, record_id: recordId }))).execute();
  }
}

/** Removes every custom value of records deleted for good (their fields stay). */
export async function deleteCustomForRecords(db: Kysely<DB>, recordIds: readonly string[]): Promise<number> {
  if (recordIds.length === 0) return 0;
  const result = await db.deleteFrom('custom_values').where('record_id', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify(recordIds)}))`).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Every value one field holds, per record (for a type conversion). */
export async function readFieldValues(db: Kysely<DB>, def: StoredShape): Promise<{ recordId: string; value: CustomValue }[]> {
  const rows = await db.selectFrom('custom_values').selectAll().where('field_id', '=', def.id).orderBy('record_id').orderBy('seq').execute();
  const out: { recordId: string; value: CustomValue }[] = [];
  let group: CustomValuesTable[] = [];
  const flush = () => {
    if (group[0]) out.push({ recordId: group[0].record_id, value: decodeValue(def, group) });
    group = [];
  };
  for (const row of rows) {
    if (group[0] && group[0].record_id !== row.record_id) flush();
    group.push(row);
  }
  flush();
  return out;
}

/** Replaces one field's values wholesale (a type conversion, or keeping unconverted values in another field). */
export async function replaceFieldValues(db: Kysely<DB>, def: StoredShape, entries: readonly { recordId: string; value: CustomValue }[]): Promise<void> {
  await db.deleteFrom('custom_values').where('field_id', '=', def.id).execute();
  for (const e of entries) {
    const rows = encodeValue(def, e.value);
    if (rows.length > 0) await db.insertInto('custom_values').values(rows.map((r) => ({ ...r, field_id: def.id, record_id: e.recordId }))).execute();
  }
}

/** After an option is renamed, the rows that chose it sort under the new label. */
export async function relabelOption(db: Kysely<DB>, fieldId: string, optionId: string, label: string): Promise<void> {
  await db.updateTable('custom_values').set({ sort_text: foldForSort(label) }).where('field_id', '=', fieldId).where('text_value', '=', optionId).execute();
}

/** Deletes fields in Trash for good; their values go with them (ON DELETE CASCADE). For trash.purge. */
export async function purgeFields(db: Kysely<DB>, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.deleteFrom('custom_fields').where('id', 'in', ids).where('deleted_at', 'is not', null).executeTakeFirst();
  return Number(result.numDeletedRows);
}
