// Issue #22 item 8: a reply from a case goes through the real outbox to a real SMTP server (loopback, STARTTLS),
// once, with "[C-0001]" in its subject once, In-Reply-To and References to the case's thread, {{case.*}} merge
// fields filled, rating links on request; the customer's real (Gmail) answer to it files back onto the case.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCalendar } from '../../electron/db/service.repo';
import { openTestCore, type TestCore } from '../helpers/core';
import { pickPaths } from '../helpers/picks';
import { smtpSettings, useSmtpServer } from '../helpers/smtp';

const smtp = useSmtpServer();
const derived = join(process.cwd(), 'tests/fixtures/case-replies/derived');
let t: TestCore;
let megan = '';
let caseId = '';

beforeEach(async () => {
  // Monday 09:00 UTC, working hours Mon–Fri 09–17 UTC: the same figures on any machine.
  t = await openTestCore({ start: '2026-11-23T09:00:00.000Z' });
  const hours = { start: '09:00', end: '17:00' };
  await saveCalendar(t.core.store.db, { timeZone: 'UTC', hours: { monday: [hours], tuesday: [hours], wednesday: [hours], thursday: [hours], friday: [hours], saturday: [], sunday: [] }, holidays: [] });
  await t.call('email.settings.update', smtpSettings(smtp.port, { signature: 'Sam Trader' }));
  // The Gmail fixture's own sender, so the real reply is from the customer as written.
  megan = (await t.call('contacts.create', { firstName: 'Megan', lastName: 'One', emails: [{ value: 'xxx@gmail.com' }] })).id;
  caseId = (await t.call('cases.create', { contactId: megan, subject: 'Test', channel: 'email' })).case.id;
});
afterEach(() => t.destroy());

const outbox = () => t.core.modules.email.outbox;
const ids = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? v.split(/\s+/) : []);

/** Files a derived fixture as the Timeline's "File an email" does, with its placeholders filled. */
async function fileDerived(name: string, fill: Record<string, string>) {
  let text = readFileSync(join(derived, name), 'latin1');
  for (const [key, value] of Object.entries(fill)) text = text.replaceAll(`@@${key}@@`, value);
  const path = join(t.dataDir, name);
  writeFileSync(path, text, 'latin1');
  await pickPaths(t, [path], 'eml');
  return t.call('emails.importEml', { path });
}

