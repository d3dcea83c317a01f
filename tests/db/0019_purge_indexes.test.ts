// Migration 0019 on a file written at 0018 with activities already there (live and in Trash): the foreign key
// lookups a deletion for good makes (a contact's, company's or job's activities, in Trash or not) read an index
// instead of every activity, and the rows are untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let backupPath: string | null = null;
let plansBefore: string[];

// What SQLite runs for ON DELETE CASCADE / SET NULL on activities, and what trash.repo.ts's closure asks.
const LOOKUPS = [`SELECT id FROM activities WHERE contact_id = ?`, `SELECT id FROM activities WHERE company_id = ?`, `SELECT id FROM activities WHERE job_id = ?`];
const plans = () => LOOKUPS.map((q) => file.plan(q, 'x'));

beforeAll(async () => {
  file = await openDbAt(18);
  file.insert('contacts', { id: 'c1', display_name: 'Ann', sort_name: 'ann', sort_last: 'ann', created_at: 't', updated_at: 't' });
  file.insert('activities', [
    { id: 'a1', contact_id: 'c1', type: 'call', occurred_at: '2026-01-01T09:00:00.000Z', created_at: 't', updated_at: 't' },
    { id: 'a2', contact_id: 'c1', type: 'note', occurred_at: '2026-01-02T09:00:00.000Z', created_at: 't', updated_at: 't', deleted_at: 't' },
  ]);
  plansBefore = plans();
  backupPath = (await file.migrateTo(19)).backupPath;
});
afterAll(() => file.close());

describe('0019_purge_indexes', () => {
  it('backs up the 0018 file, then the lookups by contact, company and job use an index over all activities', () => {
    expect(backupPath).toMatch(/before-0019_purge_indexes\.sqlite$/);
    expect(plansBefore[0]).toMatch(/^SCAN activities/);
    expect(plans()).toEqual([
      expect.stringMatching(/USING INDEX activities_contact_all \(contact_id=\?\)/),
      expect.stringMatching(/USING INDEX activities_company_all \(company_id=\?\)/),
      expect.stringMatching(/USING INDEX activities_job_all \(job_id=\?\)/),
    ]);
  });

  it('keeps the rows, and a contact deleted for good takes its activities, trashed ones too', () => {
    expect(file.rows('activities', { columns: ['id'] })).toEqual([{ id: 'a1' }, { id: 'a2' }]);
    file.sqlite.prepare(`DELETE FROM contacts WHERE id = 'c1'`).run();
    expect(file.rows('activities', { columns: ['id'] })).toEqual([]);
  });
});
