// Bundles the Electron main process and the sandboxed preload with esbuild into dist/electron/*.cjs
// (package.json is "type": "module", hence .cjs). Main keeps electron and better-sqlite3 (a native module,
// loaded from node_modules) external; the preload keeps only electron external, since a sandboxed preload
// can require nothing else. Usage: node build/build-electron.mjs [--outdir DIR] [--metafile]
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

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

function parseArgs(argv) {
  const args = { outdir: undefined, metafile: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--outdir') args.outdir = resolve(argv[++i] ?? '');
    else if (argv[i] === '--metafile') args.metafile = true;
    else throw new Error(`unknown argument: ${argv[i]}`);
  }
  return args;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  buildElectron(parseArgs(process.argv.slice(2))).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
