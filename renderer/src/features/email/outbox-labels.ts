// How each outbox state reads to the user, and what they can do about it.
import type { OutboxStatus } from '../../../../shared/domain/email';

export const STATUS: Record<OutboxStatus, { label: string; color: string }> = {
  queued: { label: 'Queued', color: 'blue' },
  sending: { label: 'Sending…', color: 'blue' },
  sent: { label: 'Sent', color: 'teal' },
  waiting: { label: 'Waiting to retry', color: 'yellow' },
  failed: { label: 'Failed', color: 'red' },
  paused: { label: 'Paused: check password', color: 'orange' },
  uncertain: { label: 'May have been sent', color: 'grape' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

export const CAN_RESEND: ReadonlySet<OutboxStatus> = new Set(['failed', 'uncertain', 'waiting', 'paused', 'cancelled']);
export const CAN_CANCEL: ReadonlySet<OutboxStatus> = new Set(['queued', 'waiting', 'paused']);
export const CAN_DISMISS: ReadonlySet<OutboxStatus> = new Set(['failed']);
/** "May have been sent": only the user can tell, so they choose between sending it again and marking it sent. */
export const CAN_MARK_SENT: ReadonlySet<OutboxStatus> = new Set(['uncertain']);
