// The one totals function for quotes and invoices (issue #23): the renderer's live panel, the PDF, the CSV and the
// stored totals all call `quoteTotals`, so they cannot differ by a penny (SuiteCRM-Core #405, Invoice Ninja ui #2472).
// Exact integer arithmetic (quote-money.ts), never floats. Imports shared/ only.
import { AppError, type FieldIssue } from '../ipc/errors';
import { currencyDigits, minorToDecimal } from './money';
import { PERCENT_SCALE, PRICE_SCALE, QUANTITY_SCALE, commonDenominator, divHalfUp, shareOut, type Exact } from './quote-money';

/** A discount: thousandths of a percent (12.5 % = 12_500) or an amount in minor units, taken off towards zero. */
export type Discount = { kind: 'percent'; milliPct: number } | { kind: 'amount'; minor: number };
/** A tax on a line, copied from the tax rate when the line was made, so a later change of rate never alters a sent quote. */
export type LineTax = { key: string; rateMilli: number; label?: string };
export type QuoteHeading = { kind: 'heading'; text: string };
export type QuoteItem = {
  kind: 'item';
  description?: string;
  /** Thousandths: 2.5 hours = 2500. Always more than 0: a credit is a negative price, not a negative quantity. */
  quantityMilli: number;
  /** 1/10,000 of a minor unit (PRICE_SCALE), net or gross as the quote's `pricesIncludeTax` says; negative for a credit. */
  unitPriceE4: number;
  discount?: Discount | null;
  /** One to three taxes, each on the line's net (Canada: GST 5 % and QST 9.975 %). Zero-rated and exempt lines carry a 0 rate. */
  taxes: LineTax[];
  /** An optional line counts only when the client has `chosen` it; it is still listed, with its own price. */
  optional?: boolean;
  chosen?: boolean;
};
export type QuoteLine = QuoteHeading | QuoteItem;
export type TaxRounding = 'line' | 'document';
export type QuoteInput = {
  currency: string;
  /** Whether unit prices were entered with tax included; the gross then stays as entered (Invoice Ninja #2101). */
  pricesIncludeTax: boolean;
  rounding: TaxRounding;
  /** A whole-quote discount, shared over the counted lines in proportion to their amounts (see `shareOut`). */
  discount?: Discount | null;
  lines: QuoteLine[];
};

export type ItemTotals = {
  kind: 'item';
  /** False for an optional line the client has not chosen: shown with its price, counted nowhere. */
  counted: boolean;
  /** Quantity times unit price, rounded (in the quote's price mode: net, or gross when prices include tax). */
  listMinor: number;
  lineDiscountMinor: number;
  /** What the line's amount column shows: list less its own discount. */
  amountMinor: number;
  /** This line's share of the whole-quote discount. */
  quoteDiscountMinor: number;
  netMinor: number;
  taxMinor: number;
  grossMinor: number;
  taxes: { key: string; taxMinor: number }[];
};
export type LineTotals = { kind: 'heading'; text: string } | ItemTotals;
export type TaxSummaryRow = { key: string; label: string; rateMilli: number; netMinor: number; taxMinor: number };
export type QuoteTotals = {
  currency: string;
  pricesIncludeTax: boolean;
  rounding: TaxRounding;
  lines: LineTotals[];
  /** The counted lines' amounts, in the quote's price mode. */
  linesTotalMinor: number;
  lineDiscountsMinor: number;
  quoteDiscountMinor: number;
  discountTotalMinor: number;
  /** linesTotal less the whole-quote discount: the net total, or the grand total when prices include tax. */
  subtotalMinor: number;
  netTotalMinor: number;
  taxTotalMinor: number;
  grandTotalMinor: number;
  /** One row per tax (key and rate), highest rate first: the VAT summary on screen, in the PDF and in the CSV. */
  taxSummary: TaxSummaryRow[];
  /** The rounding rule in words, for the PDF's small type. */
  roundingNote: string;
};

/** Job amounts are capped at 10^12 minor units (job.ts); a quote that becomes a job's value keeps under the same cap. */
export const MAX_TOTAL_MINOR = 1_000_000_000_000;
const MAX_QUANTITY_MILLI = 1_000_000_000;
const MAX_UNIT_PRICE_E4 = MAX_TOTAL_MINOR * 1000;
const MAX_LINES = 1000;
const MAX_TAXES = 3;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

