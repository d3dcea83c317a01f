// Migration 0010 on a file written at 0009 with documents already linked: document_links is rebuilt with an
// activity_id, every existing link (and its order) survives, the one-target rule now counts activities, and
// an activity going for good drops only its links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../electron/db/connection';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let sqlite: Sqlite;
let backupPath: string | null = null;
const HASH = 'b'.repeat(64);
const link = (documentId: string, column: string, target: string, at = 't') =>
  sqlite.prepare(`INSERT INTO document_links (document_id, ${column}, created_at) VALUES (?, ?, ?)`).run(documentId, target, at);
const linksOf = (documentId: string) =>
  sqlite.prepare(`SELECT contact_id, company_id, activity_id FROM document_links WHERE document_id = ? ORDER BY created_at, rowid`).all(documentId);
const plan = (sqlText: string, ...params: unknown[]) => file.plan(sqlText, ...params);

beforeAll(async () => {
  file = await openDbAt(9);
  sqlite = file.sqlite;
  file.insert('contacts', { id: 'c1', display_name: 'Old Client', sort_name: 'old client', sort_last: 'client old', created_at: 't', updated_at: 't' });
  file.insert('companies', { id: 'co1', name: 'Old Co', sort_name: 'old co', created_at: 't', updated_at: 't' });
  file.insert(
    'documents',
    ['d1', 'd2'].map((id) => ({ id, name: `${id}.pdf`, sort_name: `${id}.pdf`, type: 'application/pdf', size: 1, sha256: HASH, mode: 'copy', created_at: 't', updated_at: 't' })),
  );
  // Same created_at: the order between them is the rowid's, which the rebuild must keep.
  link('d1', 'company_id', 'co1');
  link('d1', 'contact_id', 'c1');
  link('d2', 'contact_id', 'c1');
  backupPath = (await file.migrateTo()).backupPath;
  sqlite.prepare(`INSERT INTO activities (id, contact_id, type, occurred_at, created_at, updated_at) VALUES ('a1', 'c1', 'call', 't', 't', 't')`).run();
  sqlite.prepare(`INSERT INTO activities (id, contact_id, type, occurred_at, created_at, updated_at) VALUES ('a2', 'c1', 'note', 't', 't', 't')`).run();
});
afterAll(() => file.close());

describe('0010_document_activity_links', () => {
  it('backs up the earlier file and keeps every existing link, in order, in a STRICT table with an activity_id', () => {
    expect(backupPath).toMatch(/before-0010_document_activity_links\.sqlite$/);
    expect(sqlite.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'document_links'`).pluck().get()).toMatch(/STRICT$/);
    expect(sqlite.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'document_links_new'`).pluck().get()).toBe(0);
    expect(linksOf('d1')).toEqual([
      { contact_id: null, company_id: 'co1', activity_id: null },
      { contact_id: 'c1', company_id: null, activity_id: null },
    ]);
    expect(linksOf('d2')).toEqual([{ contact_id: 'c1', company_id: null, activity_id: null }]);
    const fks = sqlite.prepare(`PRAGMA foreign_key_list(document_links)`).all() as { table: string; from: string; on_delete: string }[];
    expect(fks.map((f) => [f.table, f.from, f.on_delete]).sort()).toEqual([
      ['activities', 'activity_id', 'CASCADE'],
      ['companies', 'company_id', 'CASCADE'],
      ['contacts', 'contact_id', 'CASCADE'],
      ['documents', 'document_id', 'CASCADE'],
      ['jobs', 'job_id', 'CASCADE'],
    ]);
    expect(sqlite.prepare(`PRAGMA foreign_key_check`).all()).toEqual([]);
  });

  it('links a document to an activity, once, and still insists on exactly one target per row', () => {
    link('d1', 'activity_id', 'a1');
    expect(() => link('d1', 'activity_id', 'a1')).toThrow(/UNIQUE/);
    expect(() => link('d1', 'activity_id', 'missing')).toThrow(/FOREIGN KEY/);
    expect(() => sqlite.prepare(`INSERT INTO document_links (document_id, contact_id, activity_id, created_at) VALUES ('d2', 'c1', 'a1', 't')`).run()).toThrow(/CHECK/);
    expect(() => sqlite.prepare(`INSERT INTO document_links (document_id, created_at) VALUES ('d2', 't')`).run()).toThrow(/CHECK/);
    // The old per-target uniqueness came back with the rebuild.
    expect(() => link('d1', 'contact_id', 'c1')).toThrow(/UNIQUE/);
  });

  it('drops only the link when an activity goes for good, never the document', () => {
    link('d2', 'activity_id', 'a2');
    sqlite.prepare(`DELETE FROM activities WHERE id = 'a2'`).run();
    expect(linksOf('d2')).toEqual([{ contact_id: 'c1', company_id: null, activity_id: null }]);
    expect(sqlite.prepare(`SELECT count(*) FROM documents WHERE id = 'd2'`).pluck().get()).toBe(1);
  });

  it('reads an activity\'s documents (and the other targets\') from indexes', () => {
    expect(plan(`SELECT document_id FROM document_links WHERE activity_id IN (?, ?)`, 'a1', 'a2')).toContain('document_links_activity');
    expect(plan(`SELECT document_id FROM document_links WHERE contact_id = ?`, 'c1')).toContain('document_links_contact');
    expect(plan(`SELECT activity_id FROM document_links WHERE document_id = ?`, 'd1')).toContain('document_links_document');
  });
});
