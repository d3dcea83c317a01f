// Migration 0005 on a file at 0004: existing activities and follow-ups keep working, unlinked; a job's
// timeline is read from its own index; deleting a job for good unlinks rather than deletes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../electron/db/connection';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let sqlite: Sqlite;

beforeAll(async () => {
  file = await openDbAt(4);
  sqlite = file.sqlite;
  file.insert('contacts', { id: 'c1', display_name: 'Client', sort_name: 'client', sort_last: 'client', created_at: 't', updated_at: 't' });
  file.insert('activities', { id: 'a0', contact_id: 'c1', type: 'note', occurred_at: '2026-01-01T00:00:00.000Z', created_at: 't', updated_at: 't' });
  await file.migrateTo();
});
afterAll(() => file.close());

describe('0005_job_links', () => {
  it('keeps existing activities, unlinked', () => {
    expect(sqlite.prepare(`SELECT id, job_id FROM activities`).all()).toEqual([{ id: 'a0', job_id: null }]);
  });

  it("reads a job's timeline from its index and unlinks on a hard delete of the job", () => {
    const stage = sqlite.prepare(`SELECT id FROM pipeline_stages LIMIT 1`).pluck().get();
    sqlite.prepare(`INSERT INTO jobs (id, title, sort_title, stage_id, currency, rank, stage_changed_at, created_at, updated_at) VALUES ('j1', 'J', 'j', ?, 'GBP', 1, 't', 't', 't')`).run(stage);
    sqlite.prepare(`INSERT INTO activities (id, contact_id, job_id, type, occurred_at, created_at, updated_at) VALUES ('a1', 'c1', 'j1', 'call', '2026-02-01T00:00:00.000Z', 't', 't')`).run();
    const plan = file.plan(`SELECT * FROM activities a WHERE a.deleted_at IS NULL AND a.job_id = ? ORDER BY a.occurred_at DESC, a.id DESC LIMIT 51`, 'j1');
    expect(plan).toContain('activities_job_time');
    expect(plan).not.toContain('TEMP B-TREE');
    sqlite.prepare(`DELETE FROM jobs WHERE id = 'j1'`).run();
    expect(sqlite.prepare(`SELECT job_id FROM activities WHERE id = 'a1'`).pluck().get()).toBeNull();
  });
});
