// One random quote through every place its totals appear (issue #23 item 10), for quote-totals-property.test.ts:
// - SCREEN: priceDocument (the renderer's live panel calls it), formatted as the renderer formats money;
// - STORED: quotes.create through the real dispatcher on a real SQLite file, read back by quotes.get's answer;
// - CSV: quotesCsvRows of the stored quote, written by the CSV writer and read back by a CSV parser;
// - PDF: the stored quote printed by the harness's Chromium and read back with pdftotext.
// Grand total, VAT total, net total and every VAT summary row must be the same figure in all four. Not a test file.
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { closeHarnessPrinter } from '../../electron/harness/platform';
import { documentFormat } from '../../electron/core/quotes/pdf-html';
import { quotesCsvRows, quotesCsvText, QUOTES_CSV_HEADER } from '../../electron/core/quotes/export-csv';
import { SEEDED_TAX_RATES } from '../../electron/db/migrations/0024_quotes';
import { formatMoney, minorToDecimal } from '../../shared/domain/money';
import type { LineInput, Quote } from '../../shared/domain/quote';
import type { QuoteInput, TaxRounding } from '../../shared/domain/quote-totals';
import { priceDocument, type PricingInput } from '../../shared/domain/sale-pricing';
import { openTestCore, type TestCore } from '../helpers/core';
import { figure, pdfText, pricingOf, printableOf, printPdf, testId } from './quote-pdf-text';

const explicit = process.env.QUOTE_PROPERTY_RUNS !== undefined;
const runs = Number(process.env.QUOTE_PROPERTY_RUNS ?? 500);
/** `npm test`: 200 quotes through screen, stored and CSV; `npm run test:quote-property`: all of its 10,000. */
export const STORE_RUNS = Number(process.env.QUOTE_STORE_RUNS ?? (explicit ? runs : 200));
/** PDFs are the slow leg (a Chromium print and a pdftotext each): 20 in `npm test`, QUOTE_PROPERTY_PDFS for more. */
export const PDF_RUNS = Number(process.env.QUOTE_PROPERTY_PDFS ?? (explicit ? Math.min(runs, 1000) : 20));

// Left-to-right, Latin-script locales: pdftotext reorders text around the bidi marks Arabic locales put in amounts,
// and this machine has no CJK font for ja-JP's ￥ and 年 (JPY still runs, as "JP¥").
const LOCALES = ['en-GB', 'de-DE', 'fr-FR', 'en-US', 'es-ES', 'en-IN', 'de-CH'];
/** The property's tax keys as the seeded tax rates' real ids and names (quotes.create checks each rate exists). */
const RATE_BY_KEY = new Map(SEEDED_TAX_RATES.map(([id, key, , , , name]) => [key as string, { id: id as string, name: name as string }]));

let t: TestCore;
let contactId = '';
let rounding: TaxRounding | null = null;

export async function openStores(): Promise<void> {
  t = await openTestCore({ start: '2026-12-06T09:00:00.000Z' });
  contactId = (await t.call('contacts.create', { firstName: 'Grace', lastName: 'Hopper' })).id;
}

export async function closeStores(): Promise<void> {
  t?.destroy();
  await closeHarnessPrinter();
}

/** The random quote with real tax rate ids and names, as the quote editor would send it. */
function withSeededRates(quote: QuoteInput): Omit<PricingInput, 'lines'> & { lines: LineInput[] } {
  const doc = pricingOf(quote);
  return {
    ...doc,
    lines: doc.lines.map((l): LineInput => {
      if (l.kind === 'heading') return l;
      const taxes = l.taxes.map((x) => {
        const seeded = RATE_BY_KEY.get(x.taxRateId);
        if (!seeded) throw new Error(`no seeded tax rate ${x.taxRateId}`);
        return { taxRateId: seeded.id, rateMilli: x.rateMilli, label: seeded.name };
      });
      return { ...l, taxes };
    }),
  };
}

const computed = (q: Pick<Quote, 'lines'>) => q.lines.map(({ id: _id, ...rest }) => rest);