function checkDiscount(d: unknown, path: string, issues: FieldIssue[]): void {
  if (d === undefined || d === null) return;
  const disc = d as Partial<Discount> & { kind?: unknown };
  if (disc.kind === 'percent') {
    const p = (disc as { milliPct?: unknown }).milliPct;
    if (!isInt(p) || p < 0 || p > 100_000) issues.push({ path: `${path}.milliPct`, message: 'A discount is between 0 % and 100 %' });
  } else if (disc.kind === 'amount') {
    const m = (disc as { minor?: unknown }).minor;
    if (!isInt(m) || m < 0) issues.push({ path: `${path}.minor`, message: 'A discount is a whole amount of 0 or more' });
  } else issues.push({ path: `${path}.kind`, message: 'A discount is a percentage or an amount' });
}

function checkItem(line: QuoteItem, path: string, issues: FieldIssue[]): void {
  const q = line.quantityMilli;
  if (!isInt(q)) issues.push({ path: `${path}.quantityMilli`, message: 'Enter a quantity (up to 3 decimal places)' });
  else if (q <= 0) issues.push({ path: `${path}.quantityMilli`, message: 'The quantity must be more than 0 (for a credit, use a negative price)' });
  else if (q > MAX_QUANTITY_MILLI) issues.push({ path: `${path}.quantityMilli`, message: 'The quantity is too large (at most 1,000,000)' });
  const p = line.unitPriceE4;
  if (!isInt(p)) issues.push({ path: `${path}.unitPriceE4`, message: 'Enter a price (up to 4 decimal places beyond the currency’s own)' });
  else if (Math.abs(p) > MAX_UNIT_PRICE_E4) issues.push({ path: `${path}.unitPriceE4`, message: 'The price is too large' });
  checkDiscount(line.discount, `${path}.discount`, issues);
  if (!Array.isArray(line.taxes) || line.taxes.length === 0) {
    issues.push({ path: `${path}.taxes`, message: 'Choose a tax rate (Zero or Exempt when no tax applies)' });
    return;
  }
  if (line.taxes.length > MAX_TAXES) issues.push({ path: `${path}.taxes`, message: `A line has at most ${MAX_TAXES} taxes` });
  const keys = new Set<string>();
  line.taxes.forEach((t, j) => {
    if (typeof t?.key !== 'string' || t.key === '') issues.push({ path: `${path}.taxes.${j}.key`, message: 'Choose a tax rate' });
    else if (keys.has(t.key)) issues.push({ path: `${path}.taxes.${j}.key`, message: 'The same tax is on this line twice' });
    else keys.add(t.key);
    if (!isInt(t?.rateMilli) || t.rateMilli < 0 || t.rateMilli > 100_000) {
      issues.push({ path: `${path}.taxes.${j}.rateMilli`, message: 'A tax rate is between 0 % and 100 % (up to 3 decimal places)' });
    }
  });
}

/** What is wrong with a quote's figures, in the app's words, each naming its field (`lines.3.quantityMilli`); [] when fine. */
export function checkQuote(quote: QuoteInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (quote.rounding !== 'line' && quote.rounding !== 'document') issues.push({ path: 'rounding', message: 'Choose rounding per line or per document' });
  if (typeof quote.pricesIncludeTax !== 'boolean') issues.push({ path: 'pricesIncludeTax', message: 'Say whether prices include tax' });
  checkDiscount(quote.discount, 'discount', issues);
  if (!Array.isArray(quote.lines)) return [...issues, { path: 'lines', message: 'A quote needs a list of lines' }];
  if (quote.lines.length > MAX_LINES) issues.push({ path: 'lines', message: `A quote has at most ${MAX_LINES} lines` });
  quote.lines.forEach((line, i) => {
    if (line?.kind === 'item') checkItem(line, `lines.${i}`, issues);
    else if (line?.kind !== 'heading') issues.push({ path: `lines.${i}.kind`, message: 'A line is an item or a heading' });
    else if (typeof line.text !== 'string') issues.push({ path: `lines.${i}.text`, message: 'A heading needs its text' });
  });
  return issues.length > 0 ? issues : compute(quote).issues;
}

/** The quote's totals; throws AppError VALIDATION with every issue of `checkQuote` when its figures are unusable. */
export function quoteTotals(quote: QuoteInput): QuoteTotals {
  const shape = checkQuote(quote);
  if (shape.length > 0) throw new AppError('VALIDATION', shape.map((i) => `${i.path}: ${i.message}`).join('; '), shape);
  const { totals } = compute(quote);
  return totals!;
}

