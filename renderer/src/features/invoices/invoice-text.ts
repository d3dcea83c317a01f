// How an invoice reads on screen: its status (Overdue derived from the due date, as main derives it), its number
// or "Draft", days overdue, and the totals per currency. One place, so the list, the page and Today agree.
import { formatMoney } from '../../../../shared/domain/money';
import type { InvoiceListItem, InvoiceRow } from '../../api/invoices';

type Shown = Pick<InvoiceListItem, 'status' | 'overdue'>;

const LABELS: Record<InvoiceListItem['status'], string> = { draft: 'Draft', sent: 'Sent', partlyPaid: 'Part paid', paid: 'Paid', void: 'Void' };
const COLORS: Record<InvoiceListItem['status'], string> = { draft: 'gray', sent: 'blue', partlyPaid: 'yellow', paid: 'green', void: 'gray' };

export function statusLabel(i: Shown): string {
  return i.overdue ? 'Overdue' : LABELS[i.status];
}
export function statusColor(i: Shown): string {
  return i.overdue ? 'red' : COLORS[i.status];
}

/** "INV-2026-0003", or "Draft" before it is sent. */
export const invoiceName = (i: Pick<InvoiceListItem, 'number'>) => i.number ?? 'Draft';

/** A YYYY-MM-DD day in the user's words ("3 Mar 2026"); the day itself, never shifted by time zone. */
export function dayText(day: string | null): string {
  return day ? new Date(`${day.slice(0, 10)}T00:00:00`).toLocaleDateString(undefined, { dateStyle: 'medium' }) : '—';
}

/** Whole days from a due day to today (local), 0 when not yet due. */
export function daysOverdue(dueDate: string | null, now = new Date()): number {
  if (!dueDate) return 0;
  const due = new Date(`${dueDate}T00:00:00`);
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.max(0, Math.round((today.getTime() - due.getTime()) / 86_400_000));
}

/** Today as YYYY-MM-DD in the user's time zone (a payment's default date). */
export function todayDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "£1,250.00 · €300.00": an amount per currency, in one line. */
export function perCurrency(rows: readonly { currency: string; minor: number }[]): string {
  return rows.map((r) => formatMoney(r.minor, r.currency)).join(' · ');
}

export const money = (i: Pick<InvoiceRow, 'currency'>, minor: number) => formatMoney(minor, i.currency);

export const PAYMENT_METHODS = [
  { value: 'bankTransfer', label: 'Bank transfer' },
  { value: 'card', label: 'Card' },
  { value: 'cash', label: 'Cash' },
  { value: 'cheque', label: 'Cheque' },
  { value: 'other', label: 'Other' },
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]['value'];
export const methodLabel = (m: string) => PAYMENT_METHODS.find((p) => p.value === m)?.label ?? m;
