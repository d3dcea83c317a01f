// Payments (issue #23 item 7): part and whole payments of a sent invoice, never more than is owed nor dated in the
// future; paid in full moves the job to Paid, ticks off the "is due" follow-up, and the dashboard counts the job's
// value as paid revenue ONCE; undoing a payment puts it all back. Overdue is derived from the due date and the clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptedQuote, clientAndJob, openInvoicesCore, type InvoicesCore } from './invoices-helpers';

let t: InvoicesCore;
beforeEach(async () => {
  t = await openInvoicesCore();
});
afterEach(() => t.destroy());

async function sentInvoice() {
  const ids = await clientAndJob(t);
  const quote = await acceptedQuote(t, ids);
  const draft = await t.call('invoices.create', { quoteId: quote.id });
  await t.call('invoices.send', { id: draft.id, markSentOnly: true });
  return { ...ids, quote, invoice: await t.call('invoices.get', { id: draft.id }) };
}

const jobCategory = async (id: string) => (await t.call('jobs.get', { id })).category;
const dueTask = async (invoiceId: string) => t.core.store.db.selectFrom('tasks').selectAll().where('invoice_id', '=', invoiceId).executeTakeFirstOrThrow();
const november = async () => (await t.call('reports.dashboard', { from: '2026-11-01', to: '2026-11-30' })).revenueByMonth.find((m) => m.month === '2026-11' && m.currency === 'GBP');

describe('recording payments', () => {
  it('takes part then the rest: Part paid, then Paid, the job Paid and its value counted once as paid revenue', async () => {
    const { jobId, quote, invoice } = await sentInvoice();
    const total = invoice.totals.grandTotalMinor;
    expect(await jobCategory(jobId)).toBe('won');
    const jobValue = (await t.call('jobs.get', { id: jobId })).amountMinor;
    expect(jobValue).toBe(quote.totals.netTotalMinor);

    const part = await t.call('invoices.recordPayment', { id: invoice.id, amountMinor: 100_00, paidOn: '2026-11-21', method: 'card' });
    expect(part).toMatchObject({ status: 'partlyPaid', paidMinor: 100_00, balanceMinor: total - 100_00, paidAt: null });
    expect(await jobCategory(jobId)).toBe('won');
    expect((await november())?.paidMinor).toBe(0);

    t.clock.set('2026-11-25T12:00:00.000Z');
    const rest = await t.call('invoices.recordPayment', { id: invoice.id, amountMinor: total - 100_00, paidOn: '2026-11-24', note: 'BACS' });
    expect(rest).toMatchObject({ status: 'paid', paidMinor: total, balanceMinor: 0, paidAt: '2026-11-24' });
    expect(rest.payments.map((p) => [p.amountMinor, p.method, p.note])).toEqual([
      [100_00, 'card', null],
      [total - 100_00, 'bankTransfer', 'BACS'],
    ]);
    expect(await jobCategory(jobId)).toBe('paid');
    expect((await dueTask(invoice.id)).completed_at).not.toBeNull();
    // The job's value (the accepted net total), once: neither the part payments nor the gross total.
    expect(await november()).toMatchObject({ wonMinor: jobValue, paidMinor: jobValue });
    expect(t.events).toContainEqual({ name: 'data.changed', payload: { entity: 'job', action: 'updated', ids: [jobId] } });
    expect(await t.fail('invoices.recordPayment', { id: invoice.id, amountMinor: 1, paidOn: '2026-11-25' })).toMatchObject({ issues: [{ path: 'amountMinor', message: 'This invoice is paid in full already' }] });
  });

  it('undoes a payment: the invoice owes again, the job goes back to Won and the follow-up reopens', async () => {
    const { jobId, invoice } = await sentInvoice();
    const total = invoice.totals.grandTotalMinor;
    await t.call('invoices.recordPayment', { id: invoice.id, amountMinor: 50_00, paidOn: '2026-11-22' });
    const paid = await t.call('invoices.recordPayment', { id: invoice.id, amountMinor: total - 50_00, paidOn: '2026-11-22' });
    const undone = await t.call('invoices.deletePayment', { id: invoice.id, paymentId: paid.payments[1]!.id });
    expect(undone).toMatchObject({ status: 'partlyPaid', paidMinor: 50_00, balanceMinor: total - 50_00, paidAt: null });
    expect(await jobCategory(jobId)).toBe('won');
    expect((await dueTask(invoice.id)).completed_at).toBeNull();
    const none = await t.call('invoices.deletePayment', { id: invoice.id, paymentId: undone.payments[0]!.id });
    expect(none).toMatchObject({ status: 'sent', paidMinor: 0, payments: [] });
    expect(await t.fail('invoices.deletePayment', { id: invoice.id, paymentId: paid.payments[0]!.id })).toMatchObject({ issues: [{ path: 'paymentId' }] });
    // Paid again: the dashboard still counts the job once.
    await t.call('invoices.recordPayment', { id: invoice.id, amountMinor: total, paidOn: '2026-11-22' });
    expect((await november())?.paidMinor).toBe((await t.call('jobs.get', { id: jobId })).amountMinor);
  });

  it('refuses a draft, more than is owed, and a date in the future', async () => {
    const { invoice } = await sentInvoice();
    const draft = await t.call('invoices.create', { jobId: invoice.jobId! });
    expect(await t.fail('invoices.recordPayment', { id: draft.id, amountMinor: 100, paidOn: '2026-11-22' })).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'id', message: 'Send the invoice first: a draft cannot be paid' }],
    });
    expect(await t.fail('invoices.recordPayment', { id: invoice.id, amountMinor: invoice.balanceMinor + 1, paidOn: '2026-11-22' })).toMatchObject({
      issues: [{ path: 'amountMinor', message: `That is more than the £${(invoice.balanceMinor / 100).toLocaleString('en', { minimumFractionDigits: 2 })} still owed` }],
    });
    expect(await t.fail('invoices.recordPayment', { id: invoice.id, amountMinor: 100, paidOn: '2026-11-23' })).toMatchObject({ issues: [{ path: 'paidOn' }] });
    expect((await t.call('invoices.get', { id: invoice.id })).payments).toEqual([]);
  });
});