/** The rounding rule in plain words, printed in small type under the totals. `taxName` is "VAT", "GST", "tax"… */
export function roundingNote(quote: Pick<QuoteInput, 'currency' | 'pricesIncludeTax' | 'rounding'>, taxName = 'VAT'): string {
  const digits = currencyDigits(quote.currency);
  const unit = digits === 0 ? '1' : `0.${'0'.repeat(digits - 1)}1`;
  const prices = quote.pricesIncludeTax ? `Prices include ${taxName}; the ${taxName} in each price is worked out from the price with ${taxName}. ` : '';
  const rule =
    quote.rounding === 'line'
      ? `${taxName} is worked out on each line and rounded to the nearest ${unit} (halves round up); the ${taxName} total is the sum of the lines.`
      : `${taxName} is worked out on the total at each rate and rounded once to the nearest ${unit} (halves round up); the ${taxName} shown on a line is its share of that.`;
  return `${prices}${rule} Line amounts are rounded to the nearest ${unit}.`;
}

type Work = { index: number; item: QuoteItem; counted: boolean; list: bigint; amount: bigint; share: bigint; taxes: bigint[] };

const groupOf = (t: LineTax) => `${t.key}\u0000${t.rateMilli}`;
const signature = (item: QuoteItem) => item.taxes.map(groupOf).sort().join('\u0001');

/** Quantity times price, less the line's own discount, rounded once: the line amount the client reads. */
function lineAmounts(item: QuoteItem): { list: bigint; amount: bigint } {
  const raw = BigInt(item.quantityMilli) * BigInt(item.unitPriceE4);
  const scale = QUANTITY_SCALE * PRICE_SCALE;
  const list = divHalfUp(raw, scale);
  const d = item.discount;
  if (d?.kind === 'percent') return { list, amount: divHalfUp(raw * (PERCENT_SCALE - BigInt(d.milliPct)), scale * PERCENT_SCALE) };
  if (d?.kind === 'amount') return { list, amount: list - (list < 0n ? -BigInt(d.minor) : BigInt(d.minor)) };
  return { list, amount: list };
}

/** The exact tax of each of a line's taxes on `base` (its net, or its gross when prices include tax). */
function exactTaxes(item: QuoteItem, base: bigint, inclusive: boolean): Exact[] {
  const all = item.taxes.reduce((sum, t) => sum + BigInt(t.rateMilli), 0n);
  return item.taxes.map((t) => ({ n: base * BigInt(t.rateMilli), d: inclusive ? PERCENT_SCALE + all : PERCENT_SCALE }));
}

