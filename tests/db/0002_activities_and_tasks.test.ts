// Migration 0002 on a file written at 0001: existing contacts get "never contacted" and no follow-up,
// the triggers keep both in step afterwards, and the timeline and drift queries use their indexes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../electron/db/connection';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let sqlite: Sqlite;
let backupPath: string | null = null;

beforeAll(async () => {
  file = await openDbAt(1);
  sqlite = file.sqlite;
  file.insert('contacts', { id: 'c1', display_name: 'Old Client', sort_name: 'old client', sort_last: 'client old', created_at: 't', updated_at: 't' });
  backupPath = (await file.migrateTo()).backupPath;
});
afterAll(() => file.close());

const plan = (sqlText: string, ...params: unknown[]) => file.plan(sqlText, ...params);

describe('0002_activities_and_tasks', () => {
  it('backs up the 0001 file, then gives existing contacts "never contacted" and no follow-up', () => {
    expect(backupPath).toMatch(/before-0002_activities_and_tasks\.sqlite$/);
    expect(sqlite.prepare(`SELECT last_contacted_at, next_task_due_at FROM contacts WHERE id = 'c1'`).get()).toEqual({ last_contacted_at: '', next_task_due_at: null });
  });

  it('keeps last contacted and next follow-up in step through its triggers', () => {
    const insert = sqlite.prepare(`INSERT INTO activities (id, contact_id, type, occurred_at, outcome, created_at, updated_at) VALUES (?, 'c1', ?, ?, ?, 't', 't')`);
    insert.run('a1', 'call', '2026-11-01T10:00:00.000Z', 'connected');
    insert.run('a2', 'call', '2026-11-05T10:00:00.000Z', 'busy');
    expect(sqlite.prepare(`SELECT last_contacted_at FROM contacts WHERE id = 'c1'`).pluck().get()).toBe('2026-11-01T10:00:00.000Z');
    sqlite.prepare(`INSERT INTO tasks (id, title, due_at, contact_id, created_at, updated_at) VALUES ('t1', 'x', '2026-12-01T09:00:00.000Z', 'c1', 't', 't')`).run();
    expect(sqlite.prepare(`SELECT next_task_due_at FROM contacts WHERE id = 'c1'`).pluck().get()).toBe('2026-12-01T09:00:00.000Z');
    sqlite.prepare(`DELETE FROM activities WHERE id = 'a1'`).run();
    sqlite.prepare(`UPDATE tasks SET completed_at = 'now' WHERE id = 't1'`).run();
    expect(sqlite.prepare(`SELECT last_contacted_at, next_task_due_at FROM contacts WHERE id = 'c1'`).get()).toEqual({ last_contacted_at: '', next_task_due_at: null });
    for (const table of ['activities_fts', 'tasks_fts']) {
      expect(() => sqlite.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    }
  });

  it('reads a contact\'s timeline and the last-contacted order from indexes, without sorting', () => {
    const timeline = plan(`SELECT * FROM activities a WHERE a.deleted_at IS NULL AND a.contact_id = ? ORDER BY a.occurred_at DESC, a.id DESC LIMIT 51`, 'c1');
    // 0002's activities_contact_time, or since 0026 the one contact index that replaced it.
    expect(timeline).toMatch(/USING INDEX activities_contact(_time)? \(contact_id=\?\)/);
    expect(timeline).not.toContain('TEMP B-TREE');
    const drift = plan(`SELECT * FROM contacts c WHERE c.deleted_at IS NULL ORDER BY c.last_contacted_at DESC, c.id DESC LIMIT 51`);
    expect(drift).toContain('contacts_live_contacted');
    expect(drift).not.toContain('TEMP B-TREE');
  });
});
