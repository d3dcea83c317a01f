// Export a selection: tick two contacts (one by mouse, one by keyboard), export just those as Rapport CSV and
// read the file; then Shift+click and select-all, and the selection clearing on Escape and on a new search,
// in Chromium against the harness (light and dark).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const PEOPLE = [
  ['Amelia', 'Clarke'],
  ['Rahul', 'Mehta'],
  ['Grace', 'Adeyemi'],
  ['Tomasz', 'Nowak'],
] as const;

const app = useApp(async ({ harness }) => {
  for (const [firstName, lastName] of PEOPLE) {
    await harness.rpc('contacts.create', { firstName, lastName, emails: [{ value: `${firstName.toLowerCase()}@example.com` }] });
  }
});

describe('export a selection of contacts', () => {
  test('tick two rows, export exactly those, and lose the selection on Escape and on a new search', async () => {
    const { page, assertClean } = await app.open('/contacts');
    const list = page.getByRole('list', { name: 'Contacts' });
    await page.getByText('4 contacts', { exact: true }).waitFor();
    const box = (name: string) => page.getByRole('checkbox', { name: `Select ${name}`, exact: true });
    const selectAll = page.getByRole('checkbox', { name: 'Select all contacts shown' });
    const selectedCount = page.getByText(/^\d+ selected$/);

    // By mouse, then by keyboard: from a row, Shift+Tab reaches its box and Space ticks it.
    await box('Amelia Clarke').click();
    await selectedCount.filter({ hasText: '1 selected' }).waitFor();
    await list.getByRole('link', { name: 'Grace Adeyemi' }).focus();
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Select Grace Adeyemi');
    await page.keyboard.press('Space');
    await selectedCount.filter({ hasText: '2 selected' }).waitFor();
    expect(await box('Grace Adeyemi').isChecked()).toBe(true);
    expect(await box('Rahul Mehta').isChecked()).toBe(false);
    await expect.poll(() => selectAll.evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(true);
    expect(page.url()).toMatch(/#\/contacts$/); // ticking never opened a contact
    await screenshot(page, 'export-selection');

    await page.getByRole('button', { name: 'Export selected…' }).click();
    await page.getByText('Export 2 selected contacts').waitFor();
    await screenshot(page, 'export-selection-menu');
    await page.getByRole('menuitem', { name: 'Rapport CSV (re-importable)', exact: true }).click();
    await page.getByText(/Exported 2 contacts to/).waitFor();
    const exports = join(app.harness.dataDir, 'exports');
    const file = readdirSync(exports).find((f) => f.endsWith('.csv'))!;
    const lines = readFileSync(join(exports, file), 'utf8').split(/\r?\n/).filter(Boolean);
    expect(lines).toHaveLength(3); // the header and the two ticked contacts
    const body = lines.slice(1).join('\n');
    for (const email of ['amelia@example.com', 'grace@example.com']) expect(body).toContain(email);
    for (const email of ['rahul@example.com', 'tomasz@example.com']) expect(body).not.toContain(email);

    // Escape in the list clears the selection; Shift+click ticks a range; the header's box ticks every loaded row.
    await box('Grace Adeyemi').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => selectedCount.count()).toBe(0);
    await box('Amelia Clarke').click();
    await box('Rahul Mehta').click({ modifiers: ['Shift'] });
    await selectedCount.filter({ hasText: '3 selected' }).waitFor();
    expect(await box('Grace Adeyemi').isChecked()).toBe(true);
    expect(await box('Tomasz Nowak').isChecked()).toBe(false);
    await selectAll.click();
    await selectedCount.filter({ hasText: '4 selected' }).waitFor();
    // Escape on the bar's own buttons clears too, and focus lands on the select-all box, not the page;
    await page.getByRole('button', { name: 'Export selected…' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => selectedCount.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Select all contacts shown');
    await page.keyboard.press('Space');
    await selectedCount.filter({ hasText: '4 selected' }).waitFor();
    // but Escape in the Export menu only closes the menu.
    await page.getByRole('button', { name: 'Export selected…' }).click();
    await page.getByRole('menuitem', { name: 'vCard 4.0' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: 'vCard 4.0' }).waitFor({ state: 'hidden' });
    expect(await selectedCount.textContent()).toBe('4 selected');

    // A new search clears it too, and going back to the full list does not bring it back.
    await page.getByRole('textbox', { name: 'Search contacts' }).fill('clarke');
    await page.getByText('1 match').waitFor();
    await expect.poll(() => selectedCount.count()).toBe(0);
    expect(await box('Amelia Clarke').isChecked()).toBe(false);
    await page.getByRole('textbox', { name: 'Search contacts' }).fill('');
    await page.getByText('4 contacts', { exact: true }).waitFor();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(4);
    expect(await box('Amelia Clarke').isChecked()).toBe(false);
    await expect.poll(() => selectedCount.count()).toBe(0);
    await screenshot(page, 'export-selection-cleared');
    assertClean();

    // Ticked rows stay readable in the dark scheme.
    const dark = await app.open('/contacts', { colorScheme: 'dark' });
    await dark.page.getByRole('checkbox', { name: 'Select Rahul Mehta', exact: true }).click();
    await dark.page.getByText('1 selected', { exact: true }).waitFor();
    await screenshot(dark.page, 'export-selection-dark');
    dark.assertClean();
  }, 90_000);
});
