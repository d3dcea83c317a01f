// Sending an invoice (issue #23) through the one send pipeline (quotes/send-document.ts): the first send takes the
// next number of the invoice series (gapless: taken inside the transaction that also freezes the PDF and queues the
// email), fixes the issue and due dates, freezes the client and business blocks and adds the "Invoice … is due"
// follow-up on the due date. A re-send attaches the very bytes of the first send. No SQL beyond the repos.
import type { Kysely } from 'kysely';
import { formatMoney } from '../../../shared/domain/money';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { insertTask } from '../../db/activities.repo';
import { findTemplate } from '../../db/email.repo';
import { completeSendInvoiceTasks, setTaskInvoice, updateInvoice, type InvoiceRow } from '../../db/invoices.repo';
import { linesOf } from '../../db/sale-lines.repo';
import type { DB } from '../../db/schema';
import { loadCalendar } from '../../db/service.repo';
import { dateStart } from '../cases/case-open';
import { formatDay } from '../day-words';
import type { MergeValues } from '../email/merge';
import type { Outbox } from '../email/outbox';
import type { FeatureContext } from '../modules';
import { sendDocument, type SendPlan } from '../quotes/send-document';
import { loadSalesSettings } from '../quotes/settings';
import { businessSnapshot, clientSnapshot, invoicePrintable } from './printable';
import { addDays, requireInvoice, todayOf } from './view';

const DEFAULT_SUBJECT = 'Invoice {{invoice.number}}: {{invoice.title}}';
const DEFAULT_BODY = `Hello {{firstName|there}},

Please find attached invoice {{invoice.number}} for {{invoice.total}}, due on {{invoice.dueDate}}.

Thank you for your business.`;

export const fileName = (number: string) => `Invoice ${number}.pdf`;

/** {{invoice.*}} merge values: money in the currency's own minor units, in one fixed locale (as merge.ts does). */
export function invoiceValues(row: Pick<InvoiceRow, 'title' | 'currency' | 'grand_total_minor' | 'paid_minor'>, number: string, dueDate: string | null): MergeValues {
  return {
    'invoice.number': number,
    'invoice.title': row.title,
    'invoice.total': formatMoney(row.grand_total_minor, row.currency, 'en'),
    'invoice.dueDate': dueDate ? formatDay(dueDate) : null,
    'invoice.balance': formatMoney(row.grand_total_minor - row.paid_minor, row.currency, 'en'),
  };
}

export function createInvoiceSend(ctx: FeatureContext, outbox: Outbox) {
  const { db, clock, newId, events } = ctx.deps;

  async function emailOf(input: ChannelParsedInput<'invoices.send'>, row: InvoiceRow, dueDate: string | null): Promise<SendPlan['email']> {
    if (input.markSentOnly) return null;
    const template = input.templateId ? await findTemplate(db, input.templateId) : undefined;
    if (input.templateId && (!template || template.deletedAt)) throw AppError.validation('templateId', 'There is no such template');
    if (!input.to && !row.contact_id) throw AppError.validation('to', 'This invoice has no contact: enter the address to send it to');
    return {
      to: input.to ? { address: input.to } : { contactId: row.contact_id! },
      subject: input.subject ?? template?.subject ?? DEFAULT_SUBJECT,
      body: input.body ?? template?.body ?? DEFAULT_BODY,
      templateId: template?.id ?? null,
      values: (number) => invoiceValues(row, number, dueDate),
    };
  }

  /** The follow-up on the due date, on the client's list and the job's, about this invoice. */
  async function dueTask(trx: Kysely<DB>, row: InvoiceRow, number: string, dueDate: string, now: string): Promise<string> {
    const id = newId();
    const { timeZone } = await loadCalendar(trx);
    await insertTask(trx, {
      id, title: `Invoice ${number} is due`, dueAt: dateStart(timeZone, dueDate), allDay: true, contactId: row.contact_id, jobId: row.job_id,
      priority: 'normal', notes: null, completedAt: null, remindedAt: null, createdAt: now, updatedAt: now, deletedAt: null,
    });
    await setTaskInvoice(trx, id, row.id);
    return id;
  }

  return async function send(input: ChannelParsedInput<'invoices.send'>): Promise<ChannelOutput<'invoices.send'>> {
    const row = await requireInvoice(db, input.id);
    if (row.status === 'void') throw AppError.validation('id', 'A void invoice cannot be sent');
    const settings = await loadSalesSettings(db);
    const lines = await linesOf(db, { invoiceId: row.id });
    const first = row.status === 'draft';
    if (first && !lines.some((l) => l.kind === 'item')) throw AppError.validation('lines', 'Add a line to the invoice before sending it');
    const issuedOn = first ? todayOf(clock.now()) : row.issued_on;
    const dueDate = first ? (row.due_date ?? addDays(issuedOn!, row.payment_terms_days)) : row.due_date;
    // Frozen now and stored with the number, so the PDF of every later re-send or copy prints the same blocks.
    const client = first ? JSON.stringify(await clientSnapshot(db, row)) : row.client_snapshot;
    const business = first ? JSON.stringify(businessSnapshot(settings)) : row.business_snapshot;
    const printed: InvoiceRow = { ...row, client_snapshot: client, business_snapshot: business };
    const printable = await invoicePrintable(ctx, db, printed, lines, settings, { number: null, issuedOn, dueDate });
    const email = await emailOf(input, row, dueDate);
    let taskId: string | null = null;
    const plan: SendPlan = {
      series: 'invoice',
      pattern: settings.invoicePattern,
      resetYearly: settings.invoiceResetYearly,
      fixedNumber: first ? null : row.number,
      frozen: first || !row.pdf_document_id || !row.pdf_sha256 ? null : { documentId: row.pdf_document_id, sha256: row.pdf_sha256 },
      printable: (number) => ({ ...printable, number }),
      fileName,
      jobId: row.job_id,
      contactId: row.contact_id,
      email,
      async check(trx) {
        const now = await requireInvoice(trx, row.id);
        // Edited (or sent from another window) since this send read it: the PDF would not be what is stored.
        if (now.updated_at !== row.updated_at || now.status !== row.status) throw new AppError('CONFLICT', 'The invoice changed while it was being sent: check it and send it again');
      },
      async commit(trx, sent) {
        const now = clock.now().toISOString();
        if (!first) {
          await updateInvoice(trx, row.id, { updated_at: now });
          return;
        }
        await updateInvoice(trx, row.id, {
          status: 'sent',
          number: sent.number,
          issued_on: issuedOn,
          due_date: dueDate,
          sent_at: now,
          pdf_document_id: sent.pdfDocumentId,
          pdf_sha256: sent.pdfSha256,
          client_snapshot: client,
          business_snapshot: business,
          updated_at: now,
        });
        taskId = await dueTask(trx, row, sent.number, dueDate!, now);
        // The "Send invoice" follow-up that accepting the quote offered is done now.
        if (row.quote_id) await completeSendInvoiceTasks(trx, row.quote_id, now);
      },
    };
    const result = await sendDocument(ctx, outbox, plan);
    events.emit('data.changed', { entity: 'invoice', action: 'updated', ids: [row.id] });
    if (taskId) events.emit('data.changed', { entity: 'task', action: 'created', ids: [taskId] });
    return result;
  };
}
