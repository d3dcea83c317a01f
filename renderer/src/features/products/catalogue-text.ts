// Words and number formats of the catalogue pages (issue #23), shared by the tabs, the dialogs and the pickers.
import { currencyDigits } from '../../../../shared/domain/money';
import type { Recurrence } from '../../../../shared/domain/product';
import { formatUnitPrice } from '../../../../shared/domain/quote-money';
import { formatRate, type TaxKind } from '../../../../shared/domain/tax-rates';

export const KIND_LABELS: Record<TaxKind, string> = {
  standard: 'Standard',
  reduced: 'Reduced',
  zero: 'Zero-rated',
  exempt: 'Exempt',
  reverse_charge: 'Reverse charge',
  outside_scope: 'Outside the scope',
};

export const RECURRENCE_LABELS: Record<Recurrence, string> = {
  none: 'Does not repeat',
  weekly: 'Every week',
  monthly: 'Every month',
  quarterly: 'Every quarter',
  yearly: 'Every year',
};

/** Units people quote in; any other can be typed. */
export const UNIT_SUGGESTIONS = ['hour', 'day', 'item', 'm²', 'visit'];

export const options = <K extends string>(labels: Record<K, string>) => (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/**
 * A catalogue price for people to read, in its currency, with the extra digits only when it has them:
 * 12_500_000 GBP -> "£1,250.00", 12_345_600 GBP -> "£12.3456". Exact: Intl formats the decimal string.
 */
export function formatPrice(unitPriceE4: number, currency: string): string {
  const digits = currencyDigits(currency);
  const decimal = formatUnitPrice(unitPriceE4, digits);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits + 4 }).format(decimal as `${number}`);
  } catch {
    return `${decimal} ${currency}`;
  }
}

/** How a rate is offered in a picker: its name, and the percentage when the name does not already say it. */
export function rateLabel(rate: { name: string; rateMilli: number }): string {
  const pct = formatRate(rate.rateMilli);
  return rate.name.includes(pct) ? rate.name : `${rate.name} (${pct})`;
}
