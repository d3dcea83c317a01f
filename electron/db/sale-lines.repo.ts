// The lines of quotes and invoices (sale_lines, migration 0024) and their documents' stored totals: one mapping for
// both, so a quote's lines copied into an invoice are stored and read back the same way. All SQL and row mapping.
import type { Kysely, Selectable } from 'kysely';
import type { DiscountInput, Line, StoredTotals } from '../../shared/domain/quote';
import { parseJsonColumn } from './json';
import type { DB } from './schema';
import type { SaleLinesTable } from './schema.quotes';

export type Owner = { quoteId: string } | { invoiceId: string };
export type LineTaxRow = { taxRateId: string; rateMilli: number; label?: string };

/** A line ready to store: the input as entered plus what quote-totals.ts worked out for it. */
export type LineRow = Omit<Line, 'id'> & { id: string };

const discountOf = (kind: string | null, value: number | null): DiscountInput | null =>
  kind === 'percent' && value !== null ? { kind: 'percent', milliPct: value } : kind === 'amount' && value !== null ? { kind: 'amount', minor: value } : null;

const toLine = (r: SaleLinesTable): Line => ({
  id: r.id,
  kind: r.kind,
  text: r.text,
  productId: r.product_id,
  description: r.description,
  unit: r.unit,
  quantityMilli: r.quantity_milli,
  unitPriceE4: r.unit_price_e4,
  discount: discountOf(r.discount_kind, r.discount_value),
  taxes: parseJsonColumn<LineTaxRow[]>(r.taxes, []),
  optional: r.optional === 1,
  chosen: r.chosen === 1,
  counted: r.counted === 1,
  amountMinor: r.amount_minor,
  netMinor: r.net_minor,
  taxMinor: r.tax_minor,
  grossMinor: r.gross_minor,
});

/** The lines of one quote or invoice, in order. */
export async function linesOf(db: Kysely<DB>, owner: Owner): Promise<Line[]> {
  const q = db.selectFrom('sale_lines').selectAll();
  const rows = await ('quoteId' in owner ? q.where('quote_id', '=', owner.quoteId) : q.where('invoice_id', '=', owner.invoiceId)).orderBy('position').execute();
  return rows.map((r) => toLine(r as unknown as SaleLinesTable));
}

/** Replaces every line of the owner (inside the caller's transaction). */
export async function replaceLines(db: Kysely<DB>, owner: Owner, lines: readonly LineRow[]): Promise<void> {
  const del = db.deleteFrom('sale_lines');
  await ('quoteId' in owner ? del.where('quote_id', '=', owner.quoteId) : del.where('invoice_id', '=', owner.invoiceId)).execute();
  const rows = lines.map((l, position) => ({
    id: l.id,
    quote_id: 'quoteId' in owner ? owner.quoteId : null,
    invoice_id: 'invoiceId' in owner ? owner.invoiceId : null,
    position,
    kind: l.kind,
    text: l.text,
    product_id: l.productId,
    description: l.description,
    unit: l.unit,
    quantity_milli: l.quantityMilli,
    unit_price_e4: l.unitPriceE4,
    discount_kind: l.discount?.kind ?? null,
    discount_value: l.discount ? (l.discount.kind === 'percent' ? l.discount.milliPct : l.discount.minor) : null,
    taxes: JSON.stringify(l.taxes),
    optional: l.optional ? 1 : 0,
    chosen: l.chosen ? 1 : 0,
    counted: l.counted ? 1 : 0,
    amount_minor: l.amountMinor,
    net_minor: l.netMinor,
    tax_minor: l.taxMinor,
    gross_minor: l.grossMinor,
  }));
  // 500 rows × 22 columns stays under SQLite's 32,766 bound parameters.
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('sale_lines').values(rows.slice(i, i + 500)).execute();
}

/** How many quote and invoice lines came from a product, or carry a tax rate: such a record is ended, not deleted. */
export async function linesUsing(db: Kysely<DB>, what: { productId: string } | { taxRateId: string }): Promise<number> {
  if ('productId' in what) {
    const row = await db.selectFrom('sale_lines').select((eb) => eb.fn.countAll<number>().as('n')).where('product_id', '=', what.productId).executeTakeFirstOrThrow();
    return Number(row.n);
  }
  // Taxes are a JSON snapshot; the rate's id is a UUID, so a plain substring match cannot hit anything else.
  const row = await db
    .selectFrom('sale_lines')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('taxes', 'like', `%"${what.taxRateId}"%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every totals column, required: fit for an insert as well as an update. */
type TotalsColumns = Pick<
  Selectable<DB['quotes']>,
  'lines_total_minor' | 'discount_total_minor' | 'net_total_minor' | 'tax_total_minor' | 'grand_total_minor' | 'tax_summary' | 'rounding_note'
>;

export const totalsColumns = (t: StoredTotals): TotalsColumns => ({
  lines_total_minor: t.linesTotalMinor,
  discount_total_minor: t.discountTotalMinor,
  net_total_minor: t.netTotalMinor,
  tax_total_minor: t.taxTotalMinor,
  grand_total_minor: t.grandTotalMinor,
  tax_summary: JSON.stringify(t.taxSummary),
  rounding_note: t.roundingNote,
});

export const totalsOf = (r: {
  lines_total_minor: number;
  discount_total_minor: number;
  net_total_minor: number;
  tax_total_minor: number;
  grand_total_minor: number;
  tax_summary: string;
  rounding_note: string;
}): StoredTotals => ({
  linesTotalMinor: r.lines_total_minor,
  discountTotalMinor: r.discount_total_minor,
  netTotalMinor: r.net_total_minor,
  taxTotalMinor: r.tax_total_minor,
  grandTotalMinor: r.grand_total_minor,
  taxSummary: parseJsonColumn<StoredTotals['taxSummary']>(r.tax_summary, []),
  roundingNote: r.rounding_note,
});

export { discountOf };
