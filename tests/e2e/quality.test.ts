// The Data quality page (issue #20) in Chromium against the harness: the counts, the list behind one, the title-case
// fix previewed then applied (the contact's page shows the new name), and Undo putting the name back.
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

let johnId = '';
const app = useApp(async ({ harness }) => {
  johnId = (await harness.rpc('contacts.create', { firstName: 'JOHN', lastName: 'SMITH', phones: [{ value: '07700 900123' }] })).id;
  await harness.rpc('contacts.create', { firstName: 'Ada', lastName: 'Lovelace', phones: [{ value: '+447700900789' }], emails: [{ value: 'ada@example.com' }] });
  await harness.rpc('contacts.create', { firstName: 'Nobody', lastName: 'Here' });
});

const nameOf = async () => (await app.harness.rpc('contacts.get', { id: johnId })).displayName;

describe('the Data quality page', () => {
  test('shows the counts and their lists, title-cases a name with a preview, and Undo puts it back', async () => {
    const { page, assertClean } = await app.open('/quality');
    await page.getByRole('heading', { name: 'Data quality' }).waitFor();
    const count = (label: string, n: number) => page.getByRole('button', { name: `${label}: ${n}. Show the list` });
    await count('Names in all capitals or all lower case', 1).waitFor();
    await count('Phones not in international form', 1).waitFor();
    await count('Contacts with no email, phone or address', 1).waitFor();
    await count('Phones that are not a phone number', 0).waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Find duplicates' }).getAttribute('href')).toContain('/quality/duplicates');

    await count('Phones not in international form', 1).click();
    const phones = page.getByRole('table', { name: 'Phones not in international form' });
    await phones.getByText('phone 07700 900123 is not in international form', { exact: true }).waitFor();
    // A count of nothing opens an empty list that says so.
    await count('Phones that are not a phone number', 0).click();
    await page.getByRole('heading', { name: 'All is well' }).waitFor();
    await count('Names in all capitals or all lower case', 1).click();
    await page.getByRole('table', { name: 'Names in all capitals or all lower case' }).getByText('name in capitals: JOHN SMITH', { exact: true }).waitFor();
    await screenshot(page, 'quality-page');

    await page.getByRole('button', { name: 'Title-case names' }).click();
    const dialog = page.getByRole('dialog', { name: 'Title-case names' });
    await dialog.getByText('1 contact will change', { exact: true }).waitFor();
    const sample = dialog.getByRole('table', { name: 'Examples of what will change' });
    await sample.getByRole('cell', { name: 'John Smith', exact: true }).waitFor();
    await screenshot(page, 'quality-fix-preview');
    expect(await nameOf()).toBe('JOHN SMITH');
    await dialog.getByRole('button', { name: 'Fix 1 contact' }).click();
    await page.getByText('Title-case names: fixed 1 contact', { exact: true }).waitFor();
    expect(await nameOf()).toBe('John Smith');
    await count('Names in all capitals or all lower case', 0).waitFor();
    await page.getByRole('heading', { name: 'All is well' }).waitFor();

    // The contact's own page shows the new name; Undo (still on screen) puts the old one back there.
    await page.evaluate((id) => (location.hash = `#/contacts/${id}`), johnId);
    await page.getByRole('heading', { name: 'John Smith', level: 1 }).waitFor();
    await screenshot(page, 'quality-fixed-contact');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Put back 1 contact', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'JOHN SMITH', level: 1 }).waitFor();
    expect(await nameOf()).toBe('JOHN SMITH');
    assertClean();
  }, 120_000);
});
