// Logging a call with the call timer and seeing it on the contact's timeline; a follow-up that is already
// due shows under Overdue in Today and goes away when completed.
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

let mayaId: string;
const app = useApp(async ({ harness }) => {
  mayaId = (await harness.rpc('contacts.create', { firstName: 'Maya', lastName: 'Jones', phones: [{ value: '07700 900111' }] })).id;
  await harness.rpc('contacts.create', { firstName: 'Tom', lastName: 'Baker' });
});

describe('activities and follow-ups', () => {
  test('a timed call is logged with its duration, shows on the timeline and can be corrected', async () => {
    const { page, assertClean } = await app.open(`/contacts/${mayaId}`);
    await page.getByRole('heading', { name: 'Maya Jones', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Start call' }).click();
    const timer = page.getByRole('timer', { name: 'Call with Maya Jones' });
    await timer.waitFor();
    await page.waitForTimeout(2_100);
    await screenshot(page, 'call-timer');
    await timer.getByRole('button', { name: 'End call' }).click();

    const dialog = page.getByRole('dialog', { name: 'Log activity' });
    await dialog.waitFor();
    const duration = await dialog.getByRole('textbox', { name: 'Duration' }).inputValue();
    const [m, s] = duration.split(':').map(Number);
    expect(m! * 60 + s!).toBeGreaterThanOrEqual(1);
    await expect.poll(() => dialog.getByLabel(/^Contact/).inputValue()).toBe('Maya Jones');
    // The subject has the focus: type and press Enter.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('placeholder'))).toBe('What was it about?');
    await page.keyboard.type('Revised kitchen quote');
    await dialog.getByLabel('Notes').fill('Wants the oak worktop.\nCall back about delivery.');
    await screenshot(page, 'quick-log');
    await dialog.getByLabel('Subject').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Logged for Maya Jones').waitFor();

    const today = page.getByRole('list', { name: 'Activities Today' });
    await today.getByText('Revised kitchen quote').waitFor();
    await today.getByText('Connected').waitFor();
    const { items } = await app.harness.rpc('activities.list', { contactId: mayaId });
    expect(items).toHaveLength(1);
    expect(items[0]!.type).toBe('call');
    expect(items[0]!.durationSeconds).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'timeline');

    // A logged activity can be corrected: Edit reopens it in the same dialog, contact fixed.
    await today.getByRole('button', { name: 'Edit call “Revised kitchen quote”' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit activity' });
    await expect.poll(() => edit.getByLabel('Subject').inputValue()).toBe('Revised kitchen quote');
    expect(await edit.getByLabel(/^Contact/).isDisabled()).toBe(true);
    await edit.getByLabel('Subject').fill('Revised kitchen quote (oak)');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await today.getByText('Revised kitchen quote (oak)').waitFor();
    const [edited] = (await app.harness.rpc('activities.list', { contactId: mayaId })).items;
    expect([edited!.id, edited!.subject, edited!.durationSeconds]).toEqual([items[0]!.id, 'Revised kitchen quote (oak)', items[0]!.durationSeconds]);

    // Ctrl+L from anywhere opens the same dialog, empty, with the contact picker focused.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
    await page.getByRole('list', { name: 'Activities Today' }).getByRole('link', { name: 'Maya Jones' }).waitFor();
    await page.keyboard.press('Control+l');
    await page.getByRole('dialog', { name: 'Log activity' }).waitFor();
    await page.keyboard.press('Escape');
    assertClean();
  }, 90_000);

  test('an overdue follow-up shows in Today and completing it removes it; the contact page reopens it', async () => {
    const dueAt = new Date(Date.now() - 60_000).toISOString();
    await app.harness.rpc('tasks.create', { title: 'Send revised quote', contactId: mayaId, dueAt });

    const { page, assertClean } = await app.open('/');
    await expect.poll(() => page.url()).toContain('#/today');
    const overdue = page.getByRole('list', { name: 'Overdue follow-ups' });
    await overdue.getByRole('listitem', { name: 'Send revised quote' }).waitFor();
    await overdue.getByRole('link', { name: 'Maya Jones' }).waitFor();
    await page.getByText('1 overdue follow-up').waitFor();
    await screenshot(page, 'today');

    await overdue.getByRole('checkbox', { name: 'Complete “Send revised quote”' }).click();
    await page.getByText('Done: Send revised quote').waitFor();
    await page.getByRole('heading', { name: 'Nothing to follow up' }).waitFor();
    const { items } = await app.harness.rpc('tasks.list', { contactId: mayaId, status: 'done' });
    expect(items.map((t) => t.title)).toEqual(['Send revised quote']);

    // On the contact's page, done follow-ups can be shown and reopened.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('link', { name: /Maya Jones/ }).first().click();
    const followUps = page.getByRole('region', { name: 'Follow-ups' });
    await followUps.getByRole('button', { name: 'Show done' }).click();
    await followUps.getByRole('list', { name: 'Done follow-ups' }).getByRole('checkbox', { name: 'Reopen “Send revised quote”' }).click();
    await followUps.getByRole('list', { name: 'Open follow-ups' }).getByRole('listitem', { name: 'Send revised quote' }).waitFor();
    expect((await app.harness.rpc('tasks.list', { contactId: mayaId, status: 'open' })).items.map((t) => t.title)).toEqual(['Send revised quote']);
    await app.harness.rpc('tasks.complete', { id: items[0]!.id });
    assertClean();
  }, 60_000);

  test('Ctrl+L logs a meeting with a follow-up for someone picked by typing; the contacts list filters on it', async () => {
    const { page, assertClean } = await app.open('/today');
    await page.keyboard.press('Control+l');
    const dialog = page.getByRole('dialog', { name: 'Log activity' });
    await dialog.waitFor();
    // The contact picker has the focus: type a fragment and pick.
    await page.keyboard.type('bak');
    await page.getByRole('option', { name: 'Tom Baker' }).click();
    await dialog.getByText('Meeting', { exact: true }).click();
    await dialog.getByLabel('Subject').fill('Site visit');
    await dialog.getByRole('checkbox', { name: 'Add a follow-up' }).check();
    await dialog.getByLabel('Follow-up', { exact: true }).fill('Send the measurements');
    const pastDue = new Date(Date.now() - 60_000);
    const local = new Date(pastDue.getTime() - pastDue.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await dialog.getByLabel('Due', { exact: true }).fill(local);
    await dialog.getByLabel('Subject').press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const overdue = page.getByRole('list', { name: 'Overdue follow-ups' });
    await overdue.getByRole('listitem', { name: 'Send the measurements' }).waitFor();
    const tom = (await app.harness.rpc('contacts.list', { query: 'Tom Baker' })).items[0]!;
    expect(tom.lastContactedAt).not.toBeNull();
    expect(tom.nextTaskDueAt).not.toBeNull();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    const list = page.getByRole('list', { name: 'Contacts' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await page.getByRole('switch', { name: 'Overdue follow-up' }).check({ force: true });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await list.getByRole('link', { name: 'Tom Baker' }).waitFor();
    await screenshot(page, 'contacts-follow-ups');
    await list.getByText(/contacted .* ago/).waitFor();
    await page.getByRole('switch', { name: 'Overdue follow-up' }).uncheck({ force: true });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    assertClean();
  }, 60_000);
});
