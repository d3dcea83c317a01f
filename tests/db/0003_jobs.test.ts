// Migration 0003 on a file written at 0002: the settings table with its default currency, the default pipeline,
// jobs with their rules, the stage history kept by triggers, FTS kept in step, and the board's and lists'
// queries reading their indexes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../electron/db/connection';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let sqlite: Sqlite;
let backupPath: string | null = null;
let stages: Record<string, string>;

beforeAll(async () => {
  file = await openDbAt(2);
  sqlite = file.sqlite;
  file.insert('contacts', { id: 'c1', display_name: 'Old Client', sort_name: 'old client', sort_last: 'client old', created_at: 't', updated_at: 't' });
  file.insert('companies', { id: 'co1', name: 'Old Co', sort_name: 'old co', created_at: 't', updated_at: 't' });
  file.insert('activities', { id: 'a1', contact_id: 'c1', type: 'call', occurred_at: '2026-01-01T00:00:00.000Z', created_at: 't', updated_at: 't' });
  backupPath = (await file.migrateTo(3)).backupPath;
  stages = Object.fromEntries(file.rows('pipeline_stages', { columns: ['name', 'id'] }).map((s) => [s.name, s.id])) as Record<string, string>;
});
afterAll(() => file.close());

const job = (id: string, fields: Record<string, unknown> = {}) =>
  file.insert('jobs', { id, title: id, sort_title: id, stage_id: stages.Lead, currency: 'GBP', rank: 1, stage_changed_at: '2026-01-01T00:00:00.000Z', created_at: 't', updated_at: 't', ...fields });
const history = (jobId: string) => sqlite.prepare(`SELECT from_stage, to_stage, at FROM job_stage_history WHERE job_id = ? ORDER BY seq`).all(jobId);

