// The quote builder's form values (text as typed) and the way to and from the contract's LineInput: quantities
// with up to 3 decimals become quantityMilli, prices with up to 4 extra decimals become unitPriceE4 (parseUnitPrice),
// and the live totals come from priceDocument, the very function main prices every save with. Pure: no React.
import { AppError, type FieldIssue } from '../../../../shared/ipc/errors';
import type { DiscountInput, LineInput, StoredTotals } from '../../../../shared/domain/quote';
import { divHalfUp, formatUnitPrice, parseUnitPrice, PERCENT_SCALE } from '../../../../shared/domain/quote-money';
import { currencyDigits, minorToDecimal, parseMoney } from '../../../../shared/domain/money';
import { priceDocument } from '../../../../shared/domain/sale-pricing';
import type { QuoteLineRow, QuoteRow, QuoteUpdateInput } from '../../api/quotes';

export type LineTax = { taxRateId: string; rateMilli: number; label?: string };
export type DiscountKind = 'none' | 'percent' | 'amount';

export type DraftLine = {
  /** Stable across moves, for React keys and focus; the stored line's id when it has one. */
  key: string;
  id: string | null;
  kind: 'heading' | 'item';
  /** The heading's text, or the item's description. */
  text: string;
  productId: string | null;
  unit: string;
  quantity: string;
  unitPrice: string;
  discountKind: DiscountKind;
  discount: string;
  taxes: LineTax[];
  optional: boolean;
  chosen: boolean;
};

export type QuoteFormValues = {
  title: string;
  validUntil: string;
  pricesIncludeTax: boolean;
  discountKind: DiscountKind;
  discount: string;
  lines: DraftLine[];
  notes: string;
  terms: string;
};

let counter = 0;
export const newKey = () => `new-${Date.now().toString(36)}-${(counter += 1)}`;

