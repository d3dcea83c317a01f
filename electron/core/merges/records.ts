// What merge and undo both do to a contact's or company's own row (issue #20): read it as wire fields, write the
// survivor's fields through the same column mapping contacts.update and companies.update use (so search, tags and the
// derived names follow), and keep nameless contacts named after their company. No SQL here.
import type { Kysely } from 'kysely';
import type { Address } from '../../../shared/domain/fields';
import { toCompany, updateCompany, type CompanyRow, type CompanyWrite } from '../../db/companies.repo';
import { toContact, toContactColumns, updateContact, type ContactRow, type ContactWrite } from '../../db/contacts.repo';
import { customRows, nameNamelessByCompany, recordRow } from '../../db/merges.repo';
import type { RawRow } from '../../db/merges.moves.repo';
import type { DB } from '../../db/schema';
import type { RecordKind } from '../../db/schema.merges';
import { COMBINED_FIELDS, SINGLE_FIELDS, type Fields, type Source } from './fields';

/** The fields a merge writes, by kind: the single ones and the combined ones. */
export const fieldNames = (kind: RecordKind) => [...Object.keys(SINGLE_FIELDS[kind]), ...Object.keys(COMBINED_FIELDS[kind])];

/** A stored row as the wire fields a merge reads and writes. */
export function wireFields(kind: RecordKind, row: RawRow): Fields {
  const all: Record<string, unknown> =
    kind === 'contact' ? toContact({ ...(row as unknown as ContactRow), company_name: null }, {}) : toCompany({ ...(row as unknown as CompanyRow), contact_count: 0 }, {});
  return Object.fromEntries(fieldNames(kind).map((name) => [name, all[name] ?? null]));
}

export const recordName = (kind: RecordKind, row: RawRow): string => String(kind === 'contact' ? row.display_name : row.name);

/** Custom value rows grouped by record, then by field. */
export function groupCustom(rows: readonly RawRow[]): Map<string, Map<string, RawRow[]>> {
  const out = new Map<string, Map<string, RawRow[]>>();
  for (const row of rows) {
    const byField = out.get(row.record_id as string) ?? new Map<string, RawRow[]>();
    byField.set(row.field_id as string, [...(byField.get(row.field_id as string) ?? []), row]);
    out.set(row.record_id as string, byField);
  }
  return out;
}

/** The merged records as the field rules see them, in the order given; undefined for one that is missing. */
export async function loadSources(trx: Kysely<DB>, kind: RecordKind, ids: readonly string[]): Promise<{ rows: Map<string, RawRow>; sources: Source[] }> {
  const rows = new Map<string, RawRow>();
  for (const id of ids) {
    const row = await recordRow(trx, kind, id);
    if (row) rows.set(id, row);
  }
  const custom = groupCustom(await customRows(trx, ids));
  const sources = [...rows.values()].map((row) => ({
    id: row.id as string,
    name: recordName(kind, row),
    updatedAt: row.updated_at as string,
    fields: wireFields(kind, row),
    custom: custom.get(row.id as string) ?? new Map<string, RawRow[]>(),
  }));
  return { rows, sources };
}

async function companyName(trx: Kysely<DB>, companyId: unknown): Promise<string | null> {
  if (typeof companyId !== 'string') return null;
  const row = await recordRow(trx, 'company', companyId);
  return row ? (row.name as string) : null;
}

/** Writes the survivor's fields (updated_at becomes `now`), as contacts.update and companies.update write them. */
export async function writeFields(trx: Kysely<DB>, kind: RecordKind, id: string, fields: Fields, now: string): Promise<void> {
  if (kind === 'contact') {
    const write = fields as unknown as ContactWrite;
    await updateContact(trx, id, write, await companyName(trx, write.companyId), now);
  } else {
    const write: CompanyWrite = {
      name: fields.name as string,
      website: fields.website as string | null,
      phone: fields.phone as string | null,
      address: fields.address as Address | null,
      notes: fields.notes as string | null,
      tags: fields.tags as string[],
    };
    await updateCompany(trx, id, write, now);
  }
}

/** Columns of a record's row a restore writes back: all but its key, its search rowid and what triggers keep. */
export function restorableColumns(kind: RecordKind, row: RawRow): RawRow {
  const skip = new Set(['seq', 'id', ...(kind === 'contact' ? ['last_contacted_at', 'next_task_due_at'] : [])]);
  return Object.fromEntries(Object.entries(row).filter(([k]) => !skip.has(k)));
}

/** Nameless contacts of these companies take their company's (current) name again; returns those renamed. */
export function renameNameless(trx: Kysely<DB>, companyIds: readonly string[]): Promise<string[]> {
  return nameNamelessByCompany(trx, companyIds, (row, name) => {
    const contact = toContact({ ...(row as unknown as ContactRow), company_name: name }, {});
    const columns = toContactColumns(contact, name);
    return { display_name: columns.display_name, sort_name: columns.sort_name, sort_last: columns.sort_last };
  });
}

/** A value's rows as compared and journalled: what it holds, not which record or how it sorts. */
export const valueRows = (rows: readonly RawRow[]) => rows.map((r) => ({ seq: r.seq, text_value: r.text_value, num_value: r.num_value, sort_text: r.sort_text }));
export const sameValue = (a: readonly RawRow[], b: readonly RawRow[]) =>
  JSON.stringify(a.map((r) => [r.seq, r.text_value, r.num_value])) === JSON.stringify(b.map((r) => [r.seq, r.text_value, r.num_value]));
