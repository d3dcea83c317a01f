// A contact's whole life through the real UI: create (after an inline validation error), edit, find it
// by list search, by keyboard and by Ctrl+K, delete with Undo, delete again, find it in Trash, restore.
import { describe, expect, test } from 'vitest';
import { expectApart, screenshot, useApp } from './app-fixture';

const app = useApp(async ({ harness }) => {
  // Neighbours, so searching has something to leave out.
  for (const [firstName, lastName] of [['Amelia', 'Clarke'], ['Rahul', 'Mehta'], ['Grace', 'Adeyemi']] as const) {
    await harness.rpc('contacts.create', { firstName, lastName, emails: [{ value: `${firstName.toLowerCase()}@example.com` }] });
  }
});

describe('a contact from creation to Trash and back', () => {
  test('create, edit, find, delete, undo, trash and restore', async () => {
    const { page, assertClean } = await app.open('/contacts');
    await page.getByRole('link', { name: 'New contact' }).click();
    await page.getByRole('heading', { name: 'New contact' }).waitFor();

    await page.getByLabel('First name').fill('Maya');
    await page.getByLabel('Last name').fill('Jones');
    await page.getByRole('textbox', { name: 'Email 1', exact: true }).fill('maya@');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await page.getByText('Not a valid email address').waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Email 1', exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'contact-form-error');

    await page.getByRole('textbox', { name: 'Email 1', exact: true }).fill('maya.jones@example.com');
    await page.getByRole('textbox', { name: 'Phone 1', exact: true }).fill('07700 900111');
    await page.getByRole('combobox', { name: 'Tags' }).fill('kitchen');
    await page.getByRole('combobox', { name: 'Tags' }).press('Enter');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('heading', { name: 'Maya Jones', level: 1 }).waitFor();
    await page.getByText('Maya Jones added').waitFor();
    const id = /#\/contacts\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
    expect(id).toBeTruthy();

    await page.getByLabel('Job title').fill('Kitchen designer');
    // The "added" notification leaves the form's Save (bottom right, once scrolled to) free.
    await page.getByRole('button', { name: 'Save' }).scrollIntoViewIfNeeded();
    await expectApart(page.locator('.mantine-Notification-root').filter({ hasText: 'Maya Jones added' }), page.getByRole('button', { name: 'Save' }));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved').waitFor();
    expect((await app.harness.rpc('contacts.get', { id: id! })).jobTitle).toBe('Kitchen designer');
    await screenshot(page, 'contact-page');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    const list = page.getByRole('list', { name: 'Contacts' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(4);
    await page.getByRole('textbox', { name: 'Search contacts' }).fill('maya');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await list.getByRole('link', { name: 'Maya Jones' }).waitFor();
    await page.getByText('1 match').waitFor();
    await page.getByRole('textbox', { name: 'Search contacts' }).fill('zzzz-nobody');
    await page.getByRole('heading', { name: 'No contacts match “zzzz-nobody”' }).waitFor();
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(4);

    // Keyboard: one tab stop in the list, arrows move, Enter opens.
    await list.getByRole('link').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Maya Jones');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Maya Jones', level: 1 }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Companies' }).click();
    await page.keyboard.press('Control+k');
    const quick = page.getByPlaceholder('Search people, companies, notes, follow-ups…');
    await quick.waitFor();
    await quick.fill('jones');
    await page.getByRole('button', { name: /Maya Jones/ }).waitFor();
    await screenshot(page, 'quick-search');
    await quick.press('Enter');
    await page.getByRole('heading', { name: 'Maya Jones', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Maya Jones moved to Trash').waitFor();
    await expect.poll(() => page.url()).toMatch(/#\/contacts$/);
    await screenshot(page, 'deleted-with-undo');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('heading', { name: 'Maya Jones', level: 1 }).waitFor();
    expect((await app.harness.rpc('contacts.get', { id: id! })).deletedAt).toBeNull();

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Maya Jones moved to Trash').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }).click();
    await page.getByRole('list', { name: 'Deleted contacts' }).getByRole('link', { name: 'Maya Jones' }).click();
    await page.getByText('This contact is in the Trash').waitFor();
    await page.goBack();
    await screenshot(page, 'trash');
    await page.getByRole('button', { name: 'Restore Maya Jones' }).click();
    await page.getByText('Maya Jones is back').waitFor();
    await page.getByRole('heading', { name: 'No deleted contacts' }).waitFor();
    expect((await app.harness.rpc('contacts.get', { id: id! })).deletedAt).toBeNull();
    assertClean();
  }, 90_000);
});
