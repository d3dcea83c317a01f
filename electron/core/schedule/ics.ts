// iCalendar (RFC 5545) text in and out through ical.js: a VCALENDAR built from appointments, and a file's
// VEVENTs read into the fields of appointments.create. Pure functions over strings and plain objects: no
// database, no file system (ics-transfer.ts does those), no `electron` import.
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { AppointmentKind, type Appointment, type Recurrence } from '../../../shared/domain/appointment';
import { addDays, DAY_MS, iso, startTime, toRecur, WEEKDAYS } from './occurrences';
import { isTimeZone, offsetAt, toWall, transitions } from './zones';

export const PRODID = '-//Rapport//Rapport CRM//EN';

// ---------------------------------------------------------------------------------------------- export

const KIND_CATEGORY: Record<Appointment['kind'], string> = { meeting: 'Meeting', call: 'Call', visit: 'Visit', other: 'Other' };

/** A VCALENDAR with one VEVENT per appointment (recurring ones as one VEVENT with an RRULE). */
export function buildCalendar(appointments: readonly Appointment[], now: Date): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('prodid', PRODID);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  const stamp = ICAL.Time.fromJSDate(new Date(Math.floor(now.getTime() / 1000) * 1000), true);
  const zones = new Map<string, number>();
  for (const a of appointments) {
    const event = new ICAL.Component('vevent');
    event.addPropertyWithValue('uid', a.uid);
    event.addPropertyWithValue('dtstamp', stamp);
    const zone = !a.allDay ? a.recurrence?.timeZone : undefined;
    if (zone) {
      // A zoned series: local DTSTART/DTEND with TZID, and the zone's VTIMEZONE below, so other calendars keep it at local time too.
      for (const [name, at] of [['dtstart', a.startsAt], ['dtend', a.endsAt]] as const) {
        event.addPropertyWithValue(name, ICAL.Time.fromDateTimeString(iso(toWall(zone, Date.parse(at))).slice(0, 19))).setParameter('tzid', zone);
      }
      zones.set(zone, Math.min(zones.get(zone) ?? Infinity, Date.parse(a.startsAt)));
    } else {
      event.addPropertyWithValue('dtstart', startTime(a.startsAt, a.allDay));
      event.addPropertyWithValue('dtend', startTime(a.endsAt, a.allDay));
    }
    event.addPropertyWithValue('summary', a.title);
    if (a.location) event.addPropertyWithValue('location', a.location);
    if (a.notes) event.addPropertyWithValue('description', a.notes);
    if (a.recurrence) event.addPropertyWithValue('rrule', toRecur(a.recurrence as Recurrence, a.allDay, true));
    for (const except of a.recurrence?.exceptDates ?? []) {
      if (zone) event.addPropertyWithValue('exdate', ICAL.Time.fromDateTimeString(iso(toWall(zone, Date.parse(except))).slice(0, 19))).setParameter('tzid', zone);
      else event.addPropertyWithValue('exdate', startTime(except, a.allDay));
    }
    event.addPropertyWithValue('categories', KIND_CATEGORY[a.kind]);
    event.addPropertyWithValue('x-rapport-kind', a.kind);
    if (a.reminderMinutes !== null) {
      const alarm = new ICAL.Component('valarm');
      alarm.addPropertyWithValue('action', 'DISPLAY');
      alarm.addPropertyWithValue('description', a.title);
      alarm.addPropertyWithValue('trigger', ICAL.Duration.fromSeconds(-a.reminderMinutes * 60));
      event.addSubcomponent(alarm);
    }
    calendar.addSubcomponent(event);
  }
  for (const [zone, first] of zones) calendar.addSubcomponent(vtimezone(zone, first - 366 * DAY_MS, first + VTIMEZONE_YEARS * 366 * DAY_MS));
  return calendar.toString() + '\r\n';
}

/** How many years of a zone's offset changes an exported VTIMEZONE lists, from its first series' start. */
const VTIMEZONE_YEARS = 15;

const utcOffset = (ms: number) => {
  const minutes = Math.round(ms / 60_000);
  const abs = Math.abs(minutes);
  return ICAL.UtcOffset.fromSeconds((minutes < 0 ? -1 : 1) * abs * 60);
};

/** A VTIMEZONE for an IANA zone, from the OS's zone data: each offset change in the window as its own observance. */
function vtimezone(zone: string, fromMs: number, toMs: number): ICAL.Component {
  const component = new ICAL.Component('vtimezone');
  component.addPropertyWithValue('tzid', zone);
  const observance = (at: number, before: number, after: number) => {
    const part = new ICAL.Component(after > before ? 'daylight' : 'standard');
    // An observance's DTSTART is local time in the offset in force before it.
    part.addPropertyWithValue('dtstart', ICAL.Time.fromDateTimeString(iso(at + before).slice(0, 19)));
    part.addPropertyWithValue('tzoffsetfrom', utcOffset(before));
    part.addPropertyWithValue('tzoffsetto', utcOffset(after));
    component.addSubcomponent(part);
  };
  const initial = offsetAt(zone, fromMs);
  observance(fromMs, initial, initial);
  for (const t of transitions(zone, fromMs, toMs)) observance(t.at, t.offsetBefore, t.offsetAfter);
  return component;
}

