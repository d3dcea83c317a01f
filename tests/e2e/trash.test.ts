// Issue #18 item 2 in Chromium: a contact with activities, follow-ups and a document of their own is trashed; the
// Trash page's Delete for good says what goes with them, in counts, and after the confirmation they are gone with
// it; Restore all brings back everything else; Empty Trash says what is in it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import { screenshot, useApp } from './app-fixture';

let amelia = '';
let ben = '';
let company = '';
const app = useApp(async ({ harness }) => {
  company = (await harness.rpc('companies.create', { name: 'Stone Joinery' })).id;
  amelia = (await harness.rpc('contacts.create', { firstName: 'Amelia', lastName: 'Hart' })).id;
  ben = (await harness.rpc('contacts.create', { firstName: 'Ben', lastName: 'Stone', companyId: company })).id;
  for (let i = 0; i < 12; i++) await harness.rpc('activities.create', { contactId: amelia, type: 'call', subject: `Call ${i + 1}` });
  await harness.rpc('tasks.create', { title: 'Send quote', contactId: amelia });
  await harness.rpc('tasks.create', { title: 'Chase deposit', contactId: amelia });
  const file = join(harness.dataDir, 'quote.txt');
  writeFileSync(file, 'Quote for Amelia');
  writeFileSync(join(harness.dataDir, HARNESS_PICKS_FILE), JSON.stringify([file]));
  await harness.rpc('files.pick', { purpose: 'document' });
  await harness.rpc('documents.attach', { path: file, contactId: amelia });
  await harness.rpc('contacts.delete', { id: amelia });
  await harness.rpc('contacts.delete', { id: ben });
  await harness.rpc('companies.delete', { id: company });
});

describe('Trash: delete for good and restore all', () => {
  test('Delete for good says what goes with the contact, and after the confirmation it is gone; Restore all brings back the rest', async () => {
    const { page, assertClean } = await app.open('/trash');
    const list = page.getByRole('list', { name: 'Deleted contacts' });
    await list.getByRole('link', { name: 'Amelia Hart' }).waitFor();
    await page.getByRole('tab', { name: 'Contacts (2)' }).waitFor();

    await list.getByRole('button', { name: 'Delete Amelia Hart for good' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete for good?' });
    await dialog
      .getByText('Deletes Amelia Hart for good with their 12 activities, 2 follow-ups and 1 document only they use. This cannot be undone; a backup is taken first.')
      .waitFor();
    await screenshot(page, 'trash-delete-for-good');
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByText('Deleted for good: 1 contact, 12 activities, 2 follow-ups and 1 document').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await list.getByRole('link', { name: 'Amelia Hart' }).waitFor({ state: 'detached' });
    await expect(app.harness.rpc('contacts.get', { id: amelia })).rejects.toThrow();
    expect((await app.harness.rpc('documents.list', {})).total).toBe(0);
    expect(await app.harness.rpc('trash.summary', {})).toMatchObject({ contacts: 1, companies: 1, activities: 0, tasks: 0 });
    // Focus stays on the page (the open tab), not on <body>.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');

    // Restore all brings back Ben and his company.
    await page.getByRole('button', { name: 'Restore all' }).click();
    await page.getByText('Restored 1 contact and 1 company').waitFor();
    await page.getByRole('heading', { name: 'No deleted contacts' }).waitFor();
    expect((await app.harness.rpc('contacts.get', { id: ben })).deletedAt).toBeNull();
    expect((await app.harness.rpc('companies.get', { id: company })).deletedAt).toBeNull();
    await screenshot(page, 'trash-empty');
    assertClean();
  }, 120_000);

  test('Empty Trash lists what is in it and deletes it all', async () => {
    await app.harness.rpc('contacts.delete', { id: ben });
    await app.harness.rpc('companies.delete', { id: company });
    const { page, assertClean } = await app.open('/trash');
    await page.getByRole('tab', { name: 'Companies (1)' }).click();
    await page.getByRole('list', { name: 'Deleted companies' }).getByRole('link', { name: 'Stone Joinery' }).waitFor();
    await page.getByRole('button', { name: 'Empty Trash' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete for good?' });
    await dialog.getByText('Deletes everything in Trash for good: 1 contact and 1 company. This cannot be undone; a backup is taken first.').waitFor();
    await screenshot(page, 'trash-empty-confirm');
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByText('Deleted for good: 1 contact and 1 company').waitFor();
    await page.getByRole('heading', { name: 'No deleted companies' }).waitFor();
    expect(await app.harness.rpc('trash.summary', {})).toEqual({ contacts: 0, companies: 0, jobs: 0, activities: 0, tasks: 0, appointments: 0, cases: 0, documents: 0 });
    assertClean();
  }, 120_000);
});
