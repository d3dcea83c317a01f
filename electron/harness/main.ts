// `npm run harness -- --data-dir DIR --port N`: the real backend on plain Node plus the built UI, for
// end-to-end tests and development without Electron. Prints its URL when ready; exits cleanly on SIGTERM.
// A data file that cannot be used (in use, read-only, locked, damaged) gets the start-up screen, not a crash.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { consoleLogger } from '../core/logger';
import { runStartupAction, startCore, type StartOptions } from '../core/startup';
import { harnessPlatform } from './platform';
import { ensureRendererBuild, RENDERER_DIST } from './renderer-build';
import { startHarnessServer } from './server';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string', default: '.harness-data' }, port: { type: 'string', default: '5174' } },
  strict: true,
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number (0 picks a free one), not ${values.port}`);
  process.exit(2);
}

// RAPPORT_RENDERER_DIR: a build of its own (the UI bench), untouched by e2e runs rebuilding dist/renderer meanwhile.
const rendererDir = process.env.RAPPORT_RENDERER_DIR ?? RENDERER_DIST;
ensureRendererBuild(console.log, rendererDir);
const dataDir = resolve(values['data-dir']);
const options: StartOptions = { dataDir, platform: harnessPlatform(dataDir), logger: consoleLogger };
const started = await startCore(options);
if (!started.ok) console.error(`Rapport cannot open its data: ${started.screen.title}. ${started.screen.message} (data: ${dataDir})`);
const harness = await startHarnessServer(
  started.ok
    ? started.core
    : { screen: started.screen, act: (action, screen) => runStartupAction(action, screen, options), quit: () => void stop('the Quit button') },
  { rendererDir, port },
);
console.log(`Rapport harness ready at ${harness.url} (data: ${dataDir})`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`Rapport harness stopping (${signal})`);
  await harness.close();
  // As the desktop app does on quit: a backup when something changed since the last one. Not for the UI bench
  // (RAPPORT_HARNESS_NO_QUIT_BACKUP): a 1 GB copy after every run of a read-only measurement.
  if (!process.env.RAPPORT_HARNESS_NO_QUIT_BACKUP) await harness.core()?.beforeQuit().catch((error: unknown) => console.error('the backup on quit failed', error));
  harness.core()?.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
