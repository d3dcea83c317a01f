// Where the data lives: --data-dir, then RAPPORT_DATA_DIR, then Electron's userData folder.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePaths, chromiumProfileDir, dataDirFromArgv, resolveDataDir } from '../../electron/main/paths';

const userData = resolve('/home/ann/.config/Rapport');
const cwd = resolve('/home/ann/work');

describe('resolveDataDir', () => {
  it('prefers --data-dir DIR over the environment and userData', () => {
    const r = resolveDataDir(['/opt/Rapport/rapport', '--data-dir', '/srv/crm'], { RAPPORT_DATA_DIR: '/env/dir' }, userData, cwd);
    expect(r).toEqual({ dataDir: resolve('/srv/crm'), source: 'argv' });
  });

  it('accepts --data-dir=DIR and resolves a relative DIR against cwd', () => {
    expect(resolveDataDir(['electron', '.', '--data-dir=./demo'], {}, userData, cwd)).toEqual({ dataDir: join(cwd, 'demo'), source: 'argv' });
  });

  it('lets the last --data-dir win', () => {
    expect(dataDirFromArgv(['--data-dir', 'a', '--data-dir=b'])).toBe('b');
  });

  it('ignores a --data-dir without a value', () => {
    expect(dataDirFromArgv(['--data-dir'])).toBeUndefined();
    expect(dataDirFromArgv(['--data-dir='])).toBeUndefined();
    expect(dataDirFromArgv(['--data-dir', '--inspect'])).toBeUndefined();
    expect(resolveDataDir(['x', '--data-dir'], { RAPPORT_DATA_DIR: '/env/dir' }, userData, cwd)).toEqual({ dataDir: resolve('/env/dir'), source: 'env' });
  });

  it('does not mistake a similar flag for --data-dir', () => {
    expect(dataDirFromArgv(['--data-directory', '/x', '--data-dir-x=/y'])).toBeUndefined();
  });

  it('falls back to RAPPORT_DATA_DIR, ignoring a blank value', () => {
    expect(resolveDataDir(['x'], { RAPPORT_DATA_DIR: 'rel' }, userData, cwd)).toEqual({ dataDir: join(cwd, 'rel'), source: 'env' });
    expect(resolveDataDir(['x'], { RAPPORT_DATA_DIR: '  ' }, userData, cwd)).toEqual({ dataDir: userData, source: 'userData' });
  });

  it('falls back to userData', () => {
    expect(resolveDataDir(['x'], {}, userData, cwd)).toEqual({ dataDir: userData, source: 'userData' });
  });
});

describe('chromiumProfileDir', () => {
  it('moves the Chromium profile beside an explicit data dir only', () => {
    expect(chromiumProfileDir({ dataDir: resolve('/srv/crm'), source: 'argv' })).toBe(join(resolve('/srv/crm'), 'chromium-profile'));
    expect(chromiumProfileDir({ dataDir: resolve('/srv/crm'), source: 'env' })).toBe(join(resolve('/srv/crm'), 'chromium-profile'));
    expect(chromiumProfileDir({ dataDir: userData, source: 'userData' })).toBeUndefined();
  });
});

describe('bundlePaths', () => {
  it('finds the preload beside main.cjs and the renderer in dist/renderer', () => {
    const dir = resolve('/app/resources/app.asar/dist/electron');
    expect(bundlePaths(dir)).toEqual({
      preload: join(dir, 'preload.cjs'),
      rendererRoot: resolve('/app/resources/app.asar/dist/renderer'),
    });
  });
});
