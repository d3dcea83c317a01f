// The desktop start-up screen (electron/main/startup-dialog.ts) on real data folders: the dialog it would show, and
// what each button does. Electron's dialog is the one stand-in (it cannot open here); the core, files and locks are real.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageBoxOptions } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { memoryLogger } from '../../electron/core/logger';
import { startCore, type StartOptions } from '../../electron/core/startup';
import { harnessPlatform } from '../../electron/harness/platform';
import { openCoreWithScreens, startupDialogOptions } from '../../electron/main/startup-dialog';
import { openTestCore, tempDir } from '../helpers/core';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function options(dataDir: string): StartOptions {
  return { dataDir, logger: memoryLogger(), startReminders: false, platform: harnessPlatform(dataDir), busyTimeoutMs: 100, formatTime: (iso) => iso };
}

/** Plays the user: answers each dialog with the button `choose` picks, recording what was shown. */
function user(choose: (dialog: MessageBoxOptions, round: number) => string) {
  const shown: MessageBoxOptions[] = [];
  const folders: string[] = [];
  return {
    shown,
    folders,
    deps: {
      logger: memoryLogger(),
      showFolder: (dir: string) => void folders.push(dir),
      async showMessageBox(dialog: MessageBoxOptions) {
        shown.push(dialog);
        const label = choose(dialog, shown.length);
        const response = dialog.buttons!.findIndex((b) => b.startsWith(label));
        if (response < 0) throw new Error(`no button ${label} in ${JSON.stringify(dialog.buttons)}`);
        return { response };
      },
    },
  };
}

function keep(core: Core | null): Core {
  if (core === null) throw new Error('the user quit');
  cleanups.push(() => core.close());
  return core;
}

describe('the start-up dialog', () => {
  it('a damaged file: the first button restores the last good backup, named by its time; the app then opens', async () => {
    const t = await openTestCore();
    cleanups.push(() => rmSync(t.dataDir, { recursive: true, force: true }));
    await t.call('contacts.create', { firstName: 'Kept' });
    const { backup } = await t.call('backups.create', {});
    t.close();
    writeFileSync(join(t.dataDir, 'rapport.sqlite'), Buffer.alloc(32768, 0x13));

    const player = user(() => 'Restore the last good backup');
    const core = keep(await openCoreWithScreens(options(t.dataDir), player.deps));
    expect(player.shown).toHaveLength(1);
    expect(player.shown[0]).toEqual({
      type: 'error',
      title: 'Rapport',
      message: 'The data file is damaged',
      detail: expect.stringContaining(`Data folder: ${t.dataDir}`),
      buttons: [`Restore the last good backup (${backup.createdAt})`, 'Show the data folder', 'Quit'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    });
    const list = await core.dispatch('contacts.list', {});
    expect(list).toMatchObject({ ok: true, value: { items: [{ firstName: 'Kept' }] } });
    expect(readdirSync(t.dataDir).some((n) => n.startsWith('rapport.sqlite.damaged-'))).toBe(true);
  });

  it('another Rapport on the folder: Show the data folder, then Try again once it has closed', async () => {
    const dataDir = tempDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await startCore(options(dataDir));
    if (!first.ok) throw new Error('the first core did not open');
    const player = user((dialog, round) => {
      if (round === 1) return 'Show the data folder';
      first.core.close();
      return 'Try again';
    });
    keep(await openCoreWithScreens(options(dataDir), player.deps));
    expect(player.folders).toEqual([dataDir]);
    expect(player.shown.map((d) => d.message)).toEqual(['Rapport is already open on this data', 'Rapport is already open on this data']);
    expect(player.shown[0]!.buttons).toEqual(['Try again', 'Show the data folder', 'Quit']);
  });

  it('Try again while nothing changed shows the screen again, saying so; Quit (or Escape) gives up', async () => {
    const dataDir = tempDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await startCore(options(dataDir));
    if (!first.ok) throw new Error('the first core did not open');
    cleanups.push(() => first.core.close());
    const player = user((_dialog, round) => (round === 1 ? 'Try again' : 'Quit'));
    expect(await openCoreWithScreens(options(dataDir), player.deps)).toBeNull();
    expect(player.shown[1]!.detail).toContain('It is still the case.');
  });

  it('Escape is Quit: cancelId points at it', () => {
    const options = startupDialogOptions({
      reason: 'locked',
      title: 't',
      message: 'm',
      dataDir: '/d',
      backup: null,
      actions: [
        { id: 'retry', label: 'Try again' },
        { id: 'showFolder', label: 'Show the data folder' },
        { id: 'quit', label: 'Quit' },
      ],
    });
    expect(options.cancelId).toBe(2);
    expect(options.type).toBe('warning');
  });
});
