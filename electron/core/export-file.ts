// Every export file is written under a temp name only Rapport uses, beside its target, and renamed into place at
// the end: no half file under the chosen name, no two exports sharing a temp file, and at the next start the temp
// file of an export that was killed is removed. Node only; no `electron` import.
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { Logger } from './logger';

/** `.<target name>.rapport-<pid>-<unique>.part`: hidden, and recognisable so start-up cleans only its own. */
const TEMP_NAME = /^\..*\.rapport-(\d+)-([0-9a-z]+)\.part$/s;
/** Temp paths of exports under way, one `+"path"` or `-"path"` line each; read and removed at the next start. */
export const PENDING_EXPORTS_FILE = 'exports-pending.log';
/** Where the harness's (and any dialog-less) exports go: swept for stray temp files at start. */
export const EXPORTS_DIR = 'exports';

let counter = 0;

/** The target's name cut to at most `bytes` UTF-8 bytes on a character boundary (a file name may hold 255). */
function shortName(name: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of name) {
    used += Buffer.byteLength(ch);
    if (used > bytes) break;
    out += ch;
  }
  return out;
}

/** A temp path no other export (in this process or another) can be given: pid, a counter and random bytes. */
export function tempPathFor(target: string): string {
  counter = (counter + 1) % 0x100000;
  const unique = `${counter.toString(36)}${randomBytes(6).toString('hex')}`;
  return join(dirname(target), `.${shortName(basename(target), 120)}.rapport-${process.pid}-${unique}.part`);
}

/** Temp files being written now, per data folder: never swept, even by a second open of the same folder. */
const active = new Map<string, Set<string>>();

/** Best effort: the list is a safety net for the next start, and an export does not fail for want of it. */
function record(dataDir: string, temp: string, adding: boolean) {
  const set = active.get(dataDir) ?? new Set<string>();
  active.set(dataDir, set);
  const journal = join(dataDir, PENDING_EXPORTS_FILE);
  try {
    if (adding) {
      set.add(temp);
      appendFileSync(journal, `+${JSON.stringify(temp)}\n`);
    } else {
      set.delete(temp);
      if (set.size === 0) rmSync(journal, { force: true });
      else appendFileSync(journal, `-${JSON.stringify(temp)}\n`);
    }
  } catch {
    // The temp file itself is still removed on failure; only a kill at this moment would leave it.
  }
}

export type Write = (chunk: string | Uint8Array) => Promise<void>;

/**
 * Streams `fill`'s chunks into a temp file beside `target` and renames it into place only when `fill` finishes,
 * so a failed, cancelled or killed export never leaves half a file under the chosen name. `dataDir` (the folder
 * of rapport.sqlite) records the temp path until it is gone, so a temp file in a folder the user picked is
 * found again at the next start. The file is opened exclusively: an existing file is never overwritten.
 */
export async function writeFileAtomically(target: string, fill: (write: Write) => Promise<void>, dataDir?: string): Promise<void> {
  const temp = tempPathFor(target);
  if (dataDir) record(dataDir, temp, true);
  try {
    const handle = await open(temp, 'wx');
    try {
      // writeFile, unlike write, loops until the whole chunk is on disk; each call goes on where the last ended.
      await fill((chunk) => handle.writeFile(chunk));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    if (dataDir) record(dataDir, temp, false);
  }
}

/** A live process other than this one: its temp files are its own business (pid reuse can only keep a file). */
function ownedByOther(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function stale(path: string, dataDir: string): boolean {
  const match = TEMP_NAME.exec(basename(path));
  return !!match && !active.get(dataDir)?.has(path) && !ownedByOther(Number(match[1]));
}

/**
 * At start: removes Rapport's temp files that a killed export left, those named in the pending list (in folders
 * the user picked) and those in <dataDir>/exports. Only files named like Rapport's temp files are touched, so
 * an edited pending list cannot delete anything else. Returns the paths removed; never throws.
 */
export function cleanStaleExports(dataDir: string): { removed: string[]; failed: string[] } {
  const removed: string[] = [];
  const failed: string[] = [];
  const remove = (path: string) => {
    try {
      if (!existsSync(path)) return;
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
      failed.push(path);
    }
  };
  const journal = join(dataDir, PENDING_EXPORTS_FILE);
  const pending = new Set<string>();
  try {
    for (const line of existsSync(journal) ? readFileSync(journal, 'utf8').split('\n') : []) {
      const path = parseLine(line.slice(1));
      if (path === null) continue; // a line cut short by the kill
      if (line[0] === '+') pending.add(path);
      else if (line[0] === '-') pending.delete(path);
    }
  } catch {
    failed.push(journal);
  }
  for (const path of pending) if (stale(path, dataDir)) remove(path);
  try {
    if (!active.get(dataDir)?.size) rmSync(journal, { force: true });
  } catch {
    failed.push(journal);
  }
  const folder = join(dataDir, EXPORTS_DIR);
  try {
    for (const name of existsSync(folder) ? readdirSync(folder) : []) if (stale(join(folder, name), dataDir)) remove(join(folder, name));
  } catch {
    failed.push(folder);
  }
  return { removed, failed };
}

function parseLine(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' && isAbsolute(value) ? value : null;
  } catch {
    return null;
  }
}

/** The start-up call (app.ts): removes what killed exports left and says so in the log. */
export function sweepStaleExports(dataDir: string, logger: Logger): void {
  const { removed, failed } = cleanStaleExports(dataDir);
  if (removed.length) logger.info(`removed ${removed.length} temp file(s) of interrupted exports`, { removed });
  if (failed.length) logger.warn('could not remove temp files of interrupted exports', { failed });
}
