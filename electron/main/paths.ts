// Where the app keeps its data and finds its own files, as pure functions of their inputs (argv, env,
// Electron's userData folder, the bundle's folder) so the rules are tested without Electron. No `electron` import.
import { isAbsolute, join, resolve } from 'node:path';

export const DATA_DIR_FLAG = '--data-dir';
export const DATA_DIR_ENV = 'RAPPORT_DATA_DIR';

export type DataDirSource = 'argv' | 'env' | 'userData';

/** The value of `--data-dir DIR` or `--data-dir=DIR` (the last one wins, as with most CLIs); empty values are ignored. */
export function dataDirFromArgv(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === DATA_DIR_FLAG) {
      const next = argv[i + 1];
      if (next !== undefined && next !== '' && !next.startsWith('--')) {
        found = next;
        i++;
      }
    } else if (arg?.startsWith(`${DATA_DIR_FLAG}=`)) {
      const value = arg.slice(DATA_DIR_FLAG.length + 1);
      if (value !== '') found = value;
    }
  }
  return found;
}

/**
 * `--data-dir DIR`, else RAPPORT_DATA_DIR, else Electron's userData folder. A relative DIR is taken from `cwd`
 * (the shell's folder), so `rapport --data-dir ./demo` means what the user typed.
 */
export function resolveDataDir(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  userData: string,
  cwd: string = process.cwd(),
): { dataDir: string; source: DataDirSource } {
  const fromArgv = dataDirFromArgv(argv);
  if (fromArgv !== undefined) return { dataDir: resolve(cwd, fromArgv), source: 'argv' };
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { dataDir: resolve(cwd, fromEnv), source: 'env' };
  return { dataDir: isAbsolute(userData) ? userData : resolve(cwd, userData), source: 'userData' };
}

/**
 * With an explicit data dir, Chromium's own profile (caches, the single-instance lock) moves beside it, so two
 * data dirs can be open at once (e.g. a demo file next to the real one) instead of the second silently focusing
 * the first. With the default data dir, userData is left alone.
 */
export function chromiumProfileDir(resolved: { dataDir: string; source: DataDirSource }): string | undefined {
  return resolved.source === 'userData' ? undefined : join(resolved.dataDir, 'chromium-profile');
}

/** Where main.cjs finds its siblings: the bundle sits in dist/electron, the renderer build in dist/renderer. */
export function bundlePaths(mainDir: string): { preload: string; rendererRoot: string } {
  return { preload: join(mainDir, 'preload.cjs'), rendererRoot: resolve(mainDir, '..', 'renderer') };
}

export const WINDOW_STATE_FILE = 'window-state.json';
