// Quote and invoice PDFs (issue #23 item 5), printed by the harness's real Chromium and read back with pdftotext:
// the layout a client reads (business and client blocks, DRAFT or the number, the lines with their header on every
// page, optional lines, the VAT summary, totals, the rounding note, reverse charge), A4 and Letter, the document's
// locale and currencies of 0 and 3 digits; then quotes.pdf and invoices.pdf through the dispatcher (a draft preview
// opened, never stored; a sent quote's frozen bytes, the very file the client got).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentHtml, REVERSE_CHARGE_WORDING } from '../../electron/core/quotes/pdf-html';
import { pdfPageCount } from '../../electron/core/quotes/pdf';
import { closeHarnessPrinter } from '../../electron/harness/platform';
import type { LineInput } from '../../shared/domain/quote';
import { priceDocument } from '../../shared/domain/sale-pricing';
import { openTestCore, tempDir, type TestCore } from '../helpers/core';
import { pdfText, printableOf, printPdf, testId } from './quote-pdf-text';

const VAT20 = { taxRateId: '5a1e57a0-0000-4000-8000-000000000001', rateMilli: 20_000, label: 'VAT 20%' };
const VAT5 = { taxRateId: '5a1e57a0-0000-4000-8000-000000000002', rateMilli: 5_000, label: 'VAT 5% (reduced)' };
const REVERSE = { taxRateId: '5a1e57a0-0000-4000-8000-000000000005', rateMilli: 0, label: 'Reverse charge' };
const item = (description: string, quantityMilli: number, unitPriceE4: number, extra: Partial<Extract<LineInput, { kind: 'item' }>> = {}): LineInput => ({
  kind: 'item', description, quantityMilli, unitPriceE4, taxes: [VAT20], optional: false, chosen: false, ...extra,
});

function priced(lines: LineInput[], currency = 'GBP', pricesIncludeTax = false) {
  const { lines: stored, totals } = priceDocument({ currency, pricesIncludeTax, rounding: 'line', discount: null, lines }, testId);
  return { lines: stored, totals, currency, pricesIncludeTax };
}

function pageSizeOf(bytes: Uint8Array): string {
  const file = join(tempDir(), 'x.pdf');
  writeFileSync(file, bytes);
  return /Page size:\s+([\d.]+ x [\d.]+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]!;
}

afterAll(() => closeHarnessPrinter());

