// Migration 0016 on a file written at 0015 with contacts already there: the bulk-edit journal tables appear empty,
// contacts are untouched, an item needs its edit (and goes with it), and the checks hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let backupPath: string | null = null;
let contactsBefore: unknown[];

beforeAll(async () => {
  file = await openDbAt(15);
  file.insert('contacts', { id: 'c1', display_name: 'Ann', sort_name: 'ann', sort_last: 'ann', created_at: 't', updated_at: 't' });
  contactsBefore = file.rows('contacts');
  backupPath = (await file.migrateTo(16)).backupPath;
});
afterAll(() => file.close());

describe('0016_contact_bulk_edits', () => {
  it('backs up the 0015 file, adds the two tables empty and leaves contacts as they were', () => {
    expect(backupPath).toMatch(/before-0016_contact_bulk_edits\.sqlite$/);
    expect(file.columns('contact_bulk_edits')).toEqual(['seq', 'id', 'action', 'change', 'note', 'source', 'status', 'changed', 'created_at', 'undone_at']);
    expect(file.columns('contact_bulk_edit_items')).toEqual(['edit_id', 'contact_id', 'before', 'written_at']);
    expect(file.rows('contact_bulk_edits')).toEqual([]);
    expect(file.rows('contacts')).toEqual(contactsBefore);
  });

  it('defaults the source to "bulk edit", refuses bad values, and items go with their edit', () => {
    file.insert('contact_bulk_edits', { id: 'e1', action: 'setEmailOptIn', change: '{}', note: 'Trade show', status: 'done', created_at: 't' });
    expect(file.rows('contact_bulk_edits', { columns: ['id', 'source', 'changed', 'undone_at'] })).toEqual([{ id: 'e1', source: 'bulk edit', changed: 0, undone_at: null }]);
    expect(() => file.insert('contact_bulk_edits', { id: 'e2', action: 'paint', change: '{}', status: 'done', created_at: 't' })).toThrow(/CHECK/);
    expect(() => file.insert('contact_bulk_edits', { id: 'e3', action: 'trash', change: '{', status: 'done', created_at: 't' })).toThrow(/CHECK|JSON/i);
    expect(() => file.insert('contact_bulk_edits', { id: 'e4', action: 'trash', change: '{}', status: 'paused', created_at: 't' })).toThrow(/CHECK/);
    expect(() => file.insert('contact_bulk_edit_items', { edit_id: 'nope', contact_id: 'c1', before: '{}', written_at: 't' })).toThrow(/FOREIGN KEY/);
    file.insert('contact_bulk_edit_items', { edit_id: 'e1', contact_id: 'c1', before: '{"emailOptIn":false}', written_at: 't' });
    expect(() => file.insert('contact_bulk_edit_items', { edit_id: 'e1', contact_id: 'c1', before: '{}', written_at: 't' })).toThrow(/UNIQUE|PRIMARY/);
    expect(file.plan("SELECT * FROM contact_bulk_edit_items WHERE contact_id = 'c1'")).toMatch(/contact_bulk_edit_items_contact/);
    file.sqlite.prepare(`DELETE FROM contact_bulk_edits WHERE id = 'e1'`).run();
    expect(file.rows('contact_bulk_edit_items')).toEqual([]);
    expect(file.rows('contacts')).toHaveLength(1);
  });
});
