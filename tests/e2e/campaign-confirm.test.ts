// The campaign confirmation (issue #18) in Chromium against the harness: before anything is queued it says how
// many get it and how many are skipped and why, and names the campaign after its segment (editable); Cancel
// queues nothing and gives focus back to the button.
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const app = useApp(async ({ harness }) => {
  const people = [
    { firstName: 'Ann', emailOptIn: true, emails: [{ value: 'ann@client.test' }] },
    { firstName: 'Bea', emailOptIn: true, emails: [{ value: 'bea@client.test' }] },
    { firstName: 'Cal', emailOptIn: true, emails: [{ value: 'cal@client.test' }] },
    { firstName: 'Dot', emailOptIn: true },
    { firstName: 'Eve', emailOptIn: false, emails: [{ value: 'eve@client.test' }] },
  ];
  for (const p of people) await harness.rpc('contacts.create', { ...p, tags: ['boiler'] });
  // Campaign emails carry an unsubscribe link to the user's own address (issue #21); nothing is sent here.
  await harness.rpc('email.settings.update', { host: '127.0.0.1', port: 2525, security: 'starttls', username: '', fromName: 'Sam Trader', fromAddress: 'sam@trader.test' });
  await harness.rpc('templates.create', { name: 'Spring offer', subject: 'Spring offer for {{firstName}}', body: 'Hello {{firstName}}' });
});

describe('campaign confirmation', () => {
  test('says who gets it and who is skipped and why before queuing, named after its segment', async () => {
    const { page, assertClean } = await app.open('/email/campaigns');
    await page.getByRole('combobox', { name: 'Template' }).click();
    await page.getByRole('option', { name: 'Spring offer' }).click();
    await page.getByRole('combobox', { name: 'Contacts tagged' }).click();
    await page.getByRole('option', { name: 'boiler' }).click();

    const queue = page.getByRole('button', { name: 'Queue emails' });
    await queue.click();
    const dialog = page.getByRole('dialog', { name: 'Queue this campaign?' });
    await dialog.getByText('Sends to 3 · 2 skipped: 1 has no email address, 1 has no consent for it', { exact: true }).waitFor();
    await dialog.getByText('Dot: has no email address').waitFor();
    await dialog.getByText('Eve: no consent for Newsletter').waitFor();
    expect(await dialog.getByLabel('Campaign name').inputValue()).toBe('Spring offer — Boiler');
    await screenshot(page, 'campaign-confirm');

    // Cancel queues nothing and puts focus back on the button that asked.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Queue emails');
    expect((await app.harness.rpc('campaigns.list', {})).items).toEqual([]);

    await queue.click();
    await dialog.getByLabel('Campaign name').fill('Spring offer — boiler owners');
    await dialog.getByRole('button', { name: 'Queue 3 emails' }).click();
    await page.getByText('3 emails queued, 2 contacts skipped').waitFor();
    await page.getByLabel('Campaign Spring offer — boiler owners').waitFor();
    const [campaign] = (await app.harness.rpc('campaigns.list', {})).items;
    expect(campaign).toMatchObject({ name: 'Spring offer — boiler owners', counts: { queued: 3 } });
    expect(campaign!.skipped.map((s) => s.name)).toEqual(['Dot', 'Eve']);
    await screenshot(page, 'campaign-queued');
    assertClean();
  }, 90_000);
});
