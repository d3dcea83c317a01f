// Benchmark of support cases (issue #22) over 100,000 contacts and 50,000 cases: the default cases list (open and
// waiting, by due time, 50 a page) and the service report for a year, each through the real dispatcher against the
// very statements it runs (captured once from Kysely's query log) replayed as prepared better-sqlite3 statements in
// the same run, so the ratio is what the app adds: dispatch, validation, Kysely, mapping rows.
// Targets: ratio <= 1.3 for both; list median < 10 ms. Run: BENCH=cases npm run bench (or tsx tests/bench/cases.ts).
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB_FILE, openCore, type Core } from '../../electron/core/app';
import type { Logger } from '../../electron/core/logger';
import { serviceReport } from '../../electron/core/service/report';
import { listCases } from '../../electron/db/cases.list.repo';
import type { DB } from '../../electron/db/schema';
import { harnessPlatform } from '../../electron/harness/platform';
import { CaseListInput } from '../../shared/domain/case';
import type { Channel } from '../../shared/ipc/contract';
import { compare, round3 } from './measure';
import { seed } from './seed';
import { seedCases } from './seed-cases';

const MAX_RATIO = 1.3;
const MAX_LIST_MS = 10;
const LIST = { category: 'active', sort: 'due', limit: 50 } as const;
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const quiet: Logger = { info: () => {}, warn: (m) => console.error(m), error: (m, d) => console.error(m, d) };

type Captured = { sql: string; parameters: readonly unknown[] };

/** The statements `work` runs, in order, on a read-only logging connection to the same file. */
async function capture(file: string, work: (db: Kysely<DB>) => Promise<unknown>): Promise<Captured[]> {
  const captured: Captured[] = [];
  const connection = new Database(file, { readonly: true });
  const logging = new Kysely<DB>({
    dialect: new SqliteDialect({ database: { close: () => connection.close(), prepare: (text: string) => connection.prepare(text) } }),
    log: (event) => void captured.push({ sql: event.query.sql, parameters: event.query.parameters }),
  });
  await work(logging);
  await logging.destroy();
  return captured;
}

export async function benchCases(): Promise<void> {
  // CASES_BENCH_DIR keeps the seeded folder for another run; otherwise a temp folder.
  const kept = process.env.CASES_BENCH_DIR;
  const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'rapport-bench-cases-'));
  let core: Core | undefined;
  let raw: Database.Database | undefined;
  try {
    const file = join(dataDir, DB_FILE);
    if (!kept || !existsSync(file)) {
      const seeded = await seed(dataDir, { logger: quiet });
      const cases = seedCases(seeded.file, 50_000);
      console.error(`cases bench: seeded ${seeded.contacts} contacts, ${cases.cases} cases in ${((seeded.ms + cases.ms) / 1000).toFixed(0)} s`);
    }
    core = await openCore({ dataDir, logger: quiet, startReminders: false, platform: harnessPlatform(dataDir) });
    raw = new Database(file, { readonly: true });
    const rawDb = raw;
    const now = Date.now();

    const cases: { name: string; channel: Channel; input: object; maxMedianMs?: number; statements: Captured[] }[] = [
      {
        name: 'cases.list open and waiting by due time, 50 (50k cases)',
        channel: 'cases.list',
        input: LIST,
        maxMedianMs: MAX_LIST_MS,
        statements: await capture(file, (db) => listCases(db, CaseListInput.parse(LIST), now)),
      },
      { name: 'reports.service for a year (50k cases)', channel: 'reports.service', input: YEAR, statements: await capture(file, (db) => serviceReport(db, YEAR, now)) },
    ];
    const misses: string[] = [];
    for (const c of cases) {
      const prepared = c.statements.map((s) => ({ statement: rawDb.prepare(s.sql), parameters: s.parameters }));
      const app = async () => {
        const result = await core!.dispatch(c.channel, c.input);
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        return result.value;
      };
      const rawRun = () => prepared.map((s) => s.statement.all(...s.parameters));
      const { app: a, raw: r } = await compare(app, rawRun, { warmup: 5, minIterations: 15, maxIterations: 300, budgetMs: 15_000 });
      const ratio = a.medianMs / r.medianMs;
      const within = ratio <= MAX_RATIO && (c.maxMedianMs === undefined || a.medianMs < c.maxMedianMs);
      if (!within) misses.push(`${c.name}: median ${round3(a.medianMs)} ms, ratio ${round3(ratio)}`);
      console.log(
        JSON.stringify({
          case: c.name,
          medianMs: round3(a.medianMs),
          rawMedianMs: round3(r.medianMs),
          ratio: round3(ratio),
          p95Ms: round3(a.p95Ms),
          iterations: a.iterations,
          statements: prepared.length,
          targetRatio: MAX_RATIO,
          ...(c.maxMedianMs === undefined ? {} : { targetMedianMs: c.maxMedianMs }),
          withinTargets: within,
        }),
      );
      if (process.env.BENCH_STEPS) {
        for (const [i, s] of prepared.entries()) {
          const start = process.hrtime.bigint();
          s.statement.all(...s.parameters);
          console.error(`${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(2)} ms  ${c.statements[i]!.sql.replace(/\s+/g, ' ').slice(0, 200)}`);
        }
      }
    }
    console.error(misses.length === 0 ? 'cases: all within targets' : `cases: missed targets:\n  ${misses.join('\n  ')}`);
  } finally {
    raw?.close();
    core?.close();
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchCases().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
