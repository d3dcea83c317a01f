// Erasing a client who has quotes and invoices (issues #21 and #23): their quotes and draft invoices go; a SENT invoice
// is a record the business must keep (UK: six years; GDPR art. 17(3)(b)), so it stays as printed, with its frozen PDF,
// and the quote it was made from keeps its number and lines without the client block. The preview says so first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { item, kitchenQuote, quoteWorld, type QuoteWorld } from './quotes-seed';

let w: QuoteWorld;
beforeEach(async () => {
  w = await quoteWorld();
});
afterEach(() => w.t.destroy());

const db = () => w.t.core.store.db;

describe('erasing a client with quotes and invoices', () => {
  it('keeps sent invoices as printed, removes the rest, and says so in the preview', async () => {
    const invoiced = await kitchenQuote(w);
    await w.t.call('quotes.send', { id: invoiced.id, markSentOnly: true });
    await w.t.call('quotes.accept', { id: invoiced.id, method: 'call' });
    const invoice = await w.t.call('invoices.create', { quoteId: invoiced.id });
    const sent = await w.t.call('invoices.send', { id: invoice.id, markSentOnly: true });
    const other = await w.t.call('quotes.create', { title: 'Bathroom', contactId: w.contactId, lines: [item('Tiles', 10, 20)], notes: 'Megan wants grey' });
    await w.t.call('quotes.send', { id: other.id, markSentOnly: true });
    const draftQuote = await w.t.call('quotes.create', { title: 'Garden wall', contactId: w.contactId, lines: [item('Bricks', 100, 1)] });
    const draftInvoice = await w.t.call('invoices.create', { jobId: w.jobId });

    const preview = await w.t.call('privacy.erasePreview', { contactId: w.contactId });
    expect(preview.removed).toContainEqual({ what: 'Quotes (every revision, with their lines)', count: 2 });
    expect(preview.removed).toContainEqual({ what: 'Draft invoices', count: 1 });
    expect(preview.kept).toContainEqual({ what: `Invoice ${sent.number}`, why: 'The law requires keeping sent invoices: it stays as it was printed, with Megan Jones’s name and address' });

    await w.t.call('privacy.erase', { contactId: w.contactId });

    const kept = await db().selectFrom('invoices').selectAll().where('id', '=', invoice.id).executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ number: sent.number, contact_id: null, pdf_sha256: sent.pdfSha256 });
    expect(kept.client_snapshot).toContain('Megan Jones');
    expect(await db().selectFrom('documents').select('id').where('id', '=', sent.pdfDocumentId).executeTakeFirst()).toBeDefined();
    expect((await w.t.call('invoices.get', { id: invoice.id })).totals.grandTotalMinor).toBe(22_800);

    const source = await db().selectFrom('quotes').selectAll().where('id', '=', invoiced.id).executeTakeFirstOrThrow();
    expect(source).toMatchObject({ client_snapshot: null, notes: null, contact_id: null });
    expect((await db().selectFrom('sale_lines').select('id').where('quote_id', '=', invoiced.id).execute()).length).toBe(2);
    for (const gone of [other.id, draftQuote.id]) expect(await db().selectFrom('quotes').select('id').where('id', '=', gone).executeTakeFirst()).toBeUndefined();
    expect(await db().selectFrom('invoices').select('id').where('id', '=', draftInvoice.id).executeTakeFirst()).toBeUndefined();
    expect(await db().selectFrom('sale_lines').select('id').where('quote_id', 'in', [other.id, draftQuote.id]).executeTakeFirst()).toBeUndefined();
  });
});
