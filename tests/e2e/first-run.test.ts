// What a new user sees, and the contacts list with a realistic address book (the README's screenshot).
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';
import { SAMPLE_COMPANIES, SAMPLE_CONTACTS } from './sample-data';

const app = useApp();

describe('first run and the contacts list', () => {
  test('a new user is told how to start, and the button leads to the form', async () => {
    const { page, assertClean } = await app.open('/');
    // Today is the start page; with nothing due it says what to do.
    await expect.poll(() => page.url()).toContain('#/today');
    await page.getByRole('heading', { name: 'Nothing to follow up' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('heading', { name: 'No contacts yet' }).waitFor();
    await screenshot(page, 'empty-state');
    await page.getByRole('link', { name: 'Add your first contact' }).click();
    await page.getByRole('heading', { name: 'New contact' }).waitFor();
    await page.getByRole('link', { name: 'Companies' }).click();
    await page.getByRole('heading', { name: 'No companies yet' }).waitFor();
    await page.getByRole('link', { name: 'Trash' }).click();
    await page.getByRole('heading', { name: 'No deleted contacts' }).waitFor();
    assertClean();
  }, 60_000);

  test('a realistic address book lists, filters and sorts', async () => {
    const companyIds = new Map<string, string>();
    for (const company of SAMPLE_COMPANIES) companyIds.set(company.name, (await app.harness.rpc('companies.create', company)).id);
    for (const { company, ...contact } of SAMPLE_CONTACTS) {
      await app.harness.rpc('contacts.create', { ...contact, ...(company ? { companyId: companyIds.get(company) } : {}) });
    }

    const { page, assertClean } = await app.open('/contacts', { viewport: { width: 1280, height: 900 } });
    const list = page.getByRole('list', { name: 'Contacts' });
    await list.getByRole('listitem').first().waitFor();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(SAMPLE_CONTACTS.length);
    await page.getByText(`${SAMPLE_CONTACTS.length} contacts`).waitFor();
    await screenshot(page, 'contacts-list');

    await page.getByRole('combobox', { name: 'Filter by tag' }).click();
    await page.getByRole('option', { name: 'wedding', exact: true }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(SAMPLE_CONTACTS.filter((c) => c.tags?.includes('wedding')).length);

    const dark = await app.open('/contacts', { colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
    await dark.page.getByRole('list', { name: 'Contacts' }).getByRole('listitem').first().waitFor();
    await screenshot(dark.page, 'contacts-list-dark');
    dark.assertClean();
    assertClean();
  }, 60_000);

  test('a long list loads page after page as the keyboard reaches its end', async () => {
    // One more than a page (100 rows), so the end of the list needs a second keyset page.
    const extra = 100;
    await Promise.all(
      Array.from({ length: extra }, (_, i) => app.harness.rpc('contacts.create', { firstName: 'Bulk', lastName: `Person ${String(i).padStart(3, '0')}` })),
    );
    const total = SAMPLE_CONTACTS.length + extra;
    const { page, assertClean } = await app.open('/contacts');
    await page.getByText(`${total} contacts`).waitFor();
    const list = page.getByRole('list', { name: 'Contacts' });
    await list.getByRole('link').first().focus();
    const focusedPosition = () => page.evaluate(() => Number(document.activeElement?.closest('[aria-posinset]')?.getAttribute('aria-posinset')));
    for (let i = 0; i < 10 && (await focusedPosition()) < total; i++) {
      await page.keyboard.press('End');
      await page.waitForTimeout(150);
    }
    expect(await focusedPosition()).toBe(total);
    // Only what is on screen is in the DOM.
    expect(await list.getByRole('listitem').count()).toBeLessThan(60);
    assertClean();
  }, 60_000);
});
