// Bundles the Electron main process and the sandboxed preload with esbuild into dist/electron/*.cjs
// (package.json is "type": "module", hence .cjs). Main keeps electron and better-sqlite3 (a native module,
// loaded from node_modules) external; the preload keeps only electron external, since a sandboxed preload
// can require nothing else. Into dist/electron it is skipped when no input changed (up-to-date.mjs).
// Usage: node build/build-electron.mjs [--outdir DIR] [--metafile] [--force]
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fingerprint, isUpToDate, markBuilt } from './up-to-date.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The two esbuild configurations; exported so the build test checks exactly what ships. */
export function electronBuildOptions(outdir = join(root, 'dist/electron')) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
    legalComments: 'none',
  };
  return {
    main: {
      ...common,
      entryPoints: ['electron/main/main.ts'],
      outfile: join(outdir, 'main.cjs'),
      external: ['electron', 'better-sqlite3'],
    },
    preload: {
      ...common,
      entryPoints: ['electron/preload/preload.ts'],
      outfile: join(outdir, 'preload.cjs'),
      external: ['electron'],
    },
  };
}

export async function buildElectron({ outdir, metafile = false } = {}) {
  // Loaded only when there is something to build: a skipped build stays quick.
  const esbuild = await import('esbuild');
  const options = electronBuildOptions(outdir);
  const [main, preload] = await Promise.all([
    esbuild.build({ ...options.main, metafile }),
    esbuild.build({ ...options.preload, metafile }),
  ]);
  if (metafile) {
    const dir = dirname(options.main.outfile);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'main.meta.json'), JSON.stringify(main.metafile));
    await writeFile(join(dir, 'preload.meta.json'), JSON.stringify(preload.metafile));
  }
  return { main, preload };
}

/** What the default build (into dist/electron) reads; the stamp compares these. */
export const ELECTRON_BUILD = {
  inputs: ['electron', 'shared', 'build/build-electron.mjs', 'tsconfig.json', 'tsconfig.base.json', 'package-lock.json'],
  output: 'dist/electron/main.cjs',
};

/** The default build, skipped when its inputs and output are as the last build left them. */
async function buildDefault(force) {
  if (!force && isUpToDate('electron', ELECTRON_BUILD)) {
    console.log('electron: unchanged since the last build, skipped');
    return;
  }
  const before = fingerprint(ELECTRON_BUILD.inputs);
  await buildElectron();
  markBuilt('electron', ELECTRON_BUILD, before);
}

function parseArgs(argv) {
  const args = { outdir: undefined, metafile: false, force: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--outdir') args.outdir = resolve(argv[++i] ?? '');
    else if (argv[i] === '--metafile') args.metafile = true;
    else if (argv[i] === '--force') args.force = true;
    else throw new Error(`unknown argument: ${argv[i]}`);
  }
  return args;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = parseArgs(process.argv.slice(2));
  const run = args.outdir || args.metafile ? buildElectron(args) : buildDefault(args.force);
  run.catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
