// Migration 0009 on a file at 0008: existing jobs get their won / paid / lost times from the stage history,
// new stage changes keep them, the segments table enforces unique names, and activity counts read one index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../electron/db/connection';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let sqlite: Sqlite;
const stage = (name: string) => sqlite.prepare(`SELECT id FROM pipeline_stages WHERE name = ?`).pluck().get(name) as string;
const moveTo = (job: string, name: string, at: string) => sqlite.prepare(`UPDATE jobs SET stage_id = ?, stage_changed_at = ? WHERE id = ?`).run(stage(name), at, job);

beforeAll(async () => {
  file = await openDbAt(8);
  sqlite = file.sqlite;
  const insert = sqlite.prepare(`INSERT INTO jobs (id, title, sort_title, stage_id, currency, rank, stage_changed_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'GBP', 1, ?, ?, ?)`);
  for (const id of ['paid', 'lost', 'open']) insert.run(id, id, id, stage('Lead'), '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 't');
  moveTo('paid', 'Won', '2026-02-01T00:00:00.000Z');
  moveTo('paid', 'Paid', '2026-03-01T00:00:00.000Z');
  moveTo('lost', 'Lost', '2026-04-01T00:00:00.000Z');
  await file.migrateTo();
});
afterAll(() => file.close());

describe('0009_segments', () => {
  it('fills in when existing jobs were won, paid and lost', () => {
    expect(sqlite.prepare(`SELECT job_id, won_at, paid_at, lost_at FROM job_milestones ORDER BY job_id`).all()).toEqual([
      { job_id: 'lost', won_at: null, paid_at: null, lost_at: '2026-04-01T00:00:00.000Z' },
      { job_id: 'open', won_at: null, paid_at: null, lost_at: null },
      { job_id: 'paid', won_at: '2026-02-01T00:00:00.000Z', paid_at: '2026-03-01T00:00:00.000Z', lost_at: null },
    ]);
  });

  it('keeps them from later stage changes: first won, first paid, latest lost', () => {
    moveTo('open', 'Paid', '2026-05-01T00:00:00.000Z'); // straight to paid: won then too
    moveTo('paid', 'Completed', '2026-06-01T00:00:00.000Z');
    moveTo('paid', 'Paid', '2026-07-01T00:00:00.000Z');
    moveTo('lost', 'Lead', '2026-08-01T00:00:00.000Z');
    moveTo('lost', 'Lost', '2026-09-01T00:00:00.000Z');
    expect(sqlite.prepare(`SELECT job_id, won_at, paid_at, lost_at FROM job_milestones ORDER BY job_id`).all()).toEqual([
      { job_id: 'lost', won_at: null, paid_at: null, lost_at: '2026-09-01T00:00:00.000Z' },
      { job_id: 'open', won_at: '2026-05-01T00:00:00.000Z', paid_at: '2026-05-01T00:00:00.000Z', lost_at: null },
      { job_id: 'paid', won_at: '2026-02-01T00:00:00.000Z', paid_at: '2026-03-01T00:00:00.000Z', lost_at: null },
    ]);
    sqlite.prepare(`DELETE FROM jobs WHERE id = 'open'`).run();
    expect(sqlite.prepare(`SELECT count(*) FROM job_milestones`).pluck().get()).toBe(2);
  });

  it('refuses two segments with one name, whatever the case', () => {
    sqlite.prepare(`INSERT INTO segments (id, name, filter, created_at, updated_at) VALUES ('s1', 'VIP', '{}', 't', 't')`).run();
    expect(() => sqlite.prepare(`INSERT INTO segments (id, name, filter, created_at, updated_at) VALUES ('s2', 'vip', '{}', 't', 't')`).run()).toThrow(/UNIQUE/);
  });

  it('counts activities per type in a period from the covering index alone', () => {
    const plan = file.plan(`SELECT a.type, count(*) FROM activities a INDEXED BY activities_time_type WHERE a.deleted_at IS NULL AND a.occurred_at >= ? AND a.occurred_at < ? GROUP BY a.type`, 'a', 'b');
    expect(plan).toContain('COVERING INDEX activities_time_type');
  });
});
