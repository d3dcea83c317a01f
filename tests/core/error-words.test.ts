// Errors in the app's own words, through the real core and real loopback servers: a mail server that refuses the
// connection, one that answers a bare "550", one that answers 550 with its reasons; a currency that is not ISO 4217;
// a search longer than the limit; and the window's one mapping from any failure to a sentence (renderer notify.ts).
import { createServer, type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeSmtpError, serverWords } from '../../electron/core/email/smtp-words';
import { isCurrencyCode } from '../../shared/domain/money';
import { IpcError } from '../../shared/ipc/errors';
import { UNEXPECTED_TEXT, errorText, fieldWords, issueText } from '../../renderer/src/ui/notify';
import { openTestCore, type TestCore } from '../helpers/core';
import { smtpSettings } from '../helpers/smtp';

const RAW = /ECONNREFUSED|ENOTFOUND|ESOCKET|EENVELOPE|550 550|5\.1\.1|Too big|expected|Cannot read properties/;

/** A port nothing listens on: bound once to learn a free number, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A plain SMTP server (no TLS, no AUTH) that refuses every recipient with `message` and code 550. */
async function refusingServer(message: string): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      callback(Object.assign(new Error(message), { responseCode: 550 }));
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let t: TestCore;
let ann = '';
beforeEach(async () => {
  t = await openTestCore();
  ann = (await t.call('contacts.create', { firstName: 'Ann', lastName: 'Lee', emails: [{ value: 'ann@client.test' }] })).id;
});
afterEach(() => t.destroy());

async function sendAndDrain() {
  const { id } = await t.call('emails.send', { to: [{ contactId: ann }], subject: 'Quote', body: 'Hello' });
  await t.core.modules.email.outbox.drain();
  return t.call('emails.get', { id });
}

