// Reading an .ics file into events for import: every VEVENT on its own (one broken event, property or zone
// costs only itself), times resolved through the file's zones (ics-zones.ts), RRULE/RDATE/EXDATE kept for
// ical.js's recurrence engine, RECURRENCE-ID overrides attached to their series. Never throws: parseIcs returns
// events and warnings. Pure: no database, no file system, no `electron` import.
import { createHash } from 'node:crypto';
import { stripControls } from '../plain-text';
import ICAL from 'ical.js';
import { AppointmentKind, type Appointment, type Recurrence } from '../../../shared/domain/appointment';
import { blocksInSteps, blockText, unfoldInSteps, type IcsBlock, type IcsLine } from './ics-lines';
import { FileZones, ianaZone, UTC_ZONE, wallOf, wallToInstant, type ResolvedZone, type ZoneRules, type ZoneSource } from './ics-zones';
import { addDays, iso } from './occurrences';
import { readRule, RuleProblem, type EventTimes } from './ics-rules';

/** One warning: where (line, UID when known) and what, in the app's words; never the file's text beyond a short summary. */
export interface IcsWarning {
  line?: number;
  uid?: string;
  message: string;
}

/** An occurrence of a series changed or cancelled by a RECURRENCE-ID override, at its new time with its own fields. */
export interface IcsException {
  /** The occurrence it replaces, in the start's stored form (instant, or date for all-day); also in the series' exceptDates. */
  recurrenceId: string;
  startsAt: string;
  endsAt: string;
  title: string;
  location: string | null;
  notes: string | null;
  cancelled: boolean;
  line: number;
}

export interface IcsEvent {
  uid: string;
  /** The file had no UID: this one is derived from start and title, so a second import still matches. */
  uidGenerated: boolean;
  title: string;
  /** Instants (UTC ISO) for timed events, plain dates (end exclusive) for all-day ones. */
  startsAt: string;
  endsAt: string;
  allDay: boolean;
  location: string | null;
  notes: string | null;
  kind: Appointment['kind'];
  reminderMinutes: number | null;
  /** DTSTART's TZID as written and how it was understood; null for UTC, floating and all-day starts. */
  tz: { tzid: string; source: ZoneSource } | null;
  /** Floating time (no zone in the file): read in the user's zone. */
  floating: boolean;
  recurrence: Recurrence | null;
  status: 'confirmed' | 'tentative' | 'cancelled';
  exceptions: IcsException[];
  /** Set on a standalone occurrence: an override whose series is missing or has no occurrence then. */
  recurrenceId?: string;
  line: number;
}

export interface ParseOptions {
  /** The user's IANA zone: floating times and unresolvable TZIDs are read in it. Default: this machine's. */
  userZone?: string;
}

/** The identity of a standalone occurrence or an exception when stored as its own appointment. */
export const occurrenceUid = (uid: string, recurrenceId: string) => `${uid}#${recurrenceId}`;

const MAX_EXTRA_DATES = 500;

const text = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  // NUL and other control characters are never text a person typed: they never reach a title or notes.
  const trimmed = stripControls(value).trim();
  return trimmed === '' ? null : trimmed;
};

/** A short, safe label for a warning: the summary cut to 60 characters. */
const label = (summary: string | null) => (summary ? `"${summary.length > 60 ? `${summary.slice(0, 57)}...` : summary}"` : 'An event');

/**
 * One component read by ical.js. When the whole block fails, each property line is tried alone and the ones
 * ical.js cannot read are left out (and reported); null when even that fails.
 */
