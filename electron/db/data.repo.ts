// The data domain's SQL: online copies of the store (never a copy of the live file), checking a copy, and reading
// a copy table by table for "Export everything" and "Move data folder". Never imports core or `electron`.
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { createKysely, type Sqlite } from './connection';
import type { DB } from './schema';

/** Pages copied per step of an online backup: small steps keep the main thread free between them. */
const PAGES_PER_STEP = 256;

/**
 * An online backup of the open store into `target` (SQLite's backup API, stepwise, consistent even while the
 * app writes), turned into a self-contained file (rollback journal, no -wal beside it) and checked.
 * Returns false when the check fails (the caller removes the file).
 */
export async function backupStore(sqlite: Sqlite, target: string, onProgress?: (done: number, total: number) => void, check: 'quick' | 'full' = 'quick'): Promise<boolean> {
  await sqlite.backup(target, {
    progress({ totalPages, remainingPages }) {
      onProgress?.(totalPages - remainingPages, totalPages);
      return PAGES_PER_STEP;
    },
  });
  const copy = new Database(target);
  try {
    copy.pragma('journal_mode = DELETE');
    const result = copy.pragma(check === 'full' ? 'integrity_check' : 'quick_check', { simple: true });
    return result === 'ok';
  } finally {
    copy.close();
  }
}

export interface StoreCopy {
  sqlite: Sqlite;
  /** Kysely over the copy: the other domains' repo reads (contacts, appointments) run on it unchanged. */
  db: Kysely<DB>;
  close(): void;
}

/** Opens a finished copy read-only. */
export function openCopy(path: string): StoreCopy {
  const sqlite = new Database(path, { readonly: true });
  return { sqlite, db: createKysely(sqlite), close: () => sqlite.open && sqlite.close() };
}

/**
 * The tables that hold data, in name order: not SQLite's own, not full-text indexes or their shadow tables
 * (they are rebuilt from the others).
 */
export function dataTables(sqlite: Sqlite): string[] {
  const rows = sqlite.prepare<[], { name: string; sql: string | null }>("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name);
  return rows.filter((r) => !virtual.some((v) => r.name === v || r.name.startsWith(`${v}_`))).map((r) => r.name);
}

const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function countRows(sqlite: Sqlite, table: string): number {
  return sqlite.prepare<[], number>(`SELECT count(*) FROM ${quoteName(table)}`).pluck().get() ?? 0;
}

/** A table's column names, whether each is declared numeric, and its rows as arrays, one statement iterated (never all in memory). */
export function tableRows(sqlite: Sqlite, table: string): { columns: string[]; numeric: boolean[]; rows: () => IterableIterator<unknown[]> } {
  const statement = sqlite.prepare(`SELECT * FROM ${quoteName(table)}`).raw(true);
  const columns = statement.columns();
  return {
    columns: columns.map((c) => c.name),
    numeric: columns.map((c) => /INT|REAL|NUM|FLOA|DOUB/i.test(c.type ?? '')),
    rows: () => statement.iterate() as IterableIterator<unknown[]>,
  };
}

export interface StoredDocumentFile {
  id: string;
  name: string;
  sha256: string;
  size: number;
  trashed: boolean;
}

/** Every document whose bytes are in the documents folder (copies, not links or folders), by name. */
export function storedDocumentFiles(sqlite: Sqlite): StoredDocumentFile[] {
  return sqlite
    .prepare<[], { id: string; name: string; sha256: string; size: number; deleted_at: string | null }>(
      "SELECT id, name, sha256, size, deleted_at FROM documents WHERE mode = 'copy' AND is_folder = 0 AND sha256 IS NOT NULL ORDER BY sort_name, id",
    )
    .all()
    .map((r) => ({ id: r.id, name: r.name, sha256: r.sha256, size: Number(r.size), trashed: r.deleted_at !== null }));
}

/** A full integrity check of a store file and every table's row count: how a copy is verified against its original. */
export function checkStore(path: string): { ok: boolean; tables: Record<string, number> } {
  const sqlite = new Database(path, { readonly: true });
  try {
    const ok = sqlite.pragma('integrity_check', { simple: true }) === 'ok';
    const tables = Object.fromEntries(dataTables(sqlite).map((t) => [t, countRows(sqlite, t)]));
    return { ok, tables };
  } finally {
    sqlite.close();
  }
}
