// Choosing files "in the open dialog" in tests: the harness answers files.pick from harness-picks.json, and only
// paths picked this session may be read (electron/core/files/picked.ts). Not a test file itself.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import type { TestCore } from './core';

type Picker = Pick<TestCore, 'dataDir' | 'call'>;

/** Picks `paths` through the files.pick channel, as a dialog would return them. */
export async function pickPaths(t: Picker, paths: readonly string[], purpose: 'import' | 'attachment' | 'document' | 'eml' | 'calendar' | 'logo' = 'document'): Promise<string[]> {
  writeFileSync(join(t.dataDir, HARNESS_PICKS_FILE), JSON.stringify(paths));
  return (await t.call('files.pick', { purpose, multiple: true })).paths;
}

/**
 * The same test core, except that documents.attach first picks its path, as "Attach files" does: for tests about
 * what happens after a file is chosen. Which paths may be chosen is tests/core/picked-files.test.ts's to check.
 */
export function attachingPicked(t: TestCore): TestCore {
  const pickFirst = async (channel: string, input: unknown) => {
    const path = (input as { path?: unknown } | null)?.path;
    if (channel === 'documents.attach' && typeof path === 'string') await pickPaths(t, [path]);
  };
  return {
    ...t,
    call: (async (channel, input) => (await pickFirst(channel, input), t.call(channel, input))) as TestCore['call'],
    fail: async (channel, input) => (await pickFirst(channel, input), t.fail(channel, input)),
  };
}
