// Payments of a sent invoice (issue #23): part or whole, never more than is owed, never dated in the future. The
// payment that completes the total makes the invoice Paid, moves its job to Paid (job-stage.ts: the revenue figures
// follow from that one stage change, so part payments never count the job twice) and ticks off the "is due"
// follow-up; undoing a payment puts both back. No SQL beyond the repos.
import { formatMoney } from '../../../shared/domain/money';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { deletePaymentRow, insertPayment, paymentsOf, setDueTasksDone, updateInvoice } from '../../db/invoices.repo';
import type { FeatureContext } from '../modules';
import { moveJobTo } from '../quotes/job-stage';
import { loadInvoice, requireInvoice, todayOf } from './view';

type Status = 'sent' | 'partlyPaid' | 'paid';

export function createInvoicePayments(ctx: FeatureContext) {
  const { db, clock, events, newId } = ctx.deps;

  /** Emits what changed: the invoice always, the job when it moved, the follow-ups when they were ticked or reopened. */
  function changed(invoiceId: string, jobId: string | null, moved: boolean) {
    events.emit('data.changed', { entity: 'invoice', action: 'updated', ids: [invoiceId] });
    if (moved && jobId) events.emit('data.changed', { entity: 'job', action: 'updated', ids: [jobId] });
    if (moved) events.emit('data.changed', { entity: 'task', action: 'updated', ids: [] });
  }

  async function record(input: ChannelParsedInput<'invoices.recordPayment'>): Promise<ChannelOutput<'invoices.recordPayment'>> {
    const today = todayOf(clock.now());
    const { jobId, paid } = await db.transaction().execute(async (trx) => {
      const row = await requireInvoice(trx, input.id);
      if (row.status === 'draft') throw AppError.validation('id', 'Send the invoice first: a draft cannot be paid');
      if (row.status === 'void') throw AppError.validation('id', 'A void invoice cannot be paid');
      const balance = row.grand_total_minor - row.paid_minor;
      if (row.status === 'paid' || balance <= 0) throw AppError.validation('amountMinor', 'This invoice is paid in full already');
      if (input.amountMinor > balance) throw AppError.validation('amountMinor', `That is more than the ${formatMoney(balance, row.currency, 'en')} still owed`);
      if (input.paidOn > today) throw AppError.validation('paidOn', 'A payment cannot be dated in the future');
      const now = clock.now().toISOString();
      await insertPayment(trx, { id: newId(), invoice_id: row.id, amount_minor: input.amountMinor, paid_on: input.paidOn, method: input.method, note: input.note ?? null, created_at: now });
      const inFull = input.amountMinor === balance;
      await updateInvoice(trx, row.id, {
        paid_minor: row.paid_minor + input.amountMinor,
        status: inFull ? 'paid' : 'partlyPaid',
        paid_at: inFull ? input.paidOn : null,
        updated_at: now,
      });
      if (inFull) {
        await setDueTasksDone(trx, row.id, now, now);
        if (row.job_id) await moveJobTo(trx, row.job_id, 'paid', now);
      }
      return { jobId: row.job_id, paid: inFull };
    });
    changed(input.id, jobId, paid);
    return loadInvoice(db, input.id, today);
  }

  /** Undoes a payment recorded by mistake; an invoice no longer paid in full takes its job back to Won. */
  async function remove(input: ChannelParsedInput<'invoices.deletePayment'>): Promise<ChannelOutput<'invoices.deletePayment'>> {
    const { jobId, unpaid } = await db.transaction().execute(async (trx) => {
      const row = await requireInvoice(trx, input.id);
      const payment = (await paymentsOf(trx, row.id)).find((p) => p.id === input.paymentId);
      if (!payment || !(await deletePaymentRow(trx, row.id, payment.id))) throw AppError.validation('paymentId', 'There is no such payment on this invoice');
      const left = await paymentsOf(trx, row.id);
      const paidMinor = left.reduce((sum, p) => sum + p.amount_minor, 0);
      const status: Status = paidMinor === 0 ? 'sent' : paidMinor >= row.grand_total_minor ? 'paid' : 'partlyPaid';
      const now = clock.now().toISOString();
      await updateInvoice(trx, row.id, { paid_minor: paidMinor, status, paid_at: status === 'paid' ? row.paid_at : null, updated_at: now });
      const wasPaid = row.status === 'paid' && status !== 'paid';
      if (wasPaid) {
        await setDueTasksDone(trx, row.id, null, now);
        if (row.job_id) await moveJobTo(trx, row.job_id, 'won', now);
      }
      return { jobId: row.job_id, unpaid: wasPaid };
    });
    changed(input.id, jobId, unpaid);
    return loadInvoice(db, input.id, todayOf(clock.now()));
  }

  return { record, remove };
}
