// `npm start`: checks Node, fetches Electron's binary the first time (saying plainly, once, when that fails for want
// of a network instead of printing a stack trace), builds only what changed (build/up-to-date.mjs), then opens the app.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeIsNewEnough, TOO_OLD } from './check-node.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const ELECTRON = join(ROOT, 'node_modules', 'electron');

export const OFFLINE =
  'Rapport could not download Electron, the window it runs in: the first start needs an internet connection (once, about 100 MB). Connect and run npm start again.';

/** The executable's path inside dist/, as electron/install.js names it for this platform. */
function platformPath() {
  const platform = process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform;
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  return platform === 'win32' ? 'electron.exe' : 'electron';
}

/** Mirrors electron/install.js's own check: the right version for this platform is unpacked in dist/. */
export function electronBinary() {
  try {
    const { version } = JSON.parse(readFileSync(join(ELECTRON, 'package.json'), 'utf8'));
    if (readFileSync(join(ELECTRON, 'dist', 'version'), 'utf8').replace(/^v/, '') !== version) return null;
    if (readFileSync(join(ELECTRON, 'path.txt'), 'utf8') !== platformPath()) return null;
    const binary = join(ELECTRON, 'dist', platformPath());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function run(script, args = []) {
  const result = spawnSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function main() {
  if (!nodeIsNewEnough()) {
    console.error(TOO_OLD());
    process.exit(1);
  }
  let binary = electronBinary();
  if (!binary) {
    console.log('Getting Electron for the first start…');
    const download = spawnSync(process.execPath, [join(ELECTRON, 'install.js')], { cwd: ELECTRON, encoding: 'utf8' });
    binary = download.status === 0 ? electronBinary() : null;
    if (!binary) {
      // The downloader's own words (a stack trace) help nobody on screen; they are kept for whoever asks.
      const log = join(tmpdir(), 'rapport-electron-download.log');
      writeFileSync(log, `${download.stdout ?? ''}${download.stderr ?? ''}${download.error ? String(download.error) : ''}`);
      console.error(OFFLINE);
      process.exit(1);
    }
  }
  run('build/build-renderer.mjs');
  run('build/build-electron.mjs');
  const app = spawnSync(binary, ['.', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
  process.exit(app.status ?? 0);
}

main();
