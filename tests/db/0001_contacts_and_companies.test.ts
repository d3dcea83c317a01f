// Migration 0001 on a real file: the schema it creates, the indexes the hot queries rely on
// (checked through EXPLAIN QUERY PLAN), and FTS kept in step by its triggers.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
let raw: Database.Database;
beforeAll(async () => {
  t = await openTestCore();
  const co = await t.call('companies.create', { name: 'Plan Co', tags: ['x'] });
  for (let i = 0; i < 20; i++) await t.call('contacts.create', { firstName: `P${i}`, companyId: co.id, tags: ['t'] });
  raw = new Database(join(t.dataDir, 'rapport.sqlite'));
});
afterAll(() => {
  raw.close();
  t.destroy();
});

const plan = (sqlText: string, ...params: unknown[]) =>
  (raw.prepare(`EXPLAIN QUERY PLAN ${sqlText}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');

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
