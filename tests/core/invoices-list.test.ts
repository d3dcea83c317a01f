// The invoices list (filters, search, newest first in keyset pages) and the accountant's CSV export (issue #23 item 7):
// invoices issued in the period, never drafts; an Invoice row and a VAT row per rate; the client's VAT number; every
// figure a stored total; text cells safe from formula injection.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveCells, readAsSpreadsheet } from '../helpers/spreadsheet';
import { acceptedQuote, openInvoicesCore, type InvoicesCore } from './invoices-helpers';

let t: InvoicesCore;
beforeEach(async () => {
  t = await openInvoicesCore();
});
afterEach(() => t.destroy());

async function job(firstName: string, title: string, amountMinor: number, companyId?: string) {
  const contact = await t.call('contacts.create', { firstName, lastName: 'Client', ...(companyId ? { companyId } : {}) });
  return { contactId: contact.id, jobId: (await t.call('jobs.create', { title, contactId: contact.id, amountMinor, currency: 'GBP', ...(companyId ? { companyId } : {}) })).id };
}

async function sent(jobId: string) {
  const draft = await t.call('invoices.create', { jobId });
  await t.call('invoices.send', { id: draft.id, markSentOnly: true });
  return draft.id;
}

describe('the list', () => {
  it('filters by status, job, contact and text, newest first, in pages', async () => {
    const a = await job('Ann', 'Loft conversion', 10_000);
    const b = await job('Ben', 'Garden wall', 20_000);
    const first = await sent(a.jobId);
    const second = await sent(b.jobId);
    const draft = (await t.call('invoices.create', { jobId: a.jobId })).id;
    const all = await t.call('invoices.list', {});
    expect(all.items.map((i) => i.id)).toEqual([draft, second, first]);
    expect(all.total).toBe(3);
    expect(all.items[1]).toMatchObject({ number: 'INV-2026-0002', contactName: 'Ben Client', title: 'Garden wall', grandTotalMinor: 24_000, balanceMinor: 24_000, status: 'sent' });

    const page1 = await t.call('invoices.list', { limit: 2 });
    const page2 = await t.call('invoices.list', { limit: 2, cursor: page1.nextCursor! });
    expect([...page1.items, ...page2.items].map((i) => i.id)).toEqual([draft, second, first]);
    expect(page2.nextCursor).toBeNull();

    expect((await t.call('invoices.list', { status: 'draft' })).items.map((i) => i.id)).toEqual([draft]);
    expect((await t.call('invoices.list', { status: 'unpaid' })).items.map((i) => i.id)).toEqual([second, first]);
    expect((await t.call('invoices.list', { jobId: a.jobId })).items.map((i) => i.id)).toEqual([draft, first]);
    expect((await t.call('invoices.list', { contactId: b.contactId })).items.map((i) => i.id)).toEqual([second]);
    expect((await t.call('invoices.list', { query: 'garden' })).items.map((i) => i.id)).toEqual([second]);
    expect((await t.call('invoices.list', { query: 'INV-2026-0001' })).items.map((i) => i.id)).toEqual([first]);
    expect((await t.call('invoices.list', { query: 'ann cl' })).items.map((i) => i.id)).toEqual([draft, first]);
    expect((await t.call('invoices.list', { query: '%' })).total).toBe(0);
    await t.call('invoices.recordPayment', { id: first, amountMinor: 12_000, paidOn: '2026-11-22' });
    expect((await t.call('invoices.list', { status: 'paid' })).items.map((i) => i.id)).toEqual([first]);
  });
});

describe('the accountant export', () => {
  it('writes an Invoice row and a VAT row per rate for invoices issued in the period', async () => {
    await t.call('fields.create', { recordType: 'company', label: 'VAT number', type: 'text' });
    const company = await t.call('companies.create', { name: '=HYPERLINK("http://x")', custom: { vatNumber: 'GB123456789' } });
    const quoted = await job('Maya', 'Kitchen refit', 0, company.id);
    const quote = await acceptedQuote(t, quoted);
    const fromQuote = (await t.call('invoices.create', { quoteId: quote.id })).id;
    await t.call('invoices.send', { id: fromQuote, markSentOnly: true });
    await t.call('invoices.recordPayment', { id: fromQuote, amountMinor: 5_000, paidOn: '2026-11-22' });
    const other = await job('Ben', 'Garden wall', 20_000);
    t.clock.set('2026-12-01T09:00:00.000Z');
    await sent(other.jobId); // issued in December: outside the period
    await t.call('invoices.create', { jobId: other.jobId }); // a draft: never exported

    const result = await t.call('invoices.exportCsv', { from: '2026-11-01', to: '2026-11-30' });
    expect(result.rows).toBe(1);
    const text = readFileSync(result.path!, 'utf8');
    const rows = readAsSpreadsheet(text).filter((r) => r.join('') !== '');
    expect(liveCells(rows)).toEqual([]);
    expect(rows[0]).toEqual(['Row', 'Invoice number', 'Issued', 'Due', 'Client', 'Company', 'Client VAT number', 'Currency', 'VAT rate', 'Net', 'VAT', 'Total', 'Paid', 'Balance', 'Status', 'Quote number']);
    const t0 = quote.totals;
    const money = (minor: number) => (minor / 100).toFixed(2);
    const who = ['INV-2026-0001', '2026-11-22', '2026-12-22', 'Maya Client', `'=HYPERLINK("http://x")`, 'GB123456789', 'GBP'];
    expect(rows[1]).toEqual(['Invoice', ...who, '', money(t0.netTotalMinor), money(t0.taxTotalMinor), money(t0.grandTotalMinor), '50.00', money(t0.grandTotalMinor - 5_000), 'Part paid', quote.number]);
    expect(rows.slice(2, 4)).toEqual(
      t0.taxSummary.map((s) => ['VAT', ...who, `${s.label} (${s.rateMilli / 1000}%)`, money(s.netMinor), money(s.taxMinor), money(s.netMinor + s.taxMinor), '', '', '', '']),
    );
    expect(rows).toHaveLength(4);
    // The VAT rows add up to the invoice's own figures.
    expect(t0.taxSummary.reduce((sum, s) => sum + s.taxMinor, 0)).toBe(t0.taxTotalMinor);
  });

  it('writes only the header when nothing was issued', async () => {
    const result = await t.call('invoices.exportCsv', { from: '2026-01-01', to: '2026-01-31' });
    expect(result.rows).toBe(0);
    expect(readAsSpreadsheet(readFileSync(result.path!, 'utf8')).filter((r) => r.join('') !== '')).toHaveLength(1);
  });
});
