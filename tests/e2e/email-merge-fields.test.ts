// The compose screen's merge-field list in Chromium (issue #19): it offers the contacts' own fields beside the
// built-in ones, a click puts {{custom.gateCode}} where the cursor is, and the queued email carries her value.
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

let ann = '';
const app = useApp(async ({ harness }) => {
  await harness.rpc('fields.create', { recordType: 'contact', label: 'Gate code', type: 'text' });
  ann = (await harness.rpc('contacts.create', { firstName: 'Ann', lastName: 'Lee', emails: [{ value: 'ann@client.test' }], custom: { gateCode: '4417#' } })).id;
});

describe('merge fields on the compose screen', () => {
  test('offers Gate code, inserts {{custom.gateCode}}, and the email goes out with her code', async () => {
    const { page, assertClean } = await app.open(`/email/compose/${ann}`);
    await page.getByText('Ann Lee <ann@client.test>').waitFor();
    await page.getByLabel('Subject').fill('Your visit');
    const message = page.getByLabel('Message');
    await message.fill('The gate code we have is ');
    const fields = page.getByRole('group', { name: 'Merge fields' });
    await fields.getByRole('button', { name: 'First name' }).waitFor();
    await fields.getByRole('button', { name: 'Gate code' }).click();
    await expect.poll(() => message.inputValue()).toBe('The gate code we have is {{custom.gateCode}}');
    await screenshot(page, 'compose-merge-fields');

    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Email queued').waitFor();
    const queued = (await app.harness.rpc('outbox.list', {})).items;
    expect(queued).toHaveLength(1);
    const email = await app.harness.rpc('emails.get', { id: queued[0]!.id });
    expect(email.body).toContain('The gate code we have is 4417#');
    assertClean();
  }, 60_000);
});
