// The campaign's purpose (issue #21) in Chromium against the harness: the composer offers the email purposes with the
// newsletter first, and the confirmation counts only people who consented to the purpose chosen.
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const app = useApp(async ({ harness }) => {
  const { items } = await harness.rpc('consent.purposes.list', {});
  const offers = items.find((p) => p.name === 'Offers by email')!;
  const newsletter = items.find((p) => p.key === 'newsletter')!;
  const ann = await harness.rpc('contacts.create', { firstName: 'Ann', emails: [{ value: 'ann@client.test' }], tags: ['boiler'] });
  const bea = await harness.rpc('contacts.create', { firstName: 'Bea', emails: [{ value: 'bea@client.test' }], tags: ['boiler'] });
  await harness.rpc('consent.record', { contactId: ann.id, purposeId: offers.id, action: 'given', source: 'form' });
  await harness.rpc('consent.record', { contactId: bea.id, purposeId: newsletter.id, action: 'given', source: 'form' });
  await harness.rpc('email.settings.update', { host: '127.0.0.1', port: 2525, security: 'starttls', username: '', fromName: 'Sam Trader', fromAddress: 'sam@trader.test' });
  await harness.rpc('templates.create', { name: 'Spring offer', subject: 'Spring offer for {{firstName}}', body: 'Hello {{firstName}}' });
});

describe('the campaign purpose', () => {
  test('defaults to the newsletter, lists only email purposes, and counts consent for the one chosen', async () => {
    const { page, assertClean } = await app.open('/email/campaigns');
    const purpose = page.getByRole('combobox', { name: 'Purpose' });
    await expect.poll(() => purpose.inputValue()).toBe('Newsletter');
    await page.getByRole('combobox', { name: 'Template' }).click();
    await page.getByRole('option', { name: 'Spring offer' }).click();
    await page.getByRole('combobox', { name: 'Contacts tagged' }).click();
    await page.getByRole('option', { name: 'boiler' }).click();

    await purpose.click();
    const options = await page.getByRole('listbox').getByRole('option').allInnerTexts();
    expect(options).toEqual(['Newsletter', 'Offers by email']);
    await page.getByRole('option', { name: 'Offers by email' }).click();
    await page.getByRole('button', { name: 'Queue emails' }).click();
    const dialog = page.getByRole('dialog', { name: 'Queue this campaign?' });
    await dialog.getByText(/^Sends to 1 · 1 skipped/).waitFor();
    await dialog.getByText(/^Bea: /).waitFor();
    await screenshot(page, 'consent-campaign-purpose');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    assertClean();
  }, 120_000);
});
