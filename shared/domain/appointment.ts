// Appointments (time in the diary): one-off or recurring, timed (UTC instants) or all-day (plain dates,
// never shifted by a time zone). Imports zod only.
import { z } from 'zod';
import { Id, optionalText, text } from './fields';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const DAY = '(SU|MO|TU|WE|TH|FR|SA)';
/** A comma list of whole numbers in [lo, hi], signed (then -hi..-lo too, never 0) or not. */
const numbers = (lo: number, hi: number, signed = false) => (value: string) =>
  value.split(',').every((item) => {
    const m = /^([+-]?)(\d{1,3})$/.exec(item);
    const n = Number(m?.[2]);
    return !!m && (signed || !m[1]) && n >= lo && n <= hi && (!signed || n !== 0);
  });
/** RFC 5545's RECUR parts with the ranges calendar readers hold them to; other parts (X-, RSCALE) are kept, and ignored. */
const RULE_PARTS: Record<string, (value: string) => boolean> = {
  FREQ: (v) => /^(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)$/.test(v),
  UNTIL: (v) => /^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3])[0-5]\d([0-5]\d|60)Z?)?$/.test(v),
  COUNT: (v) => /^\d{1,6}$/.test(v) && Number(v) >= 1,
  INTERVAL: (v) => /^\d{1,4}$/.test(v) && Number(v) >= 1,
  BYSECOND: numbers(0, 60),
  BYMINUTE: numbers(0, 59),
  BYHOUR: numbers(0, 23),
  BYDAY: (v) => v.split(',').every((item) => new RegExp(`^([+-]?([1-9]|[1-4]\\d|5[0-3]))?${DAY}$`).test(item)),
  BYMONTHDAY: numbers(1, 31, true),
  BYYEARDAY: numbers(1, 366, true),
  BYWEEKNO: numbers(1, 53, true),
  BYMONTH: numbers(1, 12),
  BYSETPOS: numbers(1, 366, true),
  WKST: (v) => new RegExp(`^${DAY}$`).test(v),
};

/** Whether an RRULE's parts each hold a value a calendar reader accepts (the expander would throw on the others). */
function isRepeatRule(rule: string): boolean {
  const seen = new Set<string>();
  return rule.split(';').every((part) => {
    const [name = '', value = ''] = part.split('=');
    if (seen.has(name)) return false;
    seen.add(name);
    return RULE_PARTS[name]?.(value) ?? value !== '';
  });
}

/** Diary years: repeats and ranges walk past their ends, and a walk past 9999 leaves what dates can say. */
const inDiaryYears = (value: string) => Number(value.slice(0, 4)) >= 1000 && Number(value.slice(0, 4)) <= 8999;
const DIARY_YEARS = { message: 'Use a year between 1000 and 8999' };
const Instant = z.iso.datetime({ offset: true }).refine(inDiaryYears, DIARY_YEARS);
/** Timed: an ISO instant with offset. All-day: a plain date. */
const When = z.union([z.iso.datetime({ offset: true }), z.iso.date()], { message: 'Use a date (YYYY-MM-DD) or a date and time (ISO 8601)' }).refine(inDiaryYears, DIARY_YEARS);

