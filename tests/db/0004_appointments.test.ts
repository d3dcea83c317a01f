// Migration 0004 on a file written at 0003: the appointments table and its rules, FTS kept in step, and the
// range and reminder queries reading indexes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../electron/db/connection';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let sqlite: Sqlite;
let backupPath: string | null = null;

beforeAll(async () => {
  file = await openDbAt(3);
  sqlite = file.sqlite;
  file.insert('contacts', { id: 'c1', display_name: 'Old Client', sort_name: 'old client', sort_last: 'client old', created_at: 't', updated_at: 't' });
  backupPath = (await file.migrateTo()).backupPath;
});
afterAll(() => file.close());

const plan = (sqlText: string, ...params: unknown[]) => file.plan(sqlText, ...params);
const insert = (id: string, fields: Record<string, unknown> = {}) =>
  file.insert('appointments', { id, uid: `${id}@rapport`, title: 'Visit', starts_at: '2026-11-23T10:00:00.000Z', ends_at: '2026-11-23T11:00:00.000Z', created_at: 't', updated_at: 't', ...fields });

describe('0004_appointments', () => {
  it('backs up the earlier file and creates a STRICT appointments table with its columns', () => {
    expect(backupPath).toMatch(/before-0004_appointments\.sqlite$/);
    const columns = (sqlite.prepare(`PRAGMA table_info(appointments)`).all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['seq', 'id', 'uid', 'title', 'starts_at', 'ends_at', 'all_day', 'location', 'contact_id', 'job_id', 'notes', 'kind', 'recurrence', 'reminder_minutes', 'reminded_until', 'series_end', 'long_span', 'created_at', 'updated_at', 'deleted_at']);
    expect(sqlite.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'appointments'`).pluck().get()).toMatch(/STRICT$/);
    const fks = sqlite.prepare(`PRAGMA foreign_key_list(appointments)`).all() as { table: string; from: string; on_delete: string }[];
    expect(fks.map((f) => [f.table, f.from, f.on_delete])).toEqual([['contacts', 'contact_id', 'SET NULL']]); // job_id: no FK on purpose
  });

  it('enforces its rules: unique id and UID, known kinds, end not before start, JSON recurrence; a deleted contact is unlinked', () => {
    insert('a1', { contact_id: 'c1', kind: 'visit', recurrence: '{"freq":"daily","interval":1}', job_id: 'job-from-0003' });
    expect(() => insert('a1', { uid: 'other' })).toThrow(/UNIQUE/);
    expect(() => insert('a2', { uid: 'a1@rapport' })).toThrow(/UNIQUE/);
    expect(() => insert('a3', { kind: 'party' })).toThrow(/CHECK/);
    expect(() => insert('a4', { ends_at: '2026-11-23T09:00:00.000Z' })).toThrow(/CHECK/);
    expect(() => insert('a5', { recurrence: 'not json' })).toThrow(/CHECK/);
    expect(() => insert('a6', { contact_id: 'missing' })).toThrow(/FOREIGN KEY/);
    sqlite.prepare(`DELETE FROM contacts WHERE id = 'c1'`).run();
    expect(sqlite.prepare(`SELECT contact_id FROM appointments WHERE id = 'a1'`).pluck().get()).toBeNull();
  });

  it('keeps its FTS index in step with titles, places and notes', () => {
    insert('f1', { title: 'Kitchen survey', location: 'Harrogate', notes: 'walnut' });
    const find = (q: string) => sqlite.prepare(`SELECT a.id FROM appointments_fts f JOIN appointments a ON a.seq = f.rowid WHERE appointments_fts MATCH ?`).pluck().all(q);
    expect(find('harro*')).toEqual(['f1']);
    sqlite.prepare(`UPDATE appointments SET notes = 'oak' WHERE id = 'f1'`).run();
    expect(find('walnut')).toEqual([]);
    expect(find('oak')).toEqual(['f1']);
    sqlite.prepare(`DELETE FROM appointments WHERE id = 'f1'`).run();
    expect(find('kitchen')).toEqual([]);
    expect(() => sqlite.prepare(`INSERT INTO appointments_fts(appointments_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
  });

  it('answers the range query (the parts of appointmentsInRange) and the reminder query from indexes', () => {
    const oneOff = plan(`SELECT seq FROM appointments WHERE deleted_at IS NULL AND recurrence IS NULL AND long_span = 0 AND all_day = 0 AND starts_at >= ? AND starts_at < ? AND ends_at > ?`, 'a', 'b', 'a');
    expect(oneOff).toContain('appointments_live_range (starts_at>? AND starts_at<?)');
    const long = plan(`SELECT seq FROM appointments WHERE deleted_at IS NULL AND recurrence IS NULL AND long_span = 1 AND ends_at > ? AND starts_at < ?`, 'a', 'b');
    expect(long).toContain('appointments_live_long');
    const recurring = plan(`SELECT seq FROM appointments WHERE deleted_at IS NULL AND recurrence IS NOT NULL AND starts_at < ?`, 'b');
    expect(recurring).toContain('appointments_recurring');
    const reminders = plan(`SELECT seq FROM appointments WHERE deleted_at IS NULL AND reminder_minutes IS NOT NULL AND starts_at <= ?`, 'b');
    expect(reminders).toContain('appointments_reminders');
    for (const p of [oneOff, long, recurring, reminders]) expect(p).not.toMatch(/^SCAN appointments$/m);
  });
});
