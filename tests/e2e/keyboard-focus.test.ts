// Keyboard users keep their place (issue #18 item 4): after Alt+→ on a card, X/S/W on a follow-up, Delete and Undo,
// or closing a dialog, focus is on the moved card, the next item, or the control that opened the dialog; never <body>.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import { screenshot, useApp } from './app-fixture';

// Generous: the e2e suite shares two cores with builds.
const POLL = { timeout: 10_000 };

const MINUTE = 60_000;
let mayaId: string;
let samId: string;
let tempId: string;
let doraId: string;
const app = useApp(async ({ harness }) => {
  mayaId = (await harness.rpc('contacts.create', { firstName: 'Maya', lastName: 'Jones' })).id;
  samId = (await harness.rpc('contacts.create', { firstName: 'Sam', lastName: 'Lee' })).id;
  tempId = (await harness.rpc('contacts.create', { firstName: 'Tess', lastName: 'Temp' })).id;
  // Today's overdue follow-ups, oldest first: Alpha, Bravo, Charlie, Delta.
  for (const [i, title] of ['Alpha', 'Bravo', 'Charlie', 'Delta'].entries()) {
    await harness.rpc('tasks.create', { title, contactId: mayaId, dueAt: new Date(Date.now() - (10 - i) * MINUTE).toISOString() });
  }
  // Sam's follow-ups, due in the coming months so they stay off Today: Papa, Quebec, Romeo.
  for (const [i, title] of ['Papa', 'Quebec', 'Romeo'].entries()) {
    await harness.rpc('tasks.create', { title, contactId: samId, dueAt: new Date(Date.now() + (40 + i) * 24 * 60 * MINUTE).toISOString() });
  }
  const { stages } = await harness.rpc('jobs.settings.get', {});
  const paid = stages.find((s) => s.name === 'Paid')!;
  await harness.rpc('jobs.create', { title: 'Garden gate', contactId: mayaId });
  const fence = await harness.rpc('jobs.create', { title: 'Fence panels', contactId: mayaId });
  await harness.rpc('jobs.move', { id: fence.id, stage: paid.id });
  // Dora's two documents, for a row that leaves its list.
  doraId = (await harness.rpc('contacts.create', { firstName: 'Dora', lastName: 'Docs' })).id;
  const paths = ['First plan.txt', 'Second plan.txt'].map((name) => join(harness.dataDir, name));
  for (const path of paths) writeFileSync(path, 'Worktop layout');
  writeFileSync(join(harness.dataDir, HARNESS_PICKS_FILE), JSON.stringify(paths));
  await harness.rpc('files.pick', { purpose: 'document' });
  for (const path of paths) await harness.rpc('documents.attach', { path, contactId: doraId });
});

/** What has focus, as a user would name it: its accessible label, else its text, else its tag. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '<body>';
    return el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
  });
/** Focus a control and press Enter, as a keyboard user does. */
const press = async (control: Locator) => {
  await control.focus();
  await control.press('Enter');
};
/** The column (stage region) the focused element sits in. */
const focusedColumn = (page: Page) => page.evaluate(() => document.activeElement?.closest('section[aria-label]')?.getAttribute('aria-label') ?? null);

