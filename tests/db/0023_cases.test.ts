// Migration 0023 on a file written at 0022 with a contact, an activity, a follow-up and an outbox row: the old rows
// keep everything and read case_id NULL; the eight built-in statuses sit in their fixed categories; case numbers are
// unique; a case's log, message ids and search entry go with it; a case cannot point at someone who does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let backupPath: string | null = null;
const NOW = '2026-12-01T10:00:00.000Z';
const NEW_STATUS = '1c4a3c51-2f7e-4b8a-9d6e-5a0c00000001';

beforeAll(async () => {
  file = await openDbAt(22);
  file.insert('contacts', { id: 'ann', display_name: 'Ann', sort_name: 'ann', sort_last: 'ann', created_at: NOW, updated_at: NOW });
  file.insert('activities', { id: 'call', contact_id: 'ann', type: 'call', occurred_at: NOW, created_at: NOW, updated_at: NOW });
  file.insert('tasks', { id: 'chase', title: 'Chase', all_day: 0, priority: 'normal', created_at: NOW, updated_at: NOW });
  backupPath = (await file.migrateTo(23)).backupPath;
});
afterAll(() => file.close());

const insertCase = (id: string, number: number, contactId = 'ann') =>
  file.insert('cases', {
    id, number, subject: `Leaking tap ${id}`, contact_id: contactId, type: 'warranty', priority: 'normal', channel: 'phone',
    status_id: NEW_STATUS, category: 'open', opened_ms: Date.parse(NOW), created_at: NOW, updated_at: NOW,
  });

describe('0023_cases', () => {
  it('backs up the 0022 file; existing activities and follow-ups keep their data and belong to no case', () => {
    expect(backupPath).toMatch(/before-0023_cases\.sqlite$/);
    expect(file.rows('activities', { columns: ['id', 'type', 'case_id'] })).toEqual([{ id: 'call', type: 'call', case_id: null }]);
    expect(file.rows('tasks', { columns: ['id', 'title', 'case_id'] })).toEqual([{ id: 'chase', title: 'Chase', case_id: null }]);
  });

  it('has the eight built-in statuses in their fixed categories, in order, and a counter at zero', () => {
    expect(file.rows('case_statuses', { columns: ['key', 'name', 'category', 'waiting_on'], orderBy: 'position' })).toEqual([
      { key: 'new', name: 'New', category: 'open', waiting_on: null },
      { key: 'inProgress', name: 'In progress', category: 'open', waiting_on: null },
      { key: 'waitingCustomer', name: 'Waiting on customer', category: 'waiting', waiting_on: 'customer' },
      { key: 'waitingSupplier', name: 'Waiting on supplier', category: 'waiting', waiting_on: 'supplier' },
      { key: 'resolved', name: 'Resolved', category: 'resolved', waiting_on: null },
      { key: 'closed', name: 'Closed', category: 'closed', waiting_on: null },
      { key: 'duplicate', name: 'Duplicate', category: 'closed', waiting_on: null },
      { key: 'rejected', name: 'Rejected', category: 'closed', waiting_on: null },
    ]);
    expect(file.sqlite.prepare('SELECT last FROM case_counter').pluck().get()).toBe(0);
    expect(() => file.insert('case_counter', { id: 2, last: 0 })).toThrow(/CHECK/);
  });

  it('refuses a second case with the same number, a case for nobody, and a category outside the four', () => {
    insertCase('c1', 1);
    expect(() => insertCase('c2', 1)).toThrow(/UNIQUE/);
    expect(() => insertCase('c3', 3, 'nobody')).toThrow(/FOREIGN KEY/);
    expect(() => file.sqlite.prepare(`UPDATE cases SET category = 'pending' WHERE id = 'c1'`).run()).toThrow(/CHECK/);
  });

  it('finds a case by its subject, and deleting it takes its log and message ids (the contact stays)', () => {
    file.insert('case_events', { id: 'e1', case_id: 'c1', at: Date.parse(NOW), kind: 'created', priority: 'normal', category: 'open', created_at: NOW });
    file.insert('case_messages', { message_id: 'abc@example.com', case_id: 'c1' });
    const found = () => file.sqlite.prepare(`SELECT c.id FROM cases_fts JOIN cases c ON c.seq = cases_fts.rowid WHERE cases_fts MATCH '"leak"*'`).pluck().all();
    expect(found()).toEqual(['c1']);
    file.sqlite.prepare(`DELETE FROM cases WHERE id = 'c1'`).run();
    expect(found()).toEqual([]);
    expect(file.rows('case_events', { columns: ['id'] })).toEqual([]);
    expect(file.rows('case_messages', { columns: ['message_id'] })).toEqual([]);
    expect(file.rows('contacts', { columns: ['id'] })).toEqual([{ id: 'ann' }]);
  });
});
