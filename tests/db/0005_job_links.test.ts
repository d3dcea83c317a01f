// Migration 0005 on a file at 0004: existing activities and follow-ups keep working, unlinked; a job's
// timeline is read from its own index; deleting a job for good unlinks rather than deletes them.
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKysely, openSqlite, type Sqlite } from '../../electron/db/connection';
import { migrate } from '../../electron/db/migrator';
import { migrations } from '../../electron/db/migrations';
import { tempDir } from '../helpers/core';

let sqlite: Sqlite;
let db: Kysely<any>;
const now = () => new Date('2026-11-22T09:00:00.000Z');

beforeAll(async () => {
  const dir = tempDir();
  sqlite = openSqlite(join(dir, 'rapport.sqlite'));
  db = createKysely(sqlite) as unknown as Kysely<any>;
  const before = migrations.filter((m) => m.name < '0005');
  await migrate(sqlite, db, { backupDir: join(dir, 'backups'), now, migrations: before });
  sqlite.prepare(`INSERT INTO contacts (id, display_name, sort_name, sort_last, created_at, updated_at) VALUES ('c1', 'Client', 'client', 'client', 't', 't')`).run();
  sqlite.prepare(`INSERT INTO activities (id, contact_id, type, occurred_at, created_at, updated_at) VALUES ('a0', 'c1', 'note', '2026-01-01T00:00:00.000Z', 't', 't')`).run();
  await migrate(sqlite, db, { backupDir: join(dir, 'backups'), now });
});
afterAll(() => db.destroy());

describe('0005_job_links', () => {
  it('keeps existing activities, unlinked', () => {
    expect(sqlite.prepare(`SELECT id, job_id FROM activities`).all()).toEqual([{ id: 'a0', job_id: null }]);
  });

  it("reads a job's timeline from its index and unlinks on a hard delete of the job", () => {
    const stage = sqlite.prepare(`SELECT id FROM pipeline_stages LIMIT 1`).pluck().get();
    sqlite.prepare(`INSERT INTO jobs (id, title, sort_title, stage_id, currency, rank, stage_changed_at, created_at, updated_at) VALUES ('j1', 'J', 'j', ?, 'GBP', 1, 't', 't', 't')`).run(stage);
    sqlite.prepare(`INSERT INTO activities (id, contact_id, job_id, type, occurred_at, created_at, updated_at) VALUES ('a1', 'c1', 'j1', 'call', '2026-02-01T00:00:00.000Z', 't', 't')`).run();
    const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN SELECT * FROM activities a WHERE a.deleted_at IS NULL AND a.job_id = ? ORDER BY a.occurred_at DESC, a.id DESC LIMIT 51`).all('j1') as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toContain('activities_job_time');
    expect(plan).not.toContain('TEMP B-TREE');
    sqlite.prepare(`DELETE FROM jobs WHERE id = 'j1'`).run();
    expect(sqlite.prepare(`SELECT job_id FROM activities WHERE id = 'a1'`).pluck().get()).toBeNull();
  });
});
