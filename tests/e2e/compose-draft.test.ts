// Compose drafts in Chromium against the real harness and a real SMTP server on loopback: a draft to
// "Siobhan O'Neill" picked by name, left and restored, still sends (to her, filed on her timeline); and a merge
// field she has no value for shows the server's own sentence under To.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { smtpSettings, startSmtp, type TestSmtp } from '../helpers/smtp';
import { screenshot, useApp } from './app-fixture';

let smtp: TestSmtp;
let siobhan = '';
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp?.close();
});
const app = useApp(async ({ harness }) => {
  await harness.rpc('email.settings.update', smtpSettings(smtp.port));
  siobhan = (await harness.rpc('contacts.create', { firstName: 'Siobhan', lastName: "O'Neill", emails: [{ value: 'siobhan@client.test' }] })).id;
  // A real address book: she is not among the first contacts by name, which the recipient field loads unasked.
  for (let i = 1; i <= 25; i++) await harness.rpc('contacts.create', { firstName: 'Aaron', lastName: `Client ${String(i).padStart(2, '0')}`, emails: [{ value: `aaron${i}@client.test` }] });
});

describe('compose drafts', () => {
  test("a draft to Siobhan O'Neill, picked by name, left and restored, sends to her", async () => {
    const { page, assertClean } = await app.open('/email/compose');
    await page.getByRole('heading', { name: 'New email' }).waitFor();
    await page.getByPlaceholder('Type a name or an address').fill('Siob');
    await page.getByRole('option', { name: "Siobhan O'Neill <siobhan@client.test>" }).click();
    await page.getByLabel('Subject').fill('Your new kitchen');
    await page.getByLabel('Message').fill('Hello Siobhan,\n\nThe fitters come on Monday.');
    await page.getByText('Draft saved').waitFor();

    // Leave, and come back by the way a user does: the draft is restored, recipient and all.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Email' }).click();
    await page.getByRole('link', { name: 'New email' }).click();
    await page.getByRole('heading', { name: 'New email' }).waitFor();
    await page.getByText("Siobhan O'Neill <siobhan@client.test>").waitFor();
    expect(await page.getByLabel('Subject').inputValue()).toBe('Your new kitchen');
    await screenshot(page, 'compose-draft-restored');

    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Email queued').waitFor();
    await app.harness.rpc('outbox.sendNow', {});
    await expect.poll(() => smtp.received.length, { timeout: 15_000 }).toBe(1);
    const mail = smtp.received[0]!.mail;
    expect(mail.subject).toBe('Your new kitchen');
    const to = Array.isArray(mail.to) ? mail.to[0]! : mail.to!;
    expect(to.value).toEqual([{ name: "Siobhan O'Neill", address: 'siobhan@client.test' }]);
    // Matched to her contact again by the address: it is on her timeline.
    await expect.poll(async () => (await app.harness.rpc('activities.list', { contactId: siobhan })).items.map((a) => a.subject)).toContain('Your new kitchen');
    await expect.poll(() => page.evaluate(() => window.localStorage.getItem('rapport.emailDraft.new'))).toBeNull();
    smtp.received.length = 0;
    assertClean();
  }, 60_000);

  test('a merge field she has no value for shows the server\'s sentence under To, and nothing is queued', async () => {
    const { page, assertClean } = await app.open(`/email/compose/${siobhan}`);
    await page.getByText("Siobhan O'Neill <siobhan@client.test>").waitFor();
    await page.getByLabel('Subject').fill('Your quote');
    await page.getByLabel('Message').fill('Hello {{firstName}} at {{company}},');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText("Siobhan O'Neill has no value for {{company}}: fill it in, or write {{company|fallback}}").waitFor();
    await screenshot(page, 'compose-merge-error');
    const text = await page.locator('body').innerText();
    for (const raw of ['VALIDATION', 'to.0', 'Not a valid value', 'Too big', 'expected']) expect(text).not.toContain(raw);
    expect((await app.harness.rpc('outbox.list', {})).items.some((i) => i.subject === 'Your quote')).toBe(false);
    assertClean();
  }, 60_000);
});
