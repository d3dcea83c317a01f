// The merge registry against the live schema (issue #20): every foreign key to contacts or companies, every column
// named like a contact or company id, and every other *_id column must be accounted for, so a table added later
// cannot be silently skipped by a merge (Twenty's failure). Fails listing what is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_A_RECORD_ID, REGISTRY } from '../../electron/core/merges/registry';
import { openDb, type TestDb } from '../helpers/migrations';

let file: TestDb;
let tables: string[] = [];

beforeAll(async () => {
  file = await openDb();
  await file.migrateTo();
  const all = file.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string; sql: string }[];
  const virtual = all.filter((t) => /^CREATE VIRTUAL/i.test(t.sql)).map((t) => t.name);
  tables = all.map((t) => t.name).filter((n) => !virtual.includes(n) && !virtual.some((v) => n.startsWith(`${v}_`)));
});
afterAll(() => file.close());

const listed = (kind: 'contact' | 'company' | null, table: string, column: string) =>
  REGISTRY.some((e) => e.table === table && e.column === column && (kind === null || e.kind === kind));

describe('the merge registry', () => {
  it('handles every foreign key to contacts and companies', () => {
    const missing: string[] = [];
    for (const table of tables) {
      for (const fk of file.sqlite.prepare(`SELECT "table", "from" FROM pragma_foreign_key_list(?)`).all(table) as { table: string; from: string }[]) {
        const kind = fk.table === 'contacts' ? 'contact' : fk.table === 'companies' ? 'company' : null;
        if (kind && !listed(kind, table, fk.from)) missing.push(`${table}.${fk.from} -> ${fk.table} (${kind})`);
      }
    }
    expect(missing, `foreign keys the merge registry (electron/core/merges/registry.ts) does not handle:\n${missing.join('\n')}`).toEqual([]);
  });

  it('handles every column named like a contact or company id, and knows what every other *_id column names', () => {
    const missing: string[] = [];
    const unknown: string[] = [];
    for (const table of tables) {
      for (const column of file.columns(table)) {
        if (/(^|_)(contact|company)_id$|^entity_id$|^record_id$|^(a|b|alias|target|survivor|loser|from)_id$/.test(column)) {
          if (!listed(null, table, column)) missing.push(`${table}.${column}`);
        } else if (/_id$/.test(column) && !NOT_A_RECORD_ID[column] && !listed(null, table, column)) unknown.push(`${table}.${column}`);
      }
    }
    expect(missing, `columns naming a contact or company that the merge registry does not handle:\n${missing.join('\n')}`).toEqual([]);
    expect(unknown, `*_id columns neither in the merge registry nor in NOT_A_RECORD_ID (say what they name):\n${unknown.join('\n')}`).toEqual([]);
  });

  it('names only tables and columns that exist, each once per kind', () => {
    const wrong = REGISTRY.filter((e) => !tables.includes(e.table) || !file.columns(e.table).includes(e.column)).map((e) => `${e.table}.${e.column}`);
    expect(wrong).toEqual([]);
    const keys = REGISTRY.map((e) => `${e.kind} ${e.table}.${e.column}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
