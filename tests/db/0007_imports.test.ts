// Migration 0007 on a file at 0006: existing contacts untouched; import items cascade with their import;
// statuses and JSON columns are checked by the schema; the history reads newest first from its index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../electron/db/connection';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let sqlite: Sqlite;

beforeAll(async () => {
  file = await openDbAt(6);
  sqlite = file.sqlite;
  file.insert('contacts', { id: 'c1', display_name: 'Client', sort_name: 'client', sort_last: 'client', created_at: 't', updated_at: 't' });
  await file.migrateTo();
});
afterAll(() => file.close());

const insertImport = (id: string, status = 'done', rejected = '[]') =>
  sqlite
    .prepare(`INSERT INTO imports (id, file_name, format, dialect, duplicates, status, rejected, started_at) VALUES (?, 'f.csv', 'csv', 'google', 'skip', ?, ?, ?)`)
    .run(id, status, rejected, `2026-11-${id.slice(1).padStart(2, '0')}T00:00:00Z`);

describe('0007_imports', () => {
  it('keeps existing contacts', () => {
    expect(sqlite.prepare(`SELECT id FROM contacts`).pluck().all()).toEqual(['c1']);
  });

  it('records imports and their items, which go with their import', () => {
    insertImport('i1');
    sqlite.prepare(`INSERT INTO import_items (import_id, entity, entity_id, action, before) VALUES ('i1', 'contact', 'c1', 'updated', '{"id":"c1"}')`).run();
    expect(sqlite.prepare(`SELECT count(*) FROM import_items`).pluck().get()).toBe(1);
    sqlite.prepare(`DELETE FROM imports WHERE id = 'i1'`).run();
    expect(sqlite.prepare(`SELECT count(*) FROM import_items`).pluck().get()).toBe(0);
  });

  it('rejects an unknown status, bad JSON and a bad item action', () => {
    expect(() => insertImport('i2', 'paused')).toThrow(/CHECK/);
    expect(() => insertImport('i3', 'done', 'not json')).toThrow(/CHECK/);
    insertImport('i4');
    expect(() => sqlite.prepare(`INSERT INTO import_items (import_id, entity, entity_id, action) VALUES ('i4', 'contact', 'c1', 'merged')`).run()).toThrow(/CHECK/);
  });

  it('lists history newest first from its index', () => {
    insertImport('i5');
    const plan = file.plan(`SELECT * FROM imports ORDER BY started_at DESC, id DESC LIMIT 100`);
    expect(plan).toContain('imports_started');
    expect(sqlite.prepare(`SELECT id FROM imports ORDER BY started_at DESC, id DESC`).pluck().all()).toEqual(['i5', 'i4']);
  });
});
