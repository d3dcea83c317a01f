// Shared by the import-export tests: choosing a file "in the dialog" (the harness answers from harness-picks.json)
// and reading what is stored. Not a test file itself.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import type { Contact } from '../../shared/domain/contact';
import type { TestCore } from '../helpers/core';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/transfer');
export const fixture = (name: string) => join(FIXTURES, name);

/** Picks `path` through the files.pick channel, as the Import button does. */
export async function pick(t: TestCore, path: string): Promise<string> {
  writeFileSync(join(t.dataDir, HARNESS_PICKS_FILE), JSON.stringify([path]));
  const { paths } = await t.call('files.pick', { purpose: 'import' });
  return paths[0]!;
}

export async function allContacts(t: TestCore): Promise<Contact[]> {
  const out: Contact[] = [];
  let cursor: string | undefined;
  do {
    const page = await t.call('contacts.list', { limit: 200, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

export async function importFile(t: TestCore, path: string, duplicates: 'skip' | 'update' | 'create' = 'skip') {
  return t.call('import.run', { path: await pick(t, path), duplicates });
}
