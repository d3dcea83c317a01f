// kill -9 at random moments while a real core writes (tests/helpers/crash-child.ts): after each kill the store is
// opened again as the app would, and every acknowledged write must be there, integrity_check must be ok, and no
// half file may sit at a final path (temp files are gone after the start). A short run here; the full one:
//   CRASH_ROUNDS=150 npx vitest run tests/core/crash-kill.test.ts
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/app';
import { memoryLogger } from '../../electron/core/logger';
import { REPO_ROOT } from '../../electron/harness/renderer-build';
import { harnessPlatform } from '../../electron/harness/platform';
import { lcg } from '../bench/random';
import { tempDir } from '../helpers/core';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 10);
const SEED = Number(process.env.CRASH_SEED ?? 20261205);
const dataDir = tempDir('rapport-crash-');
/** The child bundled once as CommonJS like the app's main (beside node_modules, so packages resolve): it starts in half tsx's time. */
const CHILD = join(REPO_ROOT, 'node_modules', '.cache', 'rapport-crash', `child-${process.pid}.cjs`);
beforeAll(async () => {
  await build({ entryPoints: [join(REPO_ROOT, 'tests', 'helpers', 'crash-child.ts')], bundle: true, platform: 'node', format: 'cjs', packages: 'external', outfile: CHILD, logLevel: 'warning' });
}, 60_000);
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(CHILD, { force: true });
});

interface Acks {
  contacts: string[];
  activities: string[];
  imports: { tag: string; rows: number }[];
  exports: { path: string; count: number }[];
  zips: string[];
  backups: string[];
  refused: string[];
}

/** Runs the child until `delayMs` after it is ready, then SIGKILLs it; returns what it acknowledged. */
async function killRound(seed: number, delayMs: number, acks: Acks): Promise<void> {
  const child = spawn(process.execPath, [CHILD, dataDir, String(seed)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`the child did not start:\n${err}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('READY\n')) {
        clearTimeout(timer);
        ready();
      }
    });
    child.once('exit', () => fail(new Error(`the child ended by itself:\n${err}`)));
  });
  await new Promise((done) => setTimeout(done, delayMs));
  const alive = child.exitCode === null;
  child.kill('SIGKILL');
  await exited;
  expect(alive, `the child died before the kill:\n${err}`).toBe(true);
  // Only whole lines count: a line cut by the kill was never fully acknowledged.
  for (const line of out.slice(0, out.lastIndexOf('\n')).split('\n')) {
    const [kind, a, b] = line.split(' ');
    if (kind === 'contact') acks.contacts.push(a!);
    else if (kind === 'activity') acks.activities.push(a!);
    else if (kind === 'import') acks.imports.push({ tag: a!, rows: Number(b) });
    else if (kind === 'export') acks.exports.push({ path: a!, count: Number(b) });
    else if (kind === 'zip') acks.zips.push(a!);
    else if (kind === 'backup') acks.backups.push(a!);
    else if (kind === 'refused') acks.refused.push(a!);
  }
}

const csvRecords = (path: string) => readFileSync(path, 'utf8').split('\r\n').filter(Boolean).length;

/** A file at a final name is complete: a zip passes unzip -t, a CSV ends with its record's CRLF. */
function complete(path: string): boolean {
  if (path.endsWith('.zip')) {
    try {
      execFileSync('unzip', ['-tqq', path]);
      return true;
    } catch {
      return false;
    }
  }
  return readFileSync(path, 'utf8').endsWith('\r\n');
}

/** Opens the store as the app does at start (sweeps included), then checks everything acknowledged so far. */
async function verify(acks: Acks): Promise<{ losses: number; corrupt: boolean; halfFiles: string[] }> {
  const core = await openCore({ dataDir, logger: memoryLogger(), startReminders: false, platform: harnessPlatform(dataDir) });
  let listed: string[] = [];
  try {
    const result = await core.dispatch('backups.list', {});
    if (result.ok) listed = (result.value as { items: { id: string }[] }).items.map((b) => b.id);
  } finally {
    core.close();
  }
  const db = new Database(join(dataDir, 'rapport.sqlite'), { readonly: true });
  let losses = 0;
  try {
    const corrupt = db.pragma('integrity_check', { simple: true }) !== 'ok';
    const has = (table: string, ids: string[]) => {
      const found = new Set(db.prepare<[string], string>(`SELECT id FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(ids)));
      return ids.filter((id) => !found.has(id)).length;
    };
    losses += has('contacts', acks.contacts) + has('activities', acks.activities);
    for (const { tag, rows } of acks.imports) if (db.prepare<[string], number>('SELECT count(*) FROM contacts WHERE first_name = ?').pluck().get(tag) !== rows) losses++;
    for (const { path, count } of acks.exports) if (!existsSync(path) || csvRecords(path) !== count + 1) losses++;
    for (const path of acks.zips) if (!existsSync(path) || !complete(path)) losses++;
    losses += acks.backups.filter((id) => !listed.includes(id)).length;
    const exportsDir = join(dataDir, 'exports');
    const finals = existsSync(exportsDir) ? readdirSync(exportsDir).map((name) => join(exportsDir, name)) : [];
    const leftovers = [...readdirSync(dataDir).filter((n) => n.startsWith('.export-')), ...finals.filter((p) => p.endsWith('.part'))];
    const halfFiles = [...leftovers, ...finals.filter((p) => !p.endsWith('.part') && !complete(p))];
    return { losses, corrupt, halfFiles };
  } finally {
    db.close();
  }
}

describe('kill -9 during writes, imports and exports', () => {
  it(`loses no acknowledged write and leaves no damage in ${ROUNDS} rounds`, async () => {
    const random = lcg(SEED);
    const acks: Acks = { contacts: [], activities: [], imports: [], exports: [], zips: [], backups: [], refused: [] };
    const totals = { rounds: 0, losses: 0, corruptions: 0, halfFiles: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      await killRound(SEED + round, Math.floor(random() * 1500), acks);
      const result = await verify(acks);
      totals.rounds++;
      totals.losses += result.losses;
      totals.corruptions += result.corrupt ? 1 : 0;
      totals.halfFiles += result.halfFiles.length;
      expect({ round, ...result }).toEqual({ round, losses: 0, corrupt: false, halfFiles: [] });
    }
    const acknowledged = acks.contacts.length + acks.activities.length + acks.imports.length + acks.exports.length + acks.zips.length + acks.backups.length;
    const refused = Object.fromEntries([...new Set(acks.refused)].map((channel) => [channel, acks.refused.filter((c) => c === channel).length]));
    console.log(JSON.stringify({ case: 'crash-kill', seed: SEED, ...totals, acknowledged, contacts: acks.contacts.length, activities: acks.activities.length, imports: acks.imports.length, exports: acks.exports.length, zips: acks.zips.length, backups: acks.backups.length, refused }));
    expect(acks.contacts.length).toBeGreaterThan(ROUNDS);
  }, 30_000 + ROUNDS * 15_000);
});
