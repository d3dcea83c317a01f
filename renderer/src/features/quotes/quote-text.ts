// Words and formats the quote screens share: the status a person sees (Expired is derived from a sent quote's
// validity date), its colour, the accept methods, and dates.
import { format, parseISO } from 'date-fns';
import type { AcceptMethod, QuoteStatus } from '../../../../shared/domain/quote';
import { IpcError } from '../../../../shared/ipc/errors';
import { notifyError } from '../../ui/notify';

export type ShownStatus = 'draft' | 'sent' | 'expired' | 'accepted' | 'declined' | 'superseded';

export const STATUS_LABELS: Record<ShownStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  expired: 'Expired',
  accepted: 'Accepted',
  declined: 'Declined',
  superseded: 'Replaced by a revision',
};
export const STATUS_COLORS: Record<ShownStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  expired: 'orange',
  accepted: 'green',
  declined: 'red',
  superseded: 'gray',
};

export const shownStatus = (q: { status: QuoteStatus; expired: boolean }): ShownStatus => (q.status === 'sent' && q.expired ? 'expired' : q.status);

/** "Q-2026-0001", or "Draft" before the first send. */
export const quoteLabel = (q: { number: string | null }) => q.number ?? 'Draft';

/** A line's or the whole quote's discount: none, a percentage or an amount. */
export const DISCOUNT_KINDS = [
  { value: 'none', label: 'No discount' },
  { value: 'percent', label: 'Percent' },
  { value: 'amount', label: 'Amount' },
];

export const ACCEPT_METHODS: { value: AcceptMethod; label: string }[] = [
  { value: 'email', label: 'By email reply' },
  { value: 'call', label: 'On a call' },
  { value: 'signed', label: 'Signed document' },
  { value: 'inPerson', label: 'In person' },
];

/** 2026-12-06 -> "6 Dec 2026"; an ISO date-time too. Empty for null. */
export function dayText(iso: string | null): string {
  if (!iso) return '';
  try {
    return format(parseISO(iso), 'd MMM yyyy');
  } catch {
    return iso;
  }
}

export const MERGE_FIELDS = ['{{quote.number}}', '{{quote.title}}', '{{quote.total}}', '{{quote.validUntil}}', '{{firstName}}'];
export const DEFAULT_SUBJECT = 'Quote {{quote.number}}: {{quote.title}}';
export const DEFAULT_BODY = 'Hello {{firstName|there}},\n\nPlease find attached quote {{quote.number}} for {{quote.title}}, {{quote.total}} in total, valid until {{quote.validUntil}}.\n\nKind regards';

/**
 * For a button's write (no form to show the issue beside): the query client leaves validation errors of quote
 * writes to forms, so say them here; anything else it has said already. Resolves to null, for `.catch`.
 */
export function notifyValidation(error: unknown): null {
  if (error instanceof IpcError && error.code === 'VALIDATION') notifyError(error);
  return null;
}
