// Brings a data file up to the schema this build knows, safely: refuses files from a newer build,
// writes a checked online backup before touching an existing file, and applies each migration in its own
// transaction (Kysely's migrator does not wrap SQLite migrations, so a failure could leave half a schema).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { snapshotFile } from './backups.copy';
import type { Sqlite } from './connection';
import { migrations as allMigrations, type Migration } from './migrations';
import type { DB } from './schema';

export class SchemaTooNewError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `This data file was written by a newer version of Rapport (it has schema changes ${unknown.join(', ')} ` +
        `that this version does not know). Update Rapport to open it. The file was not changed.`,
    );
    this.name = 'SchemaTooNewError';
  }
}

export interface MigrateOptions {
  /** Where backups go; a backup is only written when an existing file has pending migrations. */
  backupDir: string;
  now: () => Date;
  migrations?: readonly Migration[];
  /**
   * Takes the backup instead of the plain one below (the app passes its backups engine, so the copy is listed,
   * kept by retention and restorable); returns the backup file's path. Throwing stops the migration.
   */
  backup?: (before: string) => Promise<string>;
}

export interface MigrateResult {
  applied: string[];
  backupPath: string | null;
}

export async function migrate(sqlite: Sqlite, db: Kysely<DB>, options: MigrateOptions): Promise<MigrateResult> {
  const known = options.migrations ?? allMigrations;
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT`.execute(db);
  const done = new Set((await db.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name));

  const knownNames = new Set(known.map((m) => m.name));
  const unknown = [...done].filter((name) => !knownNames.has(name)).sort();
  if (unknown.length > 0) throw new SchemaTooNewError(unknown);

  const pending = known.filter((m) => !done.has(m.name));
  if (pending.length === 0) return { applied: [], backupPath: null };

  let backupPath: string | null = null;
  if (done.size > 0 && options.backup) {
    backupPath = await options.backup(pending[0]!.name);
  } else if (done.size > 0) {
    mkdirSync(options.backupDir, { recursive: true });
    const stamp = options.now().toISOString().replace(/[:.]/g, '-');
    backupPath = join(options.backupDir, `rapport-${stamp}-before-${pending[0]!.name}.sqlite`);
    // Written to a temporary name, checked with integrity_check, then renamed: never a half file under this name.
    await snapshotFile(sqlite.name, backupPath);
  }

  for (const migration of pending) {
    await db.transaction().execute(async (trx) => {
      await migration.up(trx);
      await trx.insertInto('schema_migrations').values({ name: migration.name, applied_at: options.now().toISOString() }).execute();
    });
  }
  return { applied: pending.map((m) => m.name), backupPath };
}

/** Where a file with these applied migrations stands against this build: from a newer Rapport, or behind it. */
export function schemaStanding(applied: readonly string[], known: readonly Migration[] = allMigrations): { tooNew: boolean; older: boolean } {
  const names = new Set(known.map((m) => m.name));
  return { tooNew: applied.some((n) => !names.has(n)), older: applied.length < known.length };
}
