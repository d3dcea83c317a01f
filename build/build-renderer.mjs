// `npm run build:renderer`: vite's production build of the UI into dist/renderer, skipped when nothing it reads has
// changed since the last build (up-to-date.mjs). `--force` builds anyway. Extra arguments go to vite.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fingerprint, isUpToDate, markBuilt, ROOT } from './up-to-date.mjs';

export const RENDERER_BUILD = {
  inputs: ['renderer', 'shared', 'build/vite.renderer.config.ts', 'package-lock.json'],
  output: 'dist/renderer/index.html',
};

const args = process.argv.slice(2);
const force = args.includes('--force');
if (!force && isUpToDate('renderer', RENDERER_BUILD)) {
  console.log('renderer: unchanged since the last build, skipped');
} else {
  const before = fingerprint(RENDERER_BUILD.inputs);
  const vite = join(createRequire(import.meta.url).resolve('vite/package.json'), '..', 'bin', 'vite.js');
  const viteArgs = args.filter((a) => a !== '--force');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'build/vite.renderer.config.ts', ...viteArgs], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  markBuilt('renderer', RENDERER_BUILD, before);
}
