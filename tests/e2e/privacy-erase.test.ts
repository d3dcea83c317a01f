// "Erase this person…" (issue #21) in Chromium against the harness: the dry run says what goes and what erasure
// cannot reach, the confirmation needs their name typed, and afterwards the window is on the contacts list (focus on
// its heading, never <body>) with a notice, and the person is in neither the list nor search.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

let erinId = '';
const app = useApp(async ({ harness }) => {
  erinId = (await harness.rpc('contacts.create', { firstName: 'Erin', lastName: 'Quasimodo', emails: [{ value: 'erin@example.com' }], phones: [{ value: '+447700900555' }] })).id;
  await harness.rpc('contacts.create', { firstName: 'Stays', lastName: 'Here' });
  await harness.rpc('activities.create', { contactId: erinId, type: 'call', subject: 'Asked about gutters', notes: 'Erin wants a quote' });
  await harness.rpc('tasks.create', { title: 'Send Erin the quote', contactId: erinId, dueAt: new Date(Date.now() + 86_400_000).toISOString() });
});

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '<body>';
    return el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
  });

describe('erase a person', () => {
  test('dry run, typed confirmation, then gone from the list and search', async () => {
    const { page, assertClean } = await app.open(`/contacts/${erinId}`);
    await page.getByRole('heading', { name: 'Erin Quasimodo', level: 1 }).waitFor();
    const open = page.getByRole('button', { name: 'Erase this person…' });
    await open.focus();
    await open.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Erase Erin Quasimodo' });
    const goes = dialog.getByRole('table', { name: 'What goes' });
    await goes.waitFor();
    expect(await goes.innerText()).toMatch(/activit/i);
    await dialog.getByRole('heading', { name: 'What erasing cannot reach' }).waitFor();
    await screenshot(page, 'privacy-erase-preview');
    // Nothing is erased by the dry run.
    expect((await app.harness.rpc('contacts.get', { id: erinId })).displayName).toBe('Erin Quasimodo');

    await dialog.getByRole('button', { name: 'Continue…' }).click();
    const erase = dialog.getByRole('button', { name: 'Erase for good' });
    const typed = dialog.getByRole('textbox', { name: 'Type “Erin Quasimodo” to confirm' });
    await typed.fill('Erin');
    expect(await erase.isDisabled()).toBe(true);
    await typed.fill('erin quasimodo');
    await dialog.getByRole('checkbox', { name: 'Also remove them from backups' }).waitFor();
    await screenshot(page, 'privacy-erase-confirm');
    await typed.press('Enter');

    await page.getByText('Erin Quasimodo was erased', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/contacts');
    await expect.poll(() => focused(page)).not.toBe('<body>');
    await page.getByText('Stays Here').first().waitFor();
    expect(await page.getByText('Erin Quasimodo').count()).toBe(1); // only the notice
    await screenshot(page, 'privacy-erased');

    // Quick search finds nothing of hers: not her name, not her note.
    await page.keyboard.press('Control+k');
    const search = page.getByRole('textbox', { name: 'Quick search' });
    await search.fill('Quasimodo');
    await page.getByText('Nothing found for “Quasimodo”.').waitFor();
    await search.fill('gutters');
    await page.getByText('Nothing found for “gutters”.').waitFor();
    await expect(app.harness.rpc('contacts.get', { id: erinId })).rejects.toThrow(/NOT_FOUND/);
    assertClean();
  }, 120_000);
});
