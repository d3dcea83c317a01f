// Custom fields at scale (issue #19): `tsx tests/bench/fields.ts` seeds 100,000 contacts (BENCH_FIELDS_ROWS changes
// it), gives 70% a text value and a number, then times the filter and sort fragments of db/fields.query.repo.ts in
// the contacts list's page shape. One JSON line per case. The `npm run bench` cases (BENCH=fields) are in fields-list.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { DB_FILE } from '../../electron/core/app';
import { createKysely, openSqlite } from '../../electron/db/connection';
import { customFilterSql, customSortedPage } from '../../electron/db/fields.query.repo';
import type { FieldDefinition } from '../../shared/domain/custom-fields';
import { foldForSort } from '../../shared/domain/text';
import { round3, stats } from './measure';
import { seed } from './seed';

const ROWS = Number(process.env.BENCH_FIELDS_ROWS ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-fields-'));

const def = (id: string, key: string, type: FieldDefinition['type']) => ({ id, key, label: key, type, options: [] });
const code = def('f-code', 'gateCode', 'text');
const visits = def('f-visits', 'visits', 'number');

async function main() {
  await seed(dir, { contacts: ROWS });
  const sqlite = openSqlite(join(dir, DB_FILE));
  const db = createKysely(sqlite);
  const started = process.hrtime.bigint();
  sqlite.transaction(() => {
    const field = sqlite.prepare(`INSERT INTO custom_fields (id, record_type, key, label, type, position, created_at, updated_at) VALUES (?, 'contact', ?, ?, ?, ?, 't', 't')`);
    field.run(code.id, code.key, 'Gate code', 'text', 0);
    field.run(visits.id, visits.key, 'Visits', 'number', 1);
    const value = sqlite.prepare(`INSERT INTO custom_values (field_id, record_id, seq, text_value, num_value, sort_text) VALUES (?, ?, 0, ?, ?, ?)`);
    const ids = sqlite.prepare(`SELECT id FROM contacts`).pluck().all() as string[];
    ids.forEach((id, i) => {
      if (i % 10 >= 7) return;
      const text = `Gate ${i % 997}`;
      value.run(code.id, id, text, null, foldForSort(text));
      value.run(visits.id, id, null, i % 50, null);
    });
  })();
  console.error(`values written in ${Number(process.hrtime.bigint() - started) / 1e6} ms`);
  sqlite.pragma('optimize');

  const page = (where: ReturnType<typeof customFilterSql>) =>
    sql`SELECT c.id FROM contacts c WHERE c.deleted_at IS NULL AND ${where} ORDER BY c.sort_name, c.id LIMIT 51`.compile(db);
  const cases: Record<string, { sql: string; parameters: readonly unknown[] }> = {
    'filter text equals': page(customFilterSql(code, { key: 'gateCode', op: 'equals', value: 'gate 12' }, 'c.id')),
    'filter text contains': page(customFilterSql(code, { key: 'gateCode', op: 'contains', value: 'gate 99' }, 'c.id')),
    'filter number range': page(customFilterSql(visits, { key: 'visits', op: 'between', min: 10, max: 12 }, 'c.id')),
    'filter empty': page(customFilterSql(code, { key: 'gateCode', op: 'empty' }, 'c.id')),
    'count empty': sql`SELECT count(*) FROM contacts c WHERE c.deleted_at IS NULL AND ${customFilterSql(code, { key: 'gateCode', op: 'empty' }, 'c.id')}`.compile(db),
    'count number range': sql`SELECT count(*) FROM contacts c WHERE c.deleted_at IS NULL AND ${customFilterSql(visits, { key: 'visits', op: 'between', min: 10, max: 12 }, 'c.id')}`.compile(db),
  };
  const time = async (name: string, work: () => unknown) => {
    const samples: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = process.hrtime.bigint();
      await work();
      samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const s = stats(samples.slice(10));
    console.log(JSON.stringify({ case: name, rows: ROWS, medianMs: round3(s.medianMs), p95Ms: round3(s.p95Ms) }));
  };
  for (const [name, compiled] of Object.entries(cases)) {
    const statement = sqlite.prepare(compiled.sql);
    await time(name, () => statement.all(...compiled.parameters));
    if (process.env.BENCH_PLANS) console.error(name, (sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as { detail: string }[]).map((r) => r.detail).join(' | '));
  }
  // Sorted pages through the repo helper (Kysely included), first page and a deep page of records without a value.
  const sorted = (cursor?: string) =>
    customSortedPage<{ id: string }>(db, { def: visits, select: sql`c.id, c.display_name`, from: sql`contacts c`, recordRef: 'c.id', where: [sql`c.deleted_at IS NULL`], direction: 'asc', limit: 50, cursor });
  await time('sort by number: first page', () => sorted());
  const intoMissing = (await sorted()).nextCursor;
  await time('sort by number: next page', () => sorted(intoMissing ?? undefined));
  await time('sort by number, desc: first page', () => customSortedPage(db, { def: code, select: sql`c.id`, from: sql`contacts c`, recordRef: 'c.id', where: [sql`c.deleted_at IS NULL`], direction: 'desc', limit: 50 }));
  sqlite.close();
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
