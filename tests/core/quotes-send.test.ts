// Issue #23 items 4, 5 and 10: sending numbers a quote in the same transaction that freezes its PDF and queues the
// email, so a send that fails (no address, a printer error) uses no number and leaves no document or email, and the
// retry gets the very next number; two sends at once get two consecutive numbers; a re-send attaches the same bytes;
// the email (real SMTP) carries the PDF and the quote's merge fields; the expiry follow-up is due before the date.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBlobStore } from '../../electron/core/documents/blob-store';
import { smtpSettings, useSmtpServer } from '../helpers/smtp';
import { kitchenQuote, quoteWorld, type QuoteWorld } from './quotes-seed';

const smtp = useSmtpServer();
let w: QuoteWorld;
beforeEach(async () => {
  w = await quoteWorld();
  await w.t.call('email.settings.update', smtpSettings(smtp.port));
});
afterEach(() => w.t.destroy());

const db = () => w.t.core.store.db;
const count = async (table: 'documents' | 'outbox' | 'tasks') => Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('quotes.send numbering', () => {
  it('stays gapless when a send fails after the number was read, and is retried', async () => {
    const noEmail = (await w.t.call('contacts.create', { firstName: 'Paper', lastName: 'Only' })).id;
    const q1 = await kitchenQuote(w);
    const q2 = await w.t.call('quotes.create', { title: 'Boiler', contactId: noEmail, lines: [{ kind: 'item', description: 'Boiler', quantityMilli: 1000, unitPriceE4: 1_000_000, taxes: [{ taxRateId: '5a1e57a0-0000-4000-8000-000000000001', rateMilli: 20_000 }] }] });
    const q3 = await kitchenQuote(w, { title: 'Worktop' });
    const before = { documents: await count('documents'), outbox: await count('outbox') };

    // The printer fails once: the number was read for the page, but nothing is kept.
    w.printer.fails = 1;
    expect((await w.t.fail('quotes.send', { id: q1.id })).message).not.toContain('jammed');
    expect(await w.t.call('quotes.get', { id: q1.id })).toMatchObject({ status: 'draft', number: null, pdfDocumentId: null });
    expect({ documents: await count('documents'), outbox: await count('outbox') }).toEqual(before);

    // No address for the contact and none typed: refused in words naming the field, nothing kept either.
    const noAddress = await w.t.fail('quotes.send', { id: q2.id });
    expect(noAddress.issues).toEqual([{ path: 'to', message: 'Paper Only has no email address: add one, or type the address' }]);
    expect({ documents: await count('documents'), outbox: await count('outbox') }).toEqual(before);

    const numbers = [
      (await w.t.call('quotes.send', { id: q1.id })).number,
      (await w.t.call('quotes.send', { id: q2.id, to: 'paper@client.test' })).number,
      (await w.t.call('quotes.send', { id: q3.id, markSentOnly: true })).number,
    ];
    expect(numbers).toEqual(['Q-2026-0001', 'Q-2026-0002', 'Q-2026-0003']);
    expect({ documents: await count('documents'), outbox: await count('outbox') }).toEqual({ documents: before.documents + 3, outbox: before.outbox + 2 });
  });

  it('gives two quotes sent in the same instant two consecutive numbers', async () => {
    const [a, b] = await Promise.all([kitchenQuote(w, { title: 'A' }), kitchenQuote(w, { title: 'B' })]);
    const sent = await Promise.all([w.t.call('quotes.send', { id: a.id }), w.t.call('quotes.send', { id: b.id })]);
    expect(sent.map((s) => s.number).sort()).toEqual(['Q-2026-0001', 'Q-2026-0002']);
    // Each PDF was printed with the number it carries (a send whose number was taken meanwhile prints again).
    expect(new Set(sent.map((s) => s.pdfSha256)).size).toBe(2);
  });
});

