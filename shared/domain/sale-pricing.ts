// From a quote's or invoice's lines as entered (quote.ts LineInput) to what is shown and stored: the one call of
// quote-totals.ts that main (on every save and send) and the renderer's live totals panel both make, so the screen,
// the stored totals, the PDF and the CSV cannot differ. Imports shared/ only.
import { AppError } from '../ipc/errors';
import type { DiscountInput, Line, LineInput, StoredTotals } from './quote';
import { quoteTotals, type QuoteInput, type QuoteLine, type QuoteTotals, type TaxRounding } from './quote-totals';

export type PricingInput = {
  currency: string;
  pricesIncludeTax: boolean;
  rounding: TaxRounding;
  discount: DiscountInput | null | undefined;
  lines: readonly (LineInput | Line)[];
};

/** A stored line back as input (its computed columns dropped), e.g. to copy a quote's lines into an invoice. */
export function lineInputOf(line: Line): LineInput {
  if (line.kind === 'heading') return { kind: 'heading', text: line.text ?? '' };
  return {
    kind: 'item',
    productId: line.productId,
    description: line.description ?? '',
    unit: line.unit,
    quantityMilli: line.quantityMilli ?? 0,
    unitPriceE4: line.unitPriceE4 ?? 0,
    discount: line.discount,
    taxes: line.taxes,
    optional: line.optional,
    chosen: line.chosen,
  };
}

const asInput = (line: LineInput | Line): LineInput => ('counted' in line ? lineInputOf(line) : line);

/** The quote-totals.ts view of the document (tax keys are the tax rates' ids). */
export function totalsInput(doc: PricingInput): QuoteInput {
  return {
    currency: doc.currency,
    pricesIncludeTax: doc.pricesIncludeTax,
    rounding: doc.rounding,
    discount: doc.discount ?? null,
    lines: doc.lines.map(asInput).map(
      (l): QuoteLine =>
        l.kind === 'heading'
          ? { kind: 'heading', text: l.text }
          : {
              kind: 'item',
              description: l.description,
              quantityMilli: l.quantityMilli,
              unitPriceE4: l.unitPriceE4,
              discount: l.discount ?? null,
              taxes: l.taxes.map((t) => ({ key: t.taxRateId, rateMilli: t.rateMilli, ...(t.label ? { label: t.label } : {}) })),
              optional: l.optional ?? false,
              chosen: l.chosen ?? false,
            },
    ),
  };
}

/**
 * The document's totals and its lines with their computed amounts (ids from `newId` for new lines). Throws AppError
 * VALIDATION naming the line (`lines.3.quantityMilli`) when the figures are unusable.
 */
export function priceDocument(doc: PricingInput, newId: () => string): { totals: StoredTotals; lines: Line[]; full: QuoteTotals } {
  let full: QuoteTotals;
  try {
    full = quoteTotals(totalsInput(doc));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION', 'The figures of this document cannot be worked out: check the quantities, prices and discounts');
  }
  const lines: Line[] = doc.lines.map((entered, i) => {
    const input = asInput(entered);
    const id = 'id' in entered && typeof entered.id === 'string' ? entered.id : newId();
    const t = full.lines[i]!;
    if (input.kind === 'heading' || t.kind === 'heading') {
      return { id, kind: 'heading', text: input.kind === 'heading' ? input.text : '', productId: null, description: null, unit: null, quantityMilli: null, unitPriceE4: null, discount: null, taxes: [], optional: false, chosen: false, counted: false, amountMinor: null, netMinor: null, taxMinor: null, grossMinor: null };
    }
    return {
      id,
      kind: 'item',
      text: null,
      productId: input.productId ?? null,
      description: input.description,
      unit: input.unit ?? null,
      quantityMilli: input.quantityMilli,
      unitPriceE4: input.unitPriceE4,
      discount: input.discount ?? null,
      taxes: input.taxes,
      optional: input.optional ?? false,
      chosen: input.chosen ?? false,
      counted: t.counted,
      amountMinor: t.amountMinor,
      netMinor: t.netMinor,
      taxMinor: t.taxMinor,
      grossMinor: t.grossMinor,
    };
  });
  const totals: StoredTotals = {
    linesTotalMinor: full.linesTotalMinor,
    discountTotalMinor: full.discountTotalMinor,
    netTotalMinor: full.netTotalMinor,
    taxTotalMinor: full.taxTotalMinor,
    grandTotalMinor: full.grandTotalMinor,
    taxSummary: full.taxSummary,
    roundingNote: full.roundingNote,
  };
  return { totals, lines, full };
}
