// The migration tests' toolkit (after Signal Desktop's test-node/sql/helpers): a fresh file at schema version N,
// rows seeded in that version's shape, the rest of the migrations run by the real migrator, then rows and query
// plans read back. Talks to electron/db only (connection, migrator, the migration list); never to core.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { createKysely, DB_FILE, openSqlite, type Sqlite } from '../../electron/db/connection';
import { migrate, type MigrateResult } from '../../electron/db/migrator';
import { migrations, type Migration } from '../../electron/db/migrations';
import type { DB } from '../../electron/db/schema';
import { tempDir } from './core';

/** The clock every migration test runs on, so backup names and applied_at are known. */
export const MIGRATION_NOW = (): Date => new Date('2026-11-22T09:00:00.000Z');

type Row = Record<string, unknown>;

/** A migration's number: 14 for '0014_client_sources'. */
export const migrationNumber = (name: string): number => Number(name.slice(0, 4));

/** The migrations up to and including number `version` (all of them without one); 0 is the empty file. */
export function migrationsUpTo(version?: number): readonly Migration[] {
  if (version === undefined) return migrations;
  if (version !== 0 && !migrations.some((m) => migrationNumber(m.name) === version)) {
    throw new Error(`There is no migration numbered ${version} (known: ${migrations.map((m) => m.name).join(', ')})`);
  }
  return migrations.filter((m) => migrationNumber(m.name) <= version);
}

export interface TestDb {
  dir: string;
  sqlite: Sqlite;
  db: Kysely<DB>;
  /** Runs the pending migrations up to and including number `version` (all of them without one). */
  migrateTo(version?: number): Promise<MigrateResult>;
  /** Inserts rows by column name; each row may name different columns. */
  insert(table: string, rows: Row | readonly Row[]): void;
  /** A table's rows (only `columns`, if given), in `orderBy` order or else by every column in turn. */
  rows(table: string, options?: { columns?: readonly string[]; orderBy?: string }): Row[];
  /** A table's column names, in order. */
  columns(table: string): string[];
  /** EXPLAIN QUERY PLAN of a statement: its steps' details, one per line. */
  plan(sqlText: string, ...params: unknown[]): string;
  /** Closes the file (if still open) and removes the temp dir this helper made. */
  close(): Promise<void>;
}

/** Opens the data file in `dir` (a fresh temp dir by default) without running any migration. */
export async function openDb(options: { dir?: string } = {}): Promise<TestDb> {
  const dir = options.dir ?? tempDir('rapport-migration-');
  const sqlite = openSqlite(join(dir, DB_FILE));
  const db = createKysely(sqlite);
  const columns = (table: string) => (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
  return {
    dir,
    sqlite,
    db,
    migrateTo: (version) => migrate(sqlite, db, { backupDir: join(dir, 'backups'), now: MIGRATION_NOW, migrations: migrationsUpTo(version) }),
    insert(table, rows) {
      for (const row of Array.isArray(rows) ? (rows as readonly Row[]) : [rows as Row]) {
        const keys = Object.keys(row);
        sqlite.prepare(`INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`).run(row);
      }
    },
    rows(table, { columns: only, orderBy } = {}) {
      const order = orderBy ?? (only ?? columns(table)).map((_, i) => i + 1).join(', ');
      return sqlite.prepare(`SELECT ${only ? only.join(', ') : '*'} FROM ${table} ORDER BY ${order}`).all() as Row[];
    },
    columns,
    plan: (sqlText, ...params) =>
      (sqlite.prepare(`EXPLAIN QUERY PLAN ${sqlText}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n'),
    async close() {
      if (sqlite.open) await db.destroy();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh file with the migrations up to and including number `version` applied (all of them without one). */
export async function openDbAt(version?: number): Promise<TestDb> {
  const file = await openDb();
  await file.migrateTo(version);
  return file;
}
