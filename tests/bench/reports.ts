// Benchmark of the reports dashboard over 100,000 contacts, 200,000 jobs and 1,000,000 activities for a
// one-year period: target median < 200 ms and ratio <= 1.3 against the same aggregates as raw SQL. The raw
// side replays the very statements the dashboard runs (captured once from Kysely's query log) as prepared
// better-sqlite3 statements, so the ratio is what the app adds: dispatch, validation, Kysely, assembling.
// Run: tsx tests/bench/reports.ts
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB_FILE, openCore, type Core } from '../../electron/core/app';
import type { Logger } from '../../electron/core/logger';
import { harnessPlatform } from '../../electron/harness/platform';
import { dashboard } from '../../electron/core/reports/dashboard';
import type { DB } from '../../electron/db/schema';
import { compare, round3 } from './measure';
import { seed } from './seed';
import { seedActivities } from './seed-activities';
import { seedJobs } from './seed-jobs';

const MAX_RATIO = 1.3;
const MAX_MEDIAN_MS = 200;
const PERIOD = { from: '2025-01-01', to: '2025-12-31' };
const quiet: Logger = { info: () => {}, warn: (m) => console.error(m), error: (m, d) => console.error(m, d) };

export async function benchReports(): Promise<void> {
  // REPORTS_BENCH_DIR keeps the seeded folder for another run (seeding takes minutes); otherwise a temp folder.
  const kept = process.env.REPORTS_BENCH_DIR;
  const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'rapport-bench-reports-'));
  let core: Core | undefined;
  let raw: Database.Database | undefined;
  try {
    const file = join(dataDir, DB_FILE);
    if (!kept || !existsSync(file)) {
      const seeded = await seed(dataDir, { logger: quiet });
      const activities = seedActivities(seeded.file);
      const jobs = seedJobs(seeded.file, 200_000);
      console.error(`reports bench: seeded ${seeded.contacts} contacts, ${activities.activities} activities, ${jobs.jobs} jobs in ${((seeded.ms + activities.ms + jobs.ms) / 1000).toFixed(0)} s`);
    }
    const seeded = { file };

    core = await openCore({ dataDir, logger: quiet, startReminders: false, platform: harnessPlatform(dataDir) });
    raw = new Database(seeded.file, { readonly: true });

    // The dashboard's statements, in order, as it runs them.
    const captured: { sql: string; parameters: readonly unknown[] }[] = [];
    const capture = new Database(seeded.file, { readonly: true });
    const logging = new Kysely<DB>({
      dialect: new SqliteDialect({ database: { close: () => capture.close(), prepare: (text: string) => capture.prepare(text) } }),
      log: (event) => void captured.push({ sql: event.query.sql, parameters: event.query.parameters }),
    });
    const now = new Date();
    await dashboard(logging, PERIOD, now);
    await logging.destroy();
    const rawDb = raw;
    const statements = captured.map((q) => ({ statement: rawDb.prepare(q.sql), parameters: q.parameters }));

    const app = async () => {
      const result = await core!.dispatch('reports.dashboard', PERIOD);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value;
    };
    const rawRun = () => statements.map((s) => s.statement.all(...s.parameters));

    const { app: a, raw: r } = await compare(app, rawRun, { warmup: 2, minIterations: 7, maxIterations: 60, budgetMs: 20_000 });
    const ratio = a.medianMs / r.medianMs;
    console.log(
      JSON.stringify({
        case: 'reports.dashboard (1 year; 100k contacts, 200k jobs, 1M activities)',
        appMedianMs: round3(a.medianMs),
        rawMedianMs: round3(r.medianMs),
        ratio: round3(ratio),
        appP95Ms: round3(a.p95Ms),
        iterations: a.iterations,
        statements: statements.length,
        targetMedianMs: MAX_MEDIAN_MS,
        targetRatio: MAX_RATIO,
        withinTargets: a.medianMs < MAX_MEDIAN_MS && ratio <= MAX_RATIO,
      }),
    );
    if (process.env.BENCH_STEPS) {
      for (const [i, s] of statements.entries()) {
        const start = process.hrtime.bigint();
        s.statement.all(...s.parameters);
        console.error(`${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(1)} ms  ${captured[i]!.sql.replace(/\s+/g, ' ').slice(0, 160)}`);
      }
    }
  } finally {
    raw?.close();
    core?.close();
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchReports().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
