// Hardening and formatting without a server: the transport refuses to read files or URLs named in a
// message, the body becomes escaped HTML, and merge fields fail loudly rather than sending "Dear ,".
import { describe, expect, it } from 'vitest';
import { MergeError, fieldsIn, render, toHtml, valuesFor, withSignature } from '../../electron/core/email/merge';
import type { Job } from '../../shared/domain/job';
import { PASSWORD_KEY, classify, transportFor } from '../../electron/core/email/settings';
import { testSecretStore } from '../../electron/harness/platform';
import { tempDir } from '../helpers/core';
import { SMTP_PASSWORD, SMTP_USER, startSmtp } from '../helpers/smtp';

const smtp = { host: '127.0.0.1', port: 9, security: 'starttls' as const, username: '', fromName: 'Sam', fromAddress: 'sam@trader.test', signature: '', perMinute: 30, allowUntrustedCertificate: false };

describe('transport', () => {
  it('refuses attachments that point at a file or a URL: nothing reaches the server', async () => {
    const server = await startSmtp();
    const secrets = testSecretStore(`${tempDir()}/secrets.json`);
    secrets.set(PASSWORD_KEY, SMTP_PASSWORD);
    const transport = await transportFor({ ...smtp, port: server.port, username: SMTP_USER, allowUntrustedCertificate: true }, secrets);
    try {
      for (const attachment of [{ path: '/etc/hostname' }, { path: `http://127.0.0.1:${server.port}/x` }, { href: `http://127.0.0.1:${server.port}/x` }]) {
        await expect(transport.sendMail({ from: 'sam@trader.test', to: 'a@b.test', subject: 'x', text: 'x', attachments: [attachment] })).rejects.toThrow(/access rejected/i);
      }
      expect(server.received).toHaveLength(0);
    } finally {
      transport.close();
      await server.close();
    }
  });

  it('classifies server answers: 4xx and network errors wait, 5xx fail, 535 pauses', () => {
    expect(classify({ responseCode: 451, response: '451 try later' }).outcome).toBe('waiting');
    expect(classify({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }).outcome).toBe('waiting');
    expect(classify({ responseCode: 550, response: '550 no such user' })).toEqual({ outcome: 'failed', text: "The server refused the message (550): no such user. Check the recipients' addresses, then edit and resend it." });
    expect(classify({ code: 'EAUTH', responseCode: 535, response: '535 bad credentials' }).outcome).toBe('paused');
  });
});

describe('formatting and merge', () => {
  it('escapes everything before formatting', () => {
    const html = toHtml('<script>alert(1)</script> **bold** *it* https://example.com/a?b=1&c=2.\n\n- one\n- two');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; <strong>bold</strong> <em>it</em>');
    expect(html).toContain('<a href="https://example.com/a?b=1&amp;c=2">https://example.com/a?b=1&amp;c=2</a>.');
    expect(html).toContain('<ul><li>one</li><li>two</li></ul>');
    expect(toHtml('"><img src=x onerror=alert(1)>')).not.toMatch(/<img/);
  });

  it('fills fields, uses fallbacks, and names unknown or missing fields', () => {
    const values = valuesFor({ firstName: 'Ann', lastName: null, displayName: 'Ann', emails: [], companyName: null, jobTitle: null }, null);
    expect(fieldsIn('{{firstName}} {{ lastName|friend }} {{firstName}}')).toEqual(['firstName', 'lastName']);
    expect(render('Hi {{firstName}}, {{ lastName | friend }}', values, 'Ann')).toBe('Hi Ann, friend');
    expect(() => render('{{shoeSize}}', values, 'Ann')).toThrow(MergeError);
    expect(() => render('{{company}}', values, 'Ann')).toThrow('Ann has no value for {{company}}');
  });

  it('merges a job value in the minor units of its currency (JPY has none, BHD three)', () => {
    const job = (amountMinor: number, currency: string): Job => ({
      id: 'j', title: 'Roof', contactId: null, contactName: null, companyId: null, companyName: null, stageId: 's', stageName: 'Won', category: 'won',
      amountMinor, currency, dueDate: null, probability: null, notes: null, lostReason: null, stageChangedAt: 't', custom: {}, createdAt: 't', updatedAt: 't', deletedAt: null,
    });
    const amount = (minor: number, currency: string) => render('{{job.amount}}', valuesFor(null, job(minor, currency)), 'Ann');
    expect(amount(5000, 'JPY')).toBe('¥5,000');
    expect(amount(125050, 'GBP')).toBe('£1,250.50');
    expect(amount(1500, 'BHD')).toMatch(/^BHD\s1\.500$/);
  });

  it('adds the signature after the standard separator', () => {
    expect(withSignature('Hello\n\n', 'Sam')).toBe('Hello\n\n-- \nSam');
    expect(withSignature('Hello', '  ')).toBe('Hello');
  });
});
