// readRows, the hot-read path that skips Kysely's executor: it must still never see a transaction half-done.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { readRows } from '../../electron/db/connection';
import { openDb, type TestDb } from '../helpers/migrations';

let file: TestDb | undefined;
afterEach(() => file?.close());

describe('reads while a write is under way', () => {
  it('never show a transaction half-done: a list waits for the open transaction to finish', async () => {
    file = await openDb();
    const { sqlite, db } = file;
    sqlite.exec(`CREATE TABLE companies (id TEXT PRIMARY KEY, name TEXT, sort_name TEXT, created_at TEXT, updated_at TEXT)`);
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    const writing = db.transaction().execute(async (trx) => {
      await sql`INSERT INTO companies (id, name, sort_name, created_at, updated_at) VALUES ('c-half', 'Half', 'half', 't', 't')`.execute(trx);
      await held;
      throw new Error('rolled back');
    });
    await new Promise((done) => setTimeout(done, 10));
    const reading = readRows(db, sql<{ n: number }>`SELECT count(*) AS n FROM companies WHERE id = 'c-half'`);
    release();
    await expect(writing).rejects.toThrow('rolled back');
    expect((await reading)[0]!.n).toBe(0);
    await db.destroy();
  });
});
