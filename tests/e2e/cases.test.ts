// Customer service cases in Chromium against the real harness and a real SMTP server on loopback (issue #22): a
// warranty call logged on a contact becomes a case ("Make a case"); a reply with rating links goes out from the case;
// the customer's answer (an .eml whose In-Reply-To is the sent message's id, laid out like a real Thunderbird reply
// from tests/fixtures/case-replies/) is filed and lands on the case's timeline; Waiting on customer pauses the clock;
// Resolved; the rating email is filed and the rating shows on the case. Screenshots of the case and the list.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import { smtpSettings, startSmtp, type TestSmtp } from '../helpers/smtp';
import { screenshot, useApp } from './app-fixture';

let smtp: TestSmtp;
let contactId: string;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp?.close();
});
const app = useApp(async ({ harness }) => {
  await harness.rpc('email.settings.update', smtpSettings(smtp.port));
  contactId = (await harness.rpc('contacts.create', { firstName: 'Ann', lastName: 'Lee', emails: [{ value: 'ann@client.test' }] })).id;
  await harness.rpc('activities.create', { contactId, type: 'call', direction: 'inbound', subject: 'Dishwasher leaking', notes: 'Bought in March, leaks from the door seal. Under warranty.' });
});

/** A reply as Thunderbird lays it out (tests/fixtures/case-replies/talon-thunderbird.eml), addressed to our message. */
function customerEml(name: string, headers: { subject: string; inReplyTo?: string }, body: string): string {
  const lines = [
    'MIME-Version: 1.0',
    `Message-Id: <${name}.${Date.now()}@client.test>`,
    // Date headers have whole seconds: the next one, so the answer sorts after our reply sent moments ago.
    `Date: ${new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000).toUTCString().replace('GMT', '+0000')}`,
    'From: Ann Lee <ann@client.test>',
    'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:91.0) Gecko/20100101 Thunderbird/91.13.0',
    `To: ${smtpSettings(smtp.port).fromName} <${smtpSettings(smtp.port).fromAddress}>`,
    `Subject: ${headers.subject}`,
    ...(headers.inReplyTo ? [`In-Reply-To: ${headers.inReplyTo}`, `References: ${headers.inReplyTo}`] : []),
    'Content-Type: text/plain; charset="us-ascii"; format="flowed"',
    'Content-Transfer-Encoding: 7bit',
    '',
    body,
    '',
  ];
  const path = join(app.harness.dataDir, `${name}.eml`);
  writeFileSync(path, lines.join('\r\n'));
  // The harness answers the next file dialog from this file.
  writeFileSync(join(app.harness.dataDir, HARNESS_PICKS_FILE), JSON.stringify([path]));
  return path;
}

