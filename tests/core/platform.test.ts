// The harness's stand-ins for desktop dialogs and the secret store, and `files.pick` through the core.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/app';
import { memoryLogger } from '../../electron/core/logger';
import { HARNESS_PICKS_FILE, harnessPlatform, TEST_SECRETS_FILE } from '../../electron/harness/platform';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';

let t: TestCore | undefined;
afterEach(() => t?.destroy());

describe('harness platform', () => {
  it('never builds an export path from an unsafe name and never reuses one', async () => {
    const dir = tempDir();
    const platform = harnessPlatform(dir);
    const first = (await platform.saveTarget('../../etc/passwd'))!;
    expect(first.startsWith(join(dir, 'exports'))).toBe(true);
    expect(first).not.toContain('..');
    writeFileSync(first, 'x');
    const second = (await platform.saveTarget('../../etc/passwd'))!;
    expect(second).not.toBe(first);
    expect(second.startsWith(join(dir, 'exports'))).toBe(true);
  });

  it('keeps test secrets in a file named as a test store, and says it is not secure', () => {
    const dir = tempDir();
    const { secrets } = harnessPlatform(dir);
    expect(secrets.secure).toBe(false);
    secrets.set('smtp', 'hunter2');
    expect(secrets.get('smtp')).toBe('hunter2');
    expect(readFileSync(join(dir, TEST_SECRETS_FILE), 'utf8')).toContain('hunter2');
    secrets.delete('smtp');
    expect(secrets.get('smtp')).toBeNull();
  });
});

describe('files.pick', () => {
  it('answers with the paths the harness was told to pick, once', async () => {
    t = await openTestCore();
    expect(await t.call('files.pick', { purpose: 'attachment' })).toEqual({ paths: [] });
    const file = join(t.dataDir, 'quote.pdf');
    writeFileSync(join(t.dataDir, HARNESS_PICKS_FILE), JSON.stringify([file]));
    expect(await t.call('files.pick', { purpose: 'attachment', multiple: true })).toEqual({ paths: [file] });
    expect(existsSync(join(t.dataDir, HARNESS_PICKS_FILE))).toBe(false);
    expect(await t.call('files.pick', { purpose: 'attachment' })).toEqual({ paths: [] });
  });
});

describe('closing straight after opening', () => {
  it('stops every background worker cleanly: nothing fails or is logged once the store is closed', async () => {
    const dataDir = tempDir();
    const logger = memoryLogger();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const core = await openCore({ dataDir, logger, platform: harnessPlatform(dataDir) }); // starts reminders, the outbox and the alerts check
      core.close();
      await new Promise((done) => setTimeout(done, 300));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
