// Issue #16 item 1 in the real UI: Open on a program kept as a document does not run it; the window says that
// Rapport showed it in its folder instead (the harness platform records what was opened and what was revealed).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import { useApp } from './app-fixture';

let src: string;
let contactId: string;
afterAll(() => {
  if (src) rmSync(src, { recursive: true, force: true });
});
const app = useApp(async ({ harness }) => {
  src = mkdtempSync(join(tmpdir(), 'rapport-e2e-open-'));
  writeFileSync(join(src, 'install.sh'), '#!/bin/sh\necho hi\n');
  contactId = (await harness.rpc('contacts.create', { firstName: 'Maya', lastName: 'Jones' })).id;
});

describe('documents: Open', () => {
  test('a script is shown in its folder, not run, and the window says so', async () => {
    const { page, assertClean } = await app.open(`/contacts/${contactId}`);
    const section = page.getByRole('region', { name: 'Documents' });
    writeFileSync(join(app.harness.dataDir, HARNESS_PICKS_FILE), JSON.stringify([join(src, 'install.sh')]));
    await section.getByRole('button', { name: 'Attach files' }).click();
    await page.getByText('1 attached').waitFor();
    await section.getByRole('button', { name: 'Show install.sh' }).click();
    const dialog = page.getByRole('dialog', { name: 'install.sh' });
    await dialog.getByRole('button', { name: 'Open' }).click();
    await page.getByText('Rapport does not open programs, scripts or shortcuts: it showed “install.sh” in its folder instead.').waitFor();
    const doc = (await app.harness.rpc('documents.list', { contactId })).items[0]!;
    expect(await app.harness.rpc('documents.open', { id: doc.id })).toEqual({ ok: true, action: 'revealed' });
    assertClean();
  }, 60_000);
});
