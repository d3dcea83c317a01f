// Migration 0021 on a file written at 0020 with a contact and its activities: the duplicate, merge-journal, alias and
// quality tables arrive empty, deleting a merge takes its journal rows, and the two activity summary triggers stand
// down only while bulk_insert names 'activities' (a merge's own transaction), behaving as before otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let backupPath: string | null = null;
const T = '2026-11-20T10:00:00.000Z';

beforeAll(async () => {
  file = await openDbAt(20);
  file.insert('contacts', [
    { id: 'c1', display_name: 'Ann', sort_name: 'ann', sort_last: 'ann', emails: '[{"value":"ann@x.example"}]', created_at: 't', updated_at: 't' },
    { id: 'c2', display_name: 'Bob', sort_name: 'bob', sort_last: 'bob', created_at: 't', updated_at: 't' },
  ]);
  file.insert('activities', { id: 'a1', contact_id: 'c1', type: 'call', occurred_at: T, created_at: 't', updated_at: 't' });
  backupPath = (await file.migrateTo(21)).backupPath;
});
afterAll(() => file.close());

describe('0021_duplicates_and_merges', () => {
  it('backs up the 0020 file and adds the tables empty, contacts untouched', () => {
    expect(backupPath).toMatch(/before-0021_duplicates_and_merges\.sqlite$/);
    expect(file.rows('contacts', { columns: ['id', 'last_contacted_at'] })).toEqual([{ id: 'c1', last_contacted_at: T }, { id: 'c2', last_contacted_at: '' }]);
    for (const table of ['duplicate_pairs', 'duplicate_dismissals', 'merges', 'merge_losers', 'merge_moves', 'record_aliases', 'quality_fixes', 'quality_fix_items']) {
      expect(file.rows(table), table).toEqual([]);
    }
  });

  it('deleting a merge takes its losers, moves and aliases with it', () => {
    file.insert('merges', { id: 'm1', kind: 'contact', survivor_id: 'c1', survivor_before: '{}', survivor_after: '{}', choices: '{}', created_at: 't' });
    file.insert('merge_losers', { merge_id: 'm1', loser_id: 'x', display_name: 'X', snapshot: '{}' });
    file.insert('merge_moves', { merge_id: 'm1', tbl: 'activities', row_key: 'a1', col: 'contact_id', from_id: 'x' });
    file.insert('record_aliases', { alias_id: 'x', kind: 'contact', target_id: 'c1', merge_id: 'm1' });
    expect(() => file.insert('merges', { id: 'm2', kind: 'person', survivor_id: 'c1', survivor_before: '{}', survivor_after: '{}', choices: '{}', created_at: 't' })).toThrow(/CHECK/);
    file.sqlite.prepare(`DELETE FROM merges WHERE id = 'm1'`).run();
    expect([file.rows('merge_losers'), file.rows('merge_moves'), file.rows('record_aliases')]).toEqual([[], [], []]);
  });

  it('keeps last contacted and touches per activity move, except while a merge stands them down', () => {
    const touches = () => file.rows('contact_touches', { columns: ['contact_id', 'touches'] });
    file.sqlite.prepare(`UPDATE activities SET contact_id = 'c2' WHERE id = 'a1'`).run();
    expect(file.rows('contacts', { columns: ['id', 'last_contacted_at'] })).toEqual([{ id: 'c1', last_contacted_at: '' }, { id: 'c2', last_contacted_at: T }]);
    expect(touches()).toEqual([{ contact_id: 'c2', touches: 1 }]);
    file.sqlite.transaction(() => {
      file.sqlite.prepare(`INSERT INTO bulk_insert (on_table) VALUES ('activities')`).run();
      file.sqlite.prepare(`UPDATE activities SET contact_id = 'c1' WHERE id = 'a1'`).run();
      expect(file.rows('contacts', { columns: ['id', 'last_contacted_at'] })).toEqual([{ id: 'c1', last_contacted_at: '' }, { id: 'c2', last_contacted_at: T }]);
      expect(touches()).toEqual([{ contact_id: 'c2', touches: 1 }]);
      // A merge recomputes them before it commits; here the row goes back where the summaries say it is.
      file.sqlite.prepare(`UPDATE activities SET contact_id = 'c2' WHERE id = 'a1'`).run();
      file.sqlite.prepare(`DELETE FROM bulk_insert WHERE on_table = 'activities'`).run();
    })();
    file.sqlite.prepare(`UPDATE activities SET contact_id = 'c1' WHERE id = 'a1'`).run();
    expect(file.rows('contacts', { columns: ['id', 'last_contacted_at'] })).toEqual([{ id: 'c1', last_contacted_at: T }, { id: 'c2', last_contacted_at: '' }]);
    expect(touches()).toEqual([{ contact_id: 'c1', touches: 1 }]);
  });
});
