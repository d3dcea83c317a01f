// {{custom.<key>}} merge fields (issue #19) through the real merge paths: a template checks the key against the
// contact fields when saved, preview and a single email fill the contact's value as text, a campaign fills it per
// person and skips whoever has none, and what reaches a real SMTP server on loopback carries the value.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCustom } from '../../electron/core/fields/record-custom';
import { openTestCore, type TestCore } from '../helpers/core';
import { smtpSettings, useSmtpServer } from '../helpers/smtp';

const smtp = useSmtpServer();
let t: TestCore;
let ann = '';
let bob = '';

beforeEach(async () => {
  t = await openTestCore();
  await t.call('email.settings.update', smtpSettings(smtp.port));
  await t.call('fields.create', { recordType: 'contact', label: 'Gate code', type: 'text' });
  await t.call('fields.create', { recordType: 'contact', label: 'Boiler serviced', type: 'boolean' });
  const budget = await t.call('fields.create', { recordType: 'contact', label: 'Budget 2', type: 'money', currency: 'GBP' });
  expect(budget.key).toBe('budget2');
  ann = (await t.call('contacts.create', { firstName: 'Ann', emails: [{ value: 'ann@client.test' }], emailOptIn: true, tags: ['gate'] })).id;
  // Written the way contacts.create and contacts.update write them (their own tests cover those channels).
  await t.core.store.db.transaction().execute((trx) => saveCustom(trx, 'contact', ann, { gateCode: '4417#', boilerServiced: true, budget2: 125_050 }, { partial: true }));
  bob = (await t.call('contacts.create', { firstName: 'Bob', emails: [{ value: 'bob@client.test' }], emailOptIn: true, tags: ['gate'] })).id;
});
afterEach(() => t.destroy());

const outbox = () => t.core.modules.email.outbox;

describe('templates', () => {
  it('accepts a known custom field and refuses an unknown one the way it refuses any unknown field', async () => {
    const ok = await t.call('templates.create', { name: 'Gate', subject: 'Your visit', body: 'Code {{custom.gateCode}}, budget {{custom.budget2}}' });
    expect(ok.fields).toEqual(['custom.gateCode', 'custom.budget2']);
    const refused = await t.fail('templates.create', { name: 'Bad', subject: 'Hi', body: 'Shoe size {{custom.shoeSize}}' });
    expect(refused).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'body', message: 'Unknown merge field {{custom.shoeSize}}' }] });
    expect((await t.fail('templates.update', { id: ok.id, subject: '{{custom.nope}}' })).issues).toEqual([{ path: 'subject', message: 'Unknown merge field {{custom.nope}}' }]);
    // A company's field is not a contact's: merge fields are the recipient's.
    await t.call('fields.create', { recordType: 'company', label: 'Vat number', type: 'text' });
    expect((await t.fail('templates.create', { name: 'Vat', subject: 'Hi', body: '{{custom.vatNumber}}' })).issues?.[0]?.path).toBe('body');
  });

  it('previews the value as text for one contact, and names the field another has no value for', async () => {
    const preview = await t.call('templates.preview', { subject: 'Code {{custom.gateCode}}', body: 'Serviced: {{custom.boilerServiced}}. Budget {{custom.budget2}}.', contactId: ann });
    expect(preview).toMatchObject({ subject: 'Code 4417#', body: 'Serviced: Yes. Budget 1250.50.' });
    const missing = await t.fail('templates.preview', { subject: 'Code {{custom.gateCode}}', body: 'x', contactId: bob });
    expect(missing.issues).toEqual([{ path: 'contactId', message: 'Bob has no value for {{custom.gateCode}}: fill it in, or write {{custom.gateCode|fallback}}' }]);
    expect((await t.call('templates.preview', { subject: 'Code {{custom.gateCode|on request}}', body: 'x', contactId: bob })).subject).toBe('Code on request');
  });
});

describe('sending', () => {
  it('fills a single email for its contact and refuses an unknown custom field by its place', async () => {
    const { id } = await t.call('emails.send', { to: [{ contactId: ann }], subject: 'Gate {{custom.gateCode}}', body: 'The code we have is {{custom.gateCode}}.' });
    const email = await t.call('emails.get', { id });
    expect(email.subject).toBe('Gate 4417#');
    expect(email.body).toContain('The code we have is 4417#.');
    expect((await t.fail('emails.send', { to: [{ contactId: ann }], subject: 'Hi', body: '{{custom.shoeSize}}' })).issues?.[0]).toMatchObject({ path: 'body', message: expect.stringContaining('Unknown merge field {{custom.shoeSize}}; use one of {{firstName}}') });
    // An address with no contact behind it has no custom values: missing, not unknown.
    expect((await t.fail('emails.send', { to: [{ address: 'someone@else.test' }], subject: '{{custom.gateCode}}', body: 'x' })).issues?.[0]?.path).toBe('to.0');
  });

  it('a campaign merges each person\'s value, skips whoever has none, and the server receives the merged text', async () => {
    const template = await t.call('templates.create', { name: 'Gate', subject: 'Visit for {{firstName}}', body: 'Gate code on file: {{custom.gateCode}}' });
    const preview = await t.call('campaigns.preview', { templateId: template.id, segment: { tag: 'gate' } });
    expect(preview).toMatchObject({ sends: 1, skipped: 1, reasons: [{ reason: 'mergeField', count: 1 }] });
    const campaign = await t.call('campaigns.create', { templateId: template.id, segment: { tag: 'gate' } });
    expect(campaign.skipped).toEqual([expect.objectContaining({ contactId: bob, reason: 'Bob has no value for {{custom.gateCode}}: fill it in, or write {{custom.gateCode|fallback}}' })]);
    await outbox().drain();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['ann@client.test']);
    expect(smtp.received[0]!.mail.text).toContain('Gate code on file: 4417#');
  });
});