describe('overdue', () => {
  it('is derived from the due date: listed as overdue, with the amount owed per currency', async () => {
    const { invoice } = await sentInvoice();
    await t.call('invoices.create', { jobId: invoice.jobId! }); // a draft: never overdue, never outstanding
    const before = await t.call('invoices.list', { status: 'overdue' });
    expect(before.items).toEqual([]);
    expect(before.outstanding).toEqual([{ currency: 'GBP', balanceMinor: invoice.balanceMinor, overdueMinor: 0, overdueCount: 0 }]);

    t.clock.set('2026-12-22T12:00:00.000Z'); // the due date itself: not overdue yet
    expect((await t.call('invoices.list', { status: 'overdue' })).items).toEqual([]);
    t.clock.set('2026-12-23T12:00:00.000Z');
    await t.call('invoices.recordPayment', { id: invoice.id, amountMinor: 1_000, paidOn: '2026-12-23' });
    const after = await t.call('invoices.list', { status: 'overdue' });
    expect(after.items.map((i) => [i.number, i.overdue, i.status, i.balanceMinor])).toEqual([['INV-2026-0001', true, 'partlyPaid', invoice.balanceMinor - 1_000]]);
    expect(after.outstanding).toEqual([{ currency: 'GBP', balanceMinor: invoice.balanceMinor - 1_000, overdueMinor: invoice.balanceMinor - 1_000, overdueCount: 1 }]);
    expect((await t.call('invoices.get', { id: invoice.id })).overdue).toBe(true);

    await t.call('invoices.recordPayment', { id: invoice.id, amountMinor: invoice.balanceMinor - 1_000, paidOn: '2026-12-23' });
    const paid = await t.call('invoices.list', { status: 'overdue' });
    expect(paid.items).toEqual([]);
    expect(paid.outstanding).toEqual([]);
  });
});