export const AppointmentKind = z.enum(['meeting', 'call', 'visit', 'other']);
export const Weekday = z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']);
export const Recurrence = z.strictObject({
  /** With `rule`, a summary of it for display (yearly repeats come only from calendar files). */
  freq: z.enum(['daily', 'weekly', 'monthly', 'yearly']),
  interval: z.number().int().min(1).max(99).default(1),
  /** Weekly only: which days; the start's weekday when omitted. */
  byWeekday: z.array(Weekday).max(7).optional(),
  /** Last day an occurrence may start on (inclusive), or a number of occurrences. */
  until: z.iso.date().refine(inDiaryYears, DIARY_YEARS).optional(),
  count: z.number().int().min(1).max(1000).optional(),
  /**
   * The IANA zone a timed series repeats in (the renderer sends the OS zone): "every Tuesday at 10:00" stays at
   * 10:00 there across daylight-saving changes. Without one, a series repeats at the same UTC time.
   */
  timeZone: text()
    .max(64)
    .refine((zone) => isTimeZone(zone), { message: 'Not a time zone this system knows' })
    .optional(),
  /** Occurrences taken out of the series (moved on their own, or cancelled), by their start as listed. */
  exceptDates: z.array(When).max(500).optional(),
  /**
   * An imported RRULE (RFC 5545 recurrence text, UNTIL already in the series' terms) that the fields above cannot
   * say (BYSETPOS, BYMONTHDAY, ordinal BYDAY, yearly...): expansion follows it, and freq/interval only summarise it.
   */
  rule: text().max(1000).regex(/^FREQ=[A-Z]+(;[A-Z-]+=[A-Za-z0-9,+\-:]+)*$/, { message: 'Not a repeat rule' }).refine(isRepeatRule, { message: 'Not a repeat rule' }).optional(),
  /** Extra occurrence starts (RDATE), in the stored form of the start: instants, or dates for all-day series. */
  rdates: z.array(When).max(500).optional(),
  /**
   * A time zone defined only in the file (VTIMEZONE text) that the series repeats in, when no zone the system knows
   * has the same rules; `timeZone` is then absent.
   */
  zoneDefinition: text().max(20_000).regex(/^BEGIN:VTIMEZONE\r\n[\s\S]*END:VTIMEZONE$/, { message: 'Not a time zone definition' }).optional(),
});
export type Recurrence = z.infer<typeof Recurrence>;


const AppointmentFieldsShape = {
  title: text().trim().min(1, { message: 'Give it a title' }).max(200),
  startsAt: When,
  endsAt: When,
  allDay: z.boolean().optional(),
  location: optionalText(300),
  contactId: Id.nullable().optional(),
  jobId: Id.nullable().optional(),
  notes: optionalText(20_000),
  kind: AppointmentKind.optional(),
  recurrence: Recurrence.nullable().optional(),
  reminderMinutes: z.number().int().min(0).max(60 * 24 * 14).nullable().optional(),
};
export const AppointmentCreate = z.strictObject(AppointmentFieldsShape);
export const AppointmentUpdate = z.strictObject(AppointmentFieldsShape).partial().extend({ id: Id });
/** One occurrence of a repeating appointment, named by its start as appointments.list gave it. */
export const OccurrenceRef = z.strictObject({ id: Id, occurrenceStart: When });
/** Moves one occurrence: it leaves the series and becomes a one-off at the new times. */
export const OccurrenceMove = OccurrenceRef.extend({ startsAt: When, endsAt: When });

export const AppointmentRange = z.strictObject({
  from: Instant,
  to: Instant,
  /** Only this job's (or this contact's) appointments; conflicts are then judged among those only. */
  jobId: Id.optional(),
  contactId: Id.optional(),
});

export const Appointment = z.object({
  id: z.string(),
  uid: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  allDay: z.boolean(),
  location: z.string().nullable(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  jobId: z.string().nullable(),
  notes: z.string().nullable(),
  kind: AppointmentKind,
  recurrence: z
    .object({
      freq: z.string(), interval: z.number(), byWeekday: z.array(z.string()).optional(), until: z.string().optional(), count: z.number().optional(),
      timeZone: z.string().optional(), exceptDates: z.array(z.string()).optional(), rule: z.string().optional(), rdates: z.array(z.string()).optional(),
      zoneDefinition: z.string().optional(),
    })
    .nullable(),
  reminderMinutes: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Appointment = z.infer<typeof Appointment>;

/** One occurrence in a range (a recurring appointment yields one per date). */
export const Occurrence = z.object({
  appointmentId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  allDay: z.boolean(),
  kind: AppointmentKind,
  location: z.string().nullable(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  recurring: z.boolean(),
  /** Overlaps another timed occurrence in the range. */
  conflict: z.boolean(),
});
export type Occurrence = z.infer<typeof Occurrence>;

export const IcsExportInput = z.strictObject({ from: Instant.optional(), to: Instant.optional(), appointmentId: Id.optional() });
export const IcsImportInput = z.strictObject({ path: text().min(1).max(4096) });
