// Sending invoices (issue #23 item 7) through the dispatcher: the invoice series' number (gapless when a send fails
// and is retried), issue and due dates, the email with the frozen PDF, the "is due" follow-up, and re-sends that
// attach the same bytes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { todayOf } from '../../electron/core/invoices/view';
import { formatMoney } from '../../shared/domain/money';
import { acceptedQuote, clientAndJob, openInvoicesCore, type InvoicesCore } from './invoices-helpers';

let t: InvoicesCore;
beforeEach(async () => {
  t = await openInvoicesCore();
});
afterEach(() => t.destroy());

const db = () => t.core.store.db;
const outbox = () => db().selectFrom('outbox').selectAll().orderBy('seq').execute();
const series = async () => (await db().selectFrom('number_series').selectAll().where('kind', '=', 'invoice').executeTakeFirstOrThrow()).last_seq;
const pdfDocuments = () => db().selectFrom('documents').select(['id', 'name', 'sha256']).where('type', '=', 'application/pdf').execute();

describe('sending an invoice', () => {
  it('numbers it, dates it, emails the frozen PDF and adds the "is due" follow-up', async () => {
    await t.call('quotes.settings.update', { businessName: 'Patel & Sons Joinery', bankDetails: 'Sort code 12-34-56, account 12345678' });
    const ids = await clientAndJob(t);
    const quote = await acceptedQuote(t, ids, false, ['startWork', 'sendInvoice']);
    const draft = await t.call('invoices.create', { quoteId: quote.id });
    const sent = await t.call('invoices.send', { id: draft.id });
    // The quote's "Send invoice" follow-up is done; "Start work" is not.
    const quoteTasks = await db().selectFrom('tasks').select(['title', 'completed_at']).where('quote_id', '=', quote.id).where('title', 'not like', 'Quote %').orderBy('title').execute();
    expect(quoteTasks.map((q) => [q.title.split(':')[0], q.completed_at !== null])).toEqual([
      ['Send invoice', true],
      ['Start work', false],
    ]);
    expect(sent.number).toBe('INV-2026-0001');
    // The page printed: the number, the quote it came from, the due date and where to pay.
    for (const text of ['INV-2026-0001', `Quote ${quote.number}`, 'Sort code 12-34-56, account 12345678', 'Patel &#38; Sons Joinery', 'Maya Patel']) expect(t.printer.html).toContain(text);
    const invoice = await t.call('invoices.get', { id: draft.id });
    expect(invoice).toMatchObject({ status: 'sent', number: 'INV-2026-0001', issuedOn: '2026-11-22', dueDate: '2026-12-22', pdfDocumentId: sent.pdfDocumentId, pdfSha256: sent.pdfSha256, overdue: false });
    const [mail] = await outbox();
    expect(mail).toMatchObject({ id: sent.outboxId, subject: 'Invoice INV-2026-0001: Kitchen refit', job_id: ids.jobId });
    expect(mail!.body).toContain(`invoice INV-2026-0001 for ${formatMoney(quote.totals.grandTotalMinor, 'GBP', 'en')}, due on 22 Dec 2026`);
    expect(JSON.parse(mail!.recipients).to[0].address).toBe('maya@example.com');
    const attachments = await db().selectFrom('outbox_attachments').selectAll().where('outbox_id', '=', sent.outboxId!).execute();
    expect(attachments.map((a) => a.filename)).toEqual(['Invoice INV-2026-0001.pdf']);
    expect((await pdfDocuments()).map((d) => d.name)).toContain('Invoice INV-2026-0001.pdf');
    const tasks = await db().selectFrom('tasks').selectAll().where('invoice_id', '=', draft.id).execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ title: 'Invoice INV-2026-0001 is due', job_id: ids.jobId, contact_id: ids.contactId, completed_at: null, all_day: 1 });
    expect(todayOf(new Date(tasks[0]!.due_at!))).toBe('2026-12-22');
    const snapshot = await db().selectFrom('invoices').select(['client_snapshot', 'business_snapshot']).where('id', '=', draft.id).executeTakeFirstOrThrow();
    expect(JSON.parse(snapshot.client_snapshot!)).toMatchObject({ name: 'Maya Patel', email: 'maya@example.com' });
    expect(t.events).toContainEqual({ name: 'data.changed', payload: { entity: 'invoice', action: 'updated', ids: [draft.id] } });
  });

  it('keeps the due date set on the draft and honours its payment terms', async () => {
    const ids = await clientAndJob(t, { amountMinor: 10_000 });
    const dated = await t.call('invoices.create', { jobId: ids.jobId, dueDate: '2027-01-15' });
    await t.call('invoices.send', { id: dated.id, markSentOnly: true });
    expect((await t.call('invoices.get', { id: dated.id })).dueDate).toBe('2027-01-15');
    const termed = await t.call('invoices.create', { jobId: ids.jobId, paymentTermsDays: 14 });
    t.clock.set('2026-11-30T10:00:00.000Z');
    await t.call('invoices.send', { id: termed.id, markSentOnly: true });
    expect(await t.call('invoices.get', { id: termed.id })).toMatchObject({ number: 'INV-2026-0002', issuedOn: '2026-11-30', dueDate: '2026-12-14' });
    expect(await outbox()).toHaveLength(0);
  });

  it('re-sends the very bytes of the first send, never a new print', async () => {
    const ids = await clientAndJob(t, { amountMinor: 10_000 });
    const draft = await t.call('invoices.create', { jobId: ids.jobId });
    const first = await t.call('invoices.send', { id: draft.id });
    const prints = t.printer.prints;
    const again = await t.call('invoices.send', { id: draft.id, to: 'accounts@example.com', subject: 'Reminder: {{invoice.number}} ({{invoice.balance}} owed)' });
    expect(again).toMatchObject({ number: first.number, pdfDocumentId: first.pdfDocumentId, pdfSha256: first.pdfSha256 });
    expect(t.printer.prints).toBe(prints);
    expect((await outbox()).map((m) => m.subject)).toEqual(['Invoice INV-2026-0001: Kitchen refit', 'Reminder: INV-2026-0001 (£120.00 owed)']);
    expect(await pdfDocuments()).toHaveLength(1);
    expect(await db().selectFrom('tasks').select('id').where('invoice_id', '=', draft.id).execute()).toHaveLength(1);
    const pdf = await t.call('invoices.pdf', { id: draft.id });
    expect(pdf).toMatchObject({ frozen: true, sha256: first.pdfSha256 });
  });
});

