// Migration 0026 on a file written at 0025 with a contact's activities (live and in Trash): the one index that replaces
// three serves the timeline, the touch seek and the lookups of a deletion for good, the rows are untouched, and the
// summaries the triggers keep (last contacted) still follow an activity moved to another contact, as a merge moves it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let backupPath: string | null = null;

const TIMELINE = `SELECT a.* FROM activities a WHERE a.deleted_at IS NULL AND a.contact_id = ? ORDER BY a.occurred_at DESC, a.id DESC LIMIT 50`;
const TOUCH = `SELECT 1 FROM activities a WHERE a.contact_id = ? AND a.deleted_at IS NULL AND a.occurred_at >= ? AND a.occurred_at < ?
  AND a.type <> 'note' AND coalesce(a.outcome, '') NOT IN ('no_answer', 'busy', 'wrong_number')`;
const PURGE = `SELECT id FROM activities WHERE contact_id = ?`;

beforeAll(async () => {
  file = await openDbAt(25);
  file.insert('contacts', [
    { id: 'c1', display_name: 'Ann', sort_name: 'ann', sort_last: 'ann', created_at: 't', updated_at: 't' },
    { id: 'c2', display_name: 'Bob', sort_name: 'bob', sort_last: 'bob', created_at: 't', updated_at: 't' },
  ]);
  file.insert('activities', [
    { id: 'a1', contact_id: 'c1', type: 'call', occurred_at: '2026-01-01T09:00:00.000Z', created_at: 't', updated_at: 't' },
    { id: 'a2', contact_id: 'c1', type: 'note', occurred_at: '2026-01-02T09:00:00.000Z', created_at: 't', updated_at: 't', deleted_at: 't' },
    { id: 'a3', contact_id: 'c1', type: 'email', occurred_at: '2026-01-03T09:00:00.000Z', created_at: 't', updated_at: 't' },
  ]);
  backupPath = (await file.migrateTo(26)).backupPath;
});
afterAll(() => file.close());

describe('0026_activity_contact_index', () => {
  it('backs up the 0025 file and leaves one index on activities that begins with contact_id', () => {
    expect(backupPath).toMatch(/before-0026_activity_contact_index\.sqlite$/);
    const indexes = file.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'activities' AND sql LIKE '%(contact_id%'`).pluck().all();
    expect(indexes).toEqual(['activities_contact']);
  });

  it('serves the timeline in order, the touch seek from the index alone, and the lookup of a deletion for good', () => {
    expect(file.plan(TIMELINE, 'c1')).toMatch(/^SEARCH a USING INDEX activities_contact \(contact_id=\?\)$/);
    expect(file.plan(TOUCH, 'c1', '2026-01-01', '2026-02-01')).toMatch(/USING COVERING INDEX activities_contact \(contact_id=\? AND occurred_at>\? AND occurred_at<\?\)/);
    expect(file.plan(PURGE, 'c1')).toMatch(/USING COVERING INDEX activities_contact \(contact_id=\?\)/);
    expect(file.sqlite.prepare(TIMELINE).all('c1').map((r) => (r as { id: string }).id)).toEqual(['a3', 'a1']);
  });

  it('keeps every row, and an activity moved to another contact moves their last contacted with it', () => {
    expect(file.rows('activities', { columns: ['id', 'contact_id'] })).toEqual([{ id: 'a1', contact_id: 'c1' }, { id: 'a2', contact_id: 'c1' }, { id: 'a3', contact_id: 'c1' }]);
    file.sqlite.prepare(`UPDATE activities SET contact_id = 'c2' WHERE id = 'a3'`).run();
    expect(file.rows('contacts', { columns: ['id', 'last_contacted_at'], orderBy: 'id' })).toEqual([
      { id: 'c1', last_contacted_at: '2026-01-01T09:00:00.000Z' },
      { id: 'c2', last_contacted_at: '2026-01-03T09:00:00.000Z' },
    ]);
    file.sqlite.prepare(`DELETE FROM contacts WHERE id = 'c1'`).run();
    expect(file.rows('activities', { columns: ['id'] })).toEqual([{ id: 'a3' }]);
  });
});
