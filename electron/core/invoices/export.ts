// The accountant's export (issue #23): invoices issued in a period (never drafts) as one CSV a spreadsheet imports in
// one go. Each invoice is one "Invoice" row (its totals, paid, balance, status) followed by one "VAT" row per tax rate
// (the net and VAT at that rate, from the stored tax summary): filtering the "Row" column on Invoice gives the sales
// ledger, on VAT the figures of a VAT return, and each column sums correctly within either filter. Every figure is a
// STORED total (quote-totals.ts worked it out when the invoice was saved), written as a plain decimal; every text
// cell goes through the one CSV writer's formula guard. UBL XML is not offered: no maintained npm library writes it.
import { minorToDecimal } from '../../../shared/domain/money';
import { formatRate } from '../../../shared/domain/tax-rates';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { InvoiceRow } from '../../db/invoices.repo';
import { issuedBetween } from '../../db/invoices.list.repo';
import { parseJsonColumn } from '../../db/json';
import { totalsOf } from '../../db/sale-lines.repo';
import { csvLine, type PlainForm } from '../csv-write';
import { writeFileAtomically } from '../export-file';
import type { FeatureContext } from '../modules';
import type { ClientSnapshot } from './printable';

export const EXPORT_COLUMNS = [
  'Row', 'Invoice number', 'Issued', 'Due', 'Client', 'Company', 'Client VAT number', 'Currency', 'VAT rate',
  'Net', 'VAT', 'Total', 'Paid', 'Balance', 'Status', 'Quote number',
] as const;
/** Net, VAT, Total, Paid, Balance: plain decimals, which go out bare (a spreadsheet reads them as numbers). */
const MONEY = new Map<number, PlainForm>([9, 10, 11, 12, 13].map((i) => [i, 'number']));

const STATUS_WORDS: Record<InvoiceRow['status'], string> = { draft: 'Draft', sent: 'Sent', partlyPaid: 'Part paid', paid: 'Paid', void: 'Void' };

/** The CSV rows of one invoice: its own row, then a row per VAT rate. */
export function invoiceRows(r: InvoiceRow): string[][] {
  const client = parseJsonColumn<Partial<ClientSnapshot>>(r.client_snapshot, {});
  const money = (minor: number) => minorToDecimal(minor, r.currency);
  const who = [r.number ?? '', r.issued_on ?? '', r.due_date ?? '', client.name ?? r.contact_name ?? '', r.company_name ?? '', client.vatNumber ?? '', r.currency];
  const totals = totalsOf(r);
  const own = ['Invoice', ...who, '', money(totals.netTotalMinor), money(totals.taxTotalMinor), money(totals.grandTotalMinor), money(r.paid_minor),
    money(totals.grandTotalMinor - r.paid_minor), STATUS_WORDS[r.status], r.quote_number ?? ''];
  const vat = totals.taxSummary.map((t) => ['VAT', ...who, `${t.label} (${formatRate(t.rateMilli)})`, money(t.netMinor), money(t.taxMinor), money(t.netMinor + t.taxMinor), '', '', '', '']);
  return [own, ...vat];
}

export function invoicesCsv(rows: readonly InvoiceRow[]): { text: string; rows: number } {
  const lines = rows.flatMap(invoiceRows);
  // A BOM so Excel reads UTF-8 names right; CRLF records as RFC 4180 says.
  return { text: `\uFEFF${csvLine(EXPORT_COLUMNS)}${lines.map((cells) => csvLine(cells, ',', false, MONEY)).join('')}`, rows: rows.length };
}

export function createInvoiceExport(ctx: FeatureContext) {
  return async function exportCsv(input: ChannelParsedInput<'invoices.exportCsv'>): Promise<ChannelOutput<'invoices.exportCsv'>> {
    if (input.from > input.to) throw AppError.validation('to', 'The end date must be on or after the start date');
    const rows = await issuedBetween(ctx.deps.db, input.from, input.to);
    // The file name is fixed words and the dates, never user data.
    const path = await ctx.platform.saveTarget(`rapport-invoices-${input.from}-to-${input.to}.csv`, [{ name: 'CSV', extensions: ['csv'] }]);
    if (path === null) return { path: null, rows: 0 };
    const csv = invoicesCsv(rows);
    await writeFileAtomically(path, (write) => write(csv.text), ctx.dataDir);
    return { path, rows: csv.rows };
  };
}
