// Migration 0020 on a file written at 0019 with contacts already there: the custom field tables arrive empty, the
// contacts are untouched, and filtering or sorting by one field reads its index instead of every value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let backupPath: string | null = null;

beforeAll(async () => {
  file = await openDbAt(19);
  file.insert('contacts', { id: 'c1', display_name: 'Ann', sort_name: 'ann', sort_last: 'ann', created_at: 't', updated_at: 't' });
  backupPath = (await file.migrateTo(20)).backupPath;
});
afterAll(() => file.close());

describe('0020_custom_fields', () => {
  it('backs up the 0019 file and adds the two tables, contacts untouched', () => {
    expect(backupPath).toMatch(/before-0020_custom_fields\.sqlite$/);
    expect(file.rows('contacts', { columns: ['id', 'display_name'] })).toEqual([{ id: 'c1', display_name: 'Ann' }]);
    expect(file.columns('custom_values')).toEqual(['field_id', 'record_id', 'seq', 'text_value', 'num_value', 'sort_text']);
    expect(file.rows('custom_fields')).toEqual([]);
  });

  it('filters and sorts by one field on its indexes, and a field deleted for good takes its values', () => {
    expect(file.plan(`SELECT record_id FROM custom_values WHERE field_id = ? AND num_value >= ? ORDER BY num_value`, 'f', 1)).toMatch(/USING COVERING INDEX custom_values_num \(field_id=\? AND num_value>\?\)/);
    expect(file.plan(`SELECT record_id FROM custom_values WHERE field_id = ? ORDER BY sort_text, record_id`, 'f')).toMatch(/USING COVERING INDEX custom_values_sort \(field_id=\?\)/);
    expect(file.plan(`SELECT * FROM custom_values WHERE record_id = ?`, 'c1')).toMatch(/USING INDEX custom_values_record \(record_id=\?\)/);
    file.insert('custom_fields', { id: 'f', record_type: 'contact', key: 'gateCode', label: 'Gate code', type: 'text', position: 0, created_at: 't', updated_at: 't' });
    file.insert('custom_values', { field_id: 'f', record_id: 'c1', seq: 0, text_value: '1234', sort_text: '1234' });
    expect(() => file.insert('custom_fields', { id: 'g', record_type: 'contact', key: 'gateCode', label: 'Other', type: 'text', position: 1, created_at: 't', updated_at: 't' })).toThrow(/UNIQUE/);
    file.sqlite.prepare(`DELETE FROM custom_fields WHERE id = 'f'`).run();
    expect(file.rows('custom_values')).toEqual([]);
  });
});
