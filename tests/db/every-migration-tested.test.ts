// The guard behind "one test file per migration": every electron/db/migrations/NNNN_name.ts has a
// tests/db/NNNN_*.test.ts of its own, and the in-code list names exactly the migration files on disk.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/db/migrations';

const MIGRATIONS_DIR = join(import.meta.dirname, '..', '..', 'electron', 'db', 'migrations');
const onDisk = readdirSync(MIGRATIONS_DIR)
  .filter((f) => /^\d{4}_.+\.ts$/.test(f))
  .map((f) => f.slice(0, -'.ts'.length))
  .sort();
const testedNumbers = new Set(
  readdirSync(import.meta.dirname)
    .filter((f) => /^\d{4}_.+\.test\.ts$/.test(f))
    .map((f) => f.slice(0, 4)),
);

describe('every migration has its own test', () => {
  it('finds the migrations', () => {
    expect(onDisk.length).toBeGreaterThan(0);
  });

  it('has a tests/db/NNNN_*.test.ts for each electron/db/migrations/NNNN_*.ts', () => {
    const untested = onDisk.filter((name) => !testedNumbers.has(name.slice(0, 4)));
    expect(untested, `migrations without a tests/db/NNNN_*.test.ts: ${untested.join(', ')}`).toEqual([]);
  });

  it('lists every migration file in migrations/index.ts, in order', () => {
    expect(migrations.map((m) => m.name)).toEqual(onDisk);
  });
});