function readComponent(block: IcsBlock, warn: (line: number, message: string) => void): { component: ICAL.Component; text: string } | null {
  const attempt = (without: ReadonlySet<IcsLine>) => {
    const source = blockText(block, without);
    return { component: new ICAL.Component(ICAL.parse(source) as unknown[]), text: source };
  };
  try {
    return attempt(new Set());
  } catch {
    const bad = new Set<IcsLine>();
    for (const line of block.lines) {
      if (/^(BEGIN|END):/i.test(line.text)) continue;
      try {
        ICAL.parse(`BEGIN:${block.name}\r\n${line.text}\r\nEND:${block.name}`);
      } catch {
        bad.add(line);
        const name = /^[A-Za-z0-9-]+/.exec(line.text)?.[0]?.toUpperCase() ?? 'A property';
        warn(line.line, `${name} on line ${line.line} could not be read and was left out`);
      }
    }
    try {
      return attempt(bad);
    } catch {
      return null;
    }
  }
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

/** Reads one file's events. */
class Reader {
  readonly warnings: IcsWarning[] = [];
  private readonly zones: FileZones;
  private readonly warnedZones = new Set<string>();
  /** The line of the event being read, for warnings about its values. */
  line = 0;

  constructor(readonly userZone: string) {
    this.zones = new FileZones(userZone);
  }

  warn(message: string, at: { line?: number; uid?: string | null } = {}) {
    this.warnings.push({ ...(at.line !== undefined ? { line: at.line } : {}), ...(at.uid ? { uid: at.uid } : {}), message });
  }

  defineZone(block: IcsBlock) {
    const read = readComponent(block, (line, message) => this.warn(message, { line }));
    if (read) this.zones.define(read.component, read.text);
    else this.warn(`The time zone defined on line ${block.line} could not be read; times in it are read by its name`, { line: block.line });
  }

  /** The zone a TZID names, with a warning the first time it falls back to the user's zone. */
  zone(tzid: string, line: number): ResolvedZone {
    const resolved = this.zones.resolve(tzid);
    if (resolved.source === 'user' && !this.warnedZones.has(tzid)) {
      this.warnedZones.add(tzid);
      this.warn(`The time zone on line ${line} is not one Rapport knows; its times were read as your time zone (${this.userZone})`, { line });
    }
    return resolved;
  }

  /**
   * A date or date-time value in its stored form. `context` is the zone a floating time is read in (the series'
   * zone for its EXDATE/RDATE/RECURRENCE-ID, the user's for a start); `asDate` reads a date-time as its written date.
   */
  timeOf(property: ICAL.Property, value: ICAL.Time, context: ZoneRules, asDate = false): string {
    if (value.isDate) return value.toString().slice(0, 10);
    if (asDate) return iso(wallOf(value)).slice(0, 10);
    const tzid = property.getParameter('tzid');
    const zone = typeof tzid === 'string' && tzid.trim() ? this.zone(tzid, this.line).rules : value.zone === ICAL.Timezone.utcTimezone ? UTC_ZONE : context;
    return iso(wallToInstant(zone, wallOf(value)));
  }

  /** Every date or date-time of a multi-valued property (EXDATE, RDATE; a PERIOD by its start). */
  valuesOf(event: ICAL.Component, name: string, context: ZoneRules, times: EventTimes): string[] {
    const out: string[] = [];
    for (const property of event.getAllProperties(name)) {
      for (const raw of property.getValues()) {
        const value = raw instanceof ICAL.Period ? raw.start : raw;
        if (!(value instanceof ICAL.Time)) continue;
        if (times.allDay) {
          out.push(this.timeOf(property, value, context, true));
        } else if (value.isDate) {
          // A date against a timed series: that day at the series' time of day.
          out.push(iso(wallToInstant(context, Date.parse(`${value.toString().slice(0, 10)}T${iso(times.startWall).slice(11)}`))));
        } else {
          out.push(this.timeOf(property, value, context));
        }
      }
    }
    return [...new Set(out)].sort();
  }

  /** DTSTART, DTEND (or DURATION) and the zone the event lives in. */
  times(event: ICAL.Component, line: number, uid: string | null): EventTimes & { endsAt: string; tz: IcsEvent['tz']; floating: boolean } {
    const startProperty = event.getFirstProperty('dtstart');
    const start = startProperty?.getFirstValue();
    if (!startProperty || !(start instanceof ICAL.Time)) throw new RuleProblem('has no start (DTSTART) that could be read');
    const allDay = start.isDate;
    const tzid = startProperty.getParameter('tzid');
    let resolved: ResolvedZone | null = null;
    let context: ZoneRules;
    let floating = false;
    if (allDay) context = UTC_ZONE;
    else if (typeof tzid === 'string' && tzid.trim()) {
      resolved = this.zone(tzid, line);
      context = resolved.rules;
      const standard = this.zones.disagreement(tzid, wallToInstant(context, wallOf(start)));
      if (standard) this.warn(`${label(text(event.getFirstPropertyValue('summary')))} uses a time zone the file defines differently from the standard ${standard}; the file's own rules were followed`, { line, uid });
    } else if (start.zone === ICAL.Timezone.utcTimezone) context = UTC_ZONE;
    else {
      context = ianaZone(this.userZone);
      floating = true;
    }
    const startWall = wallOf(start);
    const startsAt = allDay ? start.toString().slice(0, 10) : iso(wallToInstant(context, startWall));
    let endsAt = allDay ? addDays(startsAt, 1) : startsAt; // RFC 5545: one day, or no duration
    const endProperty = event.getFirstProperty('dtend');
    const end = endProperty?.getFirstValue();
    const duration = event.getFirstPropertyValue('duration');
    if (endProperty && end instanceof ICAL.Time) {
      endsAt = allDay ? iso(wallOf(end)).slice(0, 10) : end.isDate ? startsAt : this.timeOf(endProperty, end, context);
    } else if (duration instanceof ICAL.Duration) {
      endsAt = allDay ? addDays(startsAt, Math.max(1, Math.round(duration.toSeconds() / 86_400))) : iso(Date.parse(startsAt) + duration.toSeconds() * 1000);
    }
    if (endsAt < startsAt || (allDay && endsAt === startsAt)) {
      this.warn(`${label(text(event.getFirstPropertyValue('summary')))} ends before it starts (line ${line}); its end was set to its start`, { line, uid });
      endsAt = allDay ? addDays(startsAt, 1) : startsAt;
    }
    const zone: EventTimes['zone'] = allDay ? {} : floating ? { timeZone: this.userZone } : resolved && typeof tzid === 'string' ? this.zones.stored(tzid, resolved, Date.parse(startsAt)) : {};
    return { startsAt, endsAt, allDay, startWall, context, zone, floating, tz: resolved && typeof tzid === 'string' ? { tzid, source: resolved.source } : null };
  }

  /** One VEVENT (a master or a standalone event) as an IcsEvent; overrides are attached by the caller. */
  event(block: IcsBlock, event: ICAL.Component): IcsEvent {
    const uidText = text(event.getFirstPropertyValue('uid'));
    this.line = block.line;
    const times = this.times(event, block.line, uidText);
    const title = text(event.getFirstPropertyValue('summary')) ?? '(No title)';
    const status = String(event.getFirstPropertyValue('status') ?? '').trim().toUpperCase();
    const exdates = this.valuesOf(event, 'exdate', times.context, times);
    const rdates = this.valuesOf(event, 'rdate', times.context, times).filter((d) => d !== times.startsAt);
    if (exdates.length > MAX_EXTRA_DATES || rdates.length > MAX_EXTRA_DATES) throw new RuleProblem(`lists more than ${MAX_EXTRA_DATES} extra or removed dates`);
    const rrules = event.getAllProperties('rrule');
    if (rrules.length > 1) this.warn(`${label(title)} has more than one repeat rule (line ${block.line}); only the first was kept`, { line: block.line, uid: uidText });
    const recur = rrules[0]?.getFirstValue();
    const recurrence = readRule(recur instanceof ICAL.Recur ? recur : null, rdates, exdates, times);
    return {
      uid: uidText ?? `${createHash('sha256').update(`${times.startsAt}\n${title}`).digest('hex').slice(0, 32)}@import.rapport`,
      uidGenerated: !uidText,
      title,
      startsAt: times.startsAt,
      endsAt: times.endsAt,
      allDay: times.allDay,
      location: text(event.getFirstPropertyValue('location')),
      notes: text(event.getFirstPropertyValue('description')),
      kind: kindOf(event),
      reminderMinutes: reminderOf(event),
      tz: times.tz,
      floating: times.floating,
      recurrence,
      status: status === 'CANCELLED' ? 'cancelled' : status === 'TENTATIVE' ? 'tentative' : 'confirmed',
      exceptions: [],
      line: block.line,
    };
  }

  /** An override's RECURRENCE-ID in the stored form of its series' starts. */
  recurrenceIdOf(event: ICAL.Component, series: { allDay: boolean; context: ZoneRules; startWall: number }): string | null {
    const property = event.getFirstProperty('recurrence-id');
    const value = property?.getFirstValue();
    if (!property || !(value instanceof ICAL.Time)) return null;
    if (series.allDay) return this.timeOf(property, value, series.context, true);
    if (value.isDate) return iso(wallToInstant(series.context, Date.parse(`${value.toString().slice(0, 10)}T${iso(series.startWall).slice(11)}`)));
    return this.timeOf(property, value, series.context);
  }

  /** The zone an event's floating values are read in: its DTSTART's zone (UTC when in UTC, the user's when floating). */
  contextOf(event: ICAL.Component): ZoneRules {
    const property = event.getFirstProperty('dtstart');
    const value = property?.getFirstValue();
    const tzid = property?.getParameter('tzid');
    if (typeof tzid === 'string' && tzid.trim()) return this.zones.resolve(tzid).rules;
    if (value instanceof ICAL.Time && value.zone === ICAL.Timezone.utcTimezone) return UTC_ZONE;
    return ianaZone(this.userZone);
  }

  /** Reads one VEVENT block: null (and a warning) when it cannot be read at all. */
  component(block: IcsBlock): ICAL.Component | null {
    const read = readComponent(block, (line, message) => this.warn(message, { line }));
    if (!read) this.warn(`The event starting on line ${block.line} could not be read and was skipped`, { line: block.line });
    return read?.component ?? null;
  }
}

export { Reader, label, text };

/** Splits a file into its calendars' VTIMEZONE and VEVENT blocks, after the tolerant line pass; in steps (steps.ts). */
export function* calendarsOf(source: string, reader: Reader): Generator<void, { zones: IcsBlock[]; events: IcsBlock[]; calendars: number }> {
  const unfolded = yield* unfoldInSteps(source);
  const tree = yield* blocksInSteps(unfolded.lines);
  for (const w of [...unfolded.warnings, ...tree.warnings]) reader.warn(w.message, { line: w.line });
  const calendars = tree.roots.filter((b) => b.name === 'VCALENDAR');
  const of = (name: string) => calendars.flatMap((c) => c.children.filter((b) => b.name === name));
  return { zones: of('VTIMEZONE'), events: of('VEVENT'), calendars: calendars.length };
}
