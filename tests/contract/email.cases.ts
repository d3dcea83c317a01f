// Contract cases for the email feature's channels (see channels.test.ts). A real SMTP server on loopback
// answers email.settings.test; nothing here is delivered (the worker is not started in contract tests).
import { randomUUID } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmailChannel } from '../../shared/ipc/email.channels';
import { pickPaths } from '../helpers/picks';
import { smtpSettings, startSmtp } from '../helpers/smtp';
import { long, type FeatureCases, type Fixtures } from './cases';

let fx: Fixtures;
let port = 0;
let withEmail = '';
let queuedId = '';
let cancelledId = '';
let uncertainId = '';
let templateId = '';
let spareTemplateId = '';
let campaignId = '';
let eml = '';
let documentId = '';

export const emailCases: FeatureCases<EmailChannel> = {
  async setup(fixtures) {
    fx = fixtures;
    const smtp = await startSmtp();
    smtp.unref();
    port = smtp.port;
    await fx.t.call('email.settings.update', smtpSettings(port));
    withEmail = (await fx.t.call('contacts.create', { firstName: 'Mailable', emails: [{ value: 'mailable@client.test' }], emailOptIn: true, tags: ['mail'] })).id;
    // Stored by the server, which then drops the connection before answering: "may have been sent".
    smtp.state.behaviour = 'drop';
    uncertainId = (await fx.t.call('emails.send', { to: [{ contactId: withEmail }], subject: 'Maybe', body: 'x' })).id;
    await fx.t.core.modules.email.outbox.drain();
    smtp.state.behaviour = 'accept';
    queuedId = (await fx.t.call('emails.send', { to: [{ contactId: withEmail }], subject: 'Queued', body: 'x' })).id;
    cancelledId = (await fx.t.call('emails.send', { to: [{ address: 'a@b.test' }], subject: 'Cancelled', body: 'x' })).id;
    await fx.t.call('outbox.cancel', { id: cancelledId });
    templateId = (await fx.t.call('templates.create', { name: 'Hello', subject: 'Hello {{firstName}}', body: 'Hi {{firstName|there}}' })).id;
    spareTemplateId = (await fx.t.call('templates.create', { name: 'Spare', subject: 'Spare', body: 'x' })).id;
    campaignId = (await fx.t.call('campaigns.create', { templateId, segment: { tag: 'mail' } })).id;
    const quote = join(fx.t.dataDir, 'quote.txt');
    writeFileSync(quote, 'Quote: 3 days, parts included');
    await pickPaths(fx.t, [quote]);
    documentId = (await fx.t.call('documents.attach', { path: quote, contactId: withEmail })).id;
    eml = join(fx.t.dataDir, 'received.eml');
    copyFileSync(join(process.cwd(), 'tests/fixtures/email/received.eml'), eml);
    writeFileSync(join(fx.t.dataDir, 'harness-picks.json'), JSON.stringify([eml]));
    await fx.t.call('files.pick', { purpose: 'eml' });
  },
  cases: {
    'email.settings.get': { valid: () => ({}), invalid: [[() => ({ host: 'x' }), '(input)']] },
    'email.settings.update': {
      valid: () => ({ ...smtpSettings(port), password: undefined, signature: 'Sam', perMinute: 20 }),
      invalid: [
        [() => ({ ...smtpSettings(port), host: '' }), 'host'],
        [() => ({ ...smtpSettings(port), host: 'mail.example.com\r\nX: y' }), 'host'],
        [() => ({ ...smtpSettings(port), port: 70000 }), 'port'],
        [() => ({ ...smtpSettings(port), security: 'ssl' }), 'security'],
        [() => ({ ...smtpSettings(port), fromAddress: 'me@x.test\nBcc: y@z.test' }), 'fromAddress'],
        [() => ({ ...smtpSettings(port), fromName: 'Sam\r\nBcc: y@z.test' }), 'fromName'],
        [() => ({ ...smtpSettings(port), perMinute: 0 }), 'perMinute'],
      ],
    },
    'email.settings.test': { valid: () => ({}), invalid: [[() => ({ to: 'x@y.test' }), '(input)']] },
    'emails.send': {
      valid: () => ({ to: [{ contactId: withEmail }], cc: [{ address: 'cc@client.test' }], subject: 'Quote', body: 'Hello {{firstName}}', replyTo: 'office@trader.test', attachments: [{ documentId }] }),
      invalid: [
        [() => ({ to: [], subject: 'x', body: 'x' }), 'to'],
        [() => ({ to: [{ address: 'not an address' }], subject: 'x', body: 'x' }), 'to.0.address'],
        [() => ({ to: [{ address: 'a@b.test\r\nBcc: c@d.test' }], subject: 'x', body: 'x' }), 'to.0.address'],
        [() => ({ to: [{ contactId: 'x' }], subject: 'x', body: 'x' }), 'to.0.contactId'],
        [() => ({ to: [{ address: 'a@b.test' }], subject: 'Hi\nBcc: c@d.test', body: 'x' }), 'subject'],
        [() => ({ to: [{ address: 'a@b.test' }], subject: '', body: 'x' }), 'subject'],
        [() => ({ to: [{ address: 'a@b.test' }], subject: 'x', body: long(100_001) }), 'body'],
        [() => ({ to: [{ address: 'a@b.test' }], bcc: [{ address: 'b' }], subject: 'x', body: 'x' }), 'bcc.0.address'],
        [() => ({ to: [{ address: 'a@b.test' }], subject: 'x', body: 'x', replyTo: 'x\r\n@y' }), 'replyTo'],
        [() => ({ to: [{ address: 'a@b.test' }], subject: 'x', body: 'x', attachments: ['/etc/passwd'] }), 'attachments.0'],
        [() => ({ to: [{ address: 'a@b.test' }], subject: 'x', body: 'x', attachments: [{ documentId }, { documentId: 'x' }] }), 'attachments.1.documentId'],
        [() => ({ to: [{ address: 'a@b.test' }], subject: 'x', body: 'x', attachments: [{ documentId: randomUUID() }] }), 'attachments.0'],
        [() => ({ to: [{ address: 'a@b.test' }], subject: 'x', body: 'x', attachments: [{ path: '/etc/passwd' }] }), 'attachments.0'],
        [() => ({ to: [{ address: 'a@b.test' }], subject: 'x', body: 'Hi {{shoeSize}}' }), 'body'],
      ],
    },
    'emails.get': { valid: () => ({ id: queuedId }), invalid: [[() => ({ id: 'x' }), 'id']] },
    'emails.importEml': {
      valid: () => ({ path: eml, contactId: fx.contactId }),
      invalid: [
        [() => ({ path: '/etc/passwd' }), 'path'],
        [() => ({ path: '' }), 'path'],
        [() => ({ path: eml, contactId: 'x' }), 'contactId'],
      ],
    },
    'outbox.list': { valid: () => ({ status: 'queued' }), invalid: [[() => ({ status: 'lost' }), 'status']] },
    'outbox.retry': {
      valid: () => ({ id: cancelledId, subject: 'Resent' }),
      invalid: [[() => ({ id: 'x' }), 'id'], [() => ({ id: cancelledId, subject: 'a\r\nb' }), 'subject'], [() => ({ id: cancelledId, to: [] }), 'to']],
    },
    'outbox.cancel': { valid: () => ({ id: queuedId }), invalid: [[() => ({}), 'id']] },
    'outbox.markSent': { valid: () => ({ id: uncertainId }), invalid: [[() => ({ id: 'x' }), 'id']] },
    'outbox.sendNow': { valid: () => ({}), invalid: [[() => ({ id: queuedId }), '(input)']] },
    'templates.create': {
      valid: () => ({ name: 'Follow-up', subject: 'About {{job.title|your job}}', body: 'Dear {{name}}' }),
      invalid: [
        [() => ({ name: '', subject: 'x', body: 'x' }), 'name'],
        [() => ({ name: 'x', subject: 'x\ny', body: 'x' }), 'subject'],
        [() => ({ name: 'x', subject: 'Hi {{nick}}', body: 'x' }), 'subject'],
      ],
    },
    'templates.update': { valid: () => ({ id: templateId, body: 'Hi {{firstName}}!' }), invalid: [[() => ({ id: templateId, body: '{{favouriteColour}}' }), 'body']] },
    'templates.delete': { valid: () => ({ id: spareTemplateId }), invalid: [[() => ({ id: 'x' }), 'id']] },
    'templates.list': { valid: () => ({}), invalid: [[() => ({ all: true }), '(input)']] },
    'templates.preview': {
      valid: () => ({ templateId, contactId: withEmail }),
      invalid: [[() => ({ templateId }), 'contactId'], [() => ({ subject: 'x', body: 'Hi {{firstName}}', contactId: fx.contactId }), 'contactId']],
    },
    'campaigns.preview': {
      valid: () => ({ templateId, segment: { tag: 'mail' } }),
      invalid: [
        [() => ({ templateId: 'x', segment: {} }), 'templateId'],
        [() => ({ templateId, segment: { kind: 'friend' } }), 'segment.kind'],
      ],
    },
    'campaigns.create': {
      valid: () => ({ templateId, segment: { kind: 'customer', filter: { query: 'mailable' } } }),
      invalid: [
        [() => ({ templateId: 'x', segment: {} }), 'templateId'],
        [() => ({ templateId, segment: { kind: 'friend' } }), 'segment.kind'],
        [() => ({ templateId, segment: { filter: { notContactedForDays: 0 } } }), 'segment.filter.notContactedForDays'],
      ],
    },
    'campaigns.get': { valid: () => ({ id: campaignId }), invalid: [[() => ({ id: 'x' }), 'id']] },
    'campaigns.list': { valid: () => ({}), invalid: [[() => ({ x: 1 }), '(input)']] },
    'campaigns.cancel': { valid: () => ({ id: campaignId }), invalid: [[() => ({}), 'id']] },
  },
};
