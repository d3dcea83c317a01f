// ArrowDown in a list's search box goes to the list's first row, and ArrowUp from that row comes back to the
// box: contacts, companies, the jobs list and documents, in Chromium against the harness.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import { screenshot, useApp } from './app-fixture';

const app = useApp(async ({ harness }) => {
  const company = await harness.rpc('companies.create', { name: 'Harbour Joinery' });
  await harness.rpc('companies.create', { name: 'Hartley Kitchens' });
  const ann = await harness.rpc('contacts.create', { firstName: 'Ann', lastName: 'Harper', companyId: company.id });
  await harness.rpc('contacts.create', { firstName: 'Hal', lastName: 'Hughes' });
  await harness.rpc('jobs.create', { title: 'Harbour kitchen refit', contactId: ann.id });
  await harness.rpc('jobs.create', { title: 'Hall flooring', contactId: ann.id });
  const path = join(harness.dataDir, 'Harbour quote.txt');
  writeFileSync(path, 'Walnut worktop');
  writeFileSync(join(harness.dataDir, HARNESS_PICKS_FILE), JSON.stringify([path]));
  await harness.rpc('files.pick', { purpose: 'document' });
  await harness.rpc('documents.attach', { path, contactId: ann.id });
});

const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? null);

/** Types in the box, waits for `first` to head the list, then ArrowDown lands on it and ArrowUp returns. */
async function roundTrip(page: Page, box: string, typed: string, first: string) {
  const search = page.getByRole('textbox', { name: box });
  await search.fill(typed);
  await expect.poll(() => page.getByRole('link', { name: first }).or(page.getByRole('button', { name: first })).first().isVisible()).toBe(true);
  await search.focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedLabel(page)).toContain(first);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(box);
  // The caret stays where it was: ArrowUp in the box does nothing to the list.
  expect(await search.inputValue()).toBe(typed);
}

describe('ArrowDown from a search box enters its list', () => {
  test('contacts and companies (virtual lists)', async () => {
    const { page, assertClean } = await app.open('/contacts');
    await roundTrip(page, 'Search contacts', 'ha', 'Ann Harper, Harbour Joinery');
    // Down again moves on through the list from the first row, as before.
    await page.keyboard.press('ArrowDown');
    // The first row takes focus on the next frame: the second key is for the list, not the box.
    await expect.poll(() => focusedLabel(page)).toContain('Ann Harper');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedLabel(page)).toBe('Hal Hughes');
    await screenshot(page, 'list-keys-contacts');
    await page.goto(page.url().replace(/#.*$/, '#/companies'));
    await roundTrip(page, 'Search companies', 'har', 'Harbour Joinery');
    assertClean();
  });

  test('the jobs list and documents (tables)', async () => {
    const { page, assertClean } = await app.open('/jobs');
    await page.getByText('List', { exact: true }).click();
    await roundTrip(page, 'Search jobs', 'ha', 'Hall flooring');
    await page.goto(page.url().replace(/#.*$/, '#/documents'));
    await roundTrip(page, 'Search documents', 'harbour', 'Show Harbour quote.txt');
    assertClean();
  });
});
