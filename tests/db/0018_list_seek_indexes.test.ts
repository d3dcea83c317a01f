// Migration 0018 on a file written just before it, with live and trashed contacts: the five live-row sort indexes
// gain deleted_at, so the contacts list's seek to an offset reads the index alone (covering); their order and
// partial WHERE are unchanged, so keyset pages and the lead-source counts still use them. No row changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/db/migrations';
import { migrationNumber, openDbAt, type TestDb } from '../helpers/migrations';

const SORTS = [
  ['contacts_live_name', 'sort_name', ['sort_name', 'id', 'deleted_at']],
  ['contacts_live_last', 'sort_last', ['sort_last', 'id', 'deleted_at']],
  ['contacts_live_created', 'created_at', ['created_at', 'id', 'lead_source', 'deleted_at']],
  ['contacts_live_updated', 'updated_at', ['updated_at', 'id', 'deleted_at']],
  ['contacts_live_contacted', 'last_contacted_at', ['last_contacted_at', 'id', 'deleted_at']],
] as const;

let file: TestDb;
let backupPath: string | null = null;
let rowsBefore: unknown[];

beforeAll(async () => {
  const previous = Math.max(...migrations.map((m) => migrationNumber(m.name)).filter((n) => n < 18));
  file = await openDbAt(previous);
  for (const [id, deleted] of [['c1', null], ['c2', null], ['c3', '2026-11-01T00:00:00.000Z'], ['c4', null]] as const) {
    file.insert('contacts', { id, display_name: id, sort_name: id, sort_last: id, created_at: `2026-0${id[1]}-01`, updated_at: 't', deleted_at: deleted });
  }
  rowsBefore = file.rows('contacts');
  backupPath = (await file.migrateTo(18)).backupPath;
});
afterAll(() => file.close());

describe('0018_list_seek_indexes', () => {
  it('backs up the file and leaves every contact as it was', () => {
    expect(backupPath).toMatch(/before-0018_list_seek_indexes\.sqlite$/);
    expect(file.rows('contacts')).toEqual(rowsBefore);
  });

  it.each(SORTS)('rebuilds %s with deleted_at last, still partial on live rows', (index, _column, columns) => {
    expect(file.sqlite.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).pluck().all(index)).toEqual(columns);
    expect(file.sqlite.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).pluck().get(index)).toMatch(/WHERE deleted_at IS NULL$/);
  });

  it.each(SORTS)('finds the row at an offset from %s alone, and pages in its order without sorting', (index, column) => {
    const seek = `SELECT ${column} AS v, id FROM contacts c WHERE c.deleted_at IS NULL ORDER BY ${column} DESC, id DESC LIMIT 1 OFFSET 1`;
    expect(file.plan(seek)).toContain(`USING COVERING INDEX ${index}`);
    const page = `SELECT * FROM contacts c WHERE c.deleted_at IS NULL ORDER BY ${column}, id LIMIT 2`;
    expect(file.plan(page)).toContain(index);
    expect(file.plan(page)).not.toContain('TEMP B-TREE');
  });

  it('seeks past trashed contacts: the offset counts live rows only', () => {
    const at = (offset: number) => file.sqlite.prepare(`SELECT id FROM contacts WHERE deleted_at IS NULL ORDER BY sort_name, id LIMIT 1 OFFSET ?`).pluck().get(offset);
    expect([0, 1, 2].map(at)).toEqual(['c1', 'c2', 'c4']);
  });
});
