// Custom fields in the lists (issue #19), in Chromium against the harness: the contacts list sorted by a custom
// column keeps its fixed row height and fetches only the windows it shows (at their offset) on 250 contacts, with
// the contacts without a value last; the companies and jobs lists show, sort and filter by their own fields.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const COUNT = 250;
const WITH_CODE = 200;
const name = (i: number) => `${String(i).padStart(3, '0')}`;

const app = useApp(async ({ harness }) => {
  await harness.rpc('fields.create', { recordType: 'contact', label: 'Gate code', type: 'text' });
  // Person 000 … 249; the first 200 have a code that sorts the other way round (Z199 … Z000), the rest none.
  for (let i = 0; i < COUNT; i++) {
    const custom: Record<string, string> = i < WITH_CODE ? { gateCode: `Z${String(WITH_CODE - 1 - i).padStart(3, '0')}` } : {};
    await harness.rpc('contacts.create', { firstName: 'Person', lastName: name(i), custom });
  }
  await harness.rpc('fields.create', { recordType: 'company', label: 'VAT number', type: 'text' });
  await harness.rpc('companies.create', { name: 'Harbour Freight', custom: { vatNumber: 'GB 200' } });
  await harness.rpc('companies.create', { name: 'Alder Joinery', custom: { vatNumber: 'GB 100' } });
  await harness.rpc('companies.create', { name: 'Birch Tiles' });
  await harness.rpc('fields.create', { recordType: 'job', label: 'Boiler model', type: 'choice', options: [{ label: 'Combi' }, { label: 'System' }] });
  await harness.rpc('jobs.create', { title: 'New boiler', custom: { boilerModel: 'System' } });
  await harness.rpc('jobs.create', { title: 'Annual service', custom: { boilerModel: 'Combi' } });
  await harness.rpc('jobs.create', { title: 'Radiator swap' });
});

const linkNames = (page: Page, list: string) => page.getByRole('list', { name: list }).getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label')));

