// The campaign send gate and opting out without a server (issue #21), against a real SMTP server: a campaign sends
// only to people whose consent for its purpose is 'given' (the preview says who was left out and why); each email
// carries a List-Unsubscribe header and a footer link with the person's token; filing the reply a mail program makes
// from that link withdraws the consent on the ledger, and the next campaign leaves them out.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Purpose } from '../../shared/domain/consent';
import { openTestCore, type TestCore } from '../helpers/core';
import { smtpSettings, useSmtpServer } from '../helpers/smtp';

const smtp = useSmtpServer();
let t: TestCore;
let purposes: Purpose[];
let templateId: string;
const purpose = (key: string) => purposes.find((p) => p.key === key)!;
const outbox = () => t.core.modules.email.outbox;
const ids: Record<string, string> = {};

beforeEach(async () => {
  t = await openTestCore({ start: '2026-03-03T10:00:00.000Z' });
  await t.call('email.settings.update', smtpSettings(smtp.port));
  purposes = (await t.call('consent.purposes.list', {})).items;
  templateId = (await t.call('templates.create', { name: 'Spring offer', subject: 'Spring offer for {{firstName}}', body: 'Hello {{firstName}}' })).id;
  // Ann gave consent on the form, Bea gave it and then withdrew it, Cal never said.
  for (const [name, optIn] of [['Ann', true], ['Bea', true], ['Cal', false]] as const) {
    ids[name] = (await t.call('contacts.create', { firstName: name, tags: ['spring'], emailOptIn: optIn, emails: [{ value: `${name.toLowerCase()}@client.test` }] })).id;
  }
  await t.call('consent.record', { contactId: ids.Bea!, purposeId: purpose('newsletter').id, action: 'withdrawn', source: 'call' });
  t.clock.set('2026-03-10T09:00:00.000Z');
});
afterEach(() => t.destroy());

/** Picks a file "in the open dialog" and files it, as the Timeline's "File an email" does. */
async function fileEml(name: string, text: string) {
  const path = join(t.dataDir, name);
  writeFileSync(path, text.replace(/\n/g, '\r\n'));
  writeFileSync(join(t.dataDir, 'harness-picks.json'), JSON.stringify([path]));
  await t.call('files.pick', { purpose: 'eml' });
  return t.call('emails.importEml', { path });
}

const newsletterState = async (id: string) => (await t.call('consent.history', { contactId: id })).states.find((s) => s.purposeId === purpose('newsletter').id);

describe('a campaign on the newsletter purpose', () => {
  it('goes only to the person who gave consent, with an unsubscribe header and footer; filing their reply withdraws it', async () => {
    const preview = await t.call('campaigns.preview', { templateId, segment: { tag: 'spring' } });
    expect(preview).toMatchObject({ sends: 1, skipped: 2, purposeId: purpose('newsletter').id, purposeName: 'Newsletter' });
    expect(preview.reasons).toEqual(expect.arrayContaining([{ reason: 'noConsent', count: 1 }, { reason: 'withdrawn', count: 1 }]));
    expect(preview.examples.map((s) => [s.name, s.reason])).toEqual([
      ['Bea', 'withdrew consent for Newsletter on 3 Mar 2026'],
      ['Cal', 'no consent for Newsletter'],
    ]);

    const campaign = await t.call('campaigns.create', { templateId, segment: { tag: 'spring' } });
    expect(campaign.counts.queued).toBe(1);
    await outbox().drain();
    expect(smtp.received).toHaveLength(1);
    const [sent] = smtp.received;
    expect(sent!.to).toEqual(['ann@client.test']);
    // The header as sent (unfolded: a long header continues on indented lines).
    const header = /^List-Unsubscribe: <mailto:sam@trader\.test\?subject=unsubscribe%20([0-9a-f]{32})>\r?$/m.exec(sent!.raw.replace(/\r?\n[ \t]+/g, ' '));
    expect(header, sent!.raw.slice(0, 2000)).not.toBeNull();
    const token = header![1]!;
    const link = `mailto:sam@trader.test?subject=unsubscribe%20${token}`;
    expect(sent!.mail.text).toContain(`To stop receiving these emails, reply with the word unsubscribe: ${link}`);
    expect(sent!.mail.html).toContain(`<a href="${link}">`);

    // A reply about something else quotes the footer: it is filed, and withdraws nothing.
    const chat = await fileEml('chat.eml', [
      'From: Ann <ann@client.test>', 'To: Sam Trader <sam@trader.test>', 'Subject: Re: Spring offer for Ann', `In-Reply-To: ${sent!.mail.messageId}`,
      'Message-ID: <chat-1@client.test>', 'Date: Tue, 10 Mar 2026 09:30:00 +0000', '', 'Thanks, see you on Tuesday.', '', '> Hello Ann', `> To stop receiving these emails, reply with the word unsubscribe: ${link}`, '',
    ].join('\n'));
    expect(chat.unsubscribed).toBeUndefined();
    expect((await newsletterState(ids.Ann!))?.status).toBe('given');

    // The message the mail program writes from the link (or its Unsubscribe button): to the user, subject "unsubscribe <token>".
    const reply = await fileEml('unsubscribe.eml', [
      'From: Ann <ann@client.test>', 'To: sam@trader.test', `Subject: unsubscribe ${token}`, 'Message-ID: <unsub-1@client.test>',
      'Date: Tue, 10 Mar 2026 10:00:00 +0000', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', '',
    ].join('\n'));
    expect(reply.unsubscribed).toEqual([{ purposeId: purpose('newsletter').id, purposeName: 'Newsletter' }]);
    expect(reply.activity).toMatchObject({ contactId: ids.Ann, direction: 'inbound' });
    const history = await t.call('consent.history', { contactId: ids.Ann! });
    expect(history.events[0]).toMatchObject({ action: 'withdrawn', source: 'unsubscribe', evidence: '<unsub-1@client.test>', purposeId: purpose('newsletter').id });
    expect((await t.call('contacts.get', { id: ids.Ann! })).emailOptIn).toBe(false);
    expect((await t.call('privacy.log', {})).items.map((e) => e.summary)).toContain('Consent withdrawn: Newsletter (by unsubscribe)');
    // Filed again, it records nothing more.
    await fileEml('unsubscribe-again.eml', ['From: ann@client.test', 'To: sam@trader.test', `Subject: unsubscribe ${token}`, '', ''].join('\n'));
    expect((await t.call('consent.history', { contactId: ids.Ann! })).events.filter((e) => e.source === 'unsubscribe')).toHaveLength(1);

    // The next campaign leaves Ann out too.
    const next = await t.call('campaigns.preview', { templateId, segment: { tag: 'spring' } });
    expect(next).toMatchObject({ sends: 0, skipped: 3 });
    expect(next.reasons).toEqual(expect.arrayContaining([{ reason: 'withdrawn', count: 2 }]));
    expect(next.examples.find((s) => s.name === 'Ann')?.reason).toBe('withdrew consent for Newsletter on 10 Mar 2026');
  });
});

