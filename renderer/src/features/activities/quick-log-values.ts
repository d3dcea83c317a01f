// The quick log's form values and how they become an activities.create input. Dates travel as
// datetime-local strings ("2026-11-22T09:30") in the form and as ISO instants with an offset to main.
import type { ChannelInput } from '../../../../shared/ipc/contract';
import type { ActivityType } from '../../../../shared/domain/activity';
import { toLocalInput, tomorrowAt9 } from '../../ui/local-time';
import { formatClock } from './activity-labels';
import type { QuickLogPrefill } from './quick-log-store';

export interface QuickLogValues {
  contactId: string | null;
  jobId: string | null;
  type: ActivityType;
  direction: 'inbound' | 'outbound';
  occurredAt: string;
  duration: string;
  subject: string;
  notes: string;
  outcome: string | null;
  withFollowUp: boolean;
  followUpTitle: string;
  followUpDue: string;
}

export function initialValues(prefill: QuickLogPrefill): QuickLogValues {
  const a = prefill.editing;
  if (a) {
    return {
      contactId: a.contactId,
      jobId: a.jobId,
      type: a.type,
      direction: a.direction ?? 'outbound',
      occurredAt: toLocalInput(new Date(a.occurredAt)),
      duration: a.durationSeconds ? formatClock(a.durationSeconds) : '',
      subject: a.subject ?? '',
      notes: a.notes ?? '',
      outcome: a.outcome,
      withFollowUp: false,
      followUpTitle: '',
      followUpDue: toLocalInput(tomorrowAt9()),
    };
  }
  return {
    contactId: prefill.contactId ?? null,
    jobId: prefill.jobId ?? null,
    type: prefill.type ?? 'call',
    direction: 'outbound',
    occurredAt: toLocalInput(prefill.occurredAt ?? new Date()),
    duration: prefill.durationSeconds !== undefined ? formatClock(prefill.durationSeconds) : '',
    subject: '',
    notes: '',
    outcome: prefill.type === 'call' && prefill.durationSeconds ? 'connected' : null,
    withFollowUp: false,
    followUpTitle: '',
    followUpDue: toLocalInput(tomorrowAt9()),
  };
}

/** "1:05" or "1:02:05" (a clock), "12" (minutes), "" (none). undefined means it cannot be read. */
export function parseDuration(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 60);
  const parts = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(t);
  if (!parts) return undefined;
  return Number(parts[1] ?? 0) * 3600 + Number(parts[2]) * 60 + Number(parts[3]);
}

const instant = (local: string) => new Date(local).toISOString();

/** The same fields for activities.update: the contact stays, and a follow-up is added separately. */
export function toUpdateInput(id: string, v: QuickLogValues): ChannelInput<'activities.update'> {
  const { contactId: _contact, followUp: _followUp, ...fields } = toCreateInput({ ...v, withFollowUp: false });
  return { id, ...fields };
}

export function toCreateInput(v: QuickLogValues): ChannelInput<'activities.create'> {
  const durationSeconds = parseDuration(v.duration);
  return {
    contactId: v.contactId ?? '',
    jobId: v.jobId,
    type: v.type,
    direction: v.type === 'note' ? null : v.direction,
    occurredAt: v.occurredAt ? instant(v.occurredAt) : new Date().toISOString(),
    durationSeconds: durationSeconds ?? null,
    subject: v.subject,
    notes: v.notes,
    outcome: v.type === 'call' ? ((v.outcome as ChannelInput<'activities.create'>['outcome']) ?? null) : null,
    ...(v.withFollowUp ? { followUp: { title: v.followUpTitle, dueAt: v.followUpDue ? instant(v.followUpDue) : null } } : {}),
  };
}