describe('0003_jobs', () => {
  it('backs up the 0002 file, keeps its rows, and creates STRICT tables with the default currency', () => {
    expect(backupPath).toMatch(/before-0003_jobs\.sqlite$/);
    expect(file.rows('contacts', { columns: ['id', 'display_name'] })).toEqual([{ id: 'c1', display_name: 'Old Client' }]);
    expect(file.rows('activities', { columns: ['id', 'contact_id'] })).toEqual([{ id: 'a1', contact_id: 'c1' }]);
    for (const table of ['settings', 'pipeline_stages', 'jobs', 'job_stage_history']) {
      expect(sqlite.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).pluck().get(table)).toMatch(/STRICT$/);
    }
    expect(file.rows('settings')).toEqual([{ key: 'defaultCurrency', value: 'GBP' }]);
  });

  it('seeds the default pipeline, in order, with their categories and UUIDv7 ids', () => {
    expect(file.rows('pipeline_stages', { columns: ['position', 'name', 'category'] })).toEqual([
      { position: 0, name: 'Lead', category: 'open' },
      { position: 1, name: 'Quoted', category: 'open' },
      { position: 2, name: 'Won', category: 'won' },
      { position: 3, name: 'In progress', category: 'won' },
      { position: 4, name: 'Completed', category: 'won' },
      { position: 5, name: 'Paid', category: 'paid' },
      { position: 6, name: 'Lost', category: 'lost' },
    ]);
    for (const id of Object.values(stages)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(() => file.insert('pipeline_stages', { id: 'x', name: 'Maybe', position: 7, category: 'maybe', created_at: 't', updated_at: 't' })).toThrow(/CHECK/);
  });

  it('enforces the job rules: unique id, known stage and contact, a 3-letter currency, no negative amount, a probability in 0..100', () => {
    job('j1', { contact_id: 'c1', company_id: 'co1', amount_minor: 0, probability: 100 });
    expect(() => job('j1')).toThrow(/UNIQUE/);
    expect(() => job('j2', { stage_id: 'missing' })).toThrow(/FOREIGN KEY/);
    expect(() => job('j3', { contact_id: 'missing' })).toThrow(/FOREIGN KEY/);
    expect(() => job('j4', { currency: 'GB' })).toThrow(/CHECK/);
    expect(() => job('j5', { amount_minor: -1 })).toThrow(/CHECK/);
    expect(() => job('j6', { probability: 101 })).toThrow(/CHECK/);
    expect(() => job('j7', { amount_minor: 1.5 })).toThrow(/cannot store REAL/);
  });

  it('unlinks, never deletes, a job when its contact or company goes for good', () => {
    job('linked', { contact_id: 'c1', company_id: 'co1' });
    sqlite.prepare(`DELETE FROM contacts WHERE id = 'c1'`).run();
    sqlite.prepare(`DELETE FROM companies WHERE id = 'co1'`).run();
    expect(sqlite.prepare(`SELECT contact_id, company_id FROM jobs WHERE id = 'linked'`).get()).toEqual({ contact_id: null, company_id: null });
  });

  it('keeps every stage change in the history: the first stage on insert, each real move after, gone with the job', () => {
    job('h1', { stage_changed_at: '2026-02-01T00:00:00.000Z' });
    sqlite.prepare(`UPDATE jobs SET stage_id = ?, stage_changed_at = ? WHERE id = 'h1'`).run(stages.Won, '2026-02-05T00:00:00.000Z');
    sqlite.prepare(`UPDATE jobs SET stage_id = ?, stage_changed_at = ? WHERE id = 'h1'`).run(stages.Won, '2026-02-06T00:00:00.000Z'); // not a move
    sqlite.prepare(`UPDATE jobs SET title = 'renamed' WHERE id = 'h1'`).run();
    expect(history('h1')).toEqual([
      { from_stage: null, to_stage: stages.Lead, at: '2026-02-01T00:00:00.000Z' },
      { from_stage: stages.Lead, to_stage: stages.Won, at: '2026-02-05T00:00:00.000Z' },
    ]);
    sqlite.prepare(`DELETE FROM jobs WHERE id = 'h1'`).run();
    expect(history('h1')).toEqual([]);
  });

  it('keeps its FTS index in step with titles and notes', () => {
    job('f1', { title: 'Kitchen refit', notes: 'walnut worktop' });
    const find = (q: string) => sqlite.prepare(`SELECT j.id FROM jobs_fts f JOIN jobs j ON j.seq = f.rowid WHERE jobs_fts MATCH ?`).pluck().all(q);
    expect(find('kitch*')).toEqual(['f1']);
    expect(find('walnut')).toEqual(['f1']);
    sqlite.prepare(`UPDATE jobs SET notes = 'oak worktop' WHERE id = 'f1'`).run();
    expect(find('walnut')).toEqual([]);
    expect(find('oak')).toEqual(['f1']);
    sqlite.prepare(`DELETE FROM jobs WHERE id = 'f1'`).run();
    expect(find('kitchen')).toEqual([]);
    expect(() => sqlite.prepare(`INSERT INTO jobs_fts(jobs_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
  });

  it('walks a board column, sums the totals, lists and reads the history from indexes, without sorting', () => {
    const column = file.plan(`SELECT j.* FROM jobs j WHERE j.stage_id = ? AND j.deleted_at IS NULL ORDER BY j.rank, j.id LIMIT 20`, 's');
    expect(column).toContain('jobs_live_stage');
    expect(column).not.toContain('TEMP B-TREE');
    const totals = file.plan(`SELECT j.stage_id, j.currency, count(*), coalesce(sum(j.amount_minor), 0) FROM jobs j WHERE j.deleted_at IS NULL GROUP BY j.stage_id, j.currency`);
    // Grouped in the index's order. Not "COVERING": SQLite still reads each row for the partial index's deleted_at.
    expect(totals).toContain('USING INDEX jobs_live_totals');
    expect(totals).not.toContain('TEMP B-TREE');
    const recent = file.plan(`SELECT * FROM jobs j WHERE j.deleted_at IS NULL ORDER BY j.updated_at DESC, j.id DESC LIMIT 51`);
    expect(recent).toContain('jobs_live_updated');
    expect(recent).not.toContain('TEMP B-TREE');
    expect(file.plan(`SELECT * FROM jobs j WHERE j.deleted_at IS NOT NULL ORDER BY j.deleted_at DESC, j.id DESC LIMIT 51`)).toContain('jobs_trash');
    expect(file.plan(`SELECT id FROM jobs WHERE contact_id = ?`, 'c1')).toContain('jobs_contact');
    const moves = file.plan(`SELECT * FROM job_stage_history h WHERE h.job_id = ? ORDER BY h.at, h.seq`, 'j1');
    expect(moves).toContain('job_stage_history_job');
  });
});
