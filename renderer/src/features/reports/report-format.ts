// How the dashboard writes its figures: sums in several currencies and rates. Pure, so the page, its charts and
// tests share it without importing each other; imports only the shared money module.
import { formatMoney } from '../../../../shared/domain/money';

/** Sums per currency side by side ("£1,200.00 + €300.00"); a dash when there are none. */
export const moneyText = (list: { currency: string; amountMinor: number }[]) =>
  list.length === 0 ? '–' : list.map((m) => formatMoney(m.amountMinor, m.currency)).join(' + ');

/** A rate from 0 to 1 as a percentage with one decimal ("33.3 %"); a dash when there is no rate. */
export const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 1000) / 10} %`);
