// Real bad-storage conditions for tests: a small tmpfs that fills up, a read-only mount, a read-only file. As root
// (CI, containers) chmod does not stop writes, so there the read-only cases use read-only mounts instead; without
// root they use chmod. Each helper says which mechanism it used (`how`), for the test's name and the report.
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(args: string[]): void {
  execFileSync(args[0]!, args.slice(1), { stdio: 'pipe' });
}

let mountWorks: boolean | undefined;
/** Whether this process may mount (root with CAP_SYS_ADMIN): tried once for real. RAPPORT_TEST_NO_MOUNT=1 says no. */
export function canMount(): boolean {
  if (process.env.RAPPORT_TEST_NO_MOUNT === '1') return false;
  if (mountWorks !== undefined) return mountWorks;
  const dir = mkdtempSync(join(tmpdir(), 'rapport-mount-probe-'));
  try {
    run(['mount', '-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
    run(['umount', dir]);
    mountWorks = true;
  } catch {
    mountWorks = false;
  }
  rmSync(dir, { recursive: true, force: true });
  return mountWorks;
}

export interface SmallDisk {
  dir: string;
  /** Fills every free byte with a filler file. */
  fill(): void;
  /** Deletes the filler: space returns. */
  free(): void;
  readOnly(): void;
  writable(): void;
  unmount(): void;
}

/** A tmpfs of `sizeKb`: a disk that really fills up and really goes read-only (needs mount rights). */
export function smallDisk(sizeKb: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-disk-'));
  run(['mount', '-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0777`, 'tmpfs', dir]);
  const filler = join(dir, 'filler.bin');
  return {
    dir,
    fill() {
      try {
        // Writes until ENOSPC; dd exits non-zero then, which is the point.
        run(['dd', 'if=/dev/zero', `of=${filler}`, 'bs=4k', `count=${Math.ceil(sizeKb / 4) + 16}`]);
      } catch {
        // disk full
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    readOnly() {
      run(['mount', '-o', 'remount,ro', dir]);
    },
    writable() {
      run(['mount', '-o', 'remount,rw', dir]);
    },
    unmount() {
      try {
        run(['umount', dir]);
      } catch {
        run(['umount', '-l', dir]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Makes one file read-only while its folder stays writable; undo() puts it back. */
export function readOnlyFile(file: string): { how: string; undo(): void } {
  if (!isRoot) {
    chmodSync(file, 0o444);
    return { how: 'chmod 444', undo: () => chmodSync(file, 0o644) };
  }
  // Root ignores permission bits: bind-mount the file over itself, read-only.
  run(['mount', '--bind', file, file]);
  run(['mount', '-o', 'remount,ro,bind', file]);
  return { how: 'read-only bind mount', undo: () => run(['umount', file]) };
}

/** Makes a folder (and so every file SQLite would create in it) read-only; undo() puts it back. */
export function readOnlyFolder(dir: string): { how: string; undo(): void } {
  if (!isRoot) {
    chmodSync(dir, 0o555);
    return { how: 'chmod 555', undo: () => chmodSync(dir, 0o755) };
  }
  run(['mount', '--bind', dir, dir]);
  run(['mount', '-o', 'remount,ro,bind', dir]);
  return { how: 'read-only bind mount', undo: () => run(['umount', dir]) };
}

/** Overwrites a page in the middle of the file with garbage, as a failing disk does. */
export function damagePage(file: string, page: number, pageSize = 4096): void {
  const garbage = Buffer.alloc(pageSize, 0x5a);
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, garbage, 0, pageSize, page * pageSize);
  } finally {
    closeSync(fd);
  }
}
