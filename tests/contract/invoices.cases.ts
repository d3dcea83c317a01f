// Contract cases for invoices' channels (issue #23; see channels.test.ts). The invoices are made here from a job of
// their own (no quote needed), so no other feature's fixture changes: drafts to change, delete and send, and one sent
// invoice with a payment to pay again, undo, open as PDF and export.
import type { InvoicesChannel } from '../../shared/ipc/invoices.channels';
import type { FeatureCases } from './cases';

const NOPE = '00000000-0000-4000-8000-000000000000';
const TAX = [{ taxRateId: '5a1e57a0-0000-4000-8000-000000000001', rateMilli: 20_000 }];
let jobId = '';
let draftId = '';
let doomedId = '';
let toSendId = '';
let emptyId = '';
let sentId = '';
let paymentId = '';

export const invoicesCases: FeatureCases<InvoicesChannel> = {
  async setup(fx) {
    jobId = (await fx.t.call('jobs.create', { title: 'Invoiced job', contactId: fx.contactId, amountMinor: 100_000 })).id;
    const draft = () => fx.t.call('invoices.create', { jobId });
    draftId = (await draft()).id;
    doomedId = (await draft()).id;
    toSendId = (await draft()).id;
    emptyId = (await fx.t.call('invoices.create', { jobId, lines: [] })).id;
    sentId = (await draft()).id;
    await fx.t.call('invoices.send', { id: sentId, markSentOnly: true });
    paymentId = (await fx.t.call('invoices.recordPayment', { id: sentId, amountMinor: 1_000, paidOn: '2026-11-20' })).payments[0]!.id;
  },
  cases: {
    'invoices.create': {
      valid: () => ({ jobId, paymentTermsDays: 14, notes: 'Thank you' }),
      invalid: [
        [() => ({}), 'quoteId'],
        [() => ({ quoteId: 'x' }), 'quoteId'],
        [() => ({ quoteId: NOPE }), 'quoteId'],
        [() => ({ jobId: NOPE }), 'jobId'],
        [() => ({ jobId, paymentTermsDays: 400 }), 'paymentTermsDays'],
        [() => ({ jobId, dueDate: 'soon' }), 'dueDate'],
        [() => ({ jobId, lines: [{ kind: 'item', description: '', quantityMilli: 1000, unitPriceE4: 0, taxes: TAX }] }), 'lines.0.description'],
      ],
    },
    'invoices.get': { valid: () => ({ id: sentId }), invalid: [[() => ({ id: 'x' }), 'id'], [() => ({ id: NOPE }), 'id']] },
    'invoices.update': {
      valid: () => ({ id: draftId, discount: { kind: 'percent', milliPct: 10_000 }, dueDate: '2026-12-31', notes: 'Net 30' }),
      invalid: [
        [() => ({ id: sentId, notes: 'x' }), 'id'],
        [() => ({ id: NOPE, notes: 'x' }), 'id'],
        [() => ({ id: draftId, discount: { kind: 'percent', milliPct: 200_000 } }), 'discount.milliPct'],
        [() => ({ id: draftId, lines: [{ kind: 'heading', text: ' ' }] }), 'lines.0.text'],
        [() => ({ id: draftId, lines: [{ kind: 'item', description: 'x', quantityMilli: 0, unitPriceE4: 0, taxes: TAX }] }), 'lines.0.quantityMilli'],
      ],
    },
    'invoices.list': {
      valid: () => ({ status: 'unpaid', jobId, query: 'Invoiced', limit: 10 }),
      invalid: [
        [() => ({ status: 'late' }), 'status'],
        [() => ({ limit: 0 }), 'limit'],
        [() => ({ cursor: 'not-a-cursor' }), 'cursor'],
      ],
    },
    'invoices.delete': { valid: () => ({ id: doomedId }), invalid: [[() => ({ id: sentId }), 'id'], [() => ({ id: NOPE }), 'id']] },
    'invoices.send': {
      valid: () => ({ id: toSendId, markSentOnly: true }),
      invalid: [
        [() => ({ id: NOPE }), 'id'],
        [() => ({ id: sentId, to: 'not-an-email' }), 'to'],
        [() => ({ id: sentId, templateId: NOPE }), 'templateId'],
        [() => ({ id: emptyId, markSentOnly: true }), 'lines'],
      ],
    },
    'invoices.recordPayment': {
      valid: () => ({ id: sentId, amountMinor: 2_000, paidOn: '2026-11-21', method: 'cash', note: 'At the door' }),
      invalid: [
        [() => ({ id: sentId, amountMinor: 0, paidOn: '2026-11-21' }), 'amountMinor'],
        [() => ({ id: sentId, amountMinor: 1.5, paidOn: '2026-11-21' }), 'amountMinor'],
        [() => ({ id: sentId, amountMinor: 10_000_000, paidOn: '2026-11-21' }), 'amountMinor'],
        [() => ({ id: sentId, amountMinor: 100, paidOn: '2099-01-01' }), 'paidOn'],
        [() => ({ id: sentId, amountMinor: 100, paidOn: '21/11/2026' }), 'paidOn'],
        [() => ({ id: sentId, amountMinor: 100, paidOn: '2026-11-21', method: 'barter' }), 'method'],
        [() => ({ id: draftId, amountMinor: 100, paidOn: '2026-11-21' }), 'id'],
      ],
    },
    'invoices.deletePayment': {
      valid: () => ({ id: sentId, paymentId }),
      invalid: [
        [() => ({ id: sentId, paymentId: NOPE }), 'paymentId'],
        [() => ({ id: NOPE, paymentId: NOPE }), 'id'],
        [() => ({ id: sentId }), 'paymentId'],
      ],
    },
    'invoices.pdf': { valid: () => ({ id: sentId, saveAs: true }), invalid: [[() => ({ id: NOPE }), 'id'], [() => ({ id: sentId, saveAs: 'yes' }), 'saveAs']] },
    'invoices.exportCsv': {
      valid: () => ({ from: '2026-11-01', to: '2026-11-30' }),
      invalid: [
        [() => ({ from: '2026-12-01', to: '2026-11-01' }), 'to'],
        [() => ({ from: 'November', to: '2026-11-30' }), 'from'],
        [() => ({ from: '2026-11-01', to: '2026-11-30', format: 'ubl' }), 'format'],
      ],
    },
  },
};
