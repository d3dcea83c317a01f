// Domain records (camelCase, booleans) -> row columns (snake_case, 0/1) for a repo's writes, so services hand
// repos what they speak. Each repo names its columns in one map, checked against its table. Never imports core.

/** Which column each field of a domain record is stored in. */
export type ColumnsOf<Fields, Columns> = { readonly [F in keyof Fields]-?: keyof Columns };

/** The columns of the fields given (undefined ones left out, flags as 0/1), in the map's order. */
export function toColumns<Fields extends object, Columns>(fields: Partial<Fields>, columnOf: ColumnsOf<Fields, Columns>): Partial<Columns> {
  const out: Partial<Record<keyof Columns, unknown>> = {};
  for (const [field, column] of Object.entries(columnOf) as [keyof Fields, keyof Columns][]) {
    const value = fields[field];
    if (value === undefined) continue;
    out[column] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  return out as Partial<Columns>;
}
