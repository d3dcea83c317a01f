// Migration 0006 on a file written at 0005: the documents and document_links tables and their rules, FTS
// kept in step, links dropped (never documents) when a record goes for good, and lists reading indexes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../electron/db/connection';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let sqlite: Sqlite;
let backupPath: string | null = null;
const HASH = 'a'.repeat(64);

beforeAll(async () => {
  file = await openDbAt(5);
  sqlite = file.sqlite;
  file.insert('contacts', { id: 'c1', display_name: 'Old Client', sort_name: 'old client', sort_last: 'client old', created_at: 't', updated_at: 't' });
  file.insert('companies', { id: 'co1', name: 'Old Co', sort_name: 'old co', created_at: 't', updated_at: 't' });
  backupPath = (await file.migrateTo(6)).backupPath;
});
afterAll(() => file.close());

const insert = (id: string, fields: Record<string, unknown> = {}) =>
  file.insert('documents', { id, name: `${id}.pdf`, sort_name: `${id}.pdf`, type: 'application/pdf', size: 10, sha256: HASH, mode: 'copy', created_at: 't', updated_at: 't', ...fields });
const link = (documentId: string, column: string, target: string) =>
  sqlite.prepare(`INSERT INTO document_links (document_id, ${column}, created_at) VALUES (?, ?, 't')`).run(documentId, target);
const plan = (sqlText: string, ...params: unknown[]) => file.plan(sqlText, ...params);

describe('0006_documents', () => {
  it('backs up the earlier file and creates STRICT documents and document_links tables', () => {
    expect(backupPath).toMatch(/before-0006_documents\.sqlite$/);
    for (const table of ['documents', 'document_links']) {
      expect(sqlite.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).pluck().get(table)).toMatch(/STRICT$/);
    }
    const fks = sqlite.prepare(`PRAGMA foreign_key_list(document_links)`).all() as { table: string; from: string; on_delete: string }[];
    expect(fks.map((f) => [f.table, f.from, f.on_delete]).sort()).toEqual([
      ['companies', 'company_id', 'CASCADE'],
      ['contacts', 'contact_id', 'CASCADE'],
      ['documents', 'document_id', 'CASCADE'],
      ['jobs', 'job_id', 'CASCADE'],
    ]);
  });

  it('enforces its rules: a hash is 64 hex digits, a copy has a hash, a link has a path, a link row names one record', () => {
    insert('d1');
    expect(() => insert('d1')).toThrow(/UNIQUE/);
    expect(() => insert('d2', { sha256: '../../etc/passwd' })).toThrow(/CHECK/);
    expect(() => insert('d3', { sha256: 'A'.repeat(64) })).toThrow(/CHECK/);
    expect(() => insert('d4', { sha256: null })).toThrow(/CHECK/);
    expect(() => insert('d5', { mode: 'link', sha256: null })).toThrow(/CHECK/);
    expect(() => insert('d6', { mode: 'move' })).toThrow(/CHECK/);
    insert('d7', { mode: 'link', sha256: null, link_path: '/home/me/plans' });
    link('d1', 'contact_id', 'c1');
    expect(() => link('d1', 'contact_id', 'c1')).toThrow(/UNIQUE/);
    expect(() => link('d1', 'contact_id', 'missing')).toThrow(/FOREIGN KEY/);
    expect(() => sqlite.prepare(`INSERT INTO document_links (document_id, contact_id, company_id, created_at) VALUES ('d1', 'c1', 'co1', 't')`).run()).toThrow(/CHECK/);
    expect(() => sqlite.prepare(`INSERT INTO document_links (document_id, created_at) VALUES ('d1', 't')`).run()).toThrow(/CHECK/);
  });

  it('drops only the link when a record goes for good, and all links when the document does', () => {
    insert('shared');
    link('shared', 'contact_id', 'c1');
    link('shared', 'company_id', 'co1');
    sqlite.prepare(`DELETE FROM contacts WHERE id = 'c1'`).run();
    expect(sqlite.prepare(`SELECT count(*) FROM documents WHERE id IN ('shared', 'd1')`).pluck().get()).toBe(2);
    expect(sqlite.prepare(`SELECT company_id FROM document_links WHERE document_id = 'shared'`).pluck().all()).toEqual(['co1']);
    sqlite.prepare(`DELETE FROM documents WHERE id = 'shared'`).run();
    expect(sqlite.prepare(`SELECT count(*) FROM document_links WHERE document_id = 'shared'`).pluck().get()).toBe(0);
  });

  it('keeps its FTS index in step with names, notes and text contents', () => {
    insert('f1', { name: 'Gas certificate.txt', note: 'boiler', content: 'Landlord safety record' });
    const find = (q: string) => sqlite.prepare(`SELECT d.id FROM documents_fts f JOIN documents d ON d.seq = f.rowid WHERE documents_fts MATCH ?`).pluck().all(q);
    expect(find('certif*')).toEqual(['f1']);
    expect(find('landlord')).toEqual(['f1']);
    sqlite.prepare(`UPDATE documents SET note = 'radiator', name = 'Cert.txt' WHERE id = 'f1'`).run();
    expect(find('boiler')).toEqual([]);
    expect(find('gas')).toEqual([]);
    expect(find('radiator')).toEqual(['f1']);
    sqlite.prepare(`DELETE FROM documents WHERE id = 'f1'`).run();
    expect(find('landlord')).toEqual([]);
    expect(() => sqlite.prepare(`INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
  });

  it('reads a record\'s documents, blob users and Trash from indexes', () => {
    expect(plan(`SELECT document_id FROM document_links WHERE contact_id = ?`, 'c1')).toContain('document_links_contact');
    expect(plan(`SELECT document_id FROM document_links WHERE job_id = ?`, 'j1')).toContain('document_links_job');
    expect(plan(`SELECT 1 FROM documents WHERE sha256 = ? LIMIT 1`, HASH)).toContain('documents_sha256');
    expect(plan(`SELECT id FROM documents WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 50`)).toContain('documents_live_created');
  });
});
