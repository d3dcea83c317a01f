// The outbox against a real SMTP server on loopback (smtp-server, STARTTLS on a self-signed certificate,
// AUTH): delivered once with the right headers, retried after outages and 451s, failed on 550 with the
// server's words, paused on 535, filed on the timeline. The worker is driven by hand (drain/tick) and the
// clock is moved instead of sleeping.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_SECRETS_FILE } from '../../electron/harness/platform';
import { openTestCore, type TestCore } from '../helpers/core';
import { SMTP_PASSWORD, smtpSettings, useSmtpServer } from '../helpers/smtp';

const smtp = useSmtpServer();
let t: TestCore;
let ann = '';

beforeEach(async () => {
  t = await openTestCore();
  await t.call('email.settings.update', smtpSettings(smtp.port, { signature: 'Sam Trader\nSam Fixes Things' }));
  ann = (await t.call('contacts.create', { firstName: 'Ann', lastName: 'Lee', emails: [{ value: 'ann@client.test' }], emailOptIn: true })).id;
});
afterEach(() => t.destroy());

const outbox = () => t.core.modules.email.outbox;

describe('settings', () => {
  it('keeps the password only in the secret store and never answers it', async () => {
    const settings = await t.call('email.settings.get', {});
    expect(settings).toMatchObject({ configured: true, host: '127.0.0.1', hasPassword: true, secretStore: { backend: 'test-plaintext', secure: false }, paused: false });
    expect(JSON.stringify(settings)).not.toContain(SMTP_PASSWORD);
    const dbBytes = readFileSync(join(t.dataDir, 'rapport.sqlite'));
    const wal = existsSync(join(t.dataDir, 'rapport.sqlite-wal')) ? readFileSync(join(t.dataDir, 'rapport.sqlite-wal')) : Buffer.alloc(0);
    expect(dbBytes.includes(SMTP_PASSWORD)).toBe(false);
    expect(wal.includes(SMTP_PASSWORD)).toBe(false);
    expect(readFileSync(join(t.dataDir, TEST_SECRETS_FILE), 'utf8')).toContain(SMTP_PASSWORD);
    // Saving without a password keeps it; '' forgets it.
    await t.call('email.settings.update', smtpSettings(smtp.port, { password: undefined }));
    expect((await t.call('email.settings.get', {})).hasPassword).toBe(true);
    await t.call('email.settings.update', smtpSettings(smtp.port, { password: '' }));
    expect((await t.call('email.settings.get', {})).hasPassword).toBe(false);
  });

  it('sends a test email through STARTTLS with AUTH, and reports the server refusing the password', async () => {
    expect(await t.call('email.settings.test', {})).toMatchObject({ ok: true });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['sam@trader.test']);
    await t.call('email.settings.update', smtpSettings(smtp.port, { password: 'wrong' }));
    const error = await t.fail('email.settings.test', {});
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toMatch(/Authentication credentials invalid/);
  });

  it('refuses an untrusted certificate unless the user chose to accept it', async () => {
    await t.call('email.settings.update', smtpSettings(smtp.port, { allowUntrustedCertificate: false }));
    await t.call('emails.send', { to: [{ contactId: ann }], subject: 'Hi', body: 'x' });
    await outbox().drain();
    const [item] = (await t.call('outbox.list', {})).items;
    expect(item).toMatchObject({ status: 'failed' });
    expect(item!.lastError).toMatch(/certificate/);
    expect(smtp.received).toHaveLength(0);
  });
});

