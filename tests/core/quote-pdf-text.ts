// Test helpers for quote PDFs (issue #23): a quote-totals input as the stored document the PDF prints (lines and
// totals from priceDocument, the one path main stores), printed through the harness's real Chromium, and read back
// with poppler's pdftotext, so a test asserts the figures a client reads off the page. Not a test file itself.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentHtml } from '../../electron/core/quotes/pdf-html';
import type { PrintableDocument } from '../../electron/core/quotes/pdf';
import { harnessPlatform } from '../../electron/harness/platform';
import type { LineInput } from '../../shared/domain/quote';
import type { QuoteInput } from '../../shared/domain/quote-totals';
import { priceDocument, type PricingInput } from '../../shared/domain/sale-pricing';

/** The quote-totals form as the document form main stores (tax keys stand in for tax rate ids; labels kept). */
export function pricingOf(quote: QuoteInput): Omit<PricingInput, 'lines'> & { lines: LineInput[] } {
  return {
    currency: quote.currency,
    pricesIncludeTax: quote.pricesIncludeTax,
    rounding: quote.rounding,
    discount: quote.discount ?? null,
    lines: quote.lines.map(
      (l, i): LineInput =>
        l.kind === 'heading'
          ? { kind: 'heading', text: l.text }
          : {
              kind: 'item',
              description: l.description ?? `Line ${i + 1}`,
              quantityMilli: l.quantityMilli,
              unitPriceE4: l.unitPriceE4,
              discount: l.discount ?? null,
              taxes: l.taxes.map((t) => ({ taxRateId: t.key, rateMilli: t.rateMilli, label: t.label ?? t.key })),
              optional: l.optional ?? false,
              chosen: l.chosen ?? false,
            },
    ),
  };
}

let ids = 0;
export const testId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

/** A printable quote (a draft preview unless `number` is given) around stored lines and totals. */
export function printableOf(
  priced: Pick<PrintableDocument, 'lines' | 'totals' | 'currency' | 'pricesIncludeTax'>,
  extra: Partial<PrintableDocument> = {},
): PrintableDocument {
  return {
    kind: 'quote',
    number: null,
    title: 'Kitchen refit',
    issuedOn: '2026-12-06',
    validUntil: '2027-01-05',
    locale: 'en-GB',
    pageSize: 'A4',
    business: { name: 'Ada Builds Ltd', lines: ['1 High Street', 'Leeds LS1 1AA'], vatNumber: 'GB 123 4567 89', companyNumber: '01234567', email: 'ada@example.com', phone: '0113 496 0000', logo: null },
    client: { name: 'Grace Hopper', lines: ['2 Low Road', 'York'] },
    notes: null,
    terms: null,
    reverseCharge: false,
    ...priced,
    ...extra,
  };
}

/** Prices a quote-totals input the way main stores it and returns the PDF's printable page. */
export function printableQuote(quote: QuoteInput, extra: Partial<PrintableDocument> = {}): PrintableDocument {
  const { lines, totals } = priceDocument(pricingOf(quote), testId);
  return printableOf({ lines, totals, currency: quote.currency, pricesIncludeTax: quote.pricesIncludeTax }, extra);
}

const platform = harnessPlatform(mkdtempSync(join(tmpdir(), 'rapport-pdf-')));

/** The page printed by the harness's Chromium, exactly as renderPdf prints it. */
export async function printPdf(doc: PrintableDocument): Promise<Uint8Array> {
  const bytes = await platform.printToPdf(documentHtml(doc), { pageSize: doc.pageSize });
  if (!bytes) throw new Error('the harness printed no PDF');
  return bytes;
}

/** pdftotext -layout of the whole file, or of one page; no-break and narrow spaces read as plain spaces, runs of spaces as one. */
export function pdfText(bytes: Uint8Array, page?: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-pdftext-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
    return normalise(execFileSync('pdftotext', ['-layout', ...pages, file, '-'], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How a figure is compared with the page's text: the same space rules as pdfText. */
export const normalise = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, ' ').replace(/ {2,}/g, ' ');

/**
 * A formatted figure as a pattern for the page's text. pdftotext guesses spaces from the gaps between glyphs, and
 * reads the no-break space inside "¥ 0" (de-CH) as a space on one row and as none on another: a space in the figure
 * may be there or not. Everything else must match character for character.
 */
export const figure = (formatted: string) => normalise(formatted).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, ' ?');

/** "2416.50" in a currency with `digits` decimals, as minor units (the fixtures write amounts as people read them). */
export function decimalToMinor(text: string, digits: number): number {
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const minor = Number(`${whole}${fraction.padEnd(digits, '0')}`);
  return text.startsWith('-') ? -minor : minor;
}
