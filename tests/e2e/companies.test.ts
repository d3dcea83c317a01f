// Companies through the real UI: create one, add a new person to it from its page, link an existing
// contact, and see the link from the person's side; delete with Undo and restore from Trash.
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const app = useApp(async ({ harness }) => {
  await harness.rpc('contacts.create', { firstName: 'Lena', lastName: 'Fischer', emails: [{ value: 'lena@example.de' }] });
});

describe('companies and their people', () => {
  test('create a company, add a person, link someone, trash and restore', async () => {
    const { page, assertClean } = await app.open('/companies');
    await page.getByRole('link', { name: 'New company' }).click();
    await page.getByRole('button', { name: 'Create company' }).click();
    await page.getByText('Enter the company name').waitFor();
    await page.getByLabel('Company name').fill('Oakline Worktops');
    await page.getByLabel('Website').fill('oakline.example');
    await page.getByRole('button', { name: 'Create company' }).click();
    await page.getByRole('heading', { name: 'Oakline Worktops', level: 1 }).waitFor();
    await page.getByText('Oakline Worktops added').waitFor();

    await page.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog', { name: 'New person at Oakline Worktops' });
    await dialog.getByLabel('First name').fill('Tomasz');
    await dialog.getByLabel('Last name').fill('Nowak');
    await dialog.getByRole('textbox', { name: 'Email 1', exact: true }).fill('t.nowak@oakline.example');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const people = page.getByRole('region', { name: 'People' });
    await people.getByRole('link', { name: /Tomasz Nowak/ }).waitFor();
    await page.getByText('1 person', { exact: true }).waitFor();

    await people.getByRole('combobox', { name: 'Link someone you already have' }).fill('Lena');
    await page.getByRole('option', { name: 'Lena Fischer' }).click();
    await people.getByRole('link', { name: /Lena Fischer/ }).waitFor();
    await page.getByText('2 people', { exact: true }).waitFor();
    await screenshot(page, 'company-page');

    await people.getByRole('link', { name: /Tomasz Nowak/ }).click();
    await page.getByRole('heading', { name: 'Tomasz Nowak', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Oakline Worktops' }).click();
    await page.getByRole('heading', { name: 'Oakline Worktops', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Oakline Worktops moved to Trash').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }).click();
    await page.getByRole('tab', { name: /Companies/ }).click();
    await page.getByRole('button', { name: 'Restore Oakline Worktops' }).click();
    await page.getByText('Oakline Worktops is back').waitFor();
    const companies = await app.harness.rpc('companies.list', { query: 'Oakline' });
    expect(companies.items.map((c) => c.deletedAt)).toEqual([null]);
    assertClean();
  }, 90_000);
});