/** Thousandths as text: 2500 -> "2.5". */
export function milliText(milli: number): string {
  const whole = Math.trunc(milli / 1000);
  const frac = String(Math.abs(milli % 1000)).padStart(3, '0').replace(/0+$/, '');
  return `${milli < 0 && whole === 0 ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** "2.5" -> 2500; null when not a number with at most 3 decimal places. */
export function parseMilli(text: string): number | null {
  const m = /^\s*(\d+)(?:\.(\d{0,3}))?\s*$/.exec(text.replace(/,/g, ''));
  if (!m) return null;
  const value = Number(m[1]!) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
  return Number.isSafeInteger(value) ? value : null;
}

function discountText(d: DiscountInput | null, currency: string): { discountKind: DiscountKind; discount: string } {
  if (!d) return { discountKind: 'none', discount: '' };
  return d.kind === 'percent' ? { discountKind: 'percent', discount: milliText(d.milliPct) } : { discountKind: 'amount', discount: minorToDecimal(d.minor, currency) };
}

export function draftOfLine(line: QuoteLineRow, currency: string): DraftLine {
  const digits = currencyDigits(currency);
  return {
    key: line.id,
    id: line.id,
    kind: line.kind,
    text: (line.kind === 'heading' ? line.text : line.description) ?? '',
    productId: line.productId,
    unit: line.unit ?? '',
    quantity: line.quantityMilli === null ? '' : milliText(line.quantityMilli),
    unitPrice: line.unitPriceE4 === null ? '' : formatUnitPrice(line.unitPriceE4, digits),
    ...discountText(line.discount, currency),
    taxes: line.taxes,
    optional: line.optional,
    chosen: line.chosen,
  };
}

export function valuesOfQuote(q: QuoteRow): QuoteFormValues {
  return {
    title: q.title,
    validUntil: q.validUntil ?? '',
    pricesIncludeTax: q.pricesIncludeTax,
    ...discountText(q.discount, q.currency),
    lines: q.lines.map((l) => draftOfLine(l, q.currency)),
    notes: q.notes ?? '',
    terms: q.terms ?? '',
  };
}

export function blankItem(taxes: LineTax[]): DraftLine {
  return { key: newKey(), id: null, kind: 'item', text: '', productId: null, unit: '', quantity: '1', unitPrice: '', discountKind: 'none', discount: '', taxes, optional: false, chosen: false };
}
export const blankHeading = (): DraftLine => ({ ...blankItem([]), kind: 'heading', quantity: '' });

/** A discount as typed; the issue's path is relative (`discount.milliPct`). */
function parseDiscount(kind: DiscountKind, text: string, currency: string): { value: DiscountInput | null } | { issue: FieldIssue } {
  if (kind === 'none' || text.trim() === '') return { value: null };
  if (kind === 'percent') {
    const milli = parseMilli(text.replace('%', ''));
    if (milli === null || milli > 100_000) return { issue: { path: 'discount.milliPct', message: 'Enter a percentage between 0 and 100 (up to 3 decimal places)' } };
    return { value: { kind: 'percent', milliPct: milli } };
  }
  const money = parseMoney(text, currency);
  if (!money.ok) return { issue: { path: 'discount.minor', message: money.error } };
  return { value: money.minor === null ? null : { kind: 'amount', minor: money.minor } };
}

/** One line as the contract wants it, or what is wrong with what was typed (paths relative to the line). */
export function lineInput(line: DraftLine, currency: string): { input: LineInput } | { issues: FieldIssue[] } {
  if (line.kind === 'heading') return { input: { kind: 'heading', text: line.text } };
  const issues: FieldIssue[] = [];
  const quantityMilli = parseMilli(line.quantity);
  if (quantityMilli === null) issues.push({ path: 'quantityMilli', message: 'Enter a quantity such as 1 or 2.5 (up to 3 decimal places)' });
  const digits = currencyDigits(currency);
  const unitPriceE4 = parseUnitPrice(line.unitPrice, digits);
  if (unitPriceE4 === null) issues.push({ path: 'unitPriceE4', message: `Enter a price such as 12.50 (up to ${digits + 4} decimal places)` });
  const discount = parseDiscount(line.discountKind, line.discount, currency);
  if ('issue' in discount) issues.push(discount.issue);
  if (issues.length > 0 || quantityMilli === null || unitPriceE4 === null || 'issue' in discount) return { issues };
  return {
    input: {
      kind: 'item',
      productId: line.productId,
      description: line.text,
      unit: line.unit.trim() || null,
      quantityMilli,
      unitPriceE4,
      discount: discount.value,
      taxes: line.taxes,
      optional: line.optional,
      chosen: line.chosen,
    },
  };
}

export type Priced = {
  totals: StoredTotals | null;
  /** Per on-screen path (`lines.2.quantityMilli`), in the app's words. */
  issues: FieldIssue[];
  /** Lines left out of the totals until what was typed is fixed. */
  skipped: number;
  /** Each priced on-screen line's amount column (after its own discount), by index. */
  amounts: Map<number, number>;
};

/** The live totals: what priceDocument makes of every line that parses, with every issue on its on-screen line. */
export function priceValues(values: QuoteFormValues, settings: { currency: string; rounding: 'line' | 'document' }): Priced {
  const issues: FieldIssue[] = [];
  const kept: { index: number; input: LineInput }[] = [];
  values.lines.forEach((line, index) => {
    const r = lineInput(line, settings.currency);
    if ('input' in r) kept.push({ index, input: r.input });
    else issues.push(...r.issues.map((i) => ({ path: `lines.${index}.${i.path}`, message: i.message })));
  });
  const discount = parseDiscount(values.discountKind, values.discount, settings.currency);
  if ('issue' in discount) issues.push(discount.issue);
  const onScreen = (path: string) => path.replace(/^lines\.(\d+)/, (_, k: string) => `lines.${kept[Number(k)]?.index ?? k}`);
  try {
    const { totals, lines } = priceDocument(
      { currency: settings.currency, pricesIncludeTax: values.pricesIncludeTax, rounding: settings.rounding, discount: 'value' in discount ? discount.value : null, lines: kept.map((k) => k.input) },
      newKey,
    );
    const amounts = new Map<number, number>();
    lines.forEach((l, k) => l.amountMinor !== null && amounts.set(kept[k]!.index, l.amountMinor));
    return { totals, issues, skipped: values.lines.length - kept.length, amounts };
  } catch (error) {
    const found = error instanceof AppError ? (error.issues ?? []) : [];
    issues.push(...found.map((i) => ({ path: onScreen(i.path), message: i.message })));
    if (found.length === 0) issues.push({ path: 'lines', message: 'The figures of this quote cannot be worked out: check the quantities, prices and discounts' });
    return { totals: null, issues, skipped: values.lines.length - kept.length, amounts: new Map() };
  }
}

/** The whole form as quotes.update wants it; null with issues when something typed does not parse. */
export function updateInput(values: QuoteFormValues, currency: string): { input: Omit<QuoteUpdateInput, 'id'> } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const lines: LineInput[] = [];
  values.lines.forEach((line, index) => {
    const r = lineInput(line, currency);
    if ('input' in r) lines.push(r.input);
    else issues.push(...r.issues.map((i) => ({ path: `lines.${index}.${i.path}`, message: i.message })));
  });
  const discount = parseDiscount(values.discountKind, values.discount, currency);
  if ('issue' in discount) issues.push(discount.issue);
  if (issues.length > 0 || 'issue' in discount) return { issues };
  return {
    input: {
      title: values.title,
      validUntil: values.validUntil || null,
      pricesIncludeTax: values.pricesIncludeTax,
      discount: discount.value,
      lines,
      notes: values.notes.trim() || null,
      terms: values.terms.trim() || null,
    },
  };
}

/**
 * A catalogue price in the quote's mode. A shop price (tax included) on a net quote is divided by 1 + its rate,
 * and a net price on a tax-inclusive quote multiplied, to 1/10,000 of a minor unit, so the client sees what the
 * catalogue means; the builder says it converted. With no rate (or 0 %) the price stays as it is.
 */
export function priceInMode(unitPriceE4: number, priceIncludesTax: boolean, rateMilli: number, quoteIncludesTax: boolean): number {
  if (priceIncludesTax === quoteIncludesTax || rateMilli === 0) return unitPriceE4;
  const p = BigInt(unitPriceE4);
  const whole = PERCENT_SCALE + BigInt(rateMilli);
  return Number(priceIncludesTax ? divHalfUp(p * PERCENT_SCALE, whole) : divHalfUp(p * whole, PERCENT_SCALE));
}