describe('custom columns and filters in the lists', () => {
  test('the contacts list sorted by a custom column pages by window, with empty values last', async () => {
    const { page, assertClean } = await app.open('/contacts');
    const requests: { offset?: number; sortCustom?: unknown }[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/rpc/contacts.list')) requests.push(JSON.parse(request.postData() ?? '{}') as { offset?: number });
    });
    const list = page.getByRole('list', { name: 'Contacts' });
    await page.getByText('250 contacts', { exact: true }).waitFor();
    const heightBefore = await list.getByRole('listitem').first().evaluate((row) => row.getBoundingClientRect().height);
    await page.getByRole('button', { name: 'Columns of the contacts list' }).click();
    await page.getByRole('checkbox', { name: 'Gate code' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Sort by Gate code' }).click();
    // Ascending by code: Person 199 (Z000) first.
    await list.getByRole('link', { name: 'Person 199', exact: true }).waitFor();
    expect((await linkNames(page, 'Contacts')).slice(0, 3)).toEqual(['Person 199', 'Person 198', 'Person 197']);
    expect(requests.at(-1)).toMatchObject({ sortCustom: { key: 'gateCode', direction: 'asc' } });
    expect(await list.getByRole('listitem').first().evaluate((row) => row.getBoundingClientRect().height)).toBe(heightBefore);
    await screenshot(page, 'custom-fields-list-sorted');

    // End by keyboard: the last rows are those with no code, fetched at their offset with the same sort.
    requests.length = 0;
    await list.getByRole('link', { name: 'Person 199', exact: true }).focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Person 2[0-4]\d$/);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => (r.offset ?? 0) >= 100 && JSON.stringify(r.sortCustom) === JSON.stringify({ key: 'gateCode', direction: 'asc' }))).toBe(true);
    await screenshot(page, 'custom-fields-list-end');
    // Scrolled to where the codes end: row 200 (Person 000, code Z199) comes right before the first without one.
    const scroller = list.locator('xpath=..');
    const rowHeight = await list.getByRole('listitem').first().evaluate((row) => row.getBoundingClientRect().height);
    expect(rowHeight).toBe(heightBefore);
    await scroller.evaluate((el, top) => void (el.scrollTop = top), rowHeight * 195);
    await list.getByRole('link', { name: 'Person 000', exact: true }).waitFor();
    const around = () =>
      list.getByRole('listitem').evaluateAll((items) =>
        items
          .map((item) => [Number(item.getAttribute('aria-posinset')), item.querySelector('a')?.getAttribute('aria-label') ?? null] as const)
          .filter(([pos]) => pos >= 199 && pos <= 202)
          .sort(([a], [b]) => a - b),
      );
    // Those without a code follow in the order they were added (their ids).
    await expect.poll(around).toEqual([
      [199, 'Person 001'],
      [200, 'Person 000'],
      [201, 'Person 200'],
      [202, 'Person 201'],
    ]);
    assertClean();
  }, 120_000);

  test('companies: a custom column sorts, and a condition on it filters', async () => {
    const { page, assertClean } = await app.open('/companies');
    await page.getByText('3 companies', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Columns of the companies list' }).click();
    await page.getByRole('checkbox', { name: 'VAT number' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('list', { name: 'Companies' }).getByText('GB 200').waitFor();
    await page.getByRole('button', { name: 'Sort by VAT number' }).click();
    await expect.poll(() => linkNames(page, 'Companies')).toEqual(['Alder Joinery', 'Harbour Freight', 'Birch Tiles']);

    await page.getByRole('button', { name: 'Filter by field' }).click();
    const form = page.getByRole('form', { name: 'Filter by your fields' });
    await form.locator('input[aria-label="Add a condition on one of your fields"]').click();
    await page.getByRole('option', { name: 'VAT number' }).click();
    await form.locator('input[aria-label="How VAT number compares"]').click();
    await page.getByRole('option', { name: 'is empty' }).click();
    await form.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('1 match', { exact: true }).waitFor();
    expect(await linkNames(page, 'Companies')).toEqual(['Birch Tiles']);
    await screenshot(page, 'custom-fields-companies');
    await page.getByRole('button', { name: 'Remove filter: VAT number is empty' }).click();
    await page.getByText('3 companies', { exact: true }).waitFor();
    assertClean();
  }, 60_000);

  test('jobs: a choice field as a column, sorted, and filtered by any of its choices', async () => {
    const { page, assertClean } = await app.open('/jobs');
    await page.getByText('List', { exact: true }).click();
    const table = page.getByRole('table', { name: 'Jobs' });
    await table.getByText('Radiator swap').waitFor();
    await page.getByRole('button', { name: 'Columns of the jobs list' }).click();
    await page.getByRole('checkbox', { name: 'Boiler model' }).click();
    await page.keyboard.press('Escape');
    await table.getByText('System').waitFor();
    await page.getByRole('button', { name: 'Sort by Boiler model' }).click();
    const titles = () => table.getByRole('link').allTextContents();
    await expect.poll(titles).toEqual(['Annual service', 'New boiler', 'Radiator swap']);
    await expect.poll(() => table.getByRole('columnheader', { name: /Boiler model/ }).getAttribute('aria-sort')).toBe('ascending');

    await page.getByRole('button', { name: 'Filter by field' }).click();
    const form = page.getByRole('form', { name: 'Filter by your fields' });
    await form.locator('input[aria-label="Add a condition on one of your fields"]').click();
    await page.getByRole('option', { name: 'Boiler model' }).click();
    await form.locator('input[aria-label="Boiler model choices"]').click();
    await page.getByRole('option', { name: 'System' }).click();
    // The choices stay open for another pick (they cover Apply): a click elsewhere in the form closes them.
    await form.getByTitle('Boiler model', { exact: true }).click();
    await form.getByRole('option', { name: 'System' }).waitFor({ state: 'hidden' });
    await form.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('group', { name: 'Filters on your fields' }).getByText('Boiler model is System').waitFor();
    await expect.poll(titles).toEqual(['New boiler']);
    await screenshot(page, 'custom-fields-jobs');
    assertClean();
  }, 60_000);
});
