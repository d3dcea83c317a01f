// The Settings page (issue #18): one page reached from the sidebar gathers the documents size limit (and the
// size-limit error points there), the way to empty the Trash, email, backups, the data folder and the sample data.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import { screenshot, useApp } from './app-fixture';

let src = '';
let contactId = '';
afterAll(() => {
  if (src) rmSync(src, { recursive: true, force: true });
});
const app = useApp(async ({ harness }) => {
  src = mkdtempSync(join(tmpdir(), 'rapport-e2e-settings-'));
  writeFileSync(join(src, 'big drawing.pdf'), Buffer.alloc(2 * 1024 * 1024 + 10, 1));
  contactId = (await harness.rpc('contacts.create', { firstName: 'Maya', lastName: 'Jones' })).id;
});

const MB = 1024 * 1024;

describe('settings', () => {
  test('one page holds the documents limit, the Trash, email, backups and sample data; the size error points there', async () => {
    const { page, assertClean } = await app.open('/contacts', { viewport: { width: 1280, height: 900 } });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    for (const name of ['Documents', 'Trash', 'Email', 'Backups', 'Your data', 'Sample data']) await page.getByRole('region', { name, exact: true }).waitFor();
    await page.getByRole('form', { name: 'Email settings' }).waitFor();
    await screenshot(page, 'settings');

    // The documents limit, with the documents feature's own form.
    const documents = page.getByRole('region', { name: 'Documents', exact: true });
    const limit = documents.getByRole('textbox', { name: 'Largest file to copy in (MB)' });
    await expect.poll(() => limit.inputValue()).toBe('200');
    await limit.fill('1');
    await documents.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Files up to 1 MB can be attached').waitFor();
    expect(await app.harness.rpc('documents.settings.get', {})).toEqual({ maxFileBytes: MB });

    // A bigger file is refused with words that say where to change that.
    writeFileSync(join(app.harness.dataDir, HARNESS_PICKS_FILE), JSON.stringify([join(src, 'big drawing.pdf')]));
    await page.goto(`${app.harness.url}#/contacts/${contactId}`);
    await page.getByRole('region', { name: 'Documents' }).getByRole('button', { name: 'Attach files' }).click();
    await page.getByText('Change the limit in Settings → Documents.', { exact: false }).first().waitFor();

    // The error's words lead back: #/settings/documents opens at that section.
    await page.goto(`${app.harness.url}#/settings/documents`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Documents');

    // Emptying the Trash is on the Trash page.
    await page.getByRole('region', { name: 'Trash', exact: true }).getByRole('link', { name: 'Open the Trash to empty it' }).click();
    await expect.poll(() => page.url()).toContain('#/trash');

    // Sample data from Settings, and back out again; focus follows the button that replaced the pressed one.
    await page.goto(`${app.harness.url}#/settings`);
    const sample = page.getByRole('region', { name: 'Sample data', exact: true });
    await sample.getByRole('button', { name: 'Add sample data' }).click();
    await sample.getByText(/Here now: 20 contacts, 4 companies/).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Remove sample data');
    await sample.getByRole('button', { name: 'Remove sample data' }).click();
    await sample.getByRole('button', { name: 'Add sample data' }).waitFor();
    expect((await app.harness.rpc('contacts.list', {})).items.map((c) => c.id)).toEqual([contactId]);
    assertClean();
  }, 90_000);
});