describe('outbox', () => {
  it('queues at once, then delivers once with the right headers, body, HTML and signature, and files it on the timeline', async () => {
    const bob = (await t.call('contacts.create', { firstName: 'Bob', emails: [{ value: 'bob@client.test' }] })).id;
    const sent = await t.call('emails.send', {
      to: [{ contactId: ann }, { address: 'other@else.test' }],
      cc: [{ address: 'BOB@client.test' }],
      bcc: [{ address: 'archive@trader.test' }],
      replyTo: 'office@trader.test',
      subject: 'Quote for the kitchen',
      body: 'Hello Ann,\n\nHere is the **quote** <b>not html</b>.\n\n- walnut\n- oak',
    });
    expect(sent.status).toBe('queued');
    expect(smtp.received).toHaveLength(0);
    expect(t.events.some((e) => e.name === 'outbox.changed')).toBe(true);

    await outbox().drain();
    await outbox().drain();
    expect(smtp.received).toHaveLength(1);
    const { mail, to } = smtp.received[0]!;
    expect(to.map((a) => a.toLowerCase()).sort()).toEqual(['ann@client.test', 'archive@trader.test', 'bob@client.test', 'other@else.test']);
    expect(mail.subject).toBe('Quote for the kitchen');
    expect(mail.from?.text).toBe('"Sam Trader" <sam@trader.test>');
    expect(mail.replyTo?.text).toContain('office@trader.test');
    expect(mail.headers.get('bcc')).toBeUndefined();
    const email = await t.call('emails.get', { id: sent.id });
    expect(mail.messageId).toBe(email.messageId);
    expect(mail.text).toContain('Here is the **quote** <b>not html</b>.');
    expect(mail.text).toContain('-- \nSam Trader\nSam Fixes Things');
    expect(mail.html).toContain('<strong>quote</strong> &lt;b&gt;not html&lt;/b&gt;');
    expect(mail.html).toContain('<ul><li>walnut</li><li>oak</li></ul>');
    expect(email).toMatchObject({ status: 'sent', attempts: 1 });

    // Filed on Ann's and Bob's timelines (Bob typed as an address, matched to his contact), searchable.
    for (const contactId of [ann, bob]) {
      const { items } = await t.call('activities.list', { contactId });
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ type: 'email', direction: 'outbound', subject: 'Quote for the kitchen' });
    }
    const hits = await t.call('search.global', { query: 'walnut' });
    expect(hits.items.some((h) => JSON.stringify(h).includes('Quote for the kitchen'))).toBe(true);
  });

  it('waits while the server is down, then delivers exactly once with the same Message-ID', async () => {
    await smtp.down();
    try {
      const { id } = await t.call('emails.send', { to: [{ contactId: ann }], subject: 'Offline', body: 'Sent from the train' });
      await outbox().drain();
      let email = await t.call('emails.get', { id });
      expect(email).toMatchObject({ status: 'waiting', attempts: 1 });
      expect(email.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(email.nextAttemptAt).toBe('2026-11-22T09:01:00.000Z');
      // Not due yet: nothing happens.
      expect(await outbox().tick()).toBe(0);
      t.clock.advance(61_000);
      await outbox().drain();
      email = await t.call('emails.get', { id });
      expect(email).toMatchObject({ status: 'waiting', attempts: 2, nextAttemptAt: '2026-11-22T09:03:01.000Z' });
    } finally {
      await smtp.up();
    }
    t.clock.advance(10 * 60_000);
    await outbox().drain();
    await outbox().drain();
    t.clock.advance(60 * 60_000);
    await outbox().drain();
    expect(smtp.received).toHaveLength(1);
    const email = (await t.call('outbox.list', {})).items[0]!;
    expect(email).toMatchObject({ status: 'sent', attempts: 3 });
    expect(smtp.received[0]!.mail.messageId).toBe((await t.call('emails.get', { id: email.id })).messageId);
    expect((await t.call('activities.list', { contactId: ann })).items).toHaveLength(1);
  });

  it('retries after a 451 and keeps the Message-ID', async () => {
    smtp.state.behaviour = 'tempfail';
    const { id } = await t.call('emails.send', { to: [{ contactId: ann }], subject: 'Greylisted', body: 'x' });
    await outbox().drain();
    const waiting = await t.call('emails.get', { id });
    expect(waiting.status).toBe('waiting');
    expect(waiting.lastError).toMatch(/451.*Greylisted/);
    smtp.state.behaviour = 'accept';
    t.clock.advance(2 * 60_000);
    await outbox().drain();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.mail.messageId).toBe(waiting.messageId);
    expect((await t.call('emails.get', { id })).status).toBe('sent');
  });

  it('fails on 550 with the server\'s words; edited and resent, it goes', async () => {
    const { id } = await t.call('emails.send', { to: [{ address: 'nobody@client.test' }], subject: 'Typo', body: 'x' });
    await outbox().drain();
    t.clock.advance(24 * 3600_000);
    await outbox().drain();
    const failed = await t.call('emails.get', { id });
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toMatch(/550.*User unknown/);
    expect(smtp.received).toHaveLength(0);

    expect(await t.call('outbox.retry', { id, to: [{ contactId: ann }], subject: 'Typo fixed' })).toEqual({ id, status: 'queued' });
    await outbox().drain();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.mail.subject).toBe('Typo fixed');
    expect(smtp.received[0]!.mail.messageId).toBe(failed.messageId);
  });

  it('pauses the whole outbox on 535 until the password is corrected', async () => {
    await t.call('email.settings.update', smtpSettings(smtp.port, { password: 'wrong' }));
    const first = await t.call('emails.send', { to: [{ contactId: ann }], subject: 'One', body: 'x' });
    const second = await t.call('emails.send', { to: [{ contactId: ann }], subject: 'Two', body: 'x' });
    await outbox().drain();
    expect(smtp.state.authAttempts).toBe(1); // paused after the first refusal: no hammering the server
    const list = await t.call('outbox.list', {});
    expect(list.paused).toBe(true);
    expect((await t.call('emails.get', { id: first.id })).status).toBe('paused');
    expect((await t.call('emails.get', { id: second.id })).status).toBe('queued');
    expect((await t.call('email.settings.get', {})).paused).toBe(true);
    t.clock.advance(3600_000);
    expect(await outbox().drain()).toBe(0);

    await t.call('email.settings.update', smtpSettings(smtp.port));
    expect((await t.call('email.settings.get', {})).paused).toBe(false);
    await outbox().drain();
    expect(smtp.received.map((r) => r.mail.subject).sort()).toEqual(['One', 'Two']);
  });

  it('cancels a queued message and dismisses a failed one; a sent one cannot be cancelled', async () => {
    const { id } = await t.call('emails.send', { to: [{ contactId: ann }], subject: 'Never mind', body: 'x' });
    expect(await t.call('outbox.cancel', { id })).toEqual({ id, status: 'cancelled' });
    await outbox().drain();
    expect(smtp.received).toHaveLength(0);
    const sent = await t.call('emails.send', { to: [{ contactId: ann }], subject: 'Gone', body: 'x' });
    await outbox().drain();
    expect((await t.fail('outbox.cancel', { id: sent.id })).code).toBe('CONFLICT');
    expect((await t.fail('outbox.retry', { id: sent.id })).code).toBe('CONFLICT');
  });

  it('sends picked attachments from the copy stored at send time, and refuses files that were not picked', async () => {
    const file = join(t.dataDir, 'quote.txt');
    writeFileSync(file, 'Quote: 1,200 GBP');
    const notPicked = await t.fail('emails.send', { to: [{ contactId: ann }], subject: 'Quote', body: 'x', attachments: [file] });
    expect(notPicked.issues?.[0]?.path).toBe('attachments.0');
    writeFileSync(join(t.dataDir, 'harness-picks.json'), JSON.stringify([file]));
    await t.call('files.pick', { purpose: 'attachment' });
    const { id } = await t.call('emails.send', { to: [{ contactId: ann }], subject: 'Quote', body: 'x', attachments: [file] });
    writeFileSync(file, 'changed after sending');
    await outbox().drain();
    const attachment = smtp.received[0]!.mail.attachments[0]!;
    expect(attachment.filename).toBe('quote.txt');
    expect(attachment.content.toString()).toBe('Quote: 1,200 GBP');
    expect((await t.call('emails.get', { id })).attachments).toEqual([{ filename: 'quote.txt', size: 16 }]);
  });

  it('refuses CR/LF in addresses and subjects, and names a recipient without an address', async () => {
    expect((await t.fail('emails.send', { to: [{ address: 'a@b.test\r\nBcc: x@y.test' }], subject: 'x', body: 'x' })).issues?.[0]?.path).toBe('to.0.address');
    expect((await t.fail('emails.send', { to: [{ contactId: ann }], subject: 'Hi\r\nBcc: x@y.test', body: 'x' })).issues?.[0]?.path).toBe('subject');
    const noEmail = (await t.call('contacts.create', { firstName: 'Nomail' })).id;
    const error = await t.fail('emails.send', { to: [{ contactId: noEmail }], subject: 'x', body: 'x' });
    expect(error.issues).toEqual([{ path: 'to.0.contactId', message: 'Nomail has no email address' }]);
    expect((await t.call('outbox.list', {})).items).toHaveLength(0);
  });
});

