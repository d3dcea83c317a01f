// Import a Google CSV through the mapping screen (one column retargeted), read the report, export the list as
// Outlook CSV from the contacts page, and undo the import from the history, in Chromium against the harness.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { OUTLOOK_DESKTOP } from '../../electron/core/import-export/headers';
import { screenshot, useApp } from './app-fixture';

const GOOGLE_CSV = join(import.meta.dirname, '..', 'fixtures', 'transfer', 'google.csv');

const app = useApp();

describe('import and export', () => {
  test('import a Google CSV through the mapping screen, then export the list as Outlook CSV, then undo', async () => {
    const { page, assertClean } = await app.open('/import');
    await page.getByRole('heading', { name: 'No imports yet' }).waitFor();
    writeFileSync(join(app.harness.dataDir, 'harness-picks.json'), JSON.stringify([GOOGLE_CSV]));
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await page.getByText('Google Contacts CSV', { exact: true }).waitFor();

    // Send the job title column to Notes instead, from the keyboard.
    const target = page.locator('input[aria-label="Target for column Organization Title"]');
    await expect.poll(() => target.inputValue()).toBe('Job title');
    await target.click();
    await target.fill('Notes');
    await page.getByRole('option', { name: 'Notes', exact: true }).click();
    await expect.poll(() => target.inputValue()).toBe('Notes');
    await page.getByRole('table', { name: 'First rows' }).getByText('Ada King Lovelace').waitFor();
    await screenshot(page, 'import-mapping');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    await page.getByText('3 created, 0 updated, 0 skipped, 0 rejected.').waitFor();
    await page.getByRole('table', { name: 'Import history' }).getByText('google.csv').waitFor();
    await screenshot(page, 'import-report');
    const list = await app.harness.rpc('contacts.list', { query: 'Lovelace' });
    expect(list.items[0]).toMatchObject({ jobTitle: null, notes: expect.stringContaining('Engineer') });

    const contacts = await app.open('/contacts');
    await contacts.page.getByText('3 contacts').waitFor();
    await contacts.page.getByRole('button', { name: 'Export' }).click();
    await contacts.page.getByRole('menuitem', { name: 'Outlook CSV', exact: true }).click();
    await contacts.page.getByText(/Exported 3 contacts to/).waitFor();
    await screenshot(contacts.page, 'export-outlook');
    const exports = join(app.harness.dataDir, 'exports');
    const file = readdirSync(exports).find((f) => f.endsWith('.csv'))!;
    const text = readFileSync(join(exports, file), 'utf8');
    expect(text.startsWith(`\uFEFF${OUTLOOK_DESKTOP.map((h) => `"${h}"`).join(',')}\r\n`)).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(4);
    contacts.assertClean();

    await page.getByRole('button', { name: 'Undo import of google.csv' }).click();
    await page.getByText('undone', { exact: true }).waitFor();
    await expect.poll(async () => (await app.harness.rpc('contacts.list', {})).total).toBe(0);
    assertClean();
  }, 90_000);

  test('a long export shows how far it has got, and Cancel stops it without leaving a file', async () => {
    const csv = join(app.harness.dataDir, 'many.csv');
    const rows = Array.from({ length: 30_000 }, (_, i) => `Person,${i},p${i}@example.com,Firm ${i % 50}`);
    writeFileSync(csv, ['First Name,Last Name,Email,Company', ...rows].join('\r\n'));
    writeFileSync(join(app.harness.dataDir, 'harness-picks.json'), JSON.stringify([csv]));
    await app.harness.rpc('files.pick', { purpose: 'import' });
    expect((await app.harness.rpc('import.run', { path: csv, duplicates: 'skip' })).created).toBe(30_000);
    const exports = join(app.harness.dataDir, 'exports');
    const listed = () => (existsSync(exports) ? readdirSync(exports) : []);
    const before = listed();

    const { page, assertClean } = await app.open('/contacts');
    await page.getByText('30,000 contacts').waitFor();
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'vCard 4.0', exact: true }).click();
    // The Export button becomes the export's progress and its Cancel.
    const cancel = page.getByRole('button', { name: /^Exporting \(.+\)\. Cancel export$/ });
    await cancel.waitFor();
    expect(await cancel.getAttribute('aria-label')).toMatch(/\((starting|[\d,]+ of 30,000)\)/);
    await cancel.click();
    await page.getByRole('button', { name: 'Export', exact: true }).waitFor();
    expect(listed()).toEqual(before); // nothing written, not even a temp file
    expect(await page.getByText(/Exported .* contacts to/).count()).toBe(0);
    assertClean();
  }, 120_000);
});
