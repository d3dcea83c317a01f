// The request log on the Privacy page (issue #21) in Chromium against the harness: a request recorded for a contact
// shows its due date (one calendar month on), an overdue one stands out, an extension needs its reason (said in the
// app's words beside the field), marking one answered takes it off the open list, and the privacy log records each
// step without naming anyone.
import { addMonths, format, subMonths } from 'date-fns';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const day = (d: Date) => format(d, 'yyyy-MM-dd');
const shown = (d: Date) => format(d, 'd MMM yyyy');
const now = new Date();
const lateReceived = subMonths(now, 2);

const app = useApp(async ({ harness }) => {
  await harness.rpc('contacts.create', { firstName: 'Maya', lastName: 'Okafor', emails: [{ value: 'maya@example.com' }] });
  // Came in two months ago and never answered: overdue.
  await harness.rpc('privacy.requests.create', { contactId: null, requester: 'J. Doe (by letter)', kind: 'erasure', receivedOn: day(lateReceived) });
});

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '<body>';
    return el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
  });

describe('privacy requests', () => {
  test('a new request shows its due date; overdue ones stand out; extend and answer', async () => {
    const { page, assertClean } = await app.open('/today');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { name: 'Privacy', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Requests' });
    const late = table.getByRole('row').filter({ hasText: 'J. Doe (by letter)' });
    await late.getByText(`${shown(addMonths(lateReceived, 1))} (overdue)`).waitFor();
    await late.getByText('Overdue', { exact: true }).waitFor();

    // By keyboard: "New request", the contact picked by typing, Enter to record.
    const add = page.getByRole('button', { name: 'New request' });
    await add.focus();
    await add.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New request' });
    // Nothing chosen and nobody named: the form says what is missing, beside the field.
    await dialog.getByRole('button', { name: 'Record request' }).click();
    await dialog.getByText('Choose the contact or enter who asked', { exact: true }).waitFor();
    await dialog.getByRole('combobox', { name: 'Contact' }).fill('Maya');
    await page.getByRole('option', { name: 'Maya Okafor' }).click();
    expect(await dialog.getByRole('textbox', { name: 'Received on' }).inputValue()).toBe(day(now));
    await screenshot(page, 'privacy-new-request');
    await dialog.getByRole('button', { name: 'Record request' }).click();
    const due = addMonths(now, 1);
    await page.getByText(`Request recorded: answer by ${shown(due)}`, { exact: true }).waitFor();
    const maya = table.getByRole('row').filter({ hasText: 'Maya Okafor' });
    await maya.getByRole('cell', { name: shown(due), exact: true }).waitFor();
    await maya.getByText('Open', { exact: true }).waitFor();
    expect(await focused(page)).not.toBe('<body>');
    await screenshot(page, 'privacy-requests');

    // The late one is extended: without a reason the form says why it cannot be; with one, it is no longer overdue.
    await late.getByRole('button', { name: 'Update the erasure request from J. Doe (by letter)' }).click();
    const update = page.getByRole('dialog', { name: 'Erasure request from J. Doe (by letter)' });
    const latest = addMonths(lateReceived, 3);
    await update.getByRole('textbox', { name: 'Extend to' }).fill(day(latest));
    await update.getByRole('button', { name: 'Save' }).click();
    await update.getByText('Say why it takes longer: the person is told', { exact: true }).waitFor();
    await update.getByRole('textbox', { name: 'Reason for the extension' }).fill('Their records are spread over three old systems');
    await update.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Request saved: answer by ${shown(latest)}`, { exact: true }).waitFor();
    await late.getByText(`${shown(latest)} (extended)`).waitFor();

    // Maya's is answered: it leaves the open list, and shows under All.
    await maya.getByRole('button', { name: 'Update the access request from Maya Okafor' }).click();
    const answer = page.getByRole('dialog', { name: 'Access request from Maya Okafor' });
    await answer.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Answered' }).click();
    await answer.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Request marked answered', { exact: true }).waitFor();
    await maya.waitFor({ state: 'detached' });
    await page.getByRole('radiogroup', { name: 'Which requests' }).getByText('All').click();
    await maya.getByText('Answered', { exact: true }).waitFor();

    // The log says what was done, and names no one.
    const log = page.getByRole('table', { name: 'Privacy log' });
    await log.getByText(`Access request received on ${day(now)}, due ${day(due)}`).waitFor();
    await log.getByText(`Erasure request extended to ${day(latest)}`).waitFor();
    await log.getByText(/^Access request answered on/).waitFor();
    const text = await log.innerText();
    expect(text).not.toContain('Maya');
    expect(text).not.toContain('Doe');
    await screenshot(page, 'privacy-log');
    assertClean();
  }, 120_000);
});
