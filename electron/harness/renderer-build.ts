// Builds the renderer when dist/renderer is missing or older than its sources, so the harness and the
// e2e suite always serve the UI as it is now. Development and tests only.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RENDERER_DIST = join(REPO_ROOT, 'dist', 'renderer');
const VITE_CONFIG = join(REPO_ROOT, 'build', 'vite.renderer.config.ts');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function rendererBuildIsStale(outDir = RENDERER_DIST): boolean {
  const index = join(outDir, 'index.html');
  if (!existsSync(index)) return true;
  const sources = [join(REPO_ROOT, 'renderer'), join(REPO_ROOT, 'shared'), VITE_CONFIG, join(REPO_ROOT, 'package-lock.json')];
  const newestSource = Math.max(...sources.filter(existsSync).map(newestMtime));
  return newestSource > statSync(index).mtimeMs;
}

/** Returns true when it built. Throws when the build fails: serving an old UI silently would mislead. */
export function ensureRendererBuild(log: (line: string) => void = console.log, outDir = RENDERER_DIST): boolean {
  if (!rendererBuildIsStale(outDir)) return false;
  log(`Building the renderer (${outDir} is missing or stale)...`);
  const vite = join(createRequire(import.meta.url).resolve('vite/package.json'), '..', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', VITE_CONFIG, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`Renderer build failed (exit ${result.status ?? result.signal})`);
  return true;
}
