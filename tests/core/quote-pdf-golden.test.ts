// The 20 golden quotes from real rounding reports (tests/fixtures/quote-rounding: SuiteCRM, Invoice Ninja and others),
// printed to PDF through the harness's real Chromium and read back with pdftotext: the page a client reads shows the
// hand-worked VAT total and grand total, in the document's locale (a cent off on the PDF was most of those bugs).
import { afterAll, describe, expect, it } from 'vitest';
import { documentFormat } from '../../electron/core/quotes/pdf-html';
import { closeHarnessPrinter } from '../../electron/harness/platform';
import { currencyDigits } from '../../shared/domain/money';
import { GOLDEN } from '../fixtures/quote-rounding/cases';
import { decimalToMinor, figure, pdfText, printableQuote, printPdf } from './quote-pdf-text';

const LOCALES = ['en-GB', 'de-DE', 'fr-FR', 'en-US'];

afterAll(() => closeHarnessPrinter());

describe('golden quotes on the PDF', () => {
  it('has the 20 cases of the fixture', () => expect(GOLDEN).toHaveLength(20));

  it.each(GOLDEN.map((g, i) => [`${g.name} (${g.source})`, g, LOCALES[i % LOCALES.length]!] as const))('%s', async (_, g, locale) => {
    const digits = currencyDigits(g.quote.currency);
    const f = documentFormat(locale, g.quote.currency);
    const text = pdfText(await printPdf(printableQuote(g.quote, { locale })));
    const shown = (minor: number) => figure(f.money(minor));
    // The totals block: "VAT <amount>" and "Total <amount>" on their rows ("Net total" and "Subtotal" are other rows).
    expect(text).toMatch(new RegExp(`(^|\\s)VAT ${shown(decimalToMinor(g.expect.tax, digits))}(\\s|$)`, 'm'));
    expect(text).toMatch(new RegExp(`(^|\\s)Total ${shown(decimalToMinor(g.expect.gross, digits))}(\\s|$)`, 'm'));
    expect(text).toMatch(new RegExp(`(^|\\s)Net total ${shown(decimalToMinor(g.expect.net, digits))}(\\s|$)`, 'm'));
    for (const row of g.expect.summary ?? []) {
      expect(text).toMatch(new RegExp(`${shown(decimalToMinor(row.net, digits))} ${shown(decimalToMinor(row.tax, digits))}`));
    }
  });
});
