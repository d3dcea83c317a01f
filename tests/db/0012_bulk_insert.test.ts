// Migration 0012: the contacts' AFTER INSERT triggers (search and tags) still index every ordinary insert, and
// stand down only while `bulk_insert` names contacts — which the importer sets and clears inside one transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../electron/db/connection';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let sqlite: Sqlite;

beforeAll(async () => {
  file = await openDbAt();
  sqlite = file.sqlite;
});
afterAll(() => file.close());

const insert = (id: string, name: string, tags: string) =>
  sqlite
    .prepare(`INSERT INTO contacts (id, display_name, sort_name, sort_last, tags, created_at, updated_at) VALUES (?, ?, lower(?), lower(?), ?, 't', 't')`)
    .run(id, name, name, name, tags);
const found = (word: string) => sqlite.prepare(`SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?`).pluck().all(word).length;
const tagged = (tag: string) => sqlite.prepare(`SELECT contact_id FROM contact_tags WHERE tag = ?`).pluck().all(tag);

describe('0012_bulk_insert', () => {
  it('indexes an ordinary insert through the triggers', () => {
    insert('c1', 'Grace Hopper', '["Navy"]');
    expect(found('hopper')).toBe(1);
    expect(tagged('Navy')).toEqual(['c1']);
  });

  it('leaves indexing to the bulk writer while the flag is set, and only inside its transaction', () => {
    sqlite.transaction(() => {
      sqlite.prepare(`INSERT INTO bulk_insert (on_table) VALUES ('contacts')`).run();
      insert('c2', 'Alan Turing', '["Bletchley"]');
      expect(found('turing')).toBe(0);
      expect(tagged('Bletchley')).toEqual([]);
      sqlite.prepare(`DELETE FROM bulk_insert`).run();
    })();
    insert('c3', 'Ada Lovelace', '["Engines"]');
    expect(found('lovelace')).toBe(1);
    expect(tagged('Engines')).toEqual(['c3']);
  });

  it('rolls the flag back with a failed transaction', () => {
    expect(() =>
      sqlite.transaction(() => {
        sqlite.prepare(`INSERT INTO bulk_insert (on_table) VALUES ('contacts')`).run();
        throw new Error('crash mid-batch');
      })(),
    ).toThrow('crash mid-batch');
    expect(sqlite.prepare(`SELECT count(*) FROM bulk_insert`).pluck().get()).toBe(0);
  });
});