describe('a campaign on another purpose', () => {
  it('sends on the purpose chosen; a reply typed "unsubscribe" above the quoted email withdraws that purpose only', async () => {
    const offers = purpose('offers-email');
    await t.call('consent.record', { contactId: ids.Cal!, purposeId: offers.id, action: 'given', source: 'paper', wording: 'Tick: offers by email' });
    const preview = await t.call('campaigns.preview', { templateId, segment: { tag: 'spring' }, purposeId: offers.id });
    expect(preview).toMatchObject({ sends: 1, skipped: 2, purposeName: 'Offers by email' });
    await t.call('campaigns.create', { templateId, segment: { tag: 'spring' }, purposeId: offers.id });
    await outbox().drain();
    expect(smtp.received.map((r) => r.to[0])).toEqual(['cal@client.test']);
    const footer = /reply with the word unsubscribe: (mailto:\S+)/.exec(smtp.received[0]!.mail.text ?? '')![1]!;

    const reply = await fileEml('reply.eml', [
      'From: Cal <cal@client.test>', 'To: sam@trader.test', 'Subject: Re: Spring offer for Cal', 'Message-ID: <re-2@client.test>', '',
      'Unsubscribe please', '', 'On 10 Mar 2026, Sam Trader wrote:', '> Hello Cal', `> To stop receiving these emails, reply with the word unsubscribe: ${footer}`, '',
    ].join('\n'));
    expect(reply.unsubscribed).toEqual([{ purposeId: offers.id, purposeName: 'Offers by email' }]);
    const states = (await t.call('consent.history', { contactId: ids.Cal! })).states;
    expect(states.find((s) => s.purposeId === offers.id)).toMatchObject({ status: 'withdrawn', source: 'unsubscribe' });
    expect(states.find((s) => s.purposeId === purpose('newsletter').id)?.status).toBe('none');
  });

  it('a reply carrying the token of a record merged away since withdraws the consent of the record it was merged into', async () => {
    await t.call('campaigns.create', { templateId, segment: { tag: 'spring' } });
    await outbox().drain();
    const token = /unsubscribe%20([0-9a-f]{32})/.exec(smtp.received[0]!.mail.text ?? '')![1]!;
    const twin = await t.call('contacts.create', { firstName: 'Ann', emailOptIn: true, emails: [{ value: 'ann@home.test' }] });
    await t.call('contacts.merge', { ids: [twin.id, ids.Ann!], keep: twin.id });
    const reply = await fileEml('late.eml', ['From: ann@elsewhere.test', 'To: sam@trader.test', `Subject: unsubscribe ${token}`, 'Message-ID: <late@elsewhere.test>', '', ''].join('\n'));
    expect(reply.activity.contactId).toBe(twin.id);
    expect(reply.unsubscribed).toHaveLength(1);
    expect((await newsletterState(twin.id))).toMatchObject({ status: 'withdrawn', source: 'unsubscribe' });
    expect((await t.call('contacts.get', { id: twin.id })).emailOptIn).toBe(false);
  });

  it('refuses a purpose that is not for email, and a campaign with no address of the user to unsubscribe to', async () => {
    const phone = await t.fail('campaigns.preview', { templateId, segment: { tag: 'spring' }, purposeId: purpose('offers-phone').id });
    expect(phone.issues).toEqual([{ path: 'purposeId', message: 'Offers by phone is not for email: choose an email purpose' }]);
    expect((await t.fail('campaigns.create', { templateId, segment: { tag: 'spring' }, purposeId: purpose('offers-post').id })).issues?.[0]?.path).toBe('purposeId');
    const fresh = await openTestCore();
    try {
      const template = await fresh.call('templates.create', { name: 'News', subject: 'News', body: 'Hello' });
      expect((await fresh.fail('campaigns.create', { templateId: template.id, segment: {} })).issues?.[0]?.path).toBe('fromAddress');
    } finally {
      fresh.destroy();
    }
  });
});
