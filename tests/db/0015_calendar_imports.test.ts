// Migration 0015 on a file written at 0014 with appointments already there: the calendar import tables appear
// empty, the appointments are untouched, an item needs its import (and goes with it), and the checks hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let backupPath: string | null = null;
let appointmentsBefore: unknown[];

const appointment = (id: string) =>
  file.insert('appointments', { id, uid: `${id}@x`, title: id, starts_at: '2026-11-25T14:00:00.000Z', ends_at: '2026-11-25T15:00:00.000Z', created_at: 't', updated_at: 't' });

beforeAll(async () => {
  file = await openDbAt(14);
  appointment('a1');
  appointment('a2');
  appointmentsBefore = file.rows('appointments');
  backupPath = (await file.migrateTo(15)).backupPath;
});
afterAll(() => file.close());

describe('0015_calendar_imports', () => {
  it('backs up the 0014 file, adds the two tables empty and leaves appointments as they were', () => {
    expect(backupPath).toMatch(/before-0015_calendar_imports\.sqlite$/);
    expect(file.columns('calendar_imports')).toEqual(['seq', 'id', 'file_name', 'status', 'created', 'updated', 'skipped', 'rejected', 'notes', 'started_at', 'finished_at', 'undone_at']);
    expect(file.columns('calendar_import_items')).toEqual(['import_id', 'appointment_id', 'action', 'before', 'written_at']);
    expect(file.rows('calendar_imports')).toEqual([]);
    expect(file.rows('appointments')).toEqual(appointmentsBefore);
  });

  it('defaults the counts and notes, and lists imports newest first through its index', () => {
    file.insert('calendar_imports', [
      { id: 'i1', file_name: 'a.ics', status: 'done', started_at: '2026-11-01T00:00:00Z' },
      { id: 'i2', file_name: 'b.ics', status: 'running', started_at: '2026-11-02T00:00:00Z' },
    ]);
    expect(file.rows('calendar_imports', { columns: ['id', 'created', 'updated', 'skipped', 'rejected', 'notes'], orderBy: 'seq' })).toEqual([
      { id: 'i1', created: 0, updated: 0, skipped: 0, rejected: 0, notes: '[]' },
      { id: 'i2', created: 0, updated: 0, skipped: 0, rejected: 0, notes: '[]' },
    ]);
    expect(file.plan('SELECT * FROM calendar_imports ORDER BY started_at DESC, id LIMIT 50')).toMatch(/calendar_imports_started/);
  });

  it('refuses an unknown status or action, a bad JSON before-image, and an item of no import; items go with their import', () => {
    expect(() => file.insert('calendar_imports', { id: 'i3', file_name: 'c.ics', status: 'paused', started_at: 't' })).toThrow(/CHECK/);
    expect(() => file.insert('calendar_import_items', { import_id: 'i1', appointment_id: 'a1', action: 'moved', written_at: 't' })).toThrow(/CHECK/);
    expect(() => file.insert('calendar_import_items', { import_id: 'i1', appointment_id: 'a1', action: 'updated', before: '{', written_at: 't' })).toThrow(/CHECK|JSON/i);
    expect(() => file.insert('calendar_import_items', { import_id: 'nope', appointment_id: 'a1', action: 'created', written_at: 't' })).toThrow(/FOREIGN KEY/);
    file.insert('calendar_import_items', [
      { import_id: 'i1', appointment_id: 'a1', action: 'created', written_at: 't' },
      { import_id: 'i1', appointment_id: 'a2', action: 'updated', before: '{"title":"a2"}', written_at: 't' },
    ]);
    expect(() => file.insert('calendar_import_items', { import_id: 'i1', appointment_id: 'a1', action: 'created', written_at: 't' })).toThrow(/UNIQUE|PRIMARY/);
    file.sqlite.prepare(`DELETE FROM calendar_imports WHERE id = 'i1'`).run();
    expect(file.rows('calendar_import_items')).toEqual([]);
    // No foreign key to appointments: they keep living without an item, and an item may outlive its appointment.
    expect(file.rows('appointments')).toHaveLength(2);
  });
});
