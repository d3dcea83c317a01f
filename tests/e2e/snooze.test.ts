// Snoozing a follow-up to a picked date and time (issue #18 item 7): the picker moves it to that moment in the list
// (and the data), and refuses a moment already past with a sentence that says what to do.
import { addDays, format, set } from 'date-fns';
import type { Locator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

// Generous: the e2e suite shares two cores with builds.
const POLL = { timeout: 10_000 };

const DAY = 24 * 60 * 60_000;
let noraId: string;
let callId: string;
const app = useApp(async ({ harness }) => {
  noraId = (await harness.rpc('contacts.create', { firstName: 'Nora', lastName: 'Quinn' })).id;
  callId = (await harness.rpc('tasks.create', { title: 'Call back', contactId: noraId, dueAt: new Date(Date.now() + 2 * DAY).toISOString() })).id;
  await harness.rpc('tasks.create', { title: 'Send invoice', contactId: noraId, dueAt: new Date(Date.now() + 3 * DAY).toISOString() });
});

const localInput = (d: Date) => format(d, "yyyy-MM-dd'T'HH:mm");
/** Focus a control and press Enter: the picker is for keyboard users too. */
const press = async (control: Locator) => {
  await control.focus();
  await control.press('Enter');
};

describe('snooze to a picked moment', () => {
  test('the follow-up moves to the picked day and time; a moment in the past is refused', async () => {
    const { page, assertClean } = await app.open(`/contacts/${noraId}`);
    const list = page.getByRole('region', { name: 'Follow-ups' }).getByRole('list', { name: 'Open follow-ups' });
    const titles = () => list.getByRole('listitem').evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')));
    await expect.poll(titles, POLL).toEqual(['Call back', 'Send invoice']);
    const before = (await app.harness.rpc('tasks.get', { id: callId })).dueAt;

    await press(list.getByRole('button', { name: 'Snooze “Call back”' }));
    await press(page.getByRole('menuitem', { name: 'Pick a date and time…' }));
    const picker = page.getByRole('dialog', { name: 'Snooze “Call back”' });
    const input = picker.getByLabel('Snooze until');

    // Yesterday at 10:00 has passed: refused, nothing changes.
    await input.fill(localInput(set(addDays(new Date(), -1), { hours: 10, minutes: 0 })));
    await press(picker.getByRole('button', { name: 'Snooze', exact: true }));
    await picker.getByText('That moment has passed. Pick a later date or time.').waitFor();
    await screenshot(page, 'snooze-picker-past');
    expect((await app.harness.rpc('tasks.get', { id: callId })).dueAt).toBe(before);

    // Five days on at 14:30: saved to that moment, and the list puts it after "Send invoice" with its new time.
    const until = set(addDays(new Date(), 5), { hours: 14, minutes: 30, seconds: 0, milliseconds: 0 });
    await input.fill(localInput(until));
    await press(picker.getByRole('button', { name: 'Snooze', exact: true }));
    await picker.waitFor({ state: 'detached' });
    await page.getByText(`Snoozed until ${format(until, 'EEE d MMM, HH:mm')}`).waitFor();
    await expect.poll(async () => (await app.harness.rpc('tasks.get', { id: callId })).dueAt, POLL).toBe(until.toISOString());
    await expect.poll(titles, POLL).toEqual(['Send invoice', 'Call back']);
    await list.getByRole('listitem', { name: 'Call back' }).getByText(format(until, 'EEE d MMM, HH:mm')).waitFor();
    await screenshot(page, 'snooze-picked');
    assertClean();
  }, 60_000);
});
