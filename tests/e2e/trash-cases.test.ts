// Issues #18 and #22 in Chromium: a deleted service case shows in the Trash page's Cases tab as "C-0001 · subject"
// for its contact, Delete for good says it goes with its timeline, and Restore brings it back to the cases list.
import { describe, expect, test } from 'vitest';
import { useApp } from './app-fixture';

let caseId = '';
const app = useApp(async ({ harness }) => {
  const maya = (await harness.rpc('contacts.create', { firstName: 'Maya', lastName: 'Okafor' })).id;
  caseId = (await harness.rpc('cases.create', { contactId: maya, subject: 'Printer jams' })).case.id;
  await harness.rpc('cases.note', { id: caseId, kind: 'call', body: 'Talked it through' });
  await harness.rpc('cases.delete', { id: caseId });
});

describe('Trash: service cases', () => {
  test('a deleted case is in the Cases tab, says what goes with it, and can be restored', async () => {
    const { page, assertClean } = await app.open('/trash');
    await page.getByRole('tab', { name: 'Cases (1)' }).click();
    const list = page.getByRole('list', { name: 'Deleted cases' });
    await list.getByRole('link', { name: 'C-0001 · Printer jams' }).waitFor();
    await list.getByText('For Maya Okafor').waitFor();

    await list.getByRole('button', { name: 'Delete C-0001 · Printer jams for good' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete for good?' });
    await dialog.getByText('Deletes C-0001 · Printer jams for good with its timeline. This cannot be undone; a backup is taken first.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await list.getByRole('button', { name: 'Restore C-0001 · Printer jams' }).click();
    await page.getByText('C-0001 · Printer jams is back').waitFor();
    await page.getByRole('heading', { name: 'No deleted cases' }).waitFor();
    const back = await app.harness.rpc('cases.get', { id: caseId });
    expect(back.case.deletedAt).toBeNull();
    expect(back.entries.map((e) => e.kind)).toEqual(['created', 'call']);
    assertClean();
  }, 120_000);
});
