// Custom fields end to end (issue #19), in Chromium against the harness: a "Gate code" field made in Settings,
// filled on a contact's page, the contacts list filtered by it (a pill, saved as a segment and opened again), shown
// as a column and sorted by its header (by mouse and keyboard, the choice kept over a reload), exported as Rapport
// CSV and imported back with the value intact.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const ids: Record<string, string> = {};
const app = useApp(async ({ harness }) => {
  for (const [firstName, lastName] of [
    ['Amelia', 'Clarke'],
    ['Rahul', 'Mehta'],
    ['Grace', 'Adeyemi'],
  ] as const) {
    ids[firstName] = (await harness.rpc('contacts.create', { firstName, lastName })).id;
  }
});

/** The names of the rows the contacts list shows, top to bottom. */
const rowNames = (page: Page) => page.getByRole('list', { name: 'Contacts' }).getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label')));

describe('a "Gate code" field, from Settings to export and back', () => {
  test('create, fill, filter, save as a segment, show and sort as a column, export and re-import', async () => {
    // Settings: the field is made through the editor.
    const { page, assertClean } = await app.open('/settings/fields');
    await page.getByRole('button', { name: 'New field' }).click();
    const editor = page.getByRole('dialog', { name: 'New field' });
    await editor.getByLabel('Name').fill('Gate code');
    await editor.getByRole('button', { name: 'Add field' }).click();
    await page.getByRole('list', { name: 'Contacts fields' }).getByText('Gate code').waitFor();
    const [field] = (await app.harness.rpc('fields.list', { recordType: 'contact' })).items;
    expect(field).toMatchObject({ key: 'gateCode', label: 'Gate code', type: 'text' });

    // Filled on Amelia's page in the UI; Rahul's through the record channel.
    await page.goto(`${app.harness.url}#/contacts/${ids.Amelia}`);
    await page.getByRole('heading', { name: 'Amelia Clarke', level: 1 }).waitFor();
    await page.getByLabel('Gate code').fill('4721#');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved').waitFor();
    expect((await app.harness.rpc('contacts.get', { id: ids.Amelia! })).custom).toEqual({ gateCode: '4721#' });
    await app.harness.rpc('contacts.update', { id: ids.Rahul!, custom: { gateCode: '1066' } });

    // The list, filtered by the field from More filters: one match, shown as a pill.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts', exact: true }).click();
    await page.getByText('3 contacts', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'More filters' }).click();
    const more = page.getByRole('form', { name: 'More filters' });
    await more.locator('input[aria-label="Add a condition on one of your fields"]').click();
    await page.getByRole('option', { name: 'Gate code' }).click();
    await more.getByRole('textbox', { name: 'Gate code contains' }).fill('4721');
    await screenshot(page, 'custom-fields-filter-form');
    await more.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('1 match', { exact: true }).waitFor();
    const pill = page.getByRole('group', { name: 'Filters on your fields' }).getByText('Gate code contains “4721”');
    await pill.waitFor();
    expect(await rowNames(page)).toEqual(['Amelia Clarke']);
    await screenshot(page, 'custom-fields-filtered');

    // Saved as a segment, it keeps the condition; removing the pill brings everyone back; opening the segment restores it.
    await page.getByRole('button', { name: 'Save as segment' }).click();
    const dialog = page.getByRole('form', { name: 'Save as segment' });
    await dialog.getByLabel('Name').fill('Gate 4721');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Contacts: Gate 4721' }).waitFor();
    const [segment] = (await app.harness.rpc('segments.list', {})).items;
    expect(segment).toMatchObject({ name: 'Gate 4721', count: 1, filter: { custom: [{ key: 'gateCode', op: 'contains', value: '4721' }] } });
    await page.getByRole('button', { name: 'Remove filter: Gate code contains “4721”' }).click();
    await page.getByText('3 contacts', { exact: true }).waitFor();
    await page.getByRole('navigation', { name: 'Saved segments' }).getByRole('link', { name: 'Gate 4721, 1 contact' }).click();
    await page.getByRole('heading', { name: 'Contacts: Gate 4721' }).waitFor();
    await pill.waitFor();
    await page.getByText('1 match', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Remove filter: Gate code contains “4721”' }).click();
    await page.getByText('3 contacts', { exact: true }).waitFor();

    // A column: chosen from the Columns menu, sorted by its header (values first, the one without last either way).
    await page.getByRole('button', { name: 'Columns of the contacts list' }).click();
    await page.getByRole('checkbox', { name: 'Gate code' }).click();
    await screenshot(page, 'custom-fields-columns-menu');
    await page.keyboard.press('Escape');
    const header = page.getByRole('button', { name: /^Sort by Gate code/ });
    await header.waitFor();
    await page.getByRole('list', { name: 'Contacts' }).getByText('4721#').waitFor();
    await header.click();
    await expect.poll(() => rowNames(page)).toEqual(['Rahul Mehta', 'Amelia Clarke', 'Grace Adeyemi']);
    await expect.poll(() => header.getAttribute('aria-label')).toBe('Sort by Gate code, now ascending');
    // By keyboard: the header is a button in the tab order.
    await header.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rowNames(page)).toEqual(['Amelia Clarke', 'Rahul Mehta', 'Grace Adeyemi']);
    await expect.poll(() => page.locator('input[aria-label="Sort by"]').inputValue()).toBe('Gate code ↓');
    await screenshot(page, 'custom-fields-column-sorted');
    // The column and the sort are still there after a reload.
    await page.reload();
    await page.getByRole('list', { name: 'Contacts' }).getByText('4721#').waitFor();
    await expect.poll(() => rowNames(page)).toEqual(['Amelia Clarke', 'Rahul Mehta', 'Grace Adeyemi']);

    // Export as Rapport CSV: the field is a column of the file.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Rapport CSV (re-importable)', exact: true }).click();
    await page.getByText(/Exported 3 contacts to/).waitFor();
    const exports = join(app.harness.dataDir, 'exports');
    const file = join(exports, readdirSync(exports).find((f) => f.endsWith('.csv'))!);
    const text = readFileSync(file, 'utf8');
    expect(text.split(/\r?\n/)[0]).toContain('Gate code');
    expect(text).toContain('4721#');

    // Everyone to the Trash, then the file imported back: the value is on the new Amelia.
    for (const id of Object.values(ids)) await app.harness.rpc('contacts.delete', { id });
    writeFileSync(join(app.harness.dataDir, 'harness-picks.json'), JSON.stringify([file]));
    await page.goto(`${app.harness.url}#/import`);
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await page.getByRole('table', { name: 'First rows' }).getByText('Amelia Clarke').waitFor();
    await screenshot(page, 'custom-fields-import-mapping');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    await page.getByText('3 created, 0 updated, 0 skipped, 0 rejected.').waitFor();
    const back = await app.harness.rpc('contacts.list', { custom: [{ key: 'gateCode', op: 'equals', value: '4721#' }] });
    expect(back.items.map((c) => [c.displayName, c.custom])).toEqual([['Amelia Clarke', { gateCode: '4721#' }]]);
    expect((await app.harness.rpc('contacts.list', { query: 'Mehta' })).items[0]?.custom).toEqual({ gateCode: '1066' });

    // And the list filters the imported contacts in the UI too.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts', exact: true }).click();
    await page.getByRole('button', { name: 'More filters' }).click();
    await more.locator('input[aria-label="Add a condition on one of your fields"]').click();
    await page.getByRole('option', { name: 'Gate code' }).click();
    await more.locator('input[aria-label="How Gate code compares"]').click();
    await page.getByRole('option', { name: 'is', exact: true }).click();
    await more.getByRole('textbox', { name: 'Gate code is' }).fill('1066');
    await more.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('1 match', { exact: true }).waitFor();
    expect(await rowNames(page)).toEqual(['Rahul Mehta']);
    await screenshot(page, 'custom-fields-reimported');
    assertClean();
  }, 120_000);
});