export async function storesAgree(quote: QuoteInput, seed: number, printed: boolean): Promise<void> {
  const why = `seed ${seed} (QUOTE_PROPERTY_SEED=${seed} replays it)`;
  const doc = withSeededRates(quote);
  const locale = LOCALES[seed % LOCALES.length]!;

  // SCREEN: what the live totals panel shows.
  const screen = priceDocument(doc, testId);
  const money = (minor: number) => formatMoney(minor, quote.currency, locale);

  // STORED: the same lines through quotes.create (rounding is the business's setting, as in the app).
  if (rounding !== quote.rounding) {
    await t.call('quotes.settings.update', { rounding: quote.rounding });
    rounding = quote.rounding;
  }
  const stored = await t.call('quotes.create', {
    title: `Property ${seed}`,
    contactId,
    currency: quote.currency,
    pricesIncludeTax: quote.pricesIncludeTax,
    discount: quote.discount ?? null,
    lines: doc.lines,
    locale,
  });
  expect(stored.totals, why).toEqual(screen.totals);
  expect(computed(stored), why).toEqual(computed(screen));
  const again = await t.call('quotes.get', { id: stored.id });
  expect(again.totals, why).toEqual(screen.totals);

  // CSV: the stored quote's rows, through the writer and a parser, as decimals.
  const csvQuote = { number: stored.number, revision: stored.revision, status: stored.status, title: stored.title, client: stored.contactName ?? '', issuedOn: stored.issuedOn, validUntil: stored.validUntil, currency: stored.currency, pricesIncludeTax: stored.pricesIncludeTax, lines: stored.lines, totals: stored.totals };
  const cells = parse(quotesCsvText(quotesCsvRows([csvQuote])), { bom: true }) as string[][];
  const col = (name: (typeof QUOTES_CSV_HEADER)[number]) => QUOTES_CSV_HEADER.indexOf(name);
  const dec = (minor: number) => minorToDecimal(minor, quote.currency);
  const totalRow = cells.find((r) => r[col('Row')] === 'total')!;
  expect([totalRow[col('Net')], totalRow[col('VAT')], totalRow[col('Gross')]], why).toEqual([dec(screen.totals.netTotalMinor), dec(screen.totals.taxTotalMinor), dec(screen.totals.grandTotalMinor)]);
  const vatRows = cells.filter((r) => r[col('Row')] === 'vat').map((r) => [r[col('Description')], r[col('Net')], r[col('VAT')]]);
  expect(vatRows, why).toEqual(screen.totals.taxSummary.map((r) => [r.label, dec(r.netMinor), dec(r.taxMinor)]));
  const lineRows = cells.filter((r) => r[col('Row')] === 'line').map((r) => r[col('Amount')]);
  expect(lineRows, why).toEqual(screen.lines.filter((l) => l.kind === 'item').map((l) => dec(l.amountMinor!)));

  if (!printed) return;
  // PDF: the stored quote as printed, read back off the page.
  const f = documentFormat(locale, quote.currency);
  expect(f.money(1), why).toBe(money(1));
  const text = pdfText(await printPdf(printableOf(stored, { locale, title: stored.title })));
  const shown = (minor: number) => figure(money(minor));
  expect(text, why).toMatch(new RegExp(`(^|\\s)Total ${shown(screen.totals.grandTotalMinor)}(\\s|$)`, 'm'));
  expect(text, why).toMatch(new RegExp(`(^|\\s)VAT ${shown(screen.totals.taxTotalMinor)}(\\s|$)`, 'm'));
  expect(text, why).toMatch(new RegExp(`(^|\\s)Net total ${shown(screen.totals.netTotalMinor)}(\\s|$)`, 'm'));
  for (const row of screen.totals.taxSummary) {
    expect(text, why).toMatch(new RegExp(`${figure(f.percent(row.rateMilli))} ${shown(row.netMinor)} ${shown(row.taxMinor)}(\\s|$)`, 'm'));
  }
}
