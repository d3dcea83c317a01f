// Nothing typed is lost: leaving a contact, company, job, appointment or follow-up with changes asks "Save,
// discard or keep editing?" (a nav link, Back, a dialog's Escape or Cancel, the window's close), and the job and
// contact forms keep a draft that comes back after the window was left.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

let contactId: string;
let jobId: string;
let companyId: string;
const app = useApp(async ({ harness }) => {
  companyId = (await harness.rpc('companies.create', { name: 'Hartley Kitchens' })).id;
  contactId = (await harness.rpc('contacts.create', { firstName: 'Maya', lastName: 'Jones' })).id;
  jobId = (await harness.rpc('jobs.create', { title: 'Kitchen refit', contactId, currency: 'GBP' })).id;
});

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
const question = (page: Page) => page.getByRole('dialog', { name: 'Save, discard or keep editing?' });
const hash = (page: Page) => new URL(page.url()).hash;
const contactsNamed = async (query: string) => (await app.harness.rpc('contacts.list', { query, limit: 10 })).items.map((c) => c.displayName);

describe('leaving a form with changes', () => {
  test('a new contact: the nav asks; Keep editing keeps the text, Save saves, Discard leaves; Back asks too', async () => {
    const { page, assertClean } = await app.open('/contacts/new');
    const first = page.getByLabel('First name');

    // Untouched, nothing is asked.
    await nav(page, 'Companies').click();
    await page.getByRole('heading', { name: 'Companies', level: 1 }).waitFor();
    expect(await question(page).count()).toBe(0);

    await page.goto(`${app.harness.url}#/contacts/new`);
    await first.fill('Nora');
    await nav(page, 'Companies').click();
    await question(page).waitFor();
    await expect.poll(() => question(page).getByRole('button', { name: 'Keep editing' }).evaluate((b) => b === document.activeElement)).toBe(true);
    await screenshot(page, 'unsaved-question');
    await question(page).getByRole('button', { name: 'Keep editing' }).click();
    await question(page).waitFor({ state: 'detached' });
    expect(hash(page)).toBe('#/contacts/new');
    expect(await first.inputValue()).toBe('Nora');

    // Escape is Keep editing too.
    await nav(page, 'Companies').click();
    await question(page).waitFor();
    await page.keyboard.press('Escape');
    await question(page).waitFor({ state: 'detached' });
    expect(await first.inputValue()).toBe('Nora');

    // The browser's Back: the address goes back to the form while asking.
    await page.goBack();
    await question(page).waitFor();
    expect(hash(page)).toBe('#/contacts/new');
    await question(page).getByRole('button', { name: 'Keep editing' }).click();
    expect(await first.inputValue()).toBe('Nora');

    await nav(page, 'Companies').click();
    await question(page).getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Companies', level: 1 }).waitFor();
    await expect.poll(() => contactsNamed('Nora')).toEqual(['Nora']);

    await page.goto(`${app.harness.url}#/contacts/new`);
    await first.fill('Otto');
    await nav(page, 'Companies').click();
    await question(page).getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('heading', { name: 'Companies', level: 1 }).waitFor();
    expect(await contactsNamed('Otto')).toEqual([]);
    // Discarded means gone: the new contact form opens empty, with no draft.
    await page.goto(`${app.harness.url}#/contacts/new`);
    await page.getByRole('heading', { name: 'New contact' }).waitFor();
    expect(await first.inputValue()).toBe('');
    expect(await page.getByText('Draft restored').count()).toBe(0);
    assertClean();
  }, 60_000);

  test('a save that fails stays on the form with its error', async () => {
    const { page, assertClean } = await app.open('/contacts/new');
    await page.getByRole('textbox', { name: 'Email 1', exact: true }).fill('maya@');
    await nav(page, 'Jobs').click();
    await question(page).getByRole('button', { name: 'Save' }).click();
    await page.getByText('Not a valid email address').waitFor();
    expect(hash(page)).toBe('#/contacts/new');
    assertClean();
  }, 60_000);

  test('an edited job keeps its draft when the window is left, restored on return; Discard draft drops it', async () => {
    const { page, assertClean } = await app.open(`/jobs/${jobId}`);
    const form = page.getByRole('form', { name: 'Job details' });
    const notes = form.getByRole('textbox', { name: 'Notes' });
    await notes.click(); // a user's gesture, without which Chromium never asks before unloading
    await notes.fill('Bring the tile samples');
    // The window's close or reload asks (beforeunload is set while there are changes); leaving anyway keeps the draft.
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await page.goto('about:blank');
    expect(dialogs).toEqual(['beforeunload']);
    await page.goto(`${app.harness.url}#/jobs/${jobId}`);
    await page.getByText('Draft restored').waitFor();
    expect(await notes.inputValue()).toBe('Bring the tile samples');
    await screenshot(page, 'unsaved-job-draft');

    // A restored draft is a change like any other: the nav asks.
    await nav(page, 'Today').click();
    await question(page).getByRole('button', { name: 'Keep editing' }).click();

    await page.getByRole('button', { name: 'Discard draft' }).click();
    await expect.poll(() => notes.inputValue()).toBe('');
    expect(await page.getByText('Draft restored').count()).toBe(0);
    await page.reload();
    await notes.waitFor();
    expect(await page.getByText('Draft restored').count()).toBe(0);

    // Saved: the draft goes too.
    await notes.fill('Tiles chosen');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await app.harness.rpc('jobs.get', { id: jobId })).notes).toBe('Tiles chosen');
    await page.reload();
    await notes.waitFor();
    expect(await notes.inputValue()).toBe('Tiles chosen');
    expect(await page.getByText('Draft restored').count()).toBe(0);
    expect(dialogs).toEqual(['beforeunload']);
    assertClean();
  }, 60_000);

  test('beforeunload is set only while there are changes', async () => {
    // The real dialog is seen in the job test above; here the window's own answer to a close, clean and dirty.
    const { page, assertClean } = await app.open('/contacts/new');
    const wouldAsk = () =>
      page.evaluate(() => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      });
    await page.getByLabel('First name').click();
    expect(await wouldAsk()).toBe(false);
    await page.getByLabel('First name').fill('Pat');
    expect(await wouldAsk()).toBe(true);
    await page.getByLabel('First name').fill('');
    expect(await wouldAsk()).toBe(false);
    assertClean();
  }, 60_000);

  test('a new company: a nav link asks, and Save creates it', async () => {
    const { page, assertClean } = await app.open('/companies/new');
    await page.getByLabel('Company name').fill('Hendry Tiles');
    await nav(page, 'Contacts').click();
    await question(page).getByText('Your changes to the new company are not saved.').waitFor();
    await question(page).getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    const companies = await app.harness.rpc('companies.list', { query: 'Hendry', limit: 10 });
    expect(companies.items.map((c) => c.name)).toEqual(['Hendry Tiles']);
    assertClean();
  }, 60_000);

  test('an appointment dialog: Escape asks, Keep editing keeps it, Cancel then Discard closes without saving', async () => {
    const { page, assertClean } = await app.open('/schedule');
    await page.getByRole('button', { name: 'New appointment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New appointment' });
    await dialog.getByLabel('Title').fill('Measure up');
    await page.keyboard.press('Escape');
    await question(page).waitFor();
    await question(page).getByRole('button', { name: 'Keep editing' }).click();
    await question(page).waitFor({ state: 'detached' });
    expect(await dialog.getByLabel('Title').inputValue()).toBe('Measure up');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await question(page).getByRole('button', { name: 'Discard' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back to the button that opened the dialog, never to the page's body.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    const now = Date.now();
    const { items } = await app.harness.rpc('appointments.list', { from: new Date(now - 7 * 86_400_000).toISOString(), to: new Date(now + 14 * 86_400_000).toISOString() });
    expect(items.map((o) => o.title)).not.toContain('Measure up');
    assertClean();
  }, 60_000);

  test('a logged activity with its follow-up: closing asks, and Save logs both', async () => {
    const { page, assertClean } = await app.open(`/contacts/${contactId}`);
    await page.getByRole('button', { name: 'Log activity' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Log activity' });
    await dialog.getByLabel('Subject').fill('Talked through the layout');
    await dialog.getByLabel('Add a follow-up').check();
    await dialog.getByRole('textbox', { name: 'Follow-up' }).fill('Send revised quote');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await question(page).getByText('Your changes to this activity and its follow-up are not saved.').waitFor();
    await question(page).getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await app.harness.rpc('tasks.list', { contactId, limit: 10 })).items.map((t) => t.title)).toEqual(['Send revised quote']);
    const activities = await app.harness.rpc('activities.list', { contactId, limit: 10 });
    expect(activities.items.map((a) => a.subject)).toContain('Talked through the layout');
    assertClean();
  }, 60_000);

  test("a company's New person dialog: Escape asks, Keep editing keeps the text", async () => {
    const { page, assertClean } = await app.open(`/companies/${companyId}`);
    await page.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog', { name: 'New person at Hartley Kitchens' });
    await dialog.getByLabel('First name').fill('Rhea');
    await page.keyboard.press('Escape');
    await question(page).waitFor();
    await question(page).getByRole('button', { name: 'Keep editing' }).click();
    await question(page).waitFor({ state: 'detached' });
    expect(await dialog.getByLabel('First name').inputValue()).toBe('Rhea');
    assertClean();
  }, 60_000);
});
