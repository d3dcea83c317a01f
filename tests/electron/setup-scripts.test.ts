// Setup says what is wrong (issue #18): an old Node gets one sentence, a first `npm start` with no way to download
// Electron gets one sentence (no stack trace), and a build whose inputs did not change is skipped. Real scripts in
// real processes; the "old Node" is this Node told it is 20, the "no network" an unreachable mirror.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeIsNewEnough } from '../../scripts/check-node.mjs';
import { fingerprint, isUpToDate, markBuilt } from '../../build/up-to-date.mjs';

const repo = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'rapport-setup-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const OLD_NODE = 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.20.2"})';

function run(script: string, env: Record<string, string> = {}, nodeArgs: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeArgs, join(repo, script)], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('setup', () => {
  it('an old Node is told what to do in one sentence', () => {
    expect([nodeIsNewEnough('20.20.2'), nodeIsNewEnough('22.11.0'), nodeIsNewEnough('22.12.0'), nodeIsNewEnough('24.1.0')]).toEqual([false, false, true, true]);
    for (const script of ['scripts/check-node.mjs', 'scripts/start.mjs']) {
      const { status, stdout, stderr } = run(script, {}, ['--import', OLD_NODE]);
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe('Rapport needs Node.js 22.12 or newer, and this is Node.js 20.20.2: install a newer Node.js (see .nvmrc) and run the command again.\n');
    }
    expect(run('scripts/check-node.mjs')).toMatchObject({ status: 0, stderr: '' });
  });

  it('a first start that cannot download Electron says so once, in plain words', () => {
    const cache = join(temp, 'electron-cache');
    mkdirSync(cache);
    // Asks for the Windows binary, so the download is attempted even where the Linux one is installed; the mirror
    // is a closed port on this machine, and the empty cache holds no earlier download.
    const { status, stdout, stderr } = run('scripts/start.mjs', { ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache, ELECTRON_INSTALL_PLATFORM: 'win32' });
    expect(status).toBe(1);
    expect(stdout).toBe('Getting Electron for the first start…\n');
    expect(stderr).toBe(
      'Rapport could not download Electron, the window it runs in: the first start needs an internet connection (once, about 100 MB). Connect and run npm start again.\n',
    );
  });

  it('a build is skipped only while its inputs and its output are as the last build left them', () => {
    const src = join(temp, 'src');
    mkdirSync(join(src, 'deep'), { recursive: true });
    writeFileSync(join(src, 'a.ts'), 'a');
    writeFileSync(join(src, 'deep', 'b.ts'), 'b');
    const out = join(temp, 'out.js');
    writeFileSync(out, 'built');
    const stamps = join(temp, 'stamps');
    const spec = { inputs: [src], output: out };
    const build = () => markBuilt('x', spec, fingerprint(spec.inputs), stamps);

    expect(isUpToDate('x', spec, stamps)).toBe(false);
    build();
    expect(isUpToDate('x', spec, stamps)).toBe(true);

    const later = new Date(Date.now() + 5_000);
    utimesSync(join(src, 'deep', 'b.ts'), later, later);
    expect(isUpToDate('x', spec, stamps)).toBe(false);
    build();
    writeFileSync(join(src, 'c.ts'), 'new file');
    expect(isUpToDate('x', spec, stamps)).toBe(false);
    build();
    // Something else rebuilt the output (the harness, by hand): build again rather than trust it.
    utimesSync(out, later, later);
    expect(isUpToDate('x', spec, stamps)).toBe(false);
    build();
    expect(isUpToDate('x', spec, stamps)).toBe(true);
    rmSync(out);
    expect(isUpToDate('x', spec, stamps)).toBe(false);
  });
});
