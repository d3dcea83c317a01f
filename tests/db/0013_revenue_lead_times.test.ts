// Migration 0013 on a file written at 0012 with jobs already won and paid: revenue_months gains, per month and
// currency, how many jobs have a value (valued) and their summed creation-to-won (paid) times in whole milliseconds
// (lead_ms), backfilled from the jobs already there; its triggers keep both after any change, including a job's
// creation time. Expected figures are written out by hand, not computed by the migration's own SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../electron/db/connection';
import { openDbAt, type TestDb } from '../helpers/migrations';

const DAY = 86_400_000;
let file: TestDb;
let sqlite: Sqlite;
let backupPath: string | null = null;
let columnsBefore: string[];

const stage = (name: string) => sqlite.prepare(`SELECT id FROM pipeline_stages WHERE name = ?`).pluck().get(name) as string;
const job = (id: string, currency: string, amount: number | null, createdAt: string) =>
  file.insert('jobs', {
    id, title: id, sort_title: id, stage_id: stage('Lead'), amount_minor: amount, currency, rank: 1, stage_changed_at: createdAt, created_at: createdAt, updated_at: 't',
  });
const moveTo = (id: string, name: string, at: string) => sqlite.prepare(`UPDATE jobs SET stage_id = ?, stage_changed_at = ? WHERE id = ?`).run(stage(name), at, id);
const revenue = () => file.rows('revenue_months', { columns: ['kind', 'month', 'currency', 'jobs', 'amount', 'valued', 'lead_ms'] });

beforeAll(async () => {
  file = await openDbAt(12);
  sqlite = file.sqlite;
  job('j1', 'GBP', 1000, '2026-01-01T00:00:00.000Z');
  moveTo('j1', 'Won', '2026-01-03T12:00:00.000Z'); // 2.5 days
  moveTo('j1', 'Paid', '2026-02-10T00:00:00.000Z'); // 40 days after creation
  job('j2', 'GBP', null, '2026-01-10T00:00:00.000Z'); // won without a value
  moveTo('j2', 'Won', '2026-01-11T00:00:00.000Z');
  job('j3', 'EUR', 500, '2026-01-05T06:00:00.000Z');
  moveTo('j3', 'In progress', '2026-01-05T18:00:00.000Z'); // half a day; In progress counts as won
  job('j4', 'GBP', 700, '2026-01-20T00:00:00.000Z'); // won "before" it was created (an imported date): no lead time
  moveTo('j4', 'Won', '2026-01-15T00:00:00.000Z');
  job('j5', 'GBP', 300, '2026-01-01T00:00:00.000Z'); // won, then trashed: never counts
  moveTo('j5', 'Won', '2026-01-02T00:00:00.000Z');
  sqlite.prepare(`UPDATE jobs SET deleted_at = 't' WHERE id = 'j5'`).run();
  job('j6', 'GBP', 900, '2026-01-01T00:00:00.000Z'); // still open
  columnsBefore = file.columns('revenue_months');
  backupPath = (await file.migrateTo(13)).backupPath;
});
afterAll(() => file.close());

describe('0013_revenue_lead_times', () => {
  it('backs up the 0012 file and adds valued and lead_ms to revenue_months', () => {
    expect(backupPath).toMatch(/before-0013_revenue_lead_times\.sqlite$/);
    expect(columnsBefore).toEqual(['kind', 'month', 'currency', 'jobs', 'amount']);
    expect(file.columns('revenue_months')).toEqual(['kind', 'month', 'currency', 'jobs', 'amount', 'valued', 'lead_ms']);
  });

  it('backfills how many jobs have a value and their lead times from the jobs already won and paid', () => {
    expect(revenue()).toEqual([
      { kind: 'paid', month: '2026-02', currency: 'GBP', jobs: 1, amount: 1000, valued: 1, lead_ms: 40 * DAY },
      { kind: 'won', month: '2026-01', currency: 'EUR', jobs: 1, amount: 500, valued: 1, lead_ms: DAY / 2 },
      { kind: 'won', month: '2026-01', currency: 'GBP', jobs: 3, amount: 1700, valued: 2, lead_ms: 2.5 * DAY + DAY + 0 },
    ]);
  });

  it('keeps them after the migration: a value set, a creation time corrected, a job won, trashed or purged', () => {
    sqlite.prepare(`UPDATE jobs SET amount_minor = 250 WHERE id = 'j2'`).run();
    sqlite.prepare(`UPDATE jobs SET created_at = '2026-01-14T00:00:00.000Z' WHERE id = 'j4'`).run(); // now one day before won
    job('j7', 'GBP', null, '2026-03-01T00:00:00.000Z');
    moveTo('j7', 'Completed', '2026-03-04T00:00:00.000Z');
    sqlite.prepare(`UPDATE jobs SET deleted_at = 't' WHERE id = 'j3'`).run();
    sqlite.prepare(`DELETE FROM jobs WHERE id = 'j1'`).run();
    expect(revenue()).toEqual([
      { kind: 'won', month: '2026-01', currency: 'GBP', jobs: 2, amount: 950, valued: 2, lead_ms: DAY + DAY },
      { kind: 'won', month: '2026-03', currency: 'GBP', jobs: 1, amount: 0, valued: 0, lead_ms: 3 * DAY },
    ]);
  });

  it('reads whole months of the win-rate figures from the summary rows by their key', () => {
    const plan = file.plan(`SELECT v.currency, v.jobs, v.valued, v.amount, v.lead_ms FROM revenue_months v WHERE v.kind = ? AND v.month >= ? AND v.month < ?`, 'won', '2026-01', '2027-01');
    expect(plan).toContain('SEARCH v USING PRIMARY KEY (kind=? AND month>? AND month<?)');
  });
});