// ---------------------------------------------------------------------------------------------- import

/** What one VEVENT becomes: the fields of appointments.create, plus its UID. */
export interface ImportedEvent {
  uid: string;
  title: string;
  startsAt: string;
  endsAt: string;
  allDay: boolean;
  location: string | null;
  notes: string | null;
  kind: Appointment['kind'];
  recurrence: Recurrence | null;
  reminderMinutes: number | null;
}

export type ParsedEvent = { ok: true; event: ImportedEvent } | { ok: false; label: string; reason: string };

/** The file is not iCalendar at all; the caller turns it into a VALIDATION error on `path`. */
export class IcsFormatError extends Error {}

class EventProblem extends Error {}

const text = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

function whenOf(time: ICAL.Time): string {
  if (time.isDate) return time.toString().slice(0, 10);
  // UTC and zones defined in the file convert exactly; a floating time (or an unknown TZID) is the machine's local time.
  return time.toJSDate().toISOString();
}

function recurrenceOf(recur: ICAL.Recur, allDay: boolean, startsAt: string): Recurrence {
  const freq = ({ DAILY: 'daily', WEEKLY: 'weekly', MONTHLY: 'monthly' } as const)[recur.freq as 'DAILY' | 'WEEKLY' | 'MONTHLY'];
  if (!freq) throw new EventProblem(`repeats ${recur.freq ?? 'in an unknown way'}; only daily, weekly and monthly repeats are supported`);
  const rule: Recurrence = { freq, interval: recur.interval || 1 };
  if (rule.interval > 99) throw new EventProblem(`repeats every ${rule.interval}; at most every 99 is supported`);
  for (const [part, values] of Object.entries(recur.parts)) {
    if (!values || (Array.isArray(values) && values.length === 0)) continue;
    if (part !== 'BYDAY' || freq !== 'weekly') throw new EventProblem(`uses ${part} in its repeat rule, which is not supported`);
    const days = (values as string[]).map((d) => String(d).toUpperCase());
    const bad = days.find((d) => !(WEEKDAYS as readonly string[]).includes(d));
    if (bad) throw new EventProblem(`repeats on "${bad}", which is not supported`);
    rule.byWeekday = [...new Set(days)] as Recurrence['byWeekday'];
  }
  const wkst = (recur.toJSON() as { wkst?: unknown }).wkst;
  if (wkst !== undefined && String(wkst).toUpperCase() !== 'MO' && rule.interval > 1 && rule.byWeekday) {
    throw new EventProblem('starts its weeks on a day other than Monday, which is not supported');
  }
  if (recur.count) {
    if (recur.count > 1000) throw new EventProblem(`repeats ${recur.count} times; at most 1000 is supported`);
    rule.count = recur.count;
  }
  if (recur.until) {
    if (recur.count) throw new EventProblem('has both COUNT and UNTIL');
    const until = recur.until;
    if (until.isDate || allDay) {
      rule.until = until.toString().slice(0, 10);
    } else {
      // The last day an occurrence may start on: UNTIL's UTC day, or the day before when the event's time of day is later.
      const instant = until.toJSDate().toISOString();
      const day = instant.slice(0, 10);
      rule.until = startsAt.slice(11) > instant.slice(11) ? addDays(day, -1) : day;
    }
  }
  return rule;
}

function kindOf(event: ICAL.Component): Appointment['kind'] {
  const own = AppointmentKind.safeParse(text(event.getFirstPropertyValue('x-rapport-kind'))?.toLowerCase());
  if (own.success) return own.data;
  for (const property of event.getAllProperties('categories')) {
    for (const value of property.getValues()) {
      const kind = AppointmentKind.safeParse(String(value).trim().toLowerCase());
      if (kind.success) return kind.data;
    }
  }
  return 'other';
}

function reminderOf(event: ICAL.Component): number | null {
  for (const alarm of event.getAllSubcomponents('valarm')) {
    const trigger = alarm.getFirstProperty('trigger');
    const value = trigger?.getFirstValue();
    if (!(value instanceof ICAL.Duration)) continue; // absolute triggers are not kept
    if (String(trigger?.getParameter('related') ?? 'START').toUpperCase() !== 'START') continue;
    const seconds = value.toSeconds();
    if (seconds <= 0) return Math.min(60 * 24 * 14, Math.round(-seconds / 60));
  }
  return null;
}

