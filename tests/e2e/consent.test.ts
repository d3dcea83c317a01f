// Consent on a contact's page (issue #21) in Chromium against the harness: each purpose's state, "Record consent…"
// given then withdrawn (the ledger keeps both, newest first, with the words and evidence), and the purposes editor
// on the Privacy page, whose errors name the field in the app's words.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

let adaId = '';
const app = useApp(async ({ harness }) => {
  adaId = (await harness.rpc('contacts.create', { firstName: 'Ada', lastName: 'Lovelace', emails: [{ value: 'ada@example.com' }] })).id;
});

/** What has focus, as a user would name it; '<body>' when focus was dropped. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '<body>';
    return el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
  });

describe('consent on the contact page', () => {
  test('records consent given then withdrawn, and shows the history newest first', async () => {
    const { page, assertClean } = await app.open(`/contacts/${adaId}`);
    await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Consent of Ada Lovelace' });
    const newsletter = table.getByRole('row').filter({ hasText: 'Newsletter' });
    await newsletter.getByText('Not asked').waitFor();

    // The keyboard way in: focus the button and press Enter; the dialog's first field takes focus.
    const record = page.getByRole('button', { name: 'Record consent…' });
    await record.focus();
    await record.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Record consent for Ada Lovelace' });
    await dialog.getByRole('combobox', { name: 'Purpose' }).waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Purpose' }).inputValue()).toBe('Newsletter');
    await dialog.getByRole('combobox', { name: 'How it reached you' }).click();
    await page.getByRole('option', { name: 'Form' }).click();
    await dialog.getByLabel('The words they agreed to').fill('Yes, send me the monthly newsletter.');
    await dialog.getByLabel('Evidence').fill('Website sign-up form');
    await screenshot(page, 'consent-record');
    await dialog.getByRole('button', { name: 'Record' }).click();
    await page.getByText('Consent recorded: Newsletter', { exact: true }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await newsletter.getByText('Given').waitFor();
    await newsletter.getByRole('cell', { name: 'Form', exact: true }).waitFor();
    await newsletter.getByRole('cell', { name: 'Consent', exact: true }).waitFor();
    expect(await focused(page)).not.toBe('<body>');

    // Withdrawn from its own row: the dialog starts on that purpose and on "Withdrawn".
    await newsletter.getByRole('button', { name: 'Withdraw Newsletter' }).click();
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'How it reached you' }).click();
    await page.getByRole('option', { name: 'Phone call' }).click();
    await dialog.getByRole('button', { name: 'Record' }).click();
    await page.getByText('Consent withdrawn: Newsletter', { exact: true }).waitFor();
    await newsletter.getByText('Withdrawn').waitFor();

    await page.getByRole('button', { name: 'History (2)' }).click();
    const history = page.getByRole('table', { name: 'Consent history of Ada Lovelace' });
    const rows = history.getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    // Newest first: the withdrawal, then the consent with its words and evidence.
    expect(await rows.nth(1).innerText()).toContain('Withdrawn');
    expect(await rows.nth(1).innerText()).toContain('Phone call');
    expect(await rows.nth(2).innerText()).toContain('Given');
    await rows.nth(2).getByText('“Yes, send me the monthly newsletter.”').waitFor();
    await rows.nth(2).getByText('Evidence: Website sign-up form').waitFor();
    await screenshot(page, 'consent-history');

    // The ledger is main's, not the window's: the same two events come back from the channel.
    const ledger = await app.harness.rpc('consent.history', { contactId: adaId });
    expect(ledger.events.map((e) => e.action)).toEqual(['withdrawn', 'given']);
    expect(ledger.events[1]).toMatchObject({ source: 'form', wording: 'Yes, send me the monthly newsletter.', evidence: 'Website sign-up form' });
    assertClean();
  }, 120_000);

  test('the purposes editor adds a purpose, and says in its own words what is wrong', async () => {
    const { page, assertClean } = await app.open('/privacy');
    await page.getByRole('heading', { name: 'Privacy', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Consent purposes' });
    await form.getByRole('group', { name: 'Purpose Newsletter' }).waitFor();
    await form.getByRole('button', { name: 'Add purpose' }).click();
    // The four purposes a new data folder starts with, then the new one (named by its place until it has a name).
    const fresh = form.getByRole('group').last();
    expect(await fresh.getAttribute('aria-label')).toBe('Purpose 5');
    // Saved without a name: main's words, beside the field.
    await form.getByRole('button', { name: 'Save purposes' }).click();
    await fresh.getByText('Enter a name', { exact: true }).waitFor();
    await screenshot(page, 'consent-purposes-error');
    await fresh.getByRole('textbox', { name: 'Name' }).fill('Referral thanks');
    await fresh.getByRole('combobox', { name: 'Channel' }).click();
    await page.getByRole('option', { name: 'Post' }).click();
    await form.getByRole('button', { name: 'Save purposes' }).click();
    await page.getByText('Purposes saved', { exact: true }).waitFor();
    const { items } = await app.harness.rpc('consent.purposes.list', {});
    expect(items.filter((p) => !p.archived).map((p) => [p.name, p.channel])).toContainEqual(['Referral thanks', 'post']);

    // On Ada's page the new purpose is there, not yet asked.
    await page.evaluate((id) => (location.hash = `#/contacts/${id}`), adaId);
    await page.getByRole('table', { name: 'Consent of Ada Lovelace' }).getByRole('row').filter({ hasText: 'Referral thanks' }).getByText('Not asked').waitFor();
    assertClean();
  }, 120_000);
});
