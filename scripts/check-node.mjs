// Says in one sentence when this Node is too old for Rapport (22.12+: vitest, kysely, better-sqlite3 13 and the
// Electron tools need it), instead of a later crash. Run by `npm start` and as a preinstall safety net; npm itself
// already stops `npm install` first when .npmrc's engine-strict is honoured. Written for any Node version.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const NEEDED = [22, 12];

export function nodeIsNewEnough(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major > NEEDED[0] || (major === NEEDED[0] && minor >= NEEDED[1]);
}

export const TOO_OLD = (version = process.versions.node) =>
  `Rapport needs Node.js ${NEEDED.join('.')} or newer, and this is Node.js ${version}: install a newer Node.js (see .nvmrc) and run the command again.`;

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  if (!nodeIsNewEnough()) {
    console.error(TOO_OLD());
    process.exit(1);
  }
}