/** A series whose DTSTART names an IANA zone keeps repeating at local time there. */
function zoneOf(event: ICAL.Component, allDay: boolean): { timeZone?: string } {
  const tzid = event.getFirstProperty('dtstart')?.getParameter('tzid');
  return !allDay && typeof tzid === 'string' && isTimeZone(tzid) ? { timeZone: tzid } : {};
}

/** EXDATEs: occurrences taken out of the series, as instants (timed) or dates (all-day). */
function exceptionsOf(event: ICAL.Component, allDay: boolean): { exceptDates?: string[] } {
  const dates: string[] = [];
  for (const property of event.getAllProperties('exdate')) {
    for (const value of property.getValues()) {
      if (!(value instanceof ICAL.Time) || value.isDate !== allDay) throw new EventProblem('removes a date (EXDATE) that does not match its start (DTSTART)');
      dates.push(whenOf(value));
    }
  }
  if (dates.length > 500) throw new EventProblem('removes more than 500 dates (EXDATE), which is not supported');
  return dates.length > 0 ? { exceptDates: [...new Set(dates)].sort() } : {};
}

function eventOf(event: ICAL.Component): ImportedEvent {
  if (event.hasProperty('recurrence-id')) throw new EventProblem('is a changed occurrence of a repeating event, which is not supported');
  if (event.hasProperty('rdate')) throw new EventProblem('has extra dates (RDATE), which are not supported');
  const start = event.getFirstPropertyValue('dtstart');
  if (!(start instanceof ICAL.Time)) throw new EventProblem('has no start (DTSTART)');
  const allDay = start.isDate;
  const startsAt = whenOf(start);
  let endsAt: string;
  const end = event.getFirstPropertyValue('dtend');
  const duration = event.getFirstPropertyValue('duration');
  if (end instanceof ICAL.Time) {
    if (end.isDate !== allDay) throw new EventProblem('mixes a date and a date-time in DTSTART and DTEND');
    endsAt = whenOf(end);
  } else if (duration instanceof ICAL.Duration) {
    const endTime = start.clone();
    endTime.addDuration(duration);
    endsAt = whenOf(endTime);
  } else {
    endsAt = allDay ? addDays(startsAt, 1) : startsAt; // RFC 5545: one day, or no duration
  }
  const rrules = event.getAllProperties('rrule');
  if (rrules.length > 1) throw new EventProblem('has more than one RRULE, which is not supported');
  const recur = rrules[0]?.getFirstValue();
  return {
    uid: text(event.getFirstPropertyValue('uid')) ?? '',
    title: text(event.getFirstPropertyValue('summary')) ?? '(No title)',
    startsAt,
    endsAt,
    allDay,
    location: text(event.getFirstPropertyValue('location')),
    notes: text(event.getFirstPropertyValue('description')),
    kind: kindOf(event),
    recurrence: recur instanceof ICAL.Recur ? { ...recurrenceOf(recur, allDay, startsAt), ...zoneOf(event, allDay), ...exceptionsOf(event, allDay) } : null,
    reminderMinutes: reminderOf(event),
  };
}

/** Parses a whole file; throws IcsFormatError when it is not iCalendar, reports each event's own problems. */
export function parseCalendar(source: string): ParsedEvent[] {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(source);
  } catch (error) {
    throw new IcsFormatError(`This is not a readable iCalendar (.ics) file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const roots = (Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : Array.isArray(jcal) ? jcal : []) as unknown[];
  const calendars = roots.map((root) => new ICAL.Component(root as unknown[])).filter((c) => c.name === 'vcalendar');
  if (calendars.length === 0) throw new IcsFormatError('This file has no calendar in it (no BEGIN:VCALENDAR)');
  const out: ParsedEvent[] = [];
  for (const calendar of calendars) {
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    for (const event of calendar.getAllSubcomponents('vevent')) {
      const summary = text(event.getFirstPropertyValue('summary'));
      const uid = text(event.getFirstPropertyValue('uid'));
      const label = [summary ?? '(No title)', uid ? `(${uid})` : null].filter(Boolean).join(' ');
      try {
        const parsed = eventOf(event);
        // No UID (against RFC 5545, but it happens): derive a stable one, so a second import still matches.
        if (!parsed.uid) parsed.uid = `${createHash('sha256').update(`${parsed.startsAt}\n${parsed.title}`).digest('hex').slice(0, 32)}@import.rapport`;
        out.push({ ok: true, event: parsed });
      } catch (error) {
        // Our own findings read as a sentence; anything ical.js throws on one event's values is that event's problem too.
        const reason = error instanceof EventProblem ? `${summary ?? 'This event'} ${error.message}` : `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
        out.push({ ok: false, label, reason });
      }
    }
  }
  return out;
}