describe('keyboard focus', () => {
  test('Alt+→ and Alt+← keep focus on the moved card; the lost-reason dialog hands it back too', async () => {
    const { page, assertClean } = await app.open('/jobs');
    const lead = page.getByRole('region', { name: 'Lead' });
    const quoted = page.getByRole('region', { name: 'Quoted' });
    const card = lead.getByRole('listitem', { name: 'Garden gate' });
    await card.focus();
    await page.keyboard.press('Alt+ArrowRight');
    await quoted.getByRole('listitem', { name: 'Garden gate' }).waitFor();
    await expect.poll(() => focused(page), POLL).toBe('Garden gate');
    expect(await focusedColumn(page)).toBe('Quoted');

    // Focus stayed, so the next key moves it again without reaching for the mouse.
    await page.keyboard.press('Alt+ArrowLeft');
    await lead.getByRole('listitem', { name: 'Garden gate' }).waitFor();
    await expect.poll(() => focusedColumn(page), POLL).toBe('Lead');
    expect(await focused(page)).toBe('Garden gate');

    // Paid → Lost asks why; after Move, focus is on the card in Lost.
    await page.getByRole('region', { name: 'Paid' }).getByRole('listitem', { name: 'Fence panels' }).focus();
    await page.keyboard.press('Alt+ArrowRight');
    const dialog = page.getByRole('dialog', { name: 'Move “Fence panels” to Lost' });
    await dialog.getByLabel('Lost reason').fill('Went elsewhere');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Lost' }).getByRole('listitem', { name: 'Fence panels' }).waitFor();
    await expect.poll(() => focusedColumn(page), POLL).toBe('Lost');
    expect(await focused(page)).toBe('Fence panels');
    await screenshot(page, 'keyboard-focus-board');
    assertClean();
  }, 60_000);

  test('on Today, X, S and W move focus to the next follow-up; the last one leaves it on the empty state', async () => {
    const { page, assertClean } = await app.open('/today');
    const overdue = page.getByRole('list', { name: 'Overdue follow-ups' });
    await overdue.getByRole('listitem', { name: 'Alpha' }).waitFor();
    await overdue.getByRole('checkbox', { name: 'Complete “Alpha”' }).focus();

    await page.keyboard.press('x');
    await page.getByText('Done: Alpha').waitFor();
    await expect.poll(() => focused(page), POLL).toBe('Complete “Bravo”');
    await page.keyboard.press('s');
    await page.getByText('Snoozed until tomorrow').waitFor();
    await expect.poll(() => focused(page), POLL).toBe('Complete “Charlie”');
    await page.keyboard.press('w');
    await page.getByText('Snoozed until next week').waitFor();
    await expect.poll(() => focused(page), POLL).toBe('Complete “Delta”');
    await screenshot(page, 'keyboard-focus-today');

    // With every other follow-up done, completing the last leaves focus on "Nothing to follow up".
    for (const t of (await app.harness.rpc('tasks.list', { status: 'open' })).items) {
      if (t.title !== 'Delta' && t.contactId === mayaId) await app.harness.rpc('tasks.complete', { id: t.id });
    }
    await page.reload();
    await overdue.getByRole('checkbox', { name: 'Complete “Delta”' }).focus();
    await page.keyboard.press('x');
    await page.getByRole('heading', { name: 'Nothing to follow up' }).waitFor();
    await expect.poll(() => focused(page), POLL).toBe('Nothing to follow up');
    assertClean();
  }, 60_000);

  test("on a contact's follow-ups, Delete focuses the next, Undo the restored one, X on the last the previous", async () => {
    const { page, assertClean } = await app.open(`/contacts/${samId}`);
    const list = page.getByRole('region', { name: 'Follow-ups' }).getByRole('list', { name: 'Open follow-ups' });
    await list.getByRole('checkbox', { name: 'Complete “Papa”' }).focus();
    await page.keyboard.press('Delete');
    await page.getByText('Follow-up “Papa” moved to Trash').waitFor();
    await expect.poll(() => focused(page), POLL).toBe('Complete “Quebec”');

    await press(page.getByRole('button', { name: 'Undo' }));
    await page.getByText('Follow-up “Papa” is back').waitFor();
    await expect.poll(() => focused(page), POLL).toBe('Complete “Papa”');

    await list.getByRole('checkbox', { name: 'Complete “Romeo”' }).focus();
    await page.keyboard.press('x');
    await expect.poll(() => focused(page), POLL).toBe('Complete “Quebec”');
    await page.keyboard.press('x');
    await expect.poll(() => focused(page), POLL).toBe('Complete “Papa”');
    await page.keyboard.press('x');
    await page.getByText('No open follow-ups.').waitFor();
    await expect.poll(() => focused(page), POLL).toBe('No open follow-ups.');
    assertClean();
  }, 60_000);

  test("Delete on a contact's page focuses the list's heading; Undo focuses the contact's page", async () => {
    const { page, assertClean } = await app.open(`/contacts/${tempId}`);
    await page.getByRole('heading', { name: 'Tess Temp', level: 1 }).waitFor();
    await press(page.getByRole('button', { name: 'Delete', exact: true }));
    await page.getByText('Tess Temp moved to Trash').waitFor();
    await expect.poll(() => page.url(), POLL).toMatch(/#\/contacts$/);
    await expect.poll(() => focused(page), POLL).toBe('Contacts');

    await press(page.getByRole('button', { name: 'Undo' }));
    await page.getByRole('heading', { name: 'Tess Temp', level: 1 }).waitFor();
    await expect.poll(() => focused(page), POLL).toBe('Tess Temp');
    assertClean();
  }, 60_000);

  test('closing a dialog returns focus to what opened it: a button, a menu item, a dialog mounted open', async () => {
    const { page, assertClean } = await app.open('/jobs');
    // A plain button: Mantine's own return.
    const newJob = page.getByRole('button', { name: 'New job' }).first();
    await newJob.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'New job' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'New job' }).waitFor({ state: 'detached' });
    await expect.poll(() => focused(page), POLL).toBe('New job');

    // A menu item: the item has gone, so focus goes to the menu's button.
    await page.goto(`${app.harness.url}#/documents`);
    const storage = page.getByRole('button', { name: 'Storage', exact: true });
    await storage.focus();
    await page.keyboard.press('Enter');
    await press(page.getByRole('menuitem', { name: 'Size limit per file…' }));
    await page.getByRole('dialog', { name: 'Size limit per file' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Size limit per file' }).waitFor({ state: 'detached' });
    await expect.poll(() => focused(page), POLL).toBe('Storage');

    // The snooze picker (opened from a menu, mounted already open): Cancel goes back to the snooze button.
    const delta = (await app.harness.rpc('tasks.list', { contactId: mayaId, status: 'done' })).items.find((t) => t.title === 'Delta');
    if (delta) await app.harness.rpc('tasks.reopen', { id: delta.id });
    await page.goto(`${app.harness.url}#/contacts/${mayaId}`);
    const snooze = page.getByRole('button', { name: 'Snooze “Delta”' });
    await snooze.focus();
    await page.keyboard.press('Enter');
    await press(page.getByRole('menuitem', { name: 'Pick a date and time…' }));
    const picker = page.getByRole('dialog', { name: 'Snooze “Delta”' });
    await press(picker.getByRole('button', { name: 'Cancel' }));
    await picker.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page), POLL).toBe('Snooze “Delta”');
    assertClean();
  }, 60_000);

  test("Move to Trash from a document row's menu focuses the next document", async () => {
    const { page, assertClean } = await app.open(`/contacts/${doraId}`);
    const table = page.getByRole('table', { name: 'Documents of Dora Docs' });
    const shown = table.getByRole('button', { name: /^Show / });
    await expect.poll(() => shown.count(), POLL).toBe(2);
    const [first, second] = await shown.allTextContents();
    await press(table.getByRole('button', { name: `Actions for ${first}` }));
    await press(page.getByRole('menuitem', { name: 'Move to Trash' }));
    await page.getByText(`“${first}” moved to Trash`).waitFor();
    await expect.poll(() => shown.count(), POLL).toBe(1);
    await expect.poll(() => focused(page), POLL).toBe(`Show ${second}`);
    assertClean();
  }, 60_000);
});
