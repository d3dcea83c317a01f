// Email in Chromium against the real harness and a real SMTP server on loopback: write to a contact from
// their page, see the message wait in the outbox while the server answers 451, send it now, see it sent,
// received once by the server, and filed on the contact's timeline. Plus settings and the empty outbox, and a
// message the server stored but never confirmed: "may have been sent", marked as sent or sent again by the user.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import { smtpSettings, startSmtp, type TestSmtp } from '../helpers/smtp';
import { screenshot, useApp } from './app-fixture';

let smtp: TestSmtp;
let contactId: string;
// Registered before useApp: the mail server starts before the app and stops after it.
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp?.close();
});
const app = useApp(async ({ harness }) => {
  contactId = (await harness.rpc('contacts.create', { firstName: 'Ann', lastName: 'Lee', emails: [{ value: 'ann@client.test' }] })).id;
});

describe('email', () => {
  test('a new user sees how to set up email, and saves the account (the password never comes back)', async () => {
    const { page, assertClean } = await app.open('/email');
    await page.getByRole('heading', { name: 'No email yet' }).waitFor();
    await page.getByText('Set up your mail server to send').waitFor();
    await page.getByRole('tab', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: 'Email settings' });
    await form.getByText('Your password cannot be stored securely on this system').waitFor();
    const settings = smtpSettings(smtp.port);
    await form.getByLabel('Mail server (SMTP)').fill(settings.host);
    await form.getByLabel('Port').fill(String(settings.port));
    await form.getByLabel('User name').fill(settings.username);
    await form.getByLabel('Password', { exact: true }).fill(settings.password);
    await form.getByLabel('Your name').fill(settings.fromName);
    await form.getByLabel('From address').fill(settings.fromAddress);
    await form.getByLabel("Accept the server's certificate even if it is not trusted (only for your own office server)").check();
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Email settings saved').waitFor();
    await expect.poll(async () => (await app.harness.rpc('email.settings.get', {})).hasPassword).toBe(true);
    expect(await form.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    await screenshot(page, 'email-settings');
    // From the keyboard (the saved notification sits over the button for a few seconds).
    await form.getByRole('button', { name: 'Send test email' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('A test email was sent to sam@trader.test').waitFor();
    expect(smtp.received).toHaveLength(1);
    smtp.received.length = 0;
    assertClean();
  }, 60_000);

  test('compose to a contact, see it wait in the outbox, send now, see it delivered and on the timeline', async () => {
    smtp.state.behaviour = 'tempfail';
    const { page, assertClean } = await app.open(`/contacts/${contactId}`);
    await page.getByRole('link', { name: 'Write email' }).click();
    await page.getByRole('heading', { name: 'New email' }).waitFor();
    await page.getByText('Ann Lee <ann@client.test>').waitFor();
    await page.getByLabel('Subject').fill('Kitchen quote');
    await page.getByLabel('Message').fill('Hello {{firstName}},\n\nThe **walnut** worktop comes to £1,200.\n\n- fitting\n- removal');
    await page.getByText('Draft saved').waitFor();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: 'Ann Lee', level: 1 }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Email' }).click();
    const outbox = page.getByRole('table', { name: 'Outbox' });
    const row = outbox.getByRole('row').filter({ hasText: 'Kitchen quote' });
    await row.getByText('Waiting to retry').waitFor();
    await row.getByText(/Greylisted/).waitFor();
    await screenshot(page, 'email-outbox-waiting');

    smtp.state.behaviour = 'accept';
    await page.getByRole('button', { name: 'Send now' }).click();
    await row.getByText('Sent', { exact: true }).waitFor();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.mail.subject).toBe('Kitchen quote');
    expect(smtp.received[0]!.mail.text).toContain('Hello Ann,');
    expect(smtp.received[0]!.mail.html).toContain('<strong>walnut</strong>');
    await screenshot(page, 'email-outbox-sent');

    await page.goto(`${app.harness.url}#/contacts/${contactId}`);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Kitchen quote').first().waitFor();
    await screenshot(page, 'email-on-timeline');
    assertClean();
  }, 90_000);

  test('attaches a document kept with the contact, found by name, and the server receives its bytes', async () => {
    for (const [name, text] of [['Kitchen quote.txt', 'Walnut worktop: 1,200'], ['Site photo notes.txt', 'north wall']] as const) {
      const path = join(app.harness.dataDir, name);
      writeFileSync(path, text);
      // Chosen in the (harness's) open dialog first: only picked files may be attached.
      writeFileSync(join(app.harness.dataDir, HARNESS_PICKS_FILE), JSON.stringify([path]));
      await app.harness.rpc('files.pick', { purpose: 'document' });
      await app.harness.rpc('documents.attach', { path, contactId });
    }
    smtp.state.behaviour = 'accept';
    smtp.received.length = 0;
    const { page, assertClean } = await app.open(`/email/compose/${contactId}`);
    await page.getByText('Ann Lee <ann@client.test>').waitFor();
    await page.getByLabel('Subject').fill('Your quote');
    await page.getByRole('button', { name: 'Attach document' }).click();
    const dialog = page.getByRole('dialog', { name: 'Attach a document' });
    await dialog.getByText('Site photo notes.txt').waitFor();
    await dialog.getByLabel('Search').fill('kitchen');
    await dialog.getByText('Site photo notes.txt').waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Attach Kitchen quote.txt' }).click();
    await dialog.getByText('Attached').waitFor();
    await screenshot(page, 'email-attach-document');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Remove Kitchen quote.txt' }).waitFor();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: 'Ann Lee', level: 1 }).waitFor();
    await app.harness.rpc('outbox.sendNow', {});
    await expect.poll(() => smtp.received.length).toBe(1);
    const [attachment] = smtp.received[0]!.mail.attachments;
    expect(attachment?.filename).toBe('Kitchen quote.txt');
    expect(attachment?.content.toString('utf8')).toBe('Walnut worktop: 1,200');
    assertClean();
  }, 60_000);

  test('a received .eml picked on the contact page is filed on their timeline', async () => {
    const eml = join(app.harness.dataDir, 'reply.eml');
    copyFileSync(join(process.cwd(), 'tests/fixtures/email/received.eml'), eml);
    // The harness answers the next file dialog from this file.
    writeFileSync(join(app.harness.dataDir, HARNESS_PICKS_FILE), JSON.stringify([eml]));
    const { page, assertClean } = await app.open(`/contacts/${contactId}`);
    await page.getByRole('button', { name: 'File received email' }).click();
    await page.getByText('Filed “Re: Kitchen quote - walnut worktop” on the timeline').waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Re: Kitchen quote - walnut worktop').waitFor();
    await timeline.getByText(/floor plan\.pdf/).waitFor();
    await screenshot(page, 'email-eml-filed');
    assertClean();
  }, 60_000);

  test('a campaign to a tag queues one email per opted-in contact and lists who was skipped', async () => {
    await app.harness.rpc('contacts.create', { firstName: 'Bea', tags: ['newsletter'], emailOptIn: true, emails: [{ value: 'bea@client.test' }] });
    await app.harness.rpc('contacts.create', { firstName: 'Dot', tags: ['newsletter'], emailOptIn: false, emails: [{ value: 'dot@client.test' }] });
    await app.harness.rpc('templates.create', { name: 'Winter offer', subject: 'Winter offer for {{firstName}}', body: 'Hello {{firstName}}' });
    smtp.received.length = 0;
    const { page, assertClean } = await app.open('/email/campaigns');
    await page.getByRole('combobox', { name: 'Template' }).click();
    await page.getByRole('option', { name: 'Winter offer' }).click();
    await page.getByRole('combobox', { name: 'Contacts tagged' }).click();
    await page.getByRole('option', { name: 'newsletter' }).click();
    await page.getByRole('button', { name: 'Queue emails' }).click();
    // Issue #18: a confirmation says who gets it and who is skipped before anything is queued.
    await page.getByRole('dialog', { name: 'Queue this campaign?' }).getByRole('button', { name: 'Queue 1 email' }).click();
    const card = page.getByLabel(/^Campaign Winter offer/);
    await card.getByText('Dot: no consent for Newsletter').waitFor();
    await expect.poll(() => smtp.received.map((r) => r.mail.subject)).toEqual(['Winter offer for Bea']);
    await card.getByText('done').waitFor();
    await screenshot(page, 'email-campaign');
    assertClean();
  }, 60_000);

  test('a message the server stored but never confirmed says so, with its last answer, and the user decides', async () => {
    await app.harness.rpc('email.settings.update', smtpSettings(smtp.port));
    smtp.received.length = 0;
    smtp.state.behaviour = 'drop';
    for (const subject of ['Deposit invoice', 'Final invoice']) await app.harness.rpc('emails.send', { to: [{ contactId }], subject, body: 'Attached.' });
    await app.harness.rpc('outbox.sendNow', {});
    await expect.poll(() => smtp.received.length).toBe(2);
    const { page, assertClean } = await app.open('/email');
    const outbox = page.getByRole('table', { name: 'Outbox' });
    const deposit = outbox.getByRole('row').filter({ hasText: 'Deposit invoice' });
    const final = outbox.getByRole('row').filter({ hasText: 'Final invoice' });
    await deposit.getByText('May have been sent').waitFor();
    await deposit.getByText(/lost after the whole message was handed over.*last answer was "354/).waitFor();
    await screenshot(page, 'email-outbox-uncertain');
    smtp.state.behaviour = 'accept';

    await deposit.getByRole('button', { name: 'Mark as sent' }).click();
    await deposit.getByText('Sent', { exact: true }).waitFor();
    await final.getByRole('button', { name: 'Send again' }).click();
    await final.getByText('Sent', { exact: true }).waitFor();
    // Marked: nothing more went; sent again: once more, by the user's choice.
    expect(smtp.received.map((r) => r.mail.subject)).toEqual(['Deposit invoice', 'Final invoice', 'Final invoice']);
    assertClean();
  }, 60_000);
});
