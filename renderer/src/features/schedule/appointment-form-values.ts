// The appointment dialog's form values and their conversion to and from the contract: local dates and times
// from native inputs become UTC instants (timed) or plain dates with an exclusive end (all-day).
import { addDays, addHours, differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';
import type { Appointment, Recurrence } from '../../../../shared/domain/appointment';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { fromInputs, localDate } from './schedule-dates';

export type Kind = Appointment['kind'];
export type Freq = 'none' | 'daily' | 'weekly' | 'monthly';
export type Ends = 'never' | 'until' | 'count';
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAYS)[number];

export interface AppointmentFormValues {
  title: string;
  kind: Kind;
  allDay: boolean;
  startDate: string;
  startTime: string;
  /** For all-day: the last day (inclusive), as people say it. */
  endDate: string;
  endTime: string;
  location: string;
  contactId: string | null;
  /** Kept as it was (the job page prefills it); the dialog has no job field. */
  jobId: string | null;
  notes: string;
  reminder: string;
  freq: Freq;
  interval: number;
  byWeekday: string[];
  ends: Ends;
  until: string;
  count: number;
}

export const KIND_OPTIONS = [
  { value: 'meeting', label: 'Meeting' },
  { value: 'call', label: 'Call' },
  { value: 'visit', label: 'Visit' },
  { value: 'other', label: 'Other' },
];

export const REMINDER_OPTIONS = [
  { value: 'none', label: 'No reminder' },
  { value: '5', label: '5 minutes before' },
  { value: '15', label: '15 minutes before' },
  { value: '30', label: '30 minutes before' },
  { value: '60', label: '1 hour before' },
  { value: '1440', label: '1 day before' },
];

export const FREQ_OPTIONS = [
  { value: 'none', label: 'Does not repeat' },
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
  { value: 'monthly', label: 'Monthly' },
];

const d = (date: Date) => format(date, 'yyyy-MM-dd');
const t = (date: Date) => format(date, 'HH:mm');
const weekdayOf = (date: Date): WeekdayCode => WEEKDAYS[(date.getDay() + 6) % 7]!;

const recurrenceDefaults = { freq: 'none' as Freq, interval: 1, byWeekday: [] as string[], ends: 'never' as Ends, until: '', count: 10 };

export function newValues(start: Date, allDay = false, link: { contactId?: string | null; jobId?: string | null } = {}): AppointmentFormValues {
  const end = addHours(start, 1);
  return {
    title: '',
    kind: 'meeting',
    allDay,
    startDate: d(start),
    startTime: t(start),
    endDate: allDay ? d(start) : d(end),
    endTime: t(end),
    location: '',
    contactId: link.contactId ?? null,
    jobId: link.jobId ?? null,
    notes: '',
    reminder: '15',
    ...recurrenceDefaults,
    byWeekday: [weekdayOf(start)],
  };
}

export function fromAppointment(a: Appointment): AppointmentFormValues {
  const start = a.allDay ? localDate(a.startsAt) : parseISO(a.startsAt);
  const end = a.allDay ? addDays(localDate(a.endsAt), -1) : parseISO(a.endsAt);
  const r = a.recurrence;
  return {
    title: a.title,
    kind: a.kind,
    allDay: a.allDay,
    startDate: d(start),
    startTime: a.allDay ? '09:00' : t(start),
    endDate: d(end < start ? start : end),
    endTime: a.allDay ? '10:00' : t(end),
    location: a.location ?? '',
    contactId: a.contactId,
    jobId: a.jobId,
    notes: a.notes ?? '',
    reminder: a.reminderMinutes === null ? 'none' : String(a.reminderMinutes),
    ...(r
      ? {
          freq: r.freq as Freq,
          interval: r.interval,
          byWeekday: r.byWeekday ?? [weekdayOf(start)],
          ends: r.until ? 'until' : r.count ? 'count' : 'never',
          until: r.until ?? '',
          count: r.count ?? 10,
        }
      : { ...recurrenceDefaults, byWeekday: [weekdayOf(start)] }),
  };
}

/** The weekday of a yyyy-MM-dd date from a date input, or null while it is incomplete. */
function weekdayOfInput(date: string): WeekdayCode | null {
  const day = localDate(date);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && isValid(day) ? weekdayOf(day) : null;
}

/**
 * The values after the start date changes. A same-day or overnight end moves with it; an end on another day stays,
 * unless the new start passes it: then it moves as far, so it never ends before it starts; the weekly days, while still the
 * default (the old start's weekday alone, as opened or as last followed), follow the new start's weekday, so a
 * weekly repeat is pre-set to the appointment's own day whether the date or "Weekly" is chosen first.
 */