describe('cases.reply', () => {
  it('delivers the reply once with the token and threads the customer\u2019s real answer and the next reply', async () => {
    const first = await t.call('cases.reply', { id: caseId, body: 'Hello {{firstName}}, about {{case.subject}} ({{case.number}}).', minutesSpent: 10 });
    expect(first.entries.filter((e) => e.kind === 'reply')).toHaveLength(1);
    expect(first.case.firstResponseAt).not.toBeNull();
    await outbox().drain();
    await outbox().drain();
    expect(smtp.received).toHaveLength(1);
    const sent = smtp.received[0]!.mail;
    expect(sent.subject).toBe('Re: Test [C-0001]');
    expect(sent.text).toContain('Hello Megan, about Test (C-0001).');
    expect(smtp.received[0]!.to).toEqual(['xxx@gmail.com']);
    // The first message of a thread answers nothing.
    expect(sent.inReplyTo).toBeUndefined();
    const ourId = sent.messageId!.replace(/^<|>$/g, '');

    // Gmail's answer (talon fixture, In-Reply-To/References pointing at our message) files by its headers.
    const filed = await fileDerived('gmail-re-by-references.eml', { REPLY_ID: ourId, DATE: 'Mon, 23 Nov 2026 10:30:00 +0000' });
    expect(filed.case).toEqual({ id: caseId, label: 'C-0001', how: 'attached', previousLabel: null });
    t.clock.set('2026-11-23T11:00:00.000Z');

    const second = await t.call('cases.reply', { id: caseId, subject: 'Re: Re: Test [C-0001]', body: 'Fixed?', askRating: true, minutesSpent: 5 });
    await outbox().drain();
    expect(smtp.received).toHaveLength(2);
    const next = smtp.received[1]!.mail;
    // The token once, never "Re: Re:", whatever the user typed.
    expect(next.subject).toBe('Re: Test [C-0001]');
    expect(next.inReplyTo).toBe('<CAKsfaBW4hj0Gek6TwbR3erng4P1y0CZzJ0d=pXtCNnYnbe7PLg@mail.gmail.com>');
    expect(ids(next.references)).toEqual([`<${ourId}>`, '<CAKsfaBW4hj0Gek6TwbR3erng4P1y0CZzJ0d=pXtCNnYnbe7PLg@mail.gmail.com>']);
    // Five rating links to the user's own address, each with its score in the subject.
    for (const score of [1, 2, 3, 4, 5]) expect(next.text).toContain(`mailto:sam@trader.test?subject=${encodeURIComponent(`[C-0001] Rating ${score}`)}&body=`);
    expect(next.html).toContain('href="mailto:sam@trader.test?subject=%5BC-0001%5D%20Rating%205');

    expect(second.entries.map((e) => [e.kind, e.direction])).toEqual([
      ['created', null],
      ['reply', 'outbound'],
      ['message', 'inbound'],
      ['reply', 'outbound'],
    ]);
    expect(second.entries.filter((e) => e.kind === 'reply').every((e) => e.emailId !== null)).toBe(true);
    // Once delivered, each reply is on the contact's timeline too, and its case entry points there.
    const replies = (await t.call('cases.get', { id: caseId })).entries.filter((e) => e.kind === 'reply');
    expect(replies.every((e) => e.activityId !== null)).toBe(true);
    expect(second.case.timeSpentMinutes).toBe(15);
    const items = (await t.call('outbox.list', {})).items;
    expect(items.map((i) => i.status)).toEqual(['sent', 'sent']);
  });

  it('fills {{case.*}} from a reply template and moves the case to the chosen status after queueing', async () => {
    const template = await t.call('templates.create', {
      name: 'Case update',
      subject: 'About {{case.subject}}',
      body: 'Dear {{firstName}}, your {{case.type}} {{case.number}} is {{case.status}} ({{case.priority}} priority).',
    });
    const waiting = (await t.call('cases.statuses.list', {})).statuses.find((s) => s.key === 'waitingCustomer')!;
    const detail = await t.call('cases.reply', { id: caseId, templateId: template.id, statusId: waiting.id });
    expect(detail.case.category).toBe('waiting');
    await outbox().drain();
    expect(smtp.received[0]!.mail.subject).toBe('Re: About Test [C-0001]');
    // Filled when queued: the status is the one the case had then.
    expect(smtp.received[0]!.mail.text).toContain('Dear Megan, your Question C-0001 is New (Normal priority).');
  });

  it('names the case when its contact has no email address, and queues nothing', async () => {
    const noMail = (await t.call('contacts.create', { firstName: 'Paper', lastName: 'Only' })).id;
    const other = (await t.call('cases.create', { contactId: noMail, subject: 'Letter' })).case.id;
    const error = await t.fail('cases.reply', { id: other, body: 'Hi' });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues?.[0]).toEqual({ path: 'id', message: 'Paper Only has no email address: add one on their page to reply by email' });
    expect((await t.call('outbox.list', {})).items).toHaveLength(0);
    expect((await t.call('cases.get', { id: other })).entries.map((e) => e.kind)).toEqual(['created']);
  });

  it('refuses an empty reply and an unknown status in the app\u2019s words, queueing nothing', async () => {
    const error = await t.fail('cases.reply', { id: caseId, body: '   ' });
    expect(error.issues?.[0]).toEqual({ path: 'body', message: 'Write the reply, or choose a reply template' });
    // A status that does not exist is refused before the reply is queued, not after it went.
    const noStatus = await t.fail('cases.reply', { id: caseId, body: 'Hi', statusId: '00000000-0000-4000-8000-000000000000' });
    expect(noStatus.issues?.[0]?.path).toBe('statusId');
    expect((await t.call('outbox.list', {})).items).toHaveLength(0);
  });
});
