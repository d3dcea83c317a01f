// Editing saved segments in Chromium: an open segment is renamed from the contacts list, its changed filters are
// saved back into it (with Undo), and it is deleted by keyboard after a confirmation that says only the filter goes.
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

interface SavedSegment {
  id: string;
  name: string;
  filter: { city?: string };
}

let segmentId: string;
const app = useApp(async ({ harness }) => {
  await harness.rpc('contacts.create', { firstName: 'Maya', lastName: 'Jones', addresses: [{ city: 'Leeds' }] });
  await harness.rpc('contacts.create', { firstName: 'Omar', lastName: 'Khan', addresses: [{ city: 'York' }] });
  segmentId = (await harness.rpc('segments.create', { name: 'Leeds clients', filter: { city: 'Leeds' } })).id;
});

const segments = async (): Promise<SavedSegment[]> => (await app.harness.rpc('segments.list', {})).items;

describe('editing a saved segment', () => {
  test('an open segment is renamed, and changed filters are saved back into it with Undo', async () => {
    const { page, assertClean } = await app.open('/today');
    const nav = page.getByRole('navigation', { name: 'Saved segments' });
    await nav.getByRole('link', { name: 'Leeds clients, 1 contact' }).click();
    await page.getByRole('heading', { name: 'Contacts: Leeds clients' }).waitFor();

    // Rename: the menu, then the name dialog, submitted with Enter.
    await page.getByRole('button', { name: 'Segment “Leeds clients”' }).click();
    await page.getByRole('menuitem', { name: 'Rename…' }).click();
    const rename = page.getByRole('form', { name: 'Rename segment' });
    await expect.poll(() => rename.getByLabel('Name').inputValue()).toBe('Leeds clients');
    await rename.getByLabel('Name').fill('Leeds customers');
    await rename.getByLabel('Name').press('Enter');
    await rename.waitFor({ state: 'detached' });
    await page.getByText('Segment renamed to “Leeds customers”').waitFor();
    await page.getByRole('heading', { name: 'Contacts: Leeds customers' }).waitFor();
    await nav.getByRole('link', { name: 'Leeds customers, 1 contact' }).waitFor();
    expect((await segments()).map((s) => [s.id, s.name])).toEqual([[segmentId, 'Leeds customers']]);

    // Change the filter: the list leaves the segment, and offers to save the change back into it.
    await page.getByRole('button', { name: 'More filters' }).click();
    const more = page.getByRole('form', { name: 'More filters' });
    await more.getByLabel('City').fill('york');
    await more.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('link', { name: /Omar Khan/ }).waitFor();
    await page.getByRole('heading', { name: 'Contacts', exact: true }).waitFor();
    await screenshot(page, 'segment-update');
    await page.getByRole('button', { name: 'Update “Leeds customers”' }).click();
    await page.getByText('Segment “Leeds customers” now has these filters: 1 contact').waitFor();
    await page.getByRole('heading', { name: 'Contacts: Leeds customers' }).waitFor();
    await expect.poll(async () => (await segments())[0]!.filter.city).toBe('york');

    // Undo puts the old filter back, and the list's filter is again a change to the segment.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await segments())[0]!.filter.city).toBe('Leeds');
    await page.getByRole('button', { name: 'Update “Leeds customers”' }).waitFor();
    await page.getByRole('heading', { name: 'Contacts', exact: true }).waitFor();
    assertClean();
  }, 60_000);

  test('a segment is deleted by keyboard after a confirmation that says what goes; its contacts stay', async () => {
    const { page, assertClean } = await app.open('/today');
    const nav = page.getByRole('navigation', { name: 'Saved segments' });
    await nav.getByRole('link', { name: 'Leeds customers, 1 contact' }).click();
    await page.getByRole('heading', { name: 'Contacts: Leeds customers' }).waitFor();

    const menu = page.getByRole('button', { name: 'Segment “Leeds customers”' });
    await menu.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Rename…' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Delete segment “Leeds customers”?' });
    await confirm.getByText('Only the saved filter goes: it leaves the navigation and cannot be brought back. The 1 contact in it stays.').waitFor();
    // Cancel has the focus, so a stray Enter deletes nothing.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await screenshot(page, 'segment-delete');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    await page.getByText('Segment “Leeds customers” deleted').waitFor();
    await nav.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Contacts', exact: true }).waitFor();
    expect(await segments()).toEqual([]);
    expect((await app.harness.rpc('contacts.list', {})).total).toBe(2);
    assertClean();
  }, 60_000);
});