function movedEnd(v: AppointmentFormValues, next: string): string {
  if (v.endDate === v.startDate) return next;
  const [from, to, until] = [v.startDate, next, v.endDate].map((text) => (text ? parseISO(text) : null));
  if (!from || !to || !until || !isValid(from) || !isValid(to) || !isValid(until)) return v.endDate;
  // Past midnight and under a day (23:00 to 00:00, what a form opened late in the evening starts with): it moves along.
  const overnight = !v.allDay && differenceInCalendarDays(until, from) === 1 && v.endTime <= v.startTime;
  // Any other end on another day stays where the user put it, unless the new start passes it.
  if (!overnight && next <= v.endDate) return v.endDate;
  return d(addDays(until, differenceInCalendarDays(to, from)));
}

export function withStartDate(v: AppointmentFormValues, next: string): AppointmentFormValues {
  const oldDay = weekdayOfInput(v.startDate);
  const newDay = weekdayOfInput(next);
  const isDefault = v.byWeekday.length === 0 || (v.byWeekday.length === 1 && v.byWeekday[0] === oldDay);
  return {
    ...v,
    startDate: next,
    endDate: movedEnd(v, next),
    byWeekday: isDefault && newDay ? [newDay] : v.byWeekday,
  };
}

/**
 * Said under the weekly days when the start date is not one of them. Main then moves the start to the first
 * day it repeats on (fields.ts, firstOccurrence: a series never starts on a day it skips, in Rapport or in an
 * export), so the form says which day that will be rather than refusing a choice people make on purpose.
 */
export function firstRepeatNote(v: AppointmentFormValues): string | null {
  const start = weekdayOfInput(v.startDate);
  if (v.freq !== 'weekly' || v.byWeekday.length === 0 || !start || v.byWeekday.includes(start)) return null;
  const first = localDate(v.startDate);
  let day = first;
  while (!v.byWeekday.includes(weekdayOf(day))) day = addDays(day, 1);
  return `${format(first, 'EEEE')} is not one of its days: it starts on ${format(day, 'EEEE d MMMM')}.`;
}

/** Checks the browser can do before asking main; field names are the form's. */
export function validateTimes(v: AppointmentFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.startDate) errors.startDate = 'Pick a date';
  if (v.allDay) {
    if (!v.endDate) errors.endDate = 'Pick a date';
    else if (v.startDate && v.endDate < v.startDate) errors.endDate = 'Ends before it starts';
  } else {
    const start = fromInputs(v.startDate, v.startTime);
    const end = fromInputs(v.endDate || v.startDate, v.endTime);
    if (!start) errors.startTime = 'Pick a time';
    if (!end) errors.endTime = 'Pick a time';
    if (start && end && end <= start) errors.endTime = 'Must end after it starts';
  }
  if (v.freq === 'weekly' && v.byWeekday.length === 0) errors.byWeekday = 'Pick at least one day';
  if (v.freq !== 'none' && v.ends === 'until' && !v.until) errors.until = 'Pick the last date';
  return errors;
}

function toRecurrence(v: AppointmentFormValues): Recurrence | null {
  if (v.freq === 'none') return null;
  return {
    freq: v.freq,
    interval: v.interval,
    ...(v.freq === 'weekly' ? { byWeekday: WEEKDAYS.filter((w) => v.byWeekday.includes(w)) } : {}),
    ...(v.ends === 'until' ? { until: v.until } : {}),
    ...(v.ends === 'count' ? { count: v.count } : {}),
    // A timed series repeats at this local time in the user's zone, through daylight-saving changes.
    ...(v.allDay ? {} : { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }),
  };
}

export function toInput(v: AppointmentFormValues): ChannelInput<'appointments.create'> {
  const when = v.allDay
    ? { startsAt: v.startDate, endsAt: d(addDays(localDate(v.endDate || v.startDate), 1)) }
    : { startsAt: fromInputs(v.startDate, v.startTime)!.toISOString(), endsAt: fromInputs(v.endDate || v.startDate, v.endTime)!.toISOString() };
  return {
    title: v.title,
    ...when,
    allDay: v.allDay,
    kind: v.kind,
    location: v.location,
    contactId: v.contactId,
    jobId: v.jobId,
    notes: v.notes,
    reminderMinutes: v.reminder === 'none' ? null : Number(v.reminder),
    recurrence: toRecurrence(v),
  };
}

/** Main's field paths to the form's fields. */
export function fieldFor(path: string, allDay: boolean): string {
  if (path === 'startsAt') return allDay ? 'startDate' : 'startTime';
  if (path === 'endsAt') return allDay ? 'endDate' : 'endTime';
  if (path.startsWith('recurrence.')) {
    const rest = path.slice('recurrence.'.length).split('.')[0]!;
    return rest === 'freq' ? 'freq' : rest;
  }
  if (path === 'recurrence') return 'freq';
  if (path === 'reminderMinutes') return 'reminder';
  return path;
}
