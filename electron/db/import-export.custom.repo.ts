// Custom field values (issue #19) as imports, undo and exports read and write them on their own raw connection (an
// import's bulkWriter, an export's read snapshot): prepared statements over custom_values, with fields.repo's one
// mapping between a value and its rows. Imports no core.
import type { CustomValue, CustomValues } from '../../shared/domain/custom-fields';
import type { Sqlite } from './connection';
import { decodeValue, encodeValue, type StoredShape } from './fields.repo';
import type { CustomValuesTable } from './schema.custom-fields';

export type CustomRow = CustomValuesTable;

/** What an update's before-image keeps of a contact's custom values: the fields it covers and their rows then. */
export interface CustomBefore {
  fieldIds: string[];
  rows: CustomRow[];
}

/** Reads and writes of one record type's values by record id, on `sqlite`. Nothing is prepared when there are no fields. */
export function prepareCustomStatements(sqlite: Sqlite, fields: readonly StoredShape[]) {
  if (fields.length === 0) {
    return { read: (): CustomValues => ({}), rows: (): CustomRow[] => [], write: (): void => {}, fieldIds: [] as string[] };
  }
  const byId = new Map(fields.map((f) => [f.id, f]));
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const ids = JSON.stringify([...byId.keys()]);
  const rowsOf = sqlite.prepare<[string, string], CustomRow>(
    `SELECT * FROM custom_values WHERE record_id = ? AND field_id IN (SELECT value FROM json_each(?)) ORDER BY field_id, seq`,
  );
  const clear = sqlite.prepare<[string, string]>(`DELETE FROM custom_values WHERE field_id = ? AND record_id = ?`);
  const insert = sqlite.prepare<[CustomRow]>(
    `INSERT INTO custom_values (field_id, record_id, seq, text_value, num_value, sort_text) VALUES (@field_id, @record_id, @seq, @text_value, @num_value, @sort_text)`,
  );
  const rows = (recordId: string): CustomRow[] => rowsOf.all(recordId, ids);
  return {
    fieldIds: [...byId.keys()],
    rows,
    /** The record's values by key (only fields that hold one). */
    read(recordId: string): CustomValues {
      const out: CustomValues = {};
      let group: CustomRow[] = [];
      const flush = () => {
        const def = group[0] && byId.get(group[0].field_id);
        if (def) out[def.key] = decodeValue(def, group);
        group = [];
      };
      for (const row of rows(recordId)) {
        if (group[0] && group[0].field_id !== row.field_id) flush();
        group.push(row);
      }
      flush();
      return out;
    },
    /** Writes the given keys (null clears); other keys are untouched. Call inside the caller's transaction. */
    write(recordId: string, values: CustomValues): void {
      for (const [key, value] of Object.entries(values)) {
        const def = byKey.get(key);
        if (!def) continue;
        clear.run(def.id, recordId);
        for (const row of encodeValue(def, value as CustomValue)) insert.run({ ...row, field_id: def.id, record_id: recordId });
      }
    },
  };
}

export type CustomStatements = ReturnType<typeof prepareCustomStatements>;

/**
 * Undo's half for custom values: puts a record's values of the listed fields back as they were. A field deleted for
 * good since has nothing to hold them (its values went with it), so its rows are not put back.
 */
export function prepareCustomRestore(sqlite: Sqlite) {
  const clear = sqlite.prepare<[string, string]>(`DELETE FROM custom_values WHERE record_id = ? AND field_id IN (SELECT value FROM json_each(?))`);
  const insert = sqlite.prepare<[CustomRow]>(
    `INSERT INTO custom_values (field_id, record_id, seq, text_value, num_value, sort_text)
     SELECT @field_id, @record_id, @seq, @text_value, @num_value, @sort_text WHERE EXISTS (SELECT 1 FROM custom_fields WHERE id = @field_id)`,
  );
  return (recordId: string, before: CustomBefore): void => {
    clear.run(recordId, JSON.stringify(before.fieldIds));
    for (const row of before.rows) insert.run(row);
  };
}

/**
 * The values of many records at once on a read snapshot, for an export's batch: record id -> { key: value }. Fields
 * are the record type's live ones (archived included); an empty list reads nothing.
 */
export function snapshotCustom(snapshot: Sqlite, fields: readonly StoredShape[], recordIds: readonly string[]): Map<string, CustomValues> {
  const out = new Map<string, CustomValues>();
  if (fields.length === 0 || recordIds.length === 0) return out;
  const byId = new Map(fields.map((f) => [f.id, f]));
  const rows = snapshot
    .prepare<[string, string], CustomRow>(
      `SELECT * FROM custom_values WHERE field_id IN (SELECT value FROM json_each(?)) AND record_id IN (SELECT value FROM json_each(?)) ORDER BY record_id, field_id, seq`,
    )
    .all(JSON.stringify([...byId.keys()]), JSON.stringify(recordIds));
  let group: CustomRow[] = [];
  const flush = () => {
    const first = group[0];
    const def = first && byId.get(first.field_id);
    if (first && def) {
      const values = out.get(first.record_id) ?? {};
      values[def.key] = decodeValue(def, group);
      out.set(first.record_id, values);
    }
    group = [];
  };
  for (const row of rows) {
    if (group[0] && (group[0].field_id !== row.field_id || group[0].record_id !== row.record_id)) flush();
    group.push(row);
  }
  flush();
  return out;
}