describe('gapless numbering', () => {
  it('gives the same number again when a send fails before the transaction and is retried', async () => {
    const ids = await clientAndJob(t, { amountMinor: 10_000 });
    const draft = await t.call('invoices.create', { jobId: ids.jobId });
    t.printer.fail = true;
    await t.fail('invoices.send', { id: draft.id });
    expect(await series()).toBeNull();
    expect((await t.call('invoices.get', { id: draft.id })).status).toBe('draft');
    expect((await t.call('invoices.send', { id: draft.id })).number).toBe('INV-2026-0001');
  });

  it('rolls back the number, the document and the email when the send fails inside its transaction', async () => {
    const ids = await clientAndJob(t, { email: false, amountMinor: 10_000 });
    const draft = await t.call('invoices.create', { jobId: ids.jobId });
    // The client has no address: resolving the recipient fails after the number was taken, in the same transaction.
    const error = await t.fail('invoices.send', { id: draft.id });
    expect(error.code).toBe('VALIDATION');
    expect(await series()).toBeNull();
    expect(await pdfDocuments()).toHaveLength(0);
    expect(await outbox()).toHaveLength(0);
    expect(await db().selectFrom('tasks').select('id').where('invoice_id', '=', draft.id).execute()).toHaveLength(0);
    expect((await t.call('invoices.send', { id: draft.id, to: 'maya@example.com' })).number).toBe('INV-2026-0001');
    const next = await t.call('invoices.create', { jobId: ids.jobId });
    expect((await t.call('invoices.send', { id: next.id, markSentOnly: true })).number).toBe('INV-2026-0002');
  });

  it('needs a line before the first send', async () => {
    const draft = await t.call('invoices.create', { jobId: (await clientAndJob(t)).jobId, lines: [] });
    expect(await t.fail('invoices.send', { id: draft.id })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'lines' }] });
  });
});
