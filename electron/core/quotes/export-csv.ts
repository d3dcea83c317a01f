// quotes.exportCsv (issue #23): every quote for a spreadsheet or the accountant. One row per line, then a totals row
// and one VAT row per rate for each quote, every amount a decimal written from the STORED line and totals columns
// (the figures the screen and the PDF show), through the one CSV writer that guards cells against formulas.
import { currencyDigits, minorToDecimal } from '../../../shared/domain/money';
import type { Line, StoredTotals } from '../../../shared/domain/quote';
import { formatUnitPrice } from '../../../shared/domain/quote-money';
import { formatRate } from '../../../shared/domain/tax-rates';
import { csvLine, plainColumns } from '../csv-write';
import { writeFileAtomically } from '../export-file';
import { listQuotes } from '../../db/quotes.list.repo';
import type { QuoteRow } from '../../db/quotes.repo';
import { linesOf, totalsOf } from '../../db/sale-lines.repo';
import type { FeatureContext } from '../modules';

/** What the CSV needs of one quote (a stored row and its stored lines). */
export type CsvQuote = {
  number: string | null;
  revision: number;
  status: string;
  title: string;
  client: string;
  issuedOn: string | null;
  validUntil: string | null;
  currency: string;
  pricesIncludeTax: boolean;
  lines: readonly Line[];
  totals: StoredTotals;
};

export const QUOTES_CSV_HEADER = [
  'Quote', 'Revision', 'Status', 'Title', 'Client', 'Date', 'Valid until', 'Currency', 'Prices include VAT',
  'Row', 'Line', 'Description', 'Quantity', 'Unit', 'Unit price', 'Discount', 'VAT rate', 'Optional', 'Counted',
  'Amount', 'Net', 'VAT', 'Gross',
] as const;
const COLUMN = Object.fromEntries(QUOTES_CSV_HEADER.map((name, i) => [name, i])) as Record<(typeof QUOTES_CSV_HEADER)[number], number>;
/** Columns that hold plain decimals: written bare so a spreadsheet sums them (a credit's "-12.50" included). */
const NUMBER_COLUMNS = plainColumns(QUOTES_CSV_HEADER, (name) => ['Revision', 'Line', 'Quantity', 'Unit price', 'Amount', 'Net', 'VAT', 'Gross'].includes(name), 'number');

const milliText = (milli: number) => {
  const digits = String(Math.abs(milli)).padStart(4, '0');
  const fraction = digits.slice(-3).replace(/0+$/, '');
  return `${milli < 0 ? '-' : ''}${digits.slice(0, -3)}${fraction ? `.${fraction}` : ''}`;
};

type Row = string[];