describe('mail server failures', () => {
  it('a refused connection names the server and says where to fix it; the system text goes to the log only', async () => {
    const port = await closedPort();
    await t.call('email.settings.update', smtpSettings(port, { security: 'none', username: '', password: '' }));
    const email = await sendAndDrain();
    expect(email.status).toBe('waiting');
    expect(email.lastError).toBe(`The mail server at 127.0.0.1:${port} did not answer (the connection was refused). Check the server name and port in Email settings. Rapport will try again by itself.`);
    expect(JSON.stringify(t.logger.lines)).toContain('ECONNREFUSED');

    const test = await t.fail('email.settings.test', {});
    expect(test.message).toBe(`The mail server at 127.0.0.1:${port} did not answer (the connection was refused). Check the server name and port in Email settings.`);
    expect(test.message).not.toMatch(RAW);
  });

  let bare: Awaited<ReturnType<typeof refusingServer>>;
  let worded: Awaited<ReturnType<typeof refusingServer>>;
  beforeAll(async () => {
    bare = await refusingServer('550');
    worded = await refusingServer('5.1.1 <ann@client.test>: Recipient address rejected: User unknown in local recipient table');
  });
  afterAll(async () => {
    await bare.close();
    await worded.close();
  });

  it('a bare "550 550" answer is never shown: the message failed, and the user learns what to check', async () => {
    await t.call('email.settings.update', smtpSettings(bare.port, { security: 'none', username: '', password: '' }));
    const email = await sendAndDrain();
    expect(email.status).toBe('failed');
    expect(email.lastError).toBe("The server refused the message without saying why. Check the recipients' addresses; if they are right, ask your email provider.");
    // The reply as the server sent it is in the log.
    expect(JSON.stringify(t.logger.lines)).toContain('550 550');
  });

  it("a 550 with reasons quotes the server's own words, without its status codes", async () => {
    await t.call('email.settings.update', smtpSettings(worded.port, { security: 'none', username: '', password: '' }));
    const email = await sendAndDrain();
    expect(email.status).toBe('failed');
    expect(email.lastError).toBe(
      "The server refused the message (550): <ann@client.test>: Recipient address rejected: User unknown in local recipient table. Check the recipients' addresses, then edit and resend it.",
    );
    expect(email.lastError).not.toMatch(RAW);
  });

  it('names the failure for timeouts, unknown servers, passwords and temporary refusals', () => {
    const server = { host: 'mail.example.test', port: 587 };
    expect(describeSmtpError({ code: 'ETIMEDOUT', message: 'Connection timeout' }, server).text).toMatch(/^The mail server at mail.example.test:587 did not answer in time\./);
    expect(describeSmtpError({ code: 'EDNS', originalCode: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND mail.example.test' }, server).text).toMatch(/^The mail server "mail.example.test" could not be found\. Check the server name/);
    expect(describeSmtpError({ code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Authentication credentials invalid' }, server)).toEqual({
      outcome: 'paused',
      text: 'The mail server at mail.example.test:587 refused the user name or password (535): Authentication credentials invalid. Enter them again in Email settings.',
    });
    expect(describeSmtpError({ responseCode: 451, response: '451 4.7.1 Greylisted, try again later' }, server, false)).toEqual({
      outcome: 'waiting',
      text: 'The mail server at mail.example.test:587 asked to try later (451): Greylisted, try again later.',
    });
    for (const reply of ['550 550', '550', '554 5.7.1', '550-550\n550 550']) expect(serverWords(reply)).toBeNull();
  });
});

describe('currency codes', () => {
  it('accepts real ISO 4217 codes in any case and refuses the rest whole, never cut to three letters', async () => {
    for (const code of ['GBP', 'eur', ' usd ', 'JPY', 'BHD', 'CHF', 'XOF', 'CLF']) expect(isCurrencyCode(code)).toBe(true);
    for (const code of ['POUNDS', 'POU', 'XYZ', 'GB', '', 'ABC', 'G8P']) expect(isCurrencyCode(code)).toBe(false);

    const refused = await t.fail('jobs.create', { title: 'Kitchen', currency: 'POUNDS' });
    expect(refused.issues).toEqual([{ path: 'currency', message: 'Currency must be a three-letter ISO 4217 code, such as GBP, EUR or USD' }]);
    expect((await t.fail('jobs.create', { title: 'Kitchen', currency: 'POU' })).issues?.[0]?.path).toBe('currency');
    const settings = await t.call('jobs.settings.get', {});
    const pipeline = { stages: settings.stages.map((s) => ({ id: s.id, name: s.name, category: s.category })) };
    expect((await t.fail('jobs.settings.update', { ...pipeline, defaultCurrency: 'POUNDS' })).issues?.[0]?.path).toBe('defaultCurrency');
    expect((await t.call('jobs.create', { title: 'Kitchen', currency: 'eur' })).currency).toBe('EUR');
  });
});

describe('search boxes', () => {
  it('a query longer than the limit is cut to it and searches, on every list and in quick search', async () => {
    const long = `Ann ${'x'.repeat(496)}`;
    await t.call('contacts.list', { query: long });
    await t.call('companies.list', { query: long });
    await t.call('jobs.list', { query: long });
    await t.call('documents.list', { query: long });
    await t.call('search.global', { query: long });
    // Cut, not dropped: a long query that starts with the name still finds her.
    const found = await t.call('contacts.list', { query: `Ann ${' '.repeat(300)}` });
    expect(found.items.map((c) => c.id)).toContain(ann);
    // Control characters are still refused, in words.
    expect((await t.fail('contacts.list', { query: 'a\u0000b' })).issues?.[0]?.message).toBe('Must not contain control characters');
  });
});

describe('the window says what happened, never the library', () => {
  it('a fault inside the window becomes the one generic sentence', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(errorText(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(UNEXPECTED_TEXT);
      // The detail is for the log: the desktop app writes the window's console warnings to its log file.
      expect(String(warn.mock.calls[0]?.[1])).toContain('Cannot read properties of undefined');
    } finally {
      warn.mockRestore();
    }
    expect(UNEXPECTED_TEXT).not.toMatch(RAW);
  });

  it('a validation notification names the field', async () => {
    const envelope = await t.fail('contacts.create', { firstName: 'A'.repeat(300) });
    expect(envelope.issues).toEqual([{ path: 'firstName', message: 'Must be at most 100 characters' }]);
    expect(errorText(new IpcError(envelope))).toBe('First name: Must be at most 100 characters.');
    expect(fieldWords('emails.0.value')).toBe('Email');
    expect(fieldWords('leadSource')).toBe('Lead source');
    expect(issueText({ path: 'defaultCurrency', message: 'Currency must be a three-letter ISO 4217 code, such as GBP, EUR or USD' })).toBe(
      'Currency must be a three-letter ISO 4217 code, such as GBP, EUR or USD.',
    );
  });
});