describe('the printed page', () => {
  it('prints the business, the client, DRAFT, the lines, the VAT summary, totals and the rounding note', async () => {
    const doc = printableOf(
      priced([
        { kind: 'heading', text: 'Kitchen' },
        item('Fitting <b>units</b> & "worktops"', 2500, 450_000_000, { unit: 'day' }),
        item('Tiles', 12_000, 23_456_700, { taxes: [VAT5], discount: { kind: 'percent', milliPct: 12_500 } }),
        item('Extractor upgrade', 1000, 1_999_900_000, { optional: true }),
      ]),
      { notes: 'Access by the side gate', terms: 'Half up front' },
    );
    const text = pdfText(await printPdf(doc));
    for (const shown of ['Ada Builds Ltd', 'VAT number GB 123 4567 89', 'Company number 01234567', 'ada@example.com', 'Grace Hopper', '2 Low Road']) expect(text).toContain(shown);
    expect(text).toContain('Quote DRAFT');
    expect(text).toContain('Date 6 December 2026');
    expect(text).toContain('Valid until 5 January 2027');
    expect(text).toMatch(/Description Qty Unit Unit price Discount VAT Amount/);
    // Escaped text prints as typed; a quantity shows only its digits; a unit price keeps its extra decimals only when it has them.
    expect(text).toContain('Fitting <b>units</b> & "worktops" 2.5 day £450.00 20% £1,125.00');
    // 12 × 23.4567 = 281.4804, less 12.5 % = 246.30: the price keeps its 4 decimals, the amount has the currency's 2.
    expect(text).toContain('Tiles 12 £23.4567 12.5% 5% £246.30');
    expect(text).toMatch(/Extractor upgrade 1 £1,999\.90 20% £1,999\.90\s*\n\s*Optional, not included/);
    // The optional line is listed but counted nowhere: 1,125.00 + 246.30, VAT 225.00 + 12.32 (12.315 rounds up).
    expect(text).toMatch(/VAT 20% 20% £1,125\.00 £225\.00/);
    expect(text).toMatch(/VAT 5% \(reduced\) 5% £246\.30 £12\.32/);
    for (const shown of ['Subtotal £1,371.30', 'VAT £237.32', 'Total £1,608.62', 'halves round up', 'Access by the side gate', 'Half up front']) expect(text).toContain(shown);
    expect(text).not.toContain(REVERSE_CHARGE_WORDING);
  });

  it('is self-contained HTML: no script, nothing fetched, the logo inline and only as a PNG or JPEG', () => {
    const doc = printableOf(priced([item('<script>alert(1)</script>', 1000, 10_000)]));
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const html = documentHtml({ ...doc, business: { ...doc.business, logo: { mime: 'image/png', base64: png } } });
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain(`src="data:image/png;base64,${png}"`);
    expect(html).not.toMatch(/(src|href)="(?!data:)/);
    expect(html).toContain("default-src 'none'");
    const bad = documentHtml({ ...doc, business: { ...doc.business, logo: { mime: 'image/svg+xml', base64: png } } });
    expect(bad).not.toContain('<img');
    const injected = documentHtml({ ...doc, business: { ...doc.business, logo: { mime: 'image/png', base64: 'x" onerror="alert(1)' } } });
    expect(injected).not.toContain('<img');
  });

  it('repeats the lines header on every page of a 200-line quote, and numbers the pages from the PDF', async () => {
    const lines = Array.from({ length: 200 }, (_, i): LineInput => (i % 25 === 0 ? { kind: 'heading', text: `Room ${i / 25 + 1}` } : item(`Task ${i}`, 1000 + i, 1_250_000)));
    const bytes = await printPdf(printableOf(priced(lines)));
    const pages = pdfPageCount(bytes);
    expect(pages).toBeGreaterThan(2);
    const withLines = Array.from({ length: pages }, (_, i) => pdfText(bytes, i + 1)).filter((text) => /Task \d+ /.test(text));
    // Every page that carries lines starts them under the column names (the last page may hold only the totals).
    expect(withLines.length).toBeGreaterThanOrEqual(pages - 1);
    for (const text of withLines) expect(text).toMatch(/^\s*Description Qty Unit Unit price Discount VAT Amount\s*\n(\s*\n)*\s*(Room \d+|Task \d+ )/m);
    expect(pdfText(bytes, pages)).toMatch(/Total £/);
  });

  it('prints A4 or Letter as the document says', async () => {
    const doc = printableOf(priced([item('Survey', 1000, 1_000_000)]));
    expect(pageSizeOf(await printPdf(doc))).toMatch(/^595\.\d* x 841\.\d*|^595\.\d* x 842/);
    expect(pageSizeOf(await printPdf({ ...doc, pageSize: 'Letter' }))).toBe('612 x 792');
  });

  it('writes numbers, money and dates in the locale, for currencies of 0 and 3 digits, and prices with tax', async () => {
    const de = pdfText(await printPdf(printableOf(priced([item('Fliesen', 2500, 1_234_560_000)], 'EUR'), { locale: 'de-DE' })));
    expect(de).toContain('Fliesen 2,5 1.234,56 € 20% 3.086,40 €');
    expect(de).toContain('Date 6. Dezember 2026');
    const yen = pdfText(await printPdf(printableOf(priced([item('Consulting', 3000, 12_345)], 'JPY'))));
    expect(yen).toContain('Consulting 3 JP¥1.2345 20% JP¥4');
    expect(yen).toContain('Total JP¥5');
    const dinar = pdfText(await printPdf(printableOf(priced([item('Survey', 1000, 1_234_5670)], 'BHD'), { locale: 'en-GB' })));
    expect(dinar).toContain('Survey 1 BHD 1.234567 20% BHD 1.235');
    expect(dinar).toContain('Total BHD 1.482');
    const gross = pdfText(await printPdf(printableOf(priced([item('Boiler', 1000, 1_200_000_000)], 'GBP', true))));
    expect(gross).toContain('Amount (incl. VAT)');
    expect(gross).toMatch(/Net total £1,000\.00[\s\S]*VAT £200\.00[\s\S]*Total £1,200\.00/);
  });

  it('says the customer accounts for the VAT when a line is reverse charged', async () => {
    const text = pdfText(await printPdf(printableOf(priced([item('Design work', 1000, 5_000_000, { taxes: [REVERSE] })]), { reverseCharge: true })));
    expect(text).toContain(REVERSE_CHARGE_WORDING);
  });
});

describe('quotes.pdf and invoices.pdf', () => {
  let t: TestCore;
  let contactId = '';
  beforeAll(async () => {
    t = await openTestCore({ start: '2026-12-06T09:00:00.000Z' });
    contactId = (await t.call('contacts.create', { firstName: 'Grace', lastName: 'Hopper', emails: [{ value: 'grace@example.com' }] })).id;
    await t.call('quotes.settings.update', { businessName: 'Ada Builds Ltd', vatNumber: 'GB 123 4567 89' });
  });
  afterAll(() => t.destroy());

  it('opens a draft as a preview marked DRAFT, stored nowhere; saves a copy where the user picks', async () => {
    const quote = await t.call('quotes.create', { title: 'Loft', contactId, lines: [item('Insulation', 1000, 4_000_000, { taxes: [REVERSE] })] });
    const opened = await t.call('quotes.pdf', { id: quote.id });
    expect(opened).toMatchObject({ frozen: false, sha256: null, pages: 1 });
    expect((t.core.platform as unknown as { opened: string[] }).opened).toContain(opened.path);
    const text = pdfText(readFileSync(opened.path!));
    expect(text).toContain('Quote DRAFT');
    expect(text).toContain('Ada Builds Ltd');
    // The reverse-charge rate is found from the line's rate id: the line's snapshot has no kind.
    expect(text).toContain(REVERSE_CHARGE_WORDING);
    expect(text).toContain('Total £4.00');
    const saved = await t.call('quotes.pdf', { id: quote.id, saveAs: true });
    expect(saved.path).toMatch(/exports\/Quote-DRAFT-Loft\.pdf$|exports\/Quote DRAFT Loft\.pdf$/);
    expect(readFileSync(saved.path!).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.call('documents.list', {})).items).toHaveLength(0);
  });

  it('gives a sent quote the frozen bytes the client received, whatever changed since', async () => {
    const quote = await t.call('quotes.create', { title: 'Bathroom', contactId, lines: [item('Tiling', 3000, 2_000_000)] });
    const sent = await t.call('quotes.send', { id: quote.id, markSentOnly: true });
    await t.call('quotes.settings.update', { businessName: 'Renamed Since Ltd' });
    const result = await t.call('quotes.pdf', { id: quote.id, saveAs: true });
    expect(result).toMatchObject({ frozen: true, sha256: sent.pdfSha256, pages: 1 });
    expect(createHash('sha256').update(readFileSync(result.path!)).digest('hex')).toBe(sent.pdfSha256);
    const text = pdfText(readFileSync(result.path!));
    expect(text).toContain(`Quote ${sent.number}`);
    expect(text).toContain('Ada Builds Ltd');
    expect(text).not.toContain('Renamed Since Ltd');
    await t.call('quotes.settings.update', { businessName: 'Ada Builds Ltd' });
  });

  it('previews a draft invoice with its due date and balance', async () => {
    const job = await t.call('jobs.create', { title: 'Garden wall', contactId, amountMinor: 150_000 });
    const invoice = await t.call('invoices.create', { jobId: job.id });
    const result = await t.call('invoices.pdf', { id: invoice.id });
    expect(result).toMatchObject({ frozen: false, sha256: null });
    const text = pdfText(readFileSync(result.path!));
    expect(text).toContain('Invoice DRAFT');
    expect(text).toMatch(/Due date \d+ \w+ 20\d\d/);
    expect(text).toMatch(/Balance due £/);
  });
});
