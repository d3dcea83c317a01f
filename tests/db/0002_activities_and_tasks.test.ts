// Migration 0002 on a file written at 0001: existing contacts get "never contacted" and no follow-up,
// the triggers keep both in step afterwards, and the timeline and drift queries use their indexes.
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKysely, openSqlite, type Sqlite } from '../../electron/db/connection';
import { migrate } from '../../electron/db/migrator';
import { migrations } from '../../electron/db/migrations';
import { tempDir } from '../helpers/core';

let sqlite: Sqlite;
let db: Kysely<any>;
let backupPath: string | null = null;
const now = () => new Date('2026-11-22T09:00:00.000Z');

beforeAll(async () => {
  const dir = tempDir();
  sqlite = openSqlite(join(dir, 'rapport.sqlite'));
  db = createKysely(sqlite) as unknown as Kysely<any>;
  await migrate(sqlite, db, { backupDir: join(dir, 'backups'), now, migrations: migrations.slice(0, 1) });
  sqlite
    .prepare(`INSERT INTO contacts (id, display_name, sort_name, sort_last, created_at, updated_at) VALUES ('c1', 'Old Client', 'old client', 'client old', 't', 't')`)
    .run();
  backupPath = (await migrate(sqlite, db, { backupDir: join(dir, 'backups'), now })).backupPath;
});
afterAll(() => db.destroy());

const plan = (sqlText: string, ...params: unknown[]) =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${sqlText}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');

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
    expect(timeline).toContain('activities_contact_time');
    expect(timeline).not.toContain('TEMP B-TREE');
    const drift = plan(`SELECT * FROM contacts c WHERE c.deleted_at IS NULL ORDER BY c.last_contacted_at DESC, c.id DESC LIMIT 51`);
    expect(drift).toContain('contacts_live_contacted');
    expect(drift).not.toContain('TEMP B-TREE');
  });
});
