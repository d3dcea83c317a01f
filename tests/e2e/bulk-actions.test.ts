// Bulk actions on the contacts selection (issue #18) in Chromium against the harness: tick three contacts, add the
// tag "VIP", see the count, Undo takes it off again; set the opt-in with its consent note; "Select all N matching"
// changes everyone the search matches, not only the loaded rows; Trash with Undo.
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const PEOPLE = ['Amelia Clarke', 'Rahul Mehta', 'Grace Adeyemi', 'Tomasz Nowak'] as const;
const MANY = 260;

const app = useApp(async ({ harness }) => {
  for (const name of PEOPLE) {
    const [firstName, lastName] = name.split(' ');
    await harness.rpc('contacts.create', { firstName, lastName, emails: [{ value: `${firstName!.toLowerCase()}@example.com` }] });
  }
  for (let i = 0; i < MANY; i++) await harness.rpc('contacts.create', { firstName: 'Zed', lastName: `Customer ${String(i).padStart(3, '0')}` });
});

const tagged = async (tag: string) => (await app.harness.rpc('contacts.list', { tag, limit: 1 })).total;

describe('bulk actions on the contacts selection', () => {
  test('three ticked contacts get the tag VIP, the count is shown, and Undo takes it off', async () => {
    const { page, assertClean } = await app.open('/contacts');
    await page.getByText(`${(PEOPLE.length + MANY).toLocaleString('en')} contacts`, { exact: true }).waitFor();
    const box = (name: string) => page.getByRole('checkbox', { name: `Select ${name}`, exact: true });
    const list = page.getByRole('list', { name: 'Contacts' });
    for (const name of ['Amelia Clarke', 'Rahul Mehta', 'Grace Adeyemi']) await box(name).click();
    await page.getByText('3 selected', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Change selected' }).click();
    await page.getByRole('menuitem', { name: 'Add tags…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add tags: 3 contacts' });
    await dialog.getByLabel('Tags to add').fill('VIP');
    await dialog.getByLabel('Tags to add').press('Enter');
    await screenshot(page, 'bulk-actions-add-tags');
    await dialog.getByRole('button', { name: 'Change 3 contacts' }).click();
    await page.getByText('Updated 3 contacts', { exact: true }).waitFor();
    await screenshot(page, 'bulk-actions-updated');
    expect(await tagged('VIP')).toBe(3);
    // Focus goes back to the button that opened the dialog, not to the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Change selected');
    await expect.poll(() => list.getByText('VIP', { exact: true }).count()).toBe(3);

    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Put back 3 contacts', { exact: true }).waitFor();
    expect(await tagged('VIP')).toBe(0);
    await expect.poll(() => list.getByText('VIP', { exact: true }).count()).toBe(0);
    assertClean();
  }, 90_000);

  test('email opt-in needs a consent note, then changes the ticked contacts only', async () => {
    const { page, assertClean } = await app.open('/contacts');
    await page.getByRole('checkbox', { name: 'Select Tomasz Nowak', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Select Grace Adeyemi', exact: true }).click();
    await page.getByRole('button', { name: 'Change selected' }).click();
    await page.getByRole('menuitem', { name: 'Set email opt-in…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Set email opt-in: 2 contacts' });
    await dialog.getByRole('radio', { name: 'Opted in', exact: true }).check();
    await dialog.getByRole('button', { name: 'Change 2 contacts' }).click();
    await dialog.getByText('Say where the consent came from').waitFor();
    await dialog.getByLabel('Consent note').fill('Signed up at the trade show');
    await screenshot(page, 'bulk-actions-opt-in');
    await dialog.getByRole('button', { name: 'Change 2 contacts' }).click();
    await page.getByText('Updated 2 contacts', { exact: true }).waitFor();
    expect((await app.harness.rpc('contacts.list', { emailOptIn: true, limit: 10 })).items.map((c: { displayName: string }) => c.displayName).sort()).toEqual(['Grace Adeyemi', 'Tomasz Nowak']);
    assertClean();
  }, 90_000);

  test('"Select all N matching" changes everyone the search matches, then Trash and Undo', async () => {
    const { page, assertClean } = await app.open('/contacts');
    await page.getByRole('searchbox', { name: 'Search contacts' }).or(page.getByRole('textbox', { name: 'Search contacts' })).fill('Customer');
    await page.getByText(`${MANY} matches`, { exact: true }).waitFor();
    await page.getByRole('checkbox', { name: 'Select all contacts shown' }).click();
    await page.getByRole('button', { name: `Select all ${MANY} matching` }).click();
    await page.getByText(`All ${MANY} selected`, { exact: true }).waitFor();
    await screenshot(page, 'bulk-actions-all-matching');

    await page.getByRole('button', { name: 'Change selected' }).click();
    await page.getByRole('menuitem', { name: 'Set kind…' }).click();
    const dialog = page.getByRole('dialog', { name: `Set kind: ${MANY} contacts` });
    await dialog.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Supplier' }).click();
    await dialog.getByRole('button', { name: `Change ${MANY} contacts` }).click();
    await page.getByText(`Updated ${MANY} contacts`, { exact: true }).waitFor();
    expect((await app.harness.rpc('contacts.list', { kind: 'supplier', limit: 1 })).total).toBe(MANY);

    await page.getByRole('button', { name: 'Change selected' }).click();
    await page.getByRole('menuitem', { name: 'Move to Trash…' }).click();
    await page.getByRole('dialog', { name: `Move to Trash: ${MANY} contacts` }).getByRole('button', { name: 'Move to Trash' }).click();
    await page.getByText(`Moved ${MANY} contacts to Trash`, { exact: true }).waitFor();
    await page.getByText('No contacts match').or(page.getByText(/^No /).first()).first().waitFor();
    expect((await app.harness.rpc('contacts.list', { limit: 1 })).total).toBe(PEOPLE.length);
    // Focus stays in the window, not on <body>, when the rows and the selection bar go.
    await expect.poll(() => page.evaluate(() => document.activeElement !== document.body)).toBe(true);
    // The Trash's own Undo (the kind change's notification may still be showing).
    await page.getByText(`Moved ${MANY} contacts to Trash`, { exact: true }).locator('..').getByRole('button', { name: 'Undo' }).click();
    await page.getByText(`Put back ${MANY} contacts`, { exact: true }).waitFor();
    expect((await app.harness.rpc('contacts.list', { limit: 1 })).total).toBe(PEOPLE.length + MANY);
    assertClean();
  }, 90_000);
});