describe('templates and merge', () => {
  it('fills merge fields per recipient, names unknown fields and missing values', async () => {
    const acme = (await t.call('companies.create', { name: 'Acme Ltd' })).id;
    await t.call('contacts.update', { id: ann, companyId: acme });
    const template = await t.call('templates.create', { name: 'Thanks', subject: 'Thanks, {{firstName}}', body: 'Dear {{firstName}} at {{company}},\nRegards {{lastName|friend}}' });
    expect(template.fields).toEqual(['firstName', 'company', 'lastName']);
    expect(await t.call('templates.preview', { templateId: template.id, contactId: ann })).toEqual({ subject: 'Thanks, Ann', body: 'Dear Ann at Acme Ltd,\nRegards Lee', to: 'ann@client.test' });

    const unknown = await t.fail('templates.create', { name: 'Bad', subject: 'Hi', body: 'Hi {{nickname}}' });
    expect(unknown.issues?.[0]).toMatchObject({ path: 'body', message: 'Unknown merge field {{nickname}}' });
    const noCompany = (await t.call('contacts.create', { firstName: 'Cy', emails: [{ value: 'cy@x.test' }] })).id;
    const missing = await t.fail('templates.preview', { templateId: template.id, contactId: noCompany });
    expect(missing.issues?.[0]?.path).toBe('contactId');
    expect(missing.issues?.[0]?.message).toMatch(/Cy has no value for \{\{company\}\}/);

    const { id } = await t.call('emails.send', { to: [{ contactId: ann }], subject: template.subject, body: template.body, templateId: template.id });
    await outbox().drain();
    expect(smtp.received[0]!.mail.subject).toBe('Thanks, Ann');
    expect((await t.call('emails.get', { id })).templateId).toBe(template.id);
  });

  it('fills job fields from the job given', async () => {
    const job = await t.call('jobs.create', { title: 'Kitchen refit', contactId: ann, amountMinor: 120000, currency: 'GBP' });
    const preview = await t.call('templates.preview', { subject: 'About {{job.title}}', body: 'Total {{job.amount}}', contactId: ann, jobId: job.id });
    expect(preview).toMatchObject({ subject: 'About Kitchen refit', body: 'Total £1,200.00' });
  });
});