function compute(quote: QuoteInput): { issues: FieldIssue[]; totals?: QuoteTotals } {
  const issues: FieldIssue[] = [];
  const cap = BigInt(MAX_TOTAL_MINOR);
  const tooLarge = `more than ${minorToDecimal(MAX_TOTAL_MINOR, quote.currency)}`;
  const inclusive = quote.pricesIncludeTax;
  const work: Work[] = [];
  quote.lines.forEach((line, index) => {
    if (line.kind !== 'item') return;
    const { list, amount } = lineAmounts(line);
    if (list > cap || -list > cap) issues.push({ path: `lines.${index}.unitPriceE4`, message: `This line comes to ${tooLarge}` });
    const d = line.discount;
    if (d?.kind === 'amount' && BigInt(d.minor) > (list < 0n ? -list : list)) {
      issues.push({ path: `lines.${index}.discount.minor`, message: 'The discount is more than the line' });
    }
    work.push({ index, item: line, counted: !line.optional || line.chosen === true, list, amount, share: 0n, taxes: [] });
  });
  const counted = work.filter((w) => w.counted);
  const linesTotal = counted.reduce((s, w) => s + w.amount, 0n);
  if (issues.length === 0 && (linesTotal > cap || -linesTotal > cap)) issues.push({ path: 'lines', message: `The quote comes to ${tooLarge}` });
  if (issues.length > 0) return { issues };

  // The whole-quote discount, shared in proportion to the lines' amounts (every line scaled by the same factor).
  let discount = 0n;
  const d = quote.discount;
  if (d?.kind === 'percent') discount = divHalfUp(linesTotal * BigInt(d.milliPct), PERCENT_SCALE);
  if (d?.kind === 'amount' && d.minor > 0) {
    if (BigInt(d.minor) > linesTotal) return { issues: [{ path: 'discount.minor', message: 'The discount is more than the quote' }] };
    discount = BigInt(d.minor);
  }
  if (discount !== 0n && linesTotal !== 0n) {
    const sign = linesTotal < 0n ? -1n : 1n;
    const abs = (v: bigint) => (v < 0n ? -v : v);
    // Ties go to the larger line, then by tax, so the per-rate bases never depend on where a line sits.
    const before = (i: number, j: number) => {
      const a = abs(counted[i]!.amount);
      const b = abs(counted[j]!.amount);
      if (a !== b) return a > b ? -1 : 1;
      const si = signature(counted[i]!.item);
      const sj = signature(counted[j]!.item);
      return si < sj ? -1 : si > sj ? 1 : i - j;
    };
    const shares = shareOut(discount, counted.map((w) => ({ n: sign * discount * w.amount, d: sign * linesTotal })), before);
    counted.forEach((w, i) => (w.share = shares[i]!));
  }

  // Tax: per line, or once per rate on the exact sum and then shared back to the lines.
  for (const w of work) {
    const exact = exactTaxes(w.item, w.amount - w.share, inclusive);
    w.taxes = exact.map((e) => divHalfUp(e.n, e.d));
  }
  if (quote.rounding === 'document') {
    const groups = new Map<string, { w: Work; t: number; exact: Exact }[]>();
    for (const w of counted) {
      exactTaxes(w.item, w.amount - w.share, inclusive).forEach((exact, t) => {
        const g = groupOf(w.item.taxes[t]!);
        groups.set(g, [...(groups.get(g) ?? []), { w, t, exact }]);
      });
    }
    for (const members of groups.values()) {
      const exact = members.map((m) => m.exact);
      const { d: denominator, ns } = commonDenominator(exact);
      const shares = shareOut(divHalfUp(ns.reduce((a, b) => a + b, 0n), denominator), exact, (i, j) => i - j);
      members.forEach((m, i) => (m.w.taxes[m.t] = shares[i]!));
    }
  }

  const lines: LineTotals[] = [];
  const summary = new Map<string, TaxSummaryRow & { net: bigint; tax: bigint }>();
  const sums = { lineDiscounts: 0n, net: 0n, tax: 0n, gross: 0n };
  let next = 0;
  quote.lines.forEach((line) => {
    if (line.kind === 'heading') return void lines.push({ kind: 'heading', text: line.text });
    const w = work[next++]!;
    const base = w.amount - w.share;
    const tax = w.taxes.reduce((a, b) => a + b, 0n);
    const net = inclusive ? base - tax : base;
    const gross = inclusive ? base : base + tax;
    if (w.counted) {
      sums.lineDiscounts += w.list - w.amount;
      sums.net += net;
      sums.tax += tax;
      sums.gross += gross;
      w.item.taxes.forEach((t, i) => {
        const g = groupOf(t);
        const row = summary.get(g) ?? { key: t.key, label: t.label ?? t.key, rateMilli: t.rateMilli, netMinor: 0, taxMinor: 0, net: 0n, tax: 0n };
        row.net += net;
        row.tax += w.taxes[i]!;
        summary.set(g, row);
      });
    }
    lines.push({
      kind: 'item',
      counted: w.counted,
      listMinor: Number(w.list),
      lineDiscountMinor: Number(w.list - w.amount),
      amountMinor: Number(w.amount),
      quoteDiscountMinor: Number(w.share),
      netMinor: Number(net),
      taxMinor: Number(tax),
      grossMinor: Number(gross),
      taxes: w.item.taxes.map((t, i) => ({ key: t.key, taxMinor: Number(w.taxes[i]!) })),
    });
  });
  if (sums.gross > cap || -sums.gross > cap || sums.net > cap || -sums.net > cap) {
    return { issues: [{ path: 'lines', message: `The quote comes to ${tooLarge}` }] };
  }
  const taxSummary = [...summary.values()]
    .map(({ net, tax, ...row }) => ({ ...row, netMinor: Number(net), taxMinor: Number(tax) }))
    .sort((a, b) => b.rateMilli - a.rateMilli || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    issues: [],
    totals: {
      currency: quote.currency,
      pricesIncludeTax: inclusive,
      rounding: quote.rounding,
      lines,
      linesTotalMinor: Number(linesTotal),
      lineDiscountsMinor: Number(sums.lineDiscounts),
      quoteDiscountMinor: Number(discount),
      discountTotalMinor: Number(sums.lineDiscounts + discount),
      subtotalMinor: Number(linesTotal - discount),
      netTotalMinor: Number(sums.net),
      taxTotalMinor: Number(sums.tax),
      grandTotalMinor: Number(sums.gross),
      taxSummary,
      roundingNote: roundingNote(quote),
    },
  };
}
