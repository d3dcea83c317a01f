// Deleting a follow-up in Chromium: from Today it goes to Trash with a notification that names it and an Undo;
// the Delete key does the same from the keyboard; the Trash page lists it and restores it.
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

let mayaId: string;
let taskId: string;
const app = useApp(async ({ harness }) => {
  mayaId = (await harness.rpc('contacts.create', { firstName: 'Maya', lastName: 'Jones' })).id;
  taskId = (await harness.rpc('tasks.create', { title: 'Send revised quote', contactId: mayaId, dueAt: new Date(Date.now() - 60_000).toISOString() })).id;
});

const openTitles = async () => (await app.harness.rpc('tasks.list', { contactId: mayaId, status: 'open' })).items.map((t) => t.title);

describe('follow-ups in Trash', () => {
  test('a follow-up is deleted from Today, comes back with Undo, and goes again with the Delete key', async () => {
    const { page, assertClean } = await app.open('/today');
    const overdue = page.getByRole('list', { name: 'Overdue follow-ups' });
    const item = overdue.getByRole('listitem', { name: 'Send revised quote' });
    await item.waitFor();

    await item.getByRole('button', { name: 'Delete “Send revised quote”' }).click();
    await page.getByText('Follow-up “Send revised quote” moved to Trash').waitFor();
    await item.waitFor({ state: 'detached' });
    expect(await openTitles()).toEqual([]);
    expect((await app.harness.rpc('tasks.get', { id: taskId })).deletedAt).not.toBeNull();
    await screenshot(page, 'follow-up-trashed');

    // Undo brings it back where it was, and Today stays open.
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Follow-up “Send revised quote” is back').waitFor();
    await item.waitFor();
    await expect.poll(() => page.url()).toContain('#/today');
    expect(await openTitles()).toEqual(['Send revised quote']);

    // From the keyboard: focus the follow-up (its checkbox) and press Delete.
    await item.getByRole('checkbox', { name: 'Complete “Send revised quote”' }).focus();
    await page.keyboard.press('Delete');
    await page.getByText('Follow-up “Send revised quote” moved to Trash').waitFor();
    await item.waitFor({ state: 'detached' });
    expect(await openTitles()).toEqual([]);
    assertClean();
  }, 60_000);

  test('the Trash page lists a deleted follow-up and restores it', async () => {
    const { page, assertClean } = await app.open('/trash');
    await page.getByRole('tab', { name: 'Follow-ups' }).click();
    const list = page.getByRole('list', { name: 'Deleted follow-ups' });
    await list.getByText('Send revised quote').waitFor();
    await list.getByText(/For Maya Jones · deleted .* ago/).waitFor();
    await screenshot(page, 'trash-follow-ups');

    await list.getByRole('button', { name: 'Restore Send revised quote' }).click();
    await page.getByText('Follow-up “Send revised quote” is back').waitFor();
    await page.getByRole('heading', { name: 'No deleted follow-ups' }).waitFor();
    expect(await openTitles()).toEqual(['Send revised quote']);

    // It is open again on the contact's page.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('link', { name: /Maya Jones/ }).first().click();
    await page.getByRole('region', { name: 'Follow-ups' }).getByRole('listitem', { name: 'Send revised quote' }).waitFor();
    assertClean();
  }, 60_000);
});
