// Wording and icons for activity types, directions and call outcomes, shared by the quick log and the timeline.
import { IconMail, IconMailbox, IconNote, IconPhone, IconUsersGroup, type Icon } from '@tabler/icons-react';
import type { ActivityType } from '../../../../shared/domain/activity';

export const TYPE_LABELS: Record<ActivityType, string> = { call: 'Call', email: 'Email', meeting: 'Meeting', note: 'Note', letter: 'Letter' };
export const TYPE_ICONS: Record<ActivityType, Icon> = { call: IconPhone, email: IconMail, meeting: IconUsersGroup, note: IconNote, letter: IconMailbox };
export const TYPE_COLORS: Record<ActivityType, string> = { call: 'teal', email: 'blue', meeting: 'grape', note: 'yellow', letter: 'orange' };
export const TYPE_OPTIONS = (Object.keys(TYPE_LABELS) as ActivityType[]).map((value) => ({ value, label: TYPE_LABELS[value] }));

export const DIRECTION_LABELS = { outbound: 'Outgoing', inbound: 'Incoming' } as const;
export const DIRECTION_OPTIONS = [
  { value: 'outbound', label: 'Outgoing' },
  { value: 'inbound', label: 'Incoming' },
];

export const OUTCOME_LABELS = {
  connected: 'Connected',
  no_answer: 'No answer',
  left_voicemail: 'Left voicemail',
  wrong_number: 'Wrong number',
  busy: 'Busy',
} as const;
export const OUTCOME_OPTIONS = Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }));

/** 125 -> "2 min 5 s", 3600 -> "1 h". */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts = [h ? `${h} h` : '', m ? `${m} min` : '', s && !h ? `${s} s` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 s';
}

/** 65 -> "1:05", 3725 -> "1:02:05": a running timer. */
export function formatClock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
