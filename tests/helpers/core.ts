// Opens the real backend on a fresh SQLite file in a temp dir; the only fake is the clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../../electron/core/app';
import { manualClock } from '../../electron/core/clock';
import { memoryLogger } from '../../electron/core/logger';
import type { Platform } from '../../electron/core/platform';
import { harnessPlatform } from '../../electron/harness/platform';
import type { EventName } from '../../shared/ipc/events';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { ErrorEnvelope } from '../../shared/ipc/errors';

export function tempDir(prefix = 'rapport-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function openTestCore(options: { dataDir?: string; start?: string; platform?: Platform } = {}) {
  const dataDir = options.dataDir ?? tempDir();
  const clock = manualClock(options.start ?? '2026-11-22T09:00:00.000Z');
  const logger = memoryLogger();
  const core = await openCore({ dataDir, clock, logger, startReminders: false, platform: options.platform ?? harnessPlatform(dataDir) });
  const events: { name: EventName; payload: unknown }[] = [];
  core.events.subscribe((name, payload) => events.push({ name, payload }));

  /** Calls a channel and returns its output; fails the test with the envelope if it answered an error. */
  async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await core.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value as ChannelOutput<C>;
  }

  /** Calls a channel that must fail and returns the error envelope. */
  async function fail(channel: string, input: unknown): Promise<ErrorEnvelope> {
    const result = await core.dispatch(channel, input);
    if (result.ok) throw new Error(`${channel} unexpectedly succeeded: ${JSON.stringify(result.value)}`);
    return result.error;
  }

  return {
    core,
    dataDir,
    clock,
    logger,
    events,
    call,
    fail,
    close() {
      core.close();
    },
    destroy() {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestCore = Awaited<ReturnType<typeof openTestCore>>;