describe('cases', () => {
  test('a warranty call becomes a case, is answered, waits, is resolved and rated by email', async () => {
    const { page, assertClean } = await app.open(`/contacts/${contactId}`);
    // 1. Make a case of the logged call.
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('button', { name: 'Make a case of call “Dishwasher leaking”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a case' });
    await expect.poll(() => dialog.getByLabel('Subject').inputValue()).toBe('Dishwasher leaking');
    await dialog.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Warranty' }).click();
    await dialog.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { name: 'C-0001 · Dishwasher leaking', level: 1 }).waitFor();
    await page.getByText('Case C-0001 created').waitFor();
    expect(await page.getByRole('combobox', { name: 'Type' }).inputValue()).toBe('Warranty');
    const caseTimeline = page.getByRole('region', { name: 'Case timeline' });
    await caseTimeline.getByText('Bought in March, leaks from the door seal.', { exact: false }).first().waitFor();
    const caseId = page.url().split('/cases/')[1]!;

    // 2. Reply with rating links; it goes out through the outbox to the real server.
    const reply = page.getByRole('form', { name: 'Reply' });
    await reply.getByLabel('Message').fill('Hello Ann,\n\nA new door seal is on its way; it is covered by the warranty.');
    await reply.getByLabel('Add rating links').check();
    await reply.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('Reply queued in the outbox').waitFor();
    await caseTimeline.getByRole('listitem', { name: 'Reply sent' }).waitFor();
    // The outbox sends at once when the server is up; Send now covers a retry wait.
    await app.harness.rpc('outbox.sendNow', {});
    await expect.poll(() => smtp.received.filter((r) => r.mail.subject?.includes('[C-0001]')).length, { timeout: 15_000 }).toBe(1);
    const sent = smtp.received.find((r) => r.mail.subject?.includes('[C-0001]'))!.mail;
    expect(sent.subject).toContain('[C-0001]');
    expect(sent.text).toContain('mailto:');
    expect(sent.text).toContain('subject=%5BC-0001%5D%20Rating%205');
    const messageId = sent.messageId!;
    expect(messageId).toMatch(/^<.+@.+>$/);

    // 3. The customer's answer, filed from the contact page, lands on the case.
    // Mail programs do not stack a second Re: on a subject that already has one.
    customerEml('answer', { subject: /^re:/i.test(sent.subject!) ? sent.subject! : `Re: ${sent.subject!}`, inReplyTo: messageId }, 'Thanks! When will it arrive?\n\nOn 06/12/2026 Sam Trader wrote:\n> Hello Ann,');
    await page.getByRole('link', { name: 'Ann Lee' }).first().click();
    await page.getByRole('heading', { name: 'Ann Lee', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'File received email' }).click();
    await page.getByText('Filed on case C-0001').waitFor();
    await page.getByRole('button', { name: 'Open C-0001' }).click();
    await page.getByRole('heading', { name: 'C-0001 · Dishwasher leaking', level: 1 }).waitFor();
    await caseTimeline.getByRole('listitem', { name: 'Email received' }).getByText('When will it arrive?', { exact: false }).waitFor();

    // 4. Waiting on customer pauses the clock; then Resolved.
    await page.getByRole('button', { name: /^Status: / }).click();
    await page.getByRole('menuitem', { name: 'Waiting on customer' }).click();
    const waiting = page.getByRole('dialog', { name: 'Waiting on customer' });
    await waiting.getByRole('button', { name: 'Set to Waiting on customer' }).click();
    await page.getByRole('button', { name: 'Status: Waiting on customer' }).waitFor();
    const targets = page.getByRole('region', { name: 'Targets' });
    await targets.getByText('Paused').first().waitFor();
    expect((await app.harness.rpc('cases.get', { id: caseId })).case.paused).toBe(true);
    await page.getByRole('button', { name: /^Status: / }).click();
    await page.getByRole('menuitem', { name: 'Resolved' }).click();
    await page.getByRole('button', { name: 'Status: Resolved' }).waitFor();
    await caseTimeline.getByRole('listitem', { name: 'Status: Resolved' }).waitFor();

    // 5. The rating link's email, filed, records the rating on the case.
    customerEml('rating', { subject: '[C-0001] Rating 5' }, 'Comment: Fixed in two days, thank you!');
    await page.getByRole('link', { name: 'Ann Lee' }).first().click();
    await page.getByRole('heading', { name: 'Ann Lee', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'File received email' }).click();
    await page.getByText('Rating recorded on C-0001').waitFor();
    await page.getByRole('button', { name: 'Open C-0001' }).click();
    // In the key facts (stars and the customer's comment) and on the timeline.
    await page.getByText('★★★★★ “Fixed in two days, thank you!”').waitFor();
    await caseTimeline.getByRole('listitem', { name: 'Rated 5 of 5' }).getByText('Fixed in two days, thank you!').waitFor();
    const detail = await app.harness.rpc('cases.get', { id: caseId });
    expect(detail.case.rating).toMatchObject({ score: 5, source: 'email' });
    expect(detail.case.category).toBe('resolved');
    await screenshot(page, 'case-page');
    await caseTimeline.scrollIntoViewIfNeeded();
    await screenshot(page, 'case-timeline');

    // 6. The list: the resolved case under Resolved, with its status.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('heading', { name: 'Nothing here' }).waitFor();
    await page.getByRole('radiogroup', { name: 'Show' }).getByText('Resolved', { exact: true }).click();
    const row = page.getByRole('table', { name: 'Cases' }).getByRole('row').filter({ hasText: 'C-0001' });
    await row.getByText('Dishwasher leaking').waitFor();
    await row.getByText('Resolved').waitFor();
    await screenshot(page, 'cases-list');
    assertClean();
  }, 120_000);

  test('service settings say what is wrong beside the field, save hours and targets; the report shows the case', async () => {
    const { page, assertClean } = await app.open('/cases');
    await page.getByRole('link', { name: 'Service settings' }).click();
    await page.getByRole('heading', { name: 'Customer service settings' }).waitFor();
    const hours = page.getByRole('form', { name: 'Business hours' });
    await hours.getByLabel('Monday until').fill('08:00');
    await hours.getByRole('button', { name: 'Save business hours' }).click();
    await hours.getByText('The end (08:00) must be later than the start (09:00) on the same day').waitFor();
    await hours.getByLabel('Monday until').fill('12:00');
    await hours.getByRole('button', { name: 'Add hours on Monday' }).click();
    await hours.getByRole('button', { name: 'Save business hours' }).click();
    await page.getByText('Business hours saved; due times follow them').waitFor();
    expect((await app.harness.rpc('service.calendar.get', {})).hours.monday).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
    await screenshot(page, 'service-settings-hours');

    await page.getByRole('tab', { name: 'Targets' }).click();
    const targets = page.getByRole('form', { name: 'Targets' });
    await targets.getByLabel('Urgent first response, hours').fill('2');
    await targets.getByRole('button', { name: 'Save targets' }).click();
    await page.getByText('Targets saved; open cases’ due times follow them').waitFor();
    expect((await app.harness.rpc('service.targets.get', {})).byPriority.urgent.responseMinutes).toBe(120);

    await page.goto(`${app.harness.url}#/reports/service`);
    await page.getByRole('heading', { name: 'Service report' }).waitFor();
    await page.getByText('1 case opened').waitFor();
    await page.getByRole('table', { name: 'Cases per client' }).getByRole('link', { name: 'Ann Lee' }).waitFor();
    await screenshot(page, 'service-report');
    assertClean();
  }, 90_000);
});
