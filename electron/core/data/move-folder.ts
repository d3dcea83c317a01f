// "Move data folder": checks the folder the user picked, backs up, copies the store (online backup, fully checked)
// and the folder's files (each verified by SHA-256), compares every table's rows, and only then points the app
// at the new folder. The running app then takes no more changes and must restart; the old copy is removed at
// the first start in the new folder (location.ts). No SQL here; no `electron` import.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { MoveStep } from '../../../shared/ipc/data.contract';
import { AppError } from '../../../shared/ipc/errors';
import { formatBytes } from '../../../shared/domain/text';
import { DB_FILE } from '../../db/connection';
import { backupStore, checkStore, countRows, dataTables } from '../../db/data.repo';
import type { FeatureContext } from '../modules';
import type { Hold } from './hold';
import { FOLDER_ENTRIES, MOVED_FROM_FILE, MOVED_TO_FILE, writeMovedNotes } from './location';
import type { z } from 'zod';

type Result = ChannelOutput<'data.moveFolder'>;
type Step = z.infer<typeof MoveStep>;

/** Room kept free on the target beyond what is copied: a full disk right after a move helps nobody. */
const SPARE_BYTES = 50 * 1024 * 1024;

const invalid = (message: string) => AppError.validation('path', message);

/** Every regular file of the folder's entries, relative to the folder (symlinks are not followed or copied). */
function folderFiles(root: string): { rel: string; size: number }[] {
  const files: { rel: string; size: number }[] = [];
  const walk = (rel: string) => {
    const info = lstatSync(join(root, rel), { throwIfNoEntry: false });
    if (!info) return;
    if (info.isDirectory()) for (const name of readdirSync(join(root, rel)).sort()) walk(join(rel, name));
    else if (info.isFile() && !/\.part$|^\.incoming-/.test(rel.split(sep).pop()!)) files.push({ rel, size: info.size });
  };
  for (const entry of FOLDER_ENTRIES) walk(entry);
  return files;
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Copies one file to a temp name, syncs it, checks its hash against the source's, then renames it into place. */
async function copyVerified(source: string, target: string): Promise<number> {
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${randomUUID()}.part`;
  const hash = createHash('sha256');
  let size = 0;
  try {
    const input = createReadStream(source, { highWaterMark: 1 << 20 });
    input.on('data', (chunk) => {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    });
    await pipeline(input, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
    const handle = await open(temp, 'r+');
    await handle.sync();
    await handle.close();
    if ((await hashFile(temp)) !== hash.digest('hex')) throw new AppError('INTERNAL', 'A copied file did not match its original, so nothing was moved.');
    renameSync(temp, target);
    return size;
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** A file system error in the user's words, naming what to do; anything else passes through. */
function plainError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return invalid('The disk of that folder is full. Nothing was moved; free some space or choose another folder.');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return invalid('Rapport cannot write in that folder (it is read-only). Nothing was moved; choose another folder.');
  return error;
}

export function createMoveFolder(ctx: FeatureContext, hold: Hold) {
  const from = ctx.dataDir;
  const emit = (step: Step, done: number, total: number) => ctx.deps.events.emit('data.moveProgress', { step, done, total });
  /** The data file with its write-ahead log: what a copy of it will take. */
  const storeBytes = () => [DB_FILE, `${DB_FILE}-wal`].reduce((sum, name) => sum + (statSync(join(from, name), { throwIfNoEntry: false })?.size ?? 0), 0);

  /** The target, checked; throws VALIDATION naming `path` with what is wrong and what to do. */
  function check(path: string): { to: string; files: { rel: string; size: number }[]; bytes: number; freeBytes: number | null } {
    if (!isAbsolute(path) || !ctx.picks.has(path)) throw invalid('Choose the new folder with "Choose folder"');
    let to: string;
    try {
      to = realpathSync(path);
    } catch {
      throw invalid('That folder cannot be found any more. Choose it again.');
    }
    if (!statSync(to).isDirectory()) throw invalid('That is a file, not a folder. Choose a folder.');
    const current = realpathSync(from);
    if (to === current) throw invalid('Your data is in that folder already.');
    if (`${to}${sep}`.startsWith(`${current}${sep}`)) throw invalid('That folder is inside your current data folder. Choose one outside it.');
    if (existsSync(join(to, DB_FILE)) || existsSync(join(to, MOVED_TO_FILE)) || existsSync(join(to, MOVED_FROM_FILE))) {
      throw invalid('That folder holds another Rapport data file. Choose an empty folder, or one without Rapport data in it.');
    }
    const taken = FOLDER_ENTRIES.find((name) => existsSync(join(to, name)));
    if (taken) throw invalid(`That folder already has a "${taken}" in it. Choose an empty folder.`);
    const probe = join(to, `.rapport-write-check-${randomUUID()}`);
    try {
      // A folder that refuses a small file of ours is read-only to us, whatever its permission bits say.
      writeFileSync(probe, '', { flag: 'wx' });
      rmSync(probe, { force: true });
    } catch {
      throw invalid('Rapport cannot write in that folder (it is read-only). Choose another folder.');
    }
    const files = folderFiles(from);
    const bytes = files.reduce((sum, f) => sum + f.size, 0) + storeBytes();
    let freeBytes: number | null = null;
    try {
      const fs = statfsSync(to);
      freeBytes = Number(fs.bavail) * Number(fs.bsize);
    } catch {
      // not every system says
    }
    if (freeBytes !== null && freeBytes < bytes + SPARE_BYTES) throw invalid(`Not enough free space there: your data needs ${formatBytes(bytes + SPARE_BYTES)}, the disk has ${formatBytes(freeBytes)} free.`);
    return { to, files, bytes, freeBytes };
  }

  /** The backup in the old folder before anything moves: written to a temp name, checked, renamed. */
  async function backupFirst(): Promise<string> {
    const dir = join(from, 'backups');
    mkdirSync(dir, { recursive: true });
    const stamp = ctx.deps.clock.now().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const path = join(dir, `rapport-${stamp}-before-move.sqlite`);
    const temp = `${path}.${randomUUID()}.part`;
    try {
      if (!(await backupStore(ctx.store.sqlite, temp, (done, total) => emit('backup', done, total)))) throw new AppError('INTERNAL', 'The data file did not pass its check, so it was not moved. Restore it from a backup first.');
      renameSync(temp, path);
      return path;
    } finally {
      rmSync(temp, { force: true });
    }
  }

  async function move(to: string, planned: ReturnType<typeof check>): Promise<Result> {
    const created: string[] = [];
    try {
      const backupPath = await backupFirst();
      // The file list again, now that nothing else runs: a document attached since the check is copied too.
      const files = folderFiles(from);
      const dbPart = join(to, `${DB_FILE}.${randomUUID()}.part`);
      created.push(dbPart);
      if (!(await backupStore(ctx.store.sqlite, dbPart, (done, total) => emit('database', done, total), 'full'))) throw new AppError('INTERNAL', 'The copy of the data file did not pass its check, so nothing was moved.');
      const total = files.reduce((sum, f) => sum + f.size, 0);
      let done = 0;
      for (const entry of FOLDER_ENTRIES) if (existsSync(join(from, entry)) && !existsSync(join(to, entry))) created.push(join(to, entry));
      for (const file of files) {
        done += await copyVerified(join(from, file.rel), join(to, file.rel));
        emit('files', done, total);
      }
      emit('verify', 0, 1);
      const copied = checkStore(dbPart);
      const mismatch = dataTables(ctx.store.sqlite).find((table) => copied.tables[table] !== countRows(ctx.store.sqlite, table));
      if (!copied.ok || mismatch) throw new AppError('INTERNAL', 'The copied data file did not match the original, so nothing was moved.');
      renameSync(dbPart, join(to, DB_FILE));
      created.push(join(to, DB_FILE));
      emit('switch', 0, 1);
      writeMovedNotes(from, to, ctx.deps.clock.now());
      hold.seal(`Your data is now in ${to}. Restart Rapport to go on working.`);
      emit('switch', 1, 1);
      ctx.deps.events.emit('data.folderMoved', { from, to });
      ctx.logger.info('moved the data folder', { from, to, files: files.length });
      return { from, to, dryRun: false, moved: true, restartRequired: true, files: files.length + 1, bytes: done + statSync(join(to, DB_FILE)).size, freeBytes: planned.freeBytes, backupPath };
    } catch (error) {
      for (const path of created.reverse()) await rm(path, { recursive: true, force: true }).catch(() => undefined);
      rmSync(join(to, MOVED_FROM_FILE), { force: true });
      hold.open();
      throw plainError(error);
    }
  }

  return {
    async moveFolder(input: ChannelParsedInput<'data.moveFolder'>): Promise<Result> {
      const planned = check(input.path);
      if (input.dryRun) return { from, to: planned.to, dryRun: true, moved: false, restartRequired: false, files: planned.files.length + 1, bytes: planned.bytes, freeBytes: planned.freeBytes, backupPath: null };
      if (hold.closed) throw new AppError('CONFLICT', 'The data folder is being moved already.');
      emit('waiting', 0, 1);
      await hold.close('Rapport is moving your data folder. Wait until it has finished.');
      return move(planned.to, planned);
    },
    /** For the page: where the data is and how big it is. */
    info(): ChannelOutput<'data.info'> {
      const files = folderFiles(from);
      const documents = files.filter((f) => f.rel.startsWith(`documents${sep}`));
      return { folder: from, databaseBytes: storeBytes(), documentsBytes: documents.reduce((s, f) => s + f.size, 0), documentFiles: documents.length };
    },
  };
}
