// Invoice drafts (issue #23 item 7) through the dispatcher: from an accepted quote (its counted lines, discount and
// terms; totals equal to the accepted quote's), once only; from a job; changed and deleted only while drafts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptedQuote, clientAndJob, GB_STANDARD, openInvoicesCore, type InvoicesCore } from './invoices-helpers';

let t: InvoicesCore;
beforeEach(async () => {
  t = await openInvoicesCore();
  await t.call('quotes.settings.update', { invoiceTerms: 'Payment within 30 days by bank transfer.' });
});
afterEach(() => t.destroy());

describe('an invoice from an accepted quote', () => {
  it('copies the counted lines, headings, discount and terms, and comes to the accepted total', async () => {
    const ids = await clientAndJob(t);
    const quote = await acceptedQuote(t, ids);
    const invoice = await t.call('invoices.create', { quoteId: quote.id });
    expect(invoice).toMatchObject({ status: 'draft', number: null, quoteId: quote.id, quoteNumber: quote.number, jobId: ids.jobId, contactId: ids.contactId });
    expect(invoice).toMatchObject({ title: 'Kitchen refit', currency: 'GBP', pricesIncludeTax: false, rounding: 'line', discount: { kind: 'percent', milliPct: 5_000 } });
    expect(invoice.terms).toBe('Payment within 30 days by bank transfer.');
    // The optional line the client did not choose is left out; the heading stays.
    expect(invoice.lines.map((l) => l.text ?? l.description)).toEqual(['Units', 'Base units', 'Fitting']);
    expect(invoice.totals).toEqual(quote.totals);
    expect(invoice.balanceMinor).toBe(quote.totals.grandTotalMinor);
    expect(t.events).toContainEqual({ name: 'data.changed', payload: { entity: 'invoice', action: 'created', ids: [invoice.id] } });
  });

  it('keeps an optional line the client chose, as an ordinary line, at the accepted total', async () => {
    const quote = await acceptedQuote(t, await clientAndJob(t), true);
    const invoice = await t.call('invoices.create', { quoteId: quote.id });
    expect(invoice.lines.map((l) => l.description).filter(Boolean)).toEqual(['Base units', 'Fitting', 'Soft-close hinges']);
    expect(invoice.lines.every((l) => !l.optional && (l.kind === 'heading' || l.counted))).toBe(true);
    expect(invoice.totals).toEqual(quote.totals);
  });

  it('refuses a quote that was not accepted', async () => {
    const ids = await clientAndJob(t);
    const draft = await t.call('quotes.create', { title: 'Bathroom', jobId: ids.jobId, contactId: ids.contactId, lines: [] });
    const error = await t.fail('invoices.create', { quoteId: draft.id });
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'quoteId', message: 'Only an accepted quote can be invoiced: accept it first' }] });
  });

  it('refuses converting a quote twice, and frees it when the draft invoice is deleted', async () => {
    const quote = await acceptedQuote(t, await clientAndJob(t));
    const first = await t.call('invoices.create', { quoteId: quote.id });
    expect(await t.fail('invoices.create', { quoteId: quote.id })).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'quoteId', message: `Quote ${quote.number} was invoiced already as a draft invoice` }],
    });
    await t.call('invoices.delete', { id: first.id });
    const again = await t.call('invoices.create', { quoteId: quote.id });
    await t.call('invoices.send', { id: again.id, markSentOnly: true });
    expect(await t.fail('invoices.create', { quoteId: quote.id })).toMatchObject({
      issues: [{ path: 'quoteId', message: `Quote ${quote.number} was invoiced already as INV-2026-0001` }],
    });
    expect((await t.call('quotes.get', { id: quote.id })).invoiceId).toBe(again.id);
  });
});

describe('an invoice from a job', () => {
  it('is one line for the job at its value, net, with the default tax rate', async () => {
    const ids = await clientAndJob(t, { amountMinor: 250_000 });
    const invoice = await t.call('invoices.create', { jobId: ids.jobId });
    expect(invoice).toMatchObject({ quoteId: null, jobId: ids.jobId, contactId: ids.contactId, title: 'Kitchen refit', pricesIncludeTax: false });
    expect(invoice.lines).toHaveLength(1);
    expect(invoice.lines[0]).toMatchObject({ description: 'Kitchen refit', quantityMilli: 1000, unitPriceE4: 2_500_000_000, taxes: [{ taxRateId: GB_STANDARD, rateMilli: 20_000 }] });
    expect(invoice.totals).toMatchObject({ netTotalMinor: 250_000, taxTotalMinor: 50_000, grandTotalMinor: 300_000 });
  });

  it('takes the value as tax-inclusive when the business enters prices with tax', async () => {
    await t.call('quotes.settings.update', { pricesIncludeTax: true });
    const ids = await clientAndJob(t, { amountMinor: 120_000 });
    const invoice = await t.call('invoices.create', { jobId: ids.jobId });
    expect(invoice.totals).toMatchObject({ netTotalMinor: 100_000, taxTotalMinor: 20_000, grandTotalMinor: 120_000 });
  });

  it('gives a job without a value a 0 line to fill in', async () => {
    const invoice = await t.call('invoices.create', { jobId: (await clientAndJob(t)).jobId });
    expect(invoice.lines[0]).toMatchObject({ unitPriceE4: 0, grossMinor: 0 });
    expect(invoice.totals.grandTotalMinor).toBe(0);
  });

  it('needs a quote or a job', async () => {
    expect(await t.fail('invoices.create', {})).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'quoteId' }] });
  });
});

describe('changing and deleting', () => {
  it('prices a draft again on every change', async () => {
    const invoice = await t.call('invoices.create', { jobId: (await clientAndJob(t, { amountMinor: 10_000 })).jobId });
    const line = { kind: 'item' as const, description: 'Extra socket', quantityMilli: 2_000, unitPriceE4: 45_000_000, taxes: [{ taxRateId: GB_STANDARD, rateMilli: 20_000 }] };
    const changed = await t.call('invoices.update', { id: invoice.id, lines: [line], dueDate: '2026-12-24', notes: 'Thanks' });
    expect(changed).toMatchObject({ dueDate: '2026-12-24', notes: 'Thanks', totals: { netTotalMinor: 9_000, taxTotalMinor: 1_800, grandTotalMinor: 10_800 } });
    const discounted = await t.call('invoices.update', { id: invoice.id, discount: { kind: 'amount', minor: 1_000 } });
    expect(discounted.totals).toMatchObject({ netTotalMinor: 8_000, grandTotalMinor: 9_600 });
    expect((await t.call('invoices.get', { id: invoice.id })).lines[0]?.description).toBe('Extra socket');
  });

  it('refuses to change or delete a sent invoice', async () => {
    const invoice = await t.call('invoices.create', { jobId: (await clientAndJob(t, { amountMinor: 10_000 })).jobId });
    await t.call('invoices.send', { id: invoice.id, markSentOnly: true });
    const final = 'A sent invoice cannot be changed: record a credit note as a new invoice with a negative line';
    expect(await t.fail('invoices.update', { id: invoice.id, notes: 'x' })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'id', message: final }] });
    expect(await t.fail('invoices.delete', { id: invoice.id })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'id', message: final }] });
    expect((await t.call('invoices.get', { id: invoice.id })).status).toBe('sent');
  });
});
