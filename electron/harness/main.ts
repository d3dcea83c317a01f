// `npm run harness -- --data-dir DIR --port N`: the real backend on plain Node plus the built UI, for
// end-to-end tests and development without Electron. Prints its URL when ready; exits cleanly on SIGTERM.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../core/app';
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

ensureRendererBuild();
const dataDir = resolve(values['data-dir']);
const core = await openCore({ dataDir, platform: harnessPlatform(dataDir) });
const harness = await startHarnessServer(core, { rendererDir: RENDERER_DIST, port });
console.log(`Rapport harness ready at ${harness.url} (data: ${core.dataDir})`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`Rapport harness stopping (${signal})`);
  await harness.close();
  core.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
