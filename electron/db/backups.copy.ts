// Copies and checks data files off the main thread: a worker opens its own connection, copies with SQLite's
// online backup API (never a file copy of a live WAL database), runs integrity_check on the copy, switches the
// copy to a plain rollback journal, fsyncs it and only then renames it into place. No `electron`, no core.
import { createRequire } from 'node:module';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface SnapshotInfo {
  bytes: number;
  sha256: string;
  counts: { contacts: number; companies: number; jobs: number; activities: number; documents: number };
  /** Stored documents the copy refers to (Trash included, so a restored Trash still opens its files). */
  blobs: { sha256: string; size: number }[];
  schemaVersion: string;
}

// Plain CommonJS run inside the worker: it may import nothing of ours, so it is a string (bundles stay one file).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const Database = require(workerData.sqlitePath);
const all = () => 0x7fffffff;
function count(db, sql) { try { return db.prepare(sql).pluck().get(); } catch { return 0; } }
async function snapshot({ source, target }) {
  const src = new Database(source, { readonly: true, fileMustExist: true });
  try {
    src.pragma('busy_timeout = 5000');
    // One step copies everything under one read transaction: a consistent snapshot that never restarts
    // because the main connection wrote meanwhile (WAL readers do not block writers).
    await src.backup(target, { progress: all });
  } finally { src.close(); }
  parentPort.postMessage({ progress: 'checking' });
  const copy = new Database(target);
  let info;
  try {
    copy.pragma('journal_mode = DELETE');
    const problems = copy.pragma('integrity_check', { simple: false }).map((r) => r.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') throw new Error('integrity_check: ' + problems.slice(0, 3).join('; '));
    let blobs = [];
    try { blobs = copy.prepare("SELECT sha256, size FROM documents WHERE mode = 'copy' AND sha256 IS NOT NULL").all(); } catch {}
    info = {
      counts: {
        contacts: count(copy, 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL'),
        companies: count(copy, 'SELECT count(*) FROM companies WHERE deleted_at IS NULL'),
        jobs: count(copy, 'SELECT count(*) FROM jobs WHERE deleted_at IS NULL'),
        activities: count(copy, 'SELECT count(*) FROM activities WHERE deleted_at IS NULL'),
        documents: count(copy, 'SELECT count(*) FROM documents WHERE deleted_at IS NULL'),
      },
      blobs,
      schemaVersion: String(count(copy, 'SELECT max(name) FROM schema_migrations') || ''),
    };
  } finally { copy.close(); }
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(target, 'r+');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    let n;
    while ((n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, n));
    fs.fsyncSync(fd);
  } finally { fs.closeSync(fd); }
  return { ...info, bytes: fs.statSync(target).size, sha256: hash.digest('hex') };
}
async function restore({ source, target }) {
  const src = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const problems = src.pragma('quick_check', { simple: false }).map((r) => r.quick_check);
    if (problems.length !== 1 || problems[0] !== 'ok') throw new Error('quick_check failed on the backup');
    // Into the live file through SQLite, as one transaction: open connections see the old data or the new.
    await src.backup(target, { progress: all });
  } finally { src.close(); }
  return {};
}
(workerData.op === 'snapshot' ? snapshot(workerData) : restore(workerData)).then(
  (result) => parentPort.postMessage({ result }),
  (error) => parentPort.postMessage({ error: String(error && error.message || error), code: error && error.code }),
);
`;

function sqlitePath(): string {
  // The bundled main process is CommonJS and has `require`; tsx, vitest and the harness run ESM from the repo.
  const resolver = typeof require === 'function' ? require : createRequire(join(process.cwd(), 'index.js'));
  return resolver.resolve('better-sqlite3');
}

function runWorker<T>(data: Record<string, unknown>, onProgress?: (phase: string) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...data, sqlitePath: sqlitePath() } });
    let settled = false;
    worker.on('message', (message: { progress?: string; result?: T; error?: string; code?: string }) => {
      if (message.progress) return onProgress?.(message.progress);
      settled = true;
      // The code (SQLITE_FULL, ENOSPC...) is what tells the user "disk full" rather than a generic failure.
      if (message.error !== undefined) reject(Object.assign(new Error(message.error), message.code ? { code: message.code } : {}));
      else resolve(message.result as T);
      void worker.terminate();
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`backup worker stopped (${code})`));
      settled = true;
    });
  });
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms cannot open a folder (Windows); the rename is still atomic there.
  }
}

export const TEMP_SUFFIX = '.partial';

/**
 * Copies the data file `source` to `finalPath` through `finalPath + .partial`: copy, integrity_check, fsync,
 * rename. On any failure the partial file is removed and nothing appears at `finalPath`.
 */
export async function snapshotFile(source: string, finalPath: string, onProgress?: (phase: string) => void): Promise<SnapshotInfo> {
  const temp = finalPath + TEMP_SUFFIX;
  rmSync(temp, { force: true });
  try {
    const info = await runWorker<SnapshotInfo>({ op: 'snapshot', source, target: temp }, onProgress);
    renameSync(temp, finalPath);
    syncDir(dirname(finalPath));
    return { ...info, bytes: statSync(finalPath).size };
  } catch (error) {
    rmSync(temp, { force: true });
    rmSync(temp + '-journal', { force: true });
    throw error;
  }
}

/** Writes the checked backup `source` into the live data file `target` through SQLite (see restore in the worker). */
export async function restoreInto(source: string, target: string): Promise<void> {
  await runWorker<object>({ op: 'restore', source, target });
}
