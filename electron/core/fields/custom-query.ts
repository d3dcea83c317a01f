// A list's `custom` filters and `sortCustom` arrive by field key (the contract's shape); the SQL fragments in
// db/fields.query.repo.ts need the field's definition. This matches them up once per call and names an unknown key
// as a VALIDATION on that filter, like any other bad input. Shared by the record lists; no SQL, no `electron`.
import type { CustomFilter, CustomSort } from '../../../shared/domain/custom-record';
import type { FieldDefinition } from '../../../shared/domain/custom-fields';
import { AppError } from '../../../shared/ipc/errors';

export interface ResolvedCustomQuery {
  custom: { def: FieldDefinition; filter: CustomFilter }[];
  sortCustom: { def: FieldDefinition; direction: CustomSort['direction'] } | undefined;
}

export function resolveCustomQuery(
  definitions: readonly FieldDefinition[],
  filters: readonly CustomFilter[] | undefined,
  sort: CustomSort | undefined,
): ResolvedCustomQuery {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const find = (key: string, path: string) => {
    const def = byKey.get(key);
    if (!def) throw AppError.validation(path, `There is no field "${key.slice(0, 80)}" (it may have been deleted)`);
    return def;
  };
  return {
    custom: (filters ?? []).map((filter, i) => ({ def: find(filter.key, `custom.${i}.key`), filter })),
    sortCustom: sort ? { def: find(sort.key, 'sortCustom.key'), direction: sort.direction } : undefined,
  };
}