describe('campaigns', () => {
  it('queues one merged message per opted-in contact of the segment, skips and reports the rest, throttled per minute', async () => {
    await t.call('email.settings.update', smtpSettings(smtp.port, { perMinute: 2 }));
    await t.call('contacts.update', { id: ann, tags: ['newsletter'] });
    for (const [name, optIn, email] of [['Bea', true, 'bea@x.test'], ['Cal', true, 'cal@x.test'], ['Dot', false, 'dot@x.test'], ['Eve', true, null]] as const) {
      await t.call('contacts.create', { firstName: name, tags: ['newsletter'], emailOptIn: optIn, ...(email ? { emails: [{ value: email }] } : {}) });
    }
    await t.call('contacts.create', { firstName: 'Fay', emails: [{ value: 'fay@x.test' }], emailOptIn: true }); // not tagged
    const template = await t.call('templates.create', { name: 'News', subject: 'News for {{firstName}}', body: 'Hello {{firstName}}' });
    const campaign = await t.call('campaigns.create', { templateId: template.id, segment: { tag: 'newsletter' } });
    expect(campaign.counts).toEqual({ queued: 3, sent: 0, failed: 0, cancelled: 0 });
    expect(campaign.skipped.map((s) => [s.name, s.reason])).toEqual([['Dot', 'no consent for Newsletter'], ['Eve', 'has no email address']]);

    await outbox().drain();
    expect(smtp.received).toHaveLength(2); // two a minute
    t.clock.advance(61_000);
    await outbox().drain();
    expect(smtp.received.map((r) => `${r.to[0]}: ${r.mail.subject}`).sort()).toEqual(['ann@client.test: News for Ann', 'bea@x.test: News for Bea', 'cal@x.test: News for Cal']);
    expect(smtp.received.every((r) => r.to.length === 1)).toBe(true);
    const done = await t.call('campaigns.get', { id: campaign.id });
    expect(done).toMatchObject({ status: 'done', counts: { queued: 0, sent: 3, failed: 0, cancelled: 0 } });
    expect((await t.call('campaigns.list', {})).items.map((c) => c.id)).toEqual([campaign.id]);
  });

  it('goes to a saved segment, narrowed by a tag, and refuses a segment that does not exist', async () => {
    for (const [name, city, tags] of [['Bea', 'Leeds', ['vip']], ['Cal', 'Leeds', []], ['Dot', 'York', ['vip']]] as const) {
      await t.call('contacts.create', { firstName: name, emailOptIn: true, emails: [{ value: `${name}@x.test` }], addresses: [{ city }], tags: [...tags] });
    }
    const leeds = await t.call('segments.create', { name: 'Leeds', filter: { city: 'Leeds' } });
    const template = await t.call('templates.create', { name: 'Local', subject: 'Hi {{firstName}}', body: 'In town next week' });
    const all = await t.call('campaigns.create', { templateId: template.id, segment: { segmentId: leeds.id } });
    const vip = await t.call('campaigns.create', { templateId: template.id, segment: { segmentId: leeds.id, tag: 'vip' } });
    expect([all.counts.queued, vip.counts.queued]).toEqual([2, 1]);
    expect(await t.fail('campaigns.create', { templateId: template.id, segment: { segmentId: '01a20000-0000-7000-8000-000000000000' } })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('cancels what has not gone yet', async () => {
    await t.call('email.settings.update', smtpSettings(smtp.port, { perMinute: 1 }));
    for (const name of ['Bea', 'Cal']) await t.call('contacts.create', { firstName: name, kind: 'prospect', emailOptIn: true, emails: [{ value: `${name}@x.test` }] });
    const template = await t.call('templates.create', { name: 'Offer', subject: 'Offer', body: 'Hi {{firstName}}' });
    const campaign = await t.call('campaigns.create', { templateId: template.id, segment: { kind: 'prospect' } });
    await outbox().drain();
    const cancelled = await t.call('campaigns.cancel', { id: campaign.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', counts: { queued: 0, sent: 1, cancelled: 1 } });
    t.clock.advance(120_000);
    await outbox().drain();
    expect(smtp.received).toHaveLength(1);
  });
});
