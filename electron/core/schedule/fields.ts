// An appointment's stored fields built from what a user (or a calendar file) gave: the when-fields checked
// (instants for timed ones, plain dates for all-day ones) and the rule normalised. Shared by the service and
// the iCalendar import so both store the same thing. No SQL, no `electron` import.
import type { Recurrence } from '../../../shared/domain/appointment';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { ruleText, SHORT_SPAN_MS, type AppointmentRecord } from '../../db/schedule.repo';
import { utc } from '../links';
import type { ImportedEvent } from './ics';
import { expandOccurrences, isPlainDate, seriesEnd, type When as SeriesWhen } from './occurrences';

/** The longest reminder an appointment may have (two weeks), as the contract allows. */
export const MAX_REMINDER_MINUTES = 60 * 24 * 14;

type When = Pick<AppointmentRecord, 'startsAt' | 'endsAt' | 'allDay' | 'recurrence' | 'seriesEnd' | 'longSpan'>;

/** The stored when-fields of an appointment, checked; a VALIDATION error names the field that is wrong. */
export function checkWhen(input: { startsAt: string; endsAt: string; allDay: boolean; recurrence: Recurrence | null }): When {
  const { startsAt: givenStart, endsAt: givenEnd, allDay, recurrence } = input;
  for (const [path, value] of [['startsAt', givenStart], ['endsAt', givenEnd]] as const) {
    if (allDay && !isPlainDate(value)) throw AppError.validation(path, 'An all-day appointment takes a date (YYYY-MM-DD), not a time');
    if (!allDay && isPlainDate(value)) throw AppError.validation(path, 'Give a time too, or make it all-day');
  }
  for (const field of ['rdates', 'exceptDates'] as const) {
    recurrence?.[field]?.forEach((value, i) => {
      if (isPlainDate(value) !== allDay) throw AppError.validation(`recurrence.${field}.${i}`, allDay ? 'An all-day repeat takes dates (YYYY-MM-DD)' : 'A timed repeat takes dates with times');
    });
  }
  let startsAt = allDay ? givenStart : utc(givenStart);
  let endsAt = allDay ? givenEnd : utc(givenEnd);
  if (recurrence && !recurrence.rdates?.length && isPlainDate(startsAt) === allDay && isPlainDate(endsAt) === allDay) {
    // A series starts on its first occurrence: a start its rule skips (a Monday for "Wednesdays and Saturdays")
    // would be an extra occurrence in every RFC 5545 reader of an export, and is none in Rapport.
    ({ startsAt, endsAt } = firstOccurrence({ startsAt, endsAt, allDay, recurrence }));
  }
  const spanMs = Date.parse(allDay ? `${endsAt}T00:00:00Z` : endsAt) - Date.parse(allDay ? `${startsAt}T00:00:00Z` : startsAt);
  const when: When = {
    startsAt,
    endsAt,
    allDay,
    recurrence,
    seriesEnd: seriesEnd({ startsAt, endsAt, allDay, recurrence }),
    longSpan: spanMs > SHORT_SPAN_MS,
  };
  if (allDay ? when.endsAt <= when.startsAt : when.endsAt < when.startsAt) {
    throw AppError.validation('endsAt', allDay ? 'Must end after it starts (the end date is the day after the last day)' : 'Must end after it starts');
  }
  if (recurrence) {
    if (recurrence.byWeekday?.length && recurrence.freq !== 'weekly') throw AppError.validation('recurrence.byWeekday', 'Days of the week apply to weekly repeats only');
    if (recurrence.until !== undefined && recurrence.count !== undefined) throw AppError.validation('recurrence.count', 'Repeat until a date or a number of times, not both');
    if (recurrence.until !== undefined && recurrence.until < when.startsAt.slice(0, 10)) throw AppError.validation('recurrence.until', 'Must not be before the first day');
  }
  return when;
}

/** The first occurrence of a series (its rule's exceptions aside), or its own start when the rule yields none. */
export function firstOccurrence(a: SeriesWhen): { startsAt: string; endsAt: string } {
  if (!a.recurrence || Number.isNaN(Date.parse(a.startsAt)) || a.endsAt < a.startsAt) return a;
  const rule = { ...a.recurrence };
  delete rule.exceptDates;
  const day = a.startsAt.slice(0, 10);
  const range = { fromInstant: a.allDay ? `${day}T00:00:00.000Z` : a.startsAt, toInstant: '9999-01-01T00:00:00.000Z', fromDay: day, toDay: '9999-01-01' };
  try {
    return expandOccurrences({ ...a, recurrence: rule }, range).find((o) => o.startsAt >= a.startsAt) ?? a;
  } catch {
    return a;
  }
}

/** The rule as stored: defaults filled, empty weekday lists dropped, so equal rules compare equal. */
export function normaliseRule(rule: Recurrence | null | undefined): Recurrence | null {
  if (!rule) return null;
  const out: Recurrence = { freq: rule.freq, interval: rule.interval ?? 1 };
  if (rule.byWeekday?.length) out.byWeekday = [...new Set(rule.byWeekday)];
  if (rule.until !== undefined) out.until = rule.until;
  if (rule.count !== undefined) out.count = rule.count;
  if (rule.timeZone !== undefined) out.timeZone = rule.timeZone;
  if (rule.exceptDates?.length) out.exceptDates = [...new Set(rule.exceptDates)].sort();
  // An imported rule, its extra dates and its file's zone (ics-rules.ts): kept as read.
  if (rule.rule !== undefined) out.rule = rule.rule;
  if (rule.rdates?.length) out.rdates = [...new Set(rule.rdates)].sort();
  if (rule.zoneDefinition !== undefined) out.zoneDefinition = rule.zoneDefinition;
  return out;
}

/** Two stored rules are the same when their stored text is. */
export const sameRule = (a: Recurrence | null, b: Recurrence | null) => ruleText(a) === ruleText(b);

/** A new appointment's record, checked; links (contact, job) are the caller's to check. */
export function newAppointment(input: ImportedEvent | ChannelParsedInput<'appointments.create'>, id: string, uid: string, now: string): AppointmentRecord {
  const when = checkWhen({ startsAt: input.startsAt, endsAt: input.endsAt, allDay: input.allDay ?? false, recurrence: normaliseRule(input.recurrence) });
  return {
    id,
    uid,
    title: input.title,
    ...when,
    location: input.location ?? null,
    contactId: 'contactId' in input ? (input.contactId ?? null) : null,
    jobId: 'jobId' in input ? (input.jobId ?? null) : null,
    notes: input.notes ?? null,
    kind: input.kind ?? 'meeting',
    reminderMinutes: input.reminderMinutes ?? null,
    remindedUntil: null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
}