function quoteRowsOf(q: CsvQuote): Row[] {
  const money = (minor: number | null) => (minor === null ? '' : minorToDecimal(minor, q.currency));
  const base = (kind: string): Row => {
    const row = Array<string>(QUOTES_CSV_HEADER.length).fill('');
    row[COLUMN.Quote] = q.number ?? 'DRAFT';
    row[COLUMN.Revision] = String(q.revision);
    row[COLUMN.Status] = q.status;
    row[COLUMN.Title] = q.title;
    row[COLUMN.Client] = q.client;
    row[COLUMN.Date] = q.issuedOn ?? '';
    row[COLUMN['Valid until']] = q.validUntil ?? '';
    row[COLUMN.Currency] = q.currency;
    row[COLUMN['Prices include VAT']] = q.pricesIncludeTax ? 'yes' : 'no';
    row[COLUMN.Row] = kind;
    return row;
  };
  const rows = q.lines.map((line, i): Row => {
    const row = base(line.kind === 'heading' ? 'heading' : 'line');
    row[COLUMN.Line] = String(i + 1);
    if (line.kind === 'heading') {
      row[COLUMN.Description] = line.text ?? '';
      return row;
    }
    row[COLUMN.Description] = line.description ?? '';
    row[COLUMN.Quantity] = milliText(line.quantityMilli ?? 0);
    row[COLUMN.Unit] = line.unit ?? '';
    row[COLUMN['Unit price']] = formatUnitPrice(line.unitPriceE4 ?? 0, currencyDigits(q.currency));
    const d = line.discount;
    row[COLUMN.Discount] = !d ? '' : d.kind === 'percent' ? formatRate(d.milliPct) : money(d.minor);
    row[COLUMN['VAT rate']] = line.taxes.map((t) => formatRate(t.rateMilli)).join(' + ');
    row[COLUMN.Optional] = line.optional ? 'yes' : 'no';
    row[COLUMN.Counted] = line.counted ? 'yes' : 'no';
    row[COLUMN.Amount] = money(line.amountMinor);
    row[COLUMN.Net] = money(line.netMinor);
    row[COLUMN.VAT] = money(line.taxMinor);
    row[COLUMN.Gross] = money(line.grossMinor);
    return row;
  });
  const t = q.totals;
  const totals = base('total');
  totals[COLUMN.Description] = 'Total';
  totals[COLUMN.Discount] = money(t.discountTotalMinor);
  totals[COLUMN.Amount] = money(t.linesTotalMinor);
  totals[COLUMN.Net] = money(t.netTotalMinor);
  totals[COLUMN.VAT] = money(t.taxTotalMinor);
  totals[COLUMN.Gross] = money(t.grandTotalMinor);
  const vat = t.taxSummary.map((s) => {
    const row = base('vat');
    row[COLUMN.Description] = s.label;
    row[COLUMN['VAT rate']] = formatRate(s.rateMilli);
    row[COLUMN.Net] = money(s.netMinor);
    row[COLUMN.VAT] = money(s.taxMinor);
    return row;
  });
  return [...rows, totals, ...vat];
}

/** The CSV's cells, header first: pure, so tests compare them with the screen and the PDF. */
export function quotesCsvRows(quotes: readonly CsvQuote[]): string[][] {
  return [[...QUOTES_CSV_HEADER], ...quotes.flatMap(quoteRowsOf)];
}

/** The CSV's text: a BOM so Excel reads UTF-8 names right, CRLF records, formula-like cells guarded. */
export function quotesCsvText(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((r, i) => csvLine(r, ',', false, i === 0 ? undefined : NUMBER_COLUMNS)).join('')}`;
}

/** Every revision of every quote, oldest first, as CsvQuote (the list's own pages, newest first, turned round). */
export async function loadCsvQuotes(ctx: FeatureContext): Promise<CsvQuote[]> {
  const { db } = ctx.deps;
  const rows: QuoteRow[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = await listQuotes(db, { allRevisions: true, limit: 200, cursor }, '');
    rows.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const out: CsvQuote[] = [];
  for (const r of rows.reverse()) {
    out.push({
      number: r.number,
      revision: r.revision,
      status: r.status,
      title: r.title,
      client: r.contact_name ?? r.company_name ?? '',
      issuedOn: r.issued_on,
      validUntil: r.valid_until,
      currency: r.currency,
      pricesIncludeTax: r.prices_include_tax === 1,
      lines: await linesOf(db, { quoteId: r.id }),
      totals: totalsOf(r),
    });
  }
  return out;
}

export async function exportQuotesCsv(ctx: FeatureContext): Promise<{ path: string | null; rows: number }> {
  const today = ctx.deps.clock.now().toISOString().slice(0, 10);
  const path = await ctx.platform.saveTarget(`rapport-quotes-${today}.csv`, [{ name: 'CSV', extensions: ['csv'] }]);
  if (path === null) return { path: null, rows: 0 };
  const rows = quotesCsvRows(await loadCsvQuotes(ctx));
  await writeFileAtomically(path, (write) => write(quotesCsvText(rows)), ctx.dataDir);
  return { path, rows: rows.length - 1 };
}
