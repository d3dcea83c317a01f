// Lets `npm run build` (and so `npm start`) skip a bundle whose inputs have not changed since it was last built: a
// fingerprint of every input file's path, size and modification time, kept beside dist/ with the output's own time
// (so a build by anything else, e.g. the harness, counts as a change too). Plain Node, no dependencies.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STAMPS = join(ROOT, 'dist', '.stamps');

function collect(path, into) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    into.push(`${relative(ROOT, path)}\0missing`);
    return;
  }
  if (!stat.isDirectory()) {
    into.push(`${relative(ROOT, path)}\0${stat.size}\0${stat.mtimeMs}`);
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    collect(join(path, entry), into);
  }
}

/** The fingerprint of these files and folders (relative to the repository). */
export function fingerprint(inputs) {
  const lines = [];
  for (const input of inputs) collect(resolve(ROOT, input), lines);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

const outputTime = (output) => (existsSync(resolve(ROOT, output)) ? statSync(resolve(ROOT, output)).mtimeMs : null);

/** True when `output` exists and neither it nor any input changed since `markBuilt(name, …)` was last called. */
export function isUpToDate(name, { inputs, output }, stamps = STAMPS) {
  const file = join(stamps, `${name}.json`);
  if (!existsSync(file)) return false;
  const built = outputTime(output);
  if (built === null) return false;
  try {
    const stamp = JSON.parse(readFileSync(file, 'utf8'));
    return stamp.inputs === fingerprint(inputs) && stamp.output === built;
  } catch {
    return false;
  }
}

/** `inputs` is the fingerprint taken before the build started, so an edit made during the build still counts. */
export function markBuilt(name, { output }, inputs, stamps = STAMPS) {
  mkdirSync(stamps, { recursive: true });
  writeFileSync(join(stamps, `${name}.json`), JSON.stringify({ inputs, output: outputTime(output) }));
}
