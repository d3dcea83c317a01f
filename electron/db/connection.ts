// Opens the SQLite file with the pragmas Rapport relies on and wraps it in Kysely.
// Never imports `electron`: runs in main, tests, benchmarks and the harness alike.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type RawBuilder } from 'kysely';
import type { DB } from './schema';

export type Sqlite = Database.Database;

/** The data file's name inside the data folder. */
export const DB_FILE = 'rapport.sqlite';

/** How long a write waits for another connection's lock before failing with SQLITE_BUSY ("the data file is busy"). */
export const BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  readonly?: boolean;
  busyTimeoutMs?: number;
  /** Read-only checks that must see the file before this connection changes it (the switch to WAL rewrites its header). */
  inspect?: (db: Sqlite) => void;
}

export function openSqlite(file: string, options: OpenOptions = {}): Sqlite {
  const db = new Database(file, { readonly: options.readonly ?? false });
  // WAL: readers never block the writer. synchronous=FULL: a committed change survives a killed
  // process *and* a power cut (NORMAL in WAL only survives the former); writes here are small and few.
  try {
    // First, so a second writer waits its turn even for the journal_mode switch below.
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? BUSY_TIMEOUT_MS))}`);
    options.inspect?.(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  } catch (error) {
    // A file that is not a database, damaged, or unreachable: never leave the handle open behind the error.
    db.close();
    throw error;
  }
  return db;
}

/**
 * Kysely over better-sqlite3. Kysely's dialect prepares every statement afresh; preparing is a large
 * share of a small query's cost, so statements are cached by SQL text (Kysely's SQL for one query
 * shape is stable; parameters are bound, never inlined).
 */
const hotStatements = new WeakMap<Kysely<DB>, { sqlite: Sqlite; prepare: (sqlText: string) => Database.Statement }>();

const ALREADY_ROLLED_BACK = { reader: false, run: () => ({ changes: 0, lastInsertRowid: 0 }) } as unknown as Database.Statement;

export function createKysely(sqlite: Sqlite): Kysely<DB> {
  const cache = new Map<string, Database.Statement>();
  const database = {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      // SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY mid-commit);
      // Kysely's own ROLLBACK would then fail with "no transaction is active" and hide the real error behind it.
      if (!sqlite.inTransaction && /^rollback\b/i.test(sqlText)) return ALREADY_ROLLED_BACK;
      let statement = cache.get(sqlText);
      if (!statement) {
        statement = sqlite.prepare(sqlText);
        if (cache.size > 500) cache.clear();
        cache.set(sqlText, statement);
      }
      return statement;
    },
  };
  const kysely = new Kysely<DB>({ dialect: new SqliteDialect({ database }) });
  hotStatements.set(kysely, { sqlite, prepare: (sqlText) => database.prepare(sqlText) });
  return kysely;
}

/**
 * Runs a read on its cached prepared statement directly, skipping Kysely's async executor, whose connection
 * mutex and promise chain cost 15–20 µs: a tenth of a timeline page. For the hottest list reads only; the SQL
 * is still Kysely's compiled query. Inside a transaction (a different Kysely instance), or while any transaction
 * is open on the connection (whose writes it must not see half-done), it waits its turn through Kysely.
 */
export async function readRows<Row>(db: Kysely<DB>, query: RawBuilder<Row>): Promise<Row[]> {
  const hot = hotStatements.get(db);
  if (!hot || hot.sqlite.inTransaction) return (await query.execute(db)).rows;
  const { sql, parameters } = query.compile(db);
  return hot.prepare(sql).all(...parameters) as Row[];
}
