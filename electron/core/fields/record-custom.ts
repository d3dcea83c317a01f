// What contacts, companies and jobs call for their `custom` values (issue #19): the record type's definitions, the
// one check at the boundary (customValuesSchema, errors as VALIDATION on `custom.<key>`), and the reads and writes.
import type { Kysely } from 'kysely';
import { customValuesSchema, type CustomValues, type FieldDefinition, type FieldRecordType } from '../../../shared/domain/custom-fields';
import { AppError } from '../../../shared/ipc/errors';
import { listFields, readCustom, writeCustom } from '../../db/fields.repo';
import type { DB } from '../../db/schema';

/** The record type's live fields (archived included: they keep and take values, they are only hidden). No value counts. */
export function customDefinitions(db: Kysely<DB>, recordType: FieldRecordType): Promise<FieldDefinition[]> {
  return listFields(db, recordType, { includeArchived: true, valueCounts: false });
}

/**
 * Checks a record's `custom` input against its definitions: on create (`partial` false) defaults fill in and required
 * fields must have a value; on update only the keys sent are checked. Throws VALIDATION with every issue.
 */
export function parseCustom(definitions: readonly FieldDefinition[], raw: unknown, options: { partial: boolean }): CustomValues {
  const result = customValuesSchema(definitions, options).safeParse(raw ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: ['custom', ...i.path.map(String)].join('.'), message: i.message }));
  throw new AppError('VALIDATION', issues.map((i) => i.message).join('; '), issues);
}

/**
 * Checks and writes in one go, inside the caller's transaction; returns what was written. `definitions`: the type's
 * fields when the caller has them already (core/fields/definitions.ts), else they are read on `trx`.
 */
export async function saveCustom(
  trx: Kysely<DB>,
  recordType: FieldRecordType,
  recordId: string,
  raw: unknown,
  options: { partial: boolean; definitions?: readonly FieldDefinition[] },
): Promise<CustomValues> {
  const definitions = options.definitions ?? (await customDefinitions(trx, recordType));
  const values = parseCustom(definitions, raw, options);
  await writeCustom(trx, definitions, recordId, values);
  return values;
}

export { readCustom };
