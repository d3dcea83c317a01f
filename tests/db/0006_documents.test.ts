// Migration 0006 on a file written at 0005: the documents and document_links tables and their rules, FTS
// kept in step, links dropped (never documents) when a record goes for good, and lists reading indexes.
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
const HASH = 'a'.repeat(64);

beforeAll(async () => {
  const dir = tempDir();
  sqlite = openSqlite(join(dir, 'rapport.sqlite'));
  db = createKysely(sqlite) as unknown as Kysely<any>;
  await migrate(sqlite, db, { backupDir: join(dir, 'backups'), now, migrations: migrations.filter((m) => m.name < '0006') });
  sqlite.prepare(`INSERT INTO contacts (id, display_name, sort_name, sort_last, created_at, updated_at) VALUES ('c1', 'Old Client', 'old client', 'client old', 't', 't')`).run();
  sqlite.prepare(`INSERT INTO companies (id, name, sort_name, created_at, updated_at) VALUES ('co1', 'Old Co', 'old co', 't', 't')`).run();
  backupPath = (await migrate(sqlite, db, { backupDir: join(dir, 'backups'), now, migrations: migrations.filter((m) => m.name <= '0006_documents') })).backupPath;
});
afterAll(() => db.destroy());

const insert = (id: string, fields: Record<string, unknown> = {}) => {
  const row = { id, name: `${id}.pdf`, sort_name: `${id}.pdf`, type: 'application/pdf', size: 10, sha256: HASH, mode: 'copy', created_at: 't', updated_at: 't', ...fields };
  const keys = Object.keys(row);
  sqlite.prepare(`INSERT INTO documents (${keys.join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`).run(row);
};
const link = (documentId: string, column: string, target: string) =>
  sqlite.prepare(`INSERT INTO document_links (document_id, ${column}, created_at) VALUES (?, ?, 't')`).run(documentId, target);
const plan = (sqlText: string, ...params: unknown[]) =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${sqlText}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');

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
