// The words cases show: types, priorities, channels, categories, and "due in 3 h" / "overdue by 2 h" / "paused".
import { differenceInMinutes } from 'date-fns';
import type { CasePriority, CaseType, StatusCategory } from '../../../../shared/domain/case';
import type { EventPayload } from '../../../../shared/ipc/events';

export const TYPE_LABELS: Record<CaseType, string> = {
  question: 'Question',
  problem: 'Problem',
  request: 'Request',
  complaint: 'Complaint',
  warranty: 'Warranty',
  other: 'Other',
};
export const PRIORITY_LABELS: Record<CasePriority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };
export const PRIORITY_COLORS: Record<CasePriority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };
export const CHANNEL_LABELS = { phone: 'Phone', email: 'Email', inPerson: 'In person', letter: 'Letter', web: 'Web' } as const;
export const CATEGORY_LABELS: Record<StatusCategory, string> = { open: 'Open', waiting: 'Waiting', resolved: 'Resolved', closed: 'Closed' };
export const CATEGORY_COLORS: Record<StatusCategory, string> = { open: 'blue', waiting: 'yellow', resolved: 'teal', closed: 'gray' };

export const options = <K extends string>(labels: Record<K, string>) => (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/** A span of minutes in the largest sensible unit: "45 min", "3 h", "2 d". */
export function spanText(minutes: number): string {
  const m = Math.abs(minutes);
  if (m < 60) return `${Math.max(1, Math.round(m))} min`;
  if (m < 48 * 60) return `${Math.round(m / 60)} h`;
  return `${Math.round(m / (24 * 60))} d`;
}

/** Business time as hours with one decimal ("2.5 h"); what targets and the report are measured in. */
export function businessHours(ms: number | null): string {
  if (ms === null) return '–';
  const h = ms / 3_600_000;
  return `${h < 10 ? Math.round(h * 10) / 10 : Math.round(h)} h`;
}

interface DueFacts {
  category: StatusCategory;
  nextDueAt: string | null;
}

/** When the case's next target falls, in words; null when nothing is pending (resolved, closed, all met). */
export function dueText(c: DueFacts, now: Date = new Date()): { text: string; overdue: boolean } | null {
  if (c.category === 'waiting') return { text: 'paused', overdue: false };
  if (c.category !== 'open' || !c.nextDueAt) return null;
  const minutes = differenceInMinutes(new Date(c.nextDueAt), now);
  return minutes < 0 ? { text: `overdue by ${spanText(minutes)}`, overdue: true } : { text: `due in ${spanText(minutes)}`, overdue: false };
}

/** A due reminder's title, e.g. "C-0042 response due in 1 h" or "C-0042 resolution overdue". */
export function caseDueTitle(due: EventPayload<'cases.due'>, now: Date = new Date()): string {
  if (due.percent === 100) return `${due.label} ${due.target} overdue`;
  const minutes = differenceInMinutes(new Date(due.dueAt), now);
  return minutes <= 0 ? `${due.label} ${due.target} overdue` : `${due.label} ${due.target} due in ${spanText(minutes)}`;
}