describe('quotes.send email, freezing and follow-up', () => {
  it('emails the frozen PDF with the quote fields, re-sends the same bytes, and sets the expiry follow-up', async () => {
    await w.t.call('quotes.settings.update', { expiryReminderDays: 3 });
    const q = await kitchenQuote(w, { validUntil: '2027-01-12' });
    const first = await w.t.call('quotes.send', { id: q.id, subject: 'Your quote {{quote.number}}', body: 'Hi {{firstName}}, {{quote.title}} is {{quote.total}} until {{quote.validUntil}}.' });
    const sent = await w.t.call('quotes.get', { id: q.id });
    expect(sent).toMatchObject({ status: 'sent', number: 'Q-2026-0001', issuedOn: '2026-11-23', pdfDocumentId: first.pdfDocumentId, pdfSha256: first.pdfSha256 });
    const row = await db().selectFrom('quotes').select(['client_snapshot', 'business_snapshot', 'base_number']).where('id', '=', q.id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.client_snapshot!)).toMatchObject({ name: 'Megan Jones', lines: ['1 High Street', 'Leeds, LS1 1AA'], email: 'megan@client.test' });
    expect(row.base_number).toBe('Q-2026-0001');

    await w.t.core.modules.email.outbox.drain();
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!.mail;
    expect(mail.subject).toBe('Your quote Q-2026-0001');
    expect(mail.text).toContain('Hi Megan, Kitchen sink is £228.00 until 12 January 2027.');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([['Quote Q-2026-0001.pdf', 'application/pdf']]);
    expect(sha(mail.attachments[0]!.content)).toBe(first.pdfSha256);

    const again = await w.t.call('quotes.send', { id: q.id, to: 'megan.home@client.test' });
    expect(again).toMatchObject({ number: 'Q-2026-0001', pdfDocumentId: first.pdfDocumentId, pdfSha256: first.pdfSha256 });
    const attachments = await db().selectFrom('outbox_attachments').select('content').execute();
    expect(attachments).toHaveLength(2);
    expect(attachments.map((a) => sha(a.content))).toEqual([first.pdfSha256, first.pdfSha256]);
    expect(w.printer.prints).toBe(1);

    const tasks = await db().selectFrom('tasks').selectAll().where('quote_id', '=', q.id).execute();
    expect(tasks.map((t) => [t.title, t.due_at, t.contact_id, t.job_id, t.completed_at])).toEqual([
      ['Quote Q-2026-0001 expires on 12 January 2027', '2027-01-09T00:00:00.000Z', w.contactId, w.jobId, null],
    ]);
  });

  it('writes the email from a chosen template, and to a typed address when the contact has none', async () => {
    const templateId = (await w.t.call('templates.create', { name: 'Quote', subject: '{{quote.number}} for {{name}}', body: 'Dear {{firstName|client}}, {{quote.title}}: {{quote.total}}.' })).id;
    const q = await kitchenQuote(w);
    await w.t.call('quotes.send', { id: q.id, templateId });
    const company = (await w.t.call('companies.create', { name: 'Acme Ltd' })).id;
    const onCompany = await w.t.call('quotes.create', { title: 'Office', companyId: company, lines: [{ kind: 'item', description: 'Desk', quantityMilli: 1000, unitPriceE4: 1_000_000, taxes: [{ taxRateId: '5a1e57a0-0000-4000-8000-000000000001', rateMilli: 20_000 }] }] });
    expect((await w.t.fail('quotes.send', { id: onCompany.id })).issues).toEqual([{ path: 'to', message: 'Acme Ltd has no contact to email: type the address to send it to' }]);
    await w.t.call('quotes.send', { id: onCompany.id, to: 'office@acme.test', body: 'Dear {{firstName|Sir or Madam}}, quote {{quote.number}} attached.' });
    await w.t.core.modules.email.outbox.drain();
    const byTo = new Map(smtp.received.map((r) => [r.to[0], r.mail]));
    expect([byTo.get('megan@client.test')?.subject, byTo.get('megan@client.test')?.text?.trim()]).toEqual(['Q-2026-0001 for Megan Jones', 'Dear Megan, Kitchen sink: £228.00.']);
    expect(byTo.get('office@acme.test')?.text).toContain('Dear Sir or Madam, quote Q-2026-0002 attached.');
  });

  it('refuses a quote without lines before anything is numbered', async () => {
    const empty = await w.t.call('quotes.create', { title: 'Nothing yet', jobId: w.jobId });
    expect((await w.t.fail('quotes.send', { id: empty.id, markSentOnly: true })).issues?.[0]?.path).toBe('lines');
    expect(await count('tasks')).toBe(0);
  });
});

describe('quotes.send with the real PDF (Chromium)', () => {
  it('prints the number it takes, the client and the stored totals into the frozen PDF', async () => {
    const real = await quoteWorld({ realPdf: true });
    try {
      await real.t.call('quotes.settings.update', { businessName: 'Sam Fitter Ltd', vatNumber: 'GB123456789' });
      const q = await kitchenQuote(real);
      const sent = await real.t.call('quotes.send', { id: q.id, markSentOnly: true });
      const row = await real.t.core.store.db.selectFrom('documents').select(['name', 'sha256']).where('id', '=', sent.pdfDocumentId).executeTakeFirstOrThrow();
      expect(row).toEqual({ name: 'Quote Q-2026-0001.pdf', sha256: sent.pdfSha256 });
      const pdf = createBlobStore(join(real.t.dataDir, 'documents')).pathOf(sent.pdfSha256);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
      for (const expected of ['Q-2026-0001', 'Sam Fitter Ltd', 'GB123456789', 'Megan Jones', '1 High Street', '190.00', '38.00', '228.00']) expect(text).toContain(expected);
    } finally {
      real.t.destroy();
    }
  });
});
