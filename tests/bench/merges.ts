// Merging two contacts with 10,000 activities each (issue #20, target under 200 ms for the merge's transaction):
// median of 5 merges, each of a fresh pair; the same through contacts.merge with its backup first (for honesty); and,
// for comparison, raw better-sqlite3 moving 10,000 activities with one bare UPDATE, rolled back: with every trigger, and
// with the per-row summary triggers stood down as the merge runs it.
// `BENCH=merges npm run bench`; also `tsx tests/bench/merges.ts`. One JSON line per case.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openCore } from '../../electron/core/app';
import type { Logger } from '../../electron/core/logger';
import { createMerger } from '../../electron/core/merges/merge';
import type { FeatureContext } from '../../electron/core/modules';
import { harnessPlatform } from '../../electron/harness/platform';
import { call } from './call';
import { round3, stats } from './measure';

const ACTIVITIES = Number(process.env.BENCH_MERGE_ACTIVITIES ?? 10_000);
const RUNS = 5;
const TARGET_MS = 200;

export async function benchMerges(logger: Logger): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-bench-merges-'));
  const core = await openCore({ dataDir, logger, platform: harnessPlatform(dataDir) });
  try {
    const sqlite = core.store.sqlite;
    const insert = sqlite.prepare(`INSERT INTO activities (id, contact_id, type, occurred_at, subject, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const types = ['call', 'email', 'meeting', 'note', 'letter'];
    /** Two contacts with ACTIVITIES activities each, inserted with every trigger on (as the app writes them). */
    const pair = async (n: number) => {
      const a = await call(core, 'contacts.create', { firstName: `Bench ${n}`, lastName: 'Smith', emails: [{ value: `bench${n}@a.example` }] });
      const b = await call(core, 'contacts.create', { firstName: `Bench ${n}`, lastName: 'Smyth', emails: [{ value: `bench${n}@b.example` }] });
      sqlite.transaction(() => {
        for (const id of [a.id, b.id]) {
          for (let i = 0; i < ACTIVITIES; i++) {
            const at = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString();
            insert.run(uuidv7(), id, types[i % types.length], at, `Bench activity ${i}`, at, at);
          }
        }
      })();
      return [a.id, b.id] as const;
    };

    const ctx = { deps: { db: core.store.db, clock: { now: () => new Date() }, events: core.events, newId: uuidv7 }, backups: { before: async () => undefined } };
    const bare = createMerger(ctx as unknown as FeatureContext);
    const transaction: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const [keep, other] = await pair(i);
      const started = performance.now();
      const result = await bare.contacts({ ids: [keep, other], keep, fields: {} });
      transaction.push(performance.now() - started);
      if (result.moved.activities !== ACTIVITIES) throw new Error(`moved ${result.moved.activities} activities, expected ${ACTIVITIES}`);
    }
    const withBackup: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const [keep, other] = await pair(100 + i);
      const started = performance.now();
      await call(core, 'contacts.merge', { ids: [keep, other], keep });
      withBackup.push(performance.now() - started);
    }
    const undo: number[] = [];
    {
      const [keep, other] = await pair(200);
      const { mergeId } = await call(core, 'contacts.merge', { ids: [keep, other], keep });
      const started = performance.now();
      await call(core, 'merges.undo', { mergeId });
      undo.push(performance.now() - started);
    }
    const raw: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const [keep, other] = await pair(300 + i);
      const update = sqlite.prepare(`UPDATE activities SET contact_id = ? WHERE contact_id = ?`);
      sqlite.exec('BEGIN');
      const started = performance.now();
      const moved = update.run(keep, other).changes;
      raw.push(performance.now() - started);
      sqlite.exec('ROLLBACK');
      if (moved !== ACTIVITIES) throw new Error(`raw update moved ${moved}`);
    }
    // Like for like: the bare UPDATE with the per-row summaries stood down, as the merge runs it (0021).
    const rawDown: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const [keep, other] = await pair(400 + i);
      sqlite.exec('BEGIN');
      sqlite.exec(`INSERT INTO bulk_insert (on_table) VALUES ('activities')`);
      const started = performance.now();
      sqlite.prepare(`UPDATE activities SET contact_id = ? WHERE contact_id = ?`).run(keep, other);
      rawDown.push(performance.now() - started);
      sqlite.exec('ROLLBACK');
    }
    const median = (samples: number[]) => round3(stats(samples).medianMs);
    const line = (name: string, samples: number[], extra: Record<string, unknown> = {}) =>
      console.log(JSON.stringify({ case: name, medianMs: median(samples), runs: samples.length, samplesMs: samples.map(round3), ...extra }));
    line(`contacts.merge transaction, 2 contacts x ${ACTIVITIES} activities`, transaction, { targetMs: TARGET_MS, rawMedianMs: median(raw), ratio: round3(median(transaction) / median(raw)) });
    line(`contacts.merge with its backup first`, withBackup);
    line(`merges.undo with its backup first`, undo);
    line(`raw UPDATE of ${ACTIVITIES} activities.contact_id (triggers on)`, raw);
    line(`raw UPDATE of ${ACTIVITIES} activities.contact_id (summary triggers stood down, as the merge runs it)`, rawDown);
    if (median(transaction) >= TARGET_MS) console.error(`missed target: merge transaction median ${median(transaction)} ms >= ${TARGET_MS} ms`);
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('merges.ts')) {
  const logger: Logger = { info: () => undefined, warn: (m) => console.error(m), error: (m, d) => console.error(m, d) };
  benchMerges(logger).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
