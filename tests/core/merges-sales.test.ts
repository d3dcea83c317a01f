// Merging two records of one client moves their quotes and invoices to the one kept (issue #20 with #23), and Undo
// moves exactly those back; the invoice as sent is not changed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kitchenQuote, quoteWorld, type QuoteWorld } from './quotes-seed';

let w: QuoteWorld;
beforeEach(async () => {
  w = await quoteWorld();
});
afterEach(() => w.t.destroy());

describe('merging a client with quotes and invoices', () => {
  it('moves the quotes and invoices to the survivor and back on undo', async () => {
    const twin = (await w.t.call('contacts.create', { firstName: 'Meg', lastName: 'Jones', emails: [{ value: 'megan@client.test' }] })).id;
    const quote = await kitchenQuote(w);
    await w.t.call('quotes.send', { id: quote.id, markSentOnly: true });
    await w.t.call('quotes.accept', { id: quote.id, method: 'call' });
    const invoice = await w.t.call('invoices.create', { quoteId: quote.id });
    const sent = await w.t.call('invoices.send', { id: invoice.id, markSentOnly: true });

    const merged = await w.t.call('contacts.merge', { ids: [twin, w.contactId], keep: twin, fields: {} });
    expect(merged.moved).toMatchObject({ quotes: 1, invoices: 1 });
    expect((await w.t.call('quotes.get', { id: quote.id })).contactId).toBe(twin);
    expect((await w.t.call('invoices.get', { id: invoice.id })).contactId).toBe(twin);
    expect((await w.t.call('quotes.list', { contactId: twin })).items.map((q) => q.id)).toEqual([quote.id]);

    await w.t.call('merges.undo', { mergeId: merged.mergeId });
    expect((await w.t.call('quotes.get', { id: quote.id })).contactId).toBe(w.contactId);
    const back = await w.t.call('invoices.get', { id: invoice.id });
    expect(back).toMatchObject({ contactId: w.contactId, number: sent.number, pdfSha256: sent.pdfSha256 });
  });
});
