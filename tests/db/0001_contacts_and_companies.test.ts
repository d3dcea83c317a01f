// Migration 0001 on a real file: the schema it creates, the indexes the hot queries rely on
// (checked through EXPLAIN QUERY PLAN), and FTS kept in step by its triggers. Rows are written at 0001 and
// every later migration then runs, so the first schema's rules are checked as they stand today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../electron/db/connection';
import { openDbAt, type TestDb } from '../helpers/migrations';

let file: TestDb;
let raw: Sqlite;
beforeAll(async () => {
  file = await openDbAt(1);
  raw = file.sqlite;
  file.insert('companies', { id: 'co1', name: 'Plan Co', sort_name: 'plan co', tags: '["x"]', created_at: 't', updated_at: 't' });
  file.insert(
    'contacts',
    Array.from({ length: 20 }, (_, i) => ({
      id: `p${i}`, first_name: `P${i}`, display_name: `P${i}`, sort_name: `p${i}`, sort_last: `p${i}`, company_id: 'co1', tags: '["t"]', created_at: 't', updated_at: 't',
    })),
  );
  await file.migrateTo();
});
afterAll(() => file.close());

const plan = (sqlText: string, ...params: unknown[]) => file.plan(sqlText, ...params);

describe('0001_contacts_and_companies', () => {
  it('records itself as applied', () => {
    expect(raw.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all()[0]).toBe('0001_contacts_and_companies');
  });

  it('creates STRICT tables with integer rowids for FTS and unique public ids', () => {
    const tables = raw.prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name IN ('contacts','companies')`).all();
    expect(tables).toEqual(expect.arrayContaining([{ name: 'contacts', strict: 1 }, { name: 'companies', strict: 1 }]));
    expect(() => raw.prepare(`INSERT INTO contacts (id, display_name, sort_name, sort_last, created_at, updated_at, kind) VALUES ('x','a','a','a','t','t','friend')`).run()).toThrow(/CHECK/);
  });

  it('pages live contacts by name through the partial index, without sorting', () => {
    const detail = plan(
      `SELECT c.* FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
       WHERE c.deleted_at IS NULL AND (c.sort_name, c.id) > (?, ?) ORDER BY c.sort_name, c.id LIMIT 51`,
      'm',
      '',
    );
    expect(detail).toContain('contacts_live_name');
    expect(detail).not.toContain('TEMP B-TREE');
  });

  it('pages newest-first and by kind without sorting', () => {
    expect(plan(`SELECT * FROM contacts c WHERE c.deleted_at IS NULL ORDER BY c.updated_at DESC, c.id DESC LIMIT 51`)).not.toContain('TEMP B-TREE');
    const byKind = plan(`SELECT * FROM contacts c WHERE c.deleted_at IS NULL AND c.kind = ? ORDER BY c.sort_name, c.id LIMIT 51`, 'supplier');
    expect(byKind).toContain('contacts_live_kind');
    expect(byKind).not.toContain('TEMP B-TREE');
  });

  it('keeps tag links for live records only', () => {
    expect(raw.prepare('SELECT count(*) FROM contact_tags').pluck().get()).toBe(20);
    const id = raw.prepare('SELECT id FROM contacts LIMIT 1').pluck().get();
    raw.prepare(`UPDATE contacts SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE id = ?`).run(id);
    expect(raw.prepare('SELECT count(*) FROM contact_tags').pluck().get()).toBe(19);
    raw.prepare('UPDATE contacts SET deleted_at = NULL WHERE id = ?').run(id);
    expect(raw.prepare('SELECT count(*) FROM contact_tags').pluck().get()).toBe(20);
  });

  it('keeps the FTS indexes consistent with their content (integrity-check, rebuild)', () => {
    raw.prepare(`UPDATE contacts SET notes = 'changed note' WHERE rowid IN (SELECT seq FROM contacts LIMIT 5)`).run();
    raw.prepare(`DELETE FROM contacts WHERE rowid IN (SELECT seq FROM contacts ORDER BY seq DESC LIMIT 2)`).run();
    for (const table of ['contacts_fts', 'companies_fts']) {
      expect(() => raw.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    }
    const before = raw.prepare(`SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH '"changed"*' ORDER BY rowid`).pluck().all();
    raw.prepare(`INSERT INTO contacts_fts(contacts_fts) VALUES ('rebuild')`).run();
    expect(raw.prepare(`SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH '"changed"*' ORDER BY rowid`).pluck().all()).toEqual(before);
    expect(before).toHaveLength(5);
  });

  it('sets a deleted company\'s link to NULL only on a hard delete (Trash keeps it)', () => {
    const companyId = raw.prepare('SELECT id FROM companies LIMIT 1').pluck().get();
    raw.prepare('DELETE FROM companies WHERE id = ?').run(companyId);
    expect(raw.prepare('SELECT count(*) FROM contacts WHERE company_id IS NOT NULL').pluck().get()).toBe(0);
  });
});
