// iCalendar (RFC 5545) text in and out through ical.js: a VCALENDAR built from appointments, and a file's
// VEVENTs read into the fields of appointments.create. Pure functions over strings and plain objects: no
// database, no file system (ics-transfer.ts does those), no `electron` import.
import ICAL from 'ical.js';
import type { Appointment, Recurrence } from '../../../shared/domain/appointment';
import type { IcsBlock } from './ics-lines';
import { calendarsOf, label, occurrenceUid, Reader, text, type IcsEvent, type IcsWarning, type ParseOptions } from './ics-read';
import { RuleProblem } from './ics-rules';
import { inSteps, runSteps } from '../steps';
import { instantToWall, wallOf, zoneFromDefinition, type ZoneRules } from './ics-zones';
import { firstOccurrence } from './fields';
import { addDays, DAY_MS, expandOccurrences, iso, startTime, toRecur, type When } from './occurrences';
import { isTimeZone, offsetAt, toWall, transitions } from './zones';

export { occurrenceUid, type IcsEvent, type IcsException, type IcsWarning, type ParseOptions } from './ics-read';

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
  const ownZones = new Map<string, string>();
  for (const a of appointments) {
    const event = new ICAL.Component('vevent');
    event.addPropertyWithValue('uid', a.uid);
    event.addPropertyWithValue('dtstamp', stamp);
    const rule = a.recurrence as Recurrence | null;
    const defined = !a.allDay && rule?.zoneDefinition ? definedZone(rule.zoneDefinition) : null;
    const zone = !a.allDay ? (rule?.timeZone ?? defined?.tzid) : undefined;
    const wall = (at: string) => ICAL.Time.fromDateTimeString(iso(defined ? instantToWall(defined.rules, Date.parse(at)) : toWall(zone!, Date.parse(at))).slice(0, 19));
    const { startsAt, endsAt } = exportStart(a);
    if (zone) {
      // A zoned series: local DTSTART/DTEND with TZID, and the zone's VTIMEZONE below, so other calendars keep it at local time too.
      for (const [name, at] of [['dtstart', startsAt], ['dtend', endsAt]] as const) event.addPropertyWithValue(name, wall(at)).setParameter('tzid', zone);
      if (defined) ownZones.set(defined.tzid, rule!.zoneDefinition!);
      else zones.set(zone, Math.min(zones.get(zone) ?? Infinity, Date.parse(startsAt)));
    } else {
      event.addPropertyWithValue('dtstart', startTime(startsAt, a.allDay));
      event.addPropertyWithValue('dtend', startTime(endsAt, a.allDay));
    }
    event.addPropertyWithValue('summary', a.title);
    if (a.location) event.addPropertyWithValue('location', a.location);
    if (a.notes) event.addPropertyWithValue('description', a.notes);
    if (rule) event.addPropertyWithValue('rrule', toRecur(rule, a.allDay, true));
    for (const [name, values] of [['rdate', rule?.rdates ?? []], ['exdate', rule?.exceptDates ?? []]] as const) {
      for (const at of values) {
        if (zone) event.addPropertyWithValue(name, wall(at)).setParameter('tzid', zone);
        else event.addPropertyWithValue(name, startTime(at, a.allDay));
      }
    }
    // Kind "other" is no category: CATEGORIES only says what the user chose.
    if (a.kind !== 'other') event.addPropertyWithValue('categories', KIND_CATEGORY[a.kind]);
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
  for (const definition of ownZones.values()) calendar.addSubcomponent(new ICAL.Component(ICAL.parse(definition) as unknown[]));
  return calendar.toString() + '\r\n';
}

/** A stored file-defined zone: its TZID and rules. */
function definedZone(definition: string): { tzid: string; rules: ZoneRules } | null {
  const rules = zoneFromDefinition(definition);
  const tzid = /^TZID[^:]*:(.*)$/m.exec(definition)?.[1]?.trim();
  return rules && tzid ? { tzid, rules } : null;
}

/**
 * Where an exported series starts: its first occurrence (fields.ts firstOccurrence). Rapport's expansion (ical.js)
 * never shows a DTSTART its rule does not yield (a Monday start repeating on Wednesdays and Saturdays), while RFC
 * 5545 readers show it as an extra occurrence; starting on the first real occurrence makes every reader agree,
 * COUNT included. Series saved since then already start there; older rows are moved here.
 */
const exportStart = (a: Appointment) => (a.recurrence?.rdates?.length ? a : firstOccurrence(a as When));

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

/** What one VEVENT becomes for import: the fields of appointments.create, plus its UID. */
export type ImportedEvent = Pick<IcsEvent, 'uid' | 'title' | 'startsAt' | 'endsAt' | 'allDay' | 'location' | 'notes' | 'kind' | 'recurrence' | 'reminderMinutes'>;

const machineZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * Reads a whole file into events and warnings; never throws. Each master event carries its RECURRENCE-ID
 * overrides as `exceptions` (their starts also in its exceptDates, so the series does not show them twice); an
 * override matching no occurrence, or whose series is missing, is a standalone event with `recurrenceId` set,
 * reported. A cancelled event is returned with status 'cancelled' (not live) and reported.
 */
export function parseIcs(source: string, options: ParseOptions = {}): ParsedIcs {
  return runSteps(parseSteps(source, options));
}

/** parseIcs giving the event loop a turn every few milliseconds, so a large calendar never holds up other calls. */
export const parseIcsInSteps = (source: string, options: ParseOptions = {}): Promise<ParsedIcs> => inSteps(parseSteps(source, options));

export type ParsedIcs = { events: IcsEvent[]; warnings: IcsWarning[]; calendars: number };

function* parseSteps(source: string, options: ParseOptions): Generator<void, ParsedIcs> {
  const reader = new Reader(options.userZone && isTimeZone(options.userZone) ? options.userZone : machineZone());
  let found: { zones: IcsBlock[]; events: IcsBlock[]; calendars: number };
  try {
    found = yield* calendarsOf(source, reader);
  } catch {
    reader.warn('This file could not be read as a calendar');
    return { events: [], warnings: reader.warnings, calendars: 0 };
  }
  if (found.calendars === 0) reader.warn('This file has no calendar in it (no BEGIN:VCALENDAR)');
  for (const zone of found.zones) {
    yield;
    try {
      reader.defineZone(zone);
    } catch {
      reader.warn(`The time zone defined on line ${zone.line} could not be read`, { line: zone.line });
    }
  }
  const masters = new Map<string, { event: IcsEvent; times: { allDay: boolean; context: ZoneRules; startWall: number } }>();
  const events: IcsEvent[] = [];
  const overrides: { block: IcsBlock; component: ICAL.Component }[] = [];
  for (const block of found.events) {
    yield;
    let component: ICAL.Component | null = null;
    try {
      component = reader.component(block);
      if (!component) continue;
      if (component.hasProperty('recurrence-id')) {
        overrides.push({ block, component });
        continue;
      }
      const event = reader.event(block, component);
      if (masters.has(event.uid)) {
        reader.warn(`${label(event.title)} (line ${block.line}) has the same UID as an earlier event; the first was kept`, { line: block.line, uid: event.uid });
        continue;
      }
      if (event.status === 'cancelled') reader.warn(`${label(event.title)} (line ${block.line}) is cancelled in the file; it is not shown as planned`, { line: block.line, uid: event.uid });
      const start = component.getFirstPropertyValue('dtstart') as ICAL.Time;
      masters.set(event.uid, { event, times: { allDay: event.allDay, context: reader.contextOf(component), startWall: wallOf(start) } });
      events.push(event);
    } catch (error) {
      const summary = component ? text(component.getFirstPropertyValue('summary')) : null;
      const uid = component ? text(component.getFirstPropertyValue('uid')) : null;
      const why = error instanceof RuleProblem ? error.message : 'could not be read';
      reader.warn(`${label(summary)} (line ${block.line}) ${why}; it was skipped`, { line: block.line, uid });
    }
  }
  const state: OverrideState = { windows: new Map(), excepted: new Map() };
  for (const { block, component } of overrides) {
    yield;
    attachOverride(reader, masters, events, block, component, state);
  }
  for (const [series, dates] of state.excepted) series.recurrence = { ...series.recurrence!, exceptDates: [...dates].sort() };
  return { events, warnings: reader.warnings, calendars: found.calendars };
}

/** One RECURRENCE-ID override: an exception of its series when it replaces one of its occurrences, else standalone. */
interface OverrideState {
  windows: OccurrenceWindows;
  /** Occurrences each series hands to its overrides: added to its exceptDates once, at the end. */
  excepted: Map<IcsEvent, Set<string>>;
}

function attachOverride(reader: Reader, masters: Map<string, { event: IcsEvent; times: { allDay: boolean; context: ZoneRules; startWall: number } }>, events: IcsEvent[], block: IcsBlock, component: ICAL.Component, state: OverrideState): void {
  const summary = text(component.getFirstPropertyValue('summary'));
  const uid = text(component.getFirstPropertyValue('uid'));
  try {
    const own = reader.event(block, component);
    const master = uid ? masters.get(uid) : undefined;
    const recurrenceId = reader.recurrenceIdOf(component, master?.times ?? { allDay: own.allDay, context: reader.contextOf(component), startWall: wallOf(component.getFirstPropertyValue('dtstart') as ICAL.Time) });
    if (!recurrenceId) throw new RuleProblem('has a RECURRENCE-ID that could not be read');
    const cancelled = own.status === 'cancelled';
    const series = master?.event;
    if (series?.recurrence && series.allDay === own.allDay && occursAt(series, recurrenceId, state.windows)) {
      const excepted = state.excepted.get(series) ?? new Set(series.recurrence.exceptDates ?? []);
      state.excepted.set(series, excepted.add(recurrenceId));
      series.exceptions.push({ recurrenceId, startsAt: own.startsAt, endsAt: own.endsAt, title: own.title, location: own.location, notes: own.notes, cancelled, line: block.line });
      return;
    }
    if (cancelled) {
      reader.warn(`${label(summary)} (line ${block.line}) cancels an occurrence its series does not have; it was ignored`, { line: block.line, uid });
      return;
    }
    reader.warn(
      series
        ? `${label(summary)} (line ${block.line}) changes an occurrence its series does not have; it was kept as an event of its own`
        : `${label(summary)} (line ${block.line}) is a changed occurrence of a series that is not in the file; it was kept as an event of its own`,
      { line: block.line, uid },
    );
    events.push({ ...own, recurrence: null, exceptions: [], recurrenceId });
  } catch (error) {
    const why = error instanceof RuleProblem ? error.message : 'could not be read';
    reader.warn(`${label(summary)} (line ${block.line}) ${why}; it was skipped`, { line: block.line, uid });
  }
}

/**
 * Which starts each series has, found in windows: one expansion lists the occurrences from the start asked about
 * over a span, and later questions inside what it covered are answered from it. The span starts at the one start
 * (as cheap as a single question) and grows eightfold with each miss, so thousands of overrides of one series cost
 * a few dozen expansions, not one each (issue #16: 1000 overrides took 15 s, 2000 took 77 s).
 */
type OccurrenceWindows = Map<IcsEvent, { span: number; windows: { from: string; to: string; starts: Set<string> }[] }>;

const MAX_SPAN_DAYS = 400 * 366;

/** Whether the series (without its exceptions) has an occurrence starting then. */
function occursAt(series: IcsEvent, start: string, known: OccurrenceWindows): boolean {
  const state = known.get(series) ?? { span: 1, windows: [] };
  known.set(series, state);
  const { windows } = state;
  // The last window starting at or before `start` (windows are kept sorted by their start).
  let lo = 0;
  let hi = windows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (windows[mid]!.from <= start) lo = mid + 1;
    else hi = mid;
  }
  const before = windows[lo - 1];
  if (before && start <= before.to) return before.starts.has(start);
  const rule = { ...series.recurrence! };
  delete rule.exceptDates;
  // `span` is in days for an all-day series, else in milliseconds (from just before: an occurrence of no length
  // starting exactly then is in the range too).
  const days = series.allDay ? Math.min(state.span, MAX_SPAN_DAYS) : Math.min(Math.ceil(state.span / DAY_MS) + 1, MAX_SPAN_DAYS);
  const end = series.allDay ? null : Date.parse(start) + Math.min(state.span, MAX_SPAN_DAYS * DAY_MS);
  const range = series.allDay
    ? { fromInstant: `${start}T00:00:00.000Z`, toInstant: `${addDays(start, days)}T00:00:00.000Z`, fromDay: start, toDay: addDays(start, days) }
    : { fromInstant: iso(Date.parse(start) - 1), toInstant: iso(end!), fromDay: start.slice(0, 10), toDay: addDays(start.slice(0, 10), days) };
  state.span *= 8;
  let starts: string[];
  try {
    starts = expandOccurrences({ ...series, recurrence: rule }, range).map((o) => o.startsAt);
  } catch {
    starts = [];
  }
  // What the expansion surely covered (it may stop early at its own caps): from `start` to the last start it listed.
  const last = starts.at(-1);
  windows.splice(lo, 0, { from: start, to: last !== undefined && last > start ? last : start, starts: new Set(starts) });
  return starts.includes(start);
}

/** Whether a parse found no calendar at all (or only an unterminated one): the file is not iCalendar. */
export const notACalendar = ({ events, warnings, calendars }: ParsedIcs) =>
  calendars === 0 || (events.length === 0 && warnings.some((w) => /never ends|ends inside/.test(w.message)));

/**
 * The live events to import, with their lines: cancelled ones left out (the parser's warning says so), a standalone
 * occurrence under its occurrence UID, and each changed occurrence of a series as an appointment of its own (its
 * series skips that date: exceptDates).
 */
export function importedEvents(events: readonly IcsEvent[]): { event: ImportedEvent; line: number }[] {
  const out: { event: ImportedEvent; line: number }[] = [];
  for (const e of events) {
    if (e.status === 'cancelled') continue;
    const event: ImportedEvent = {
      uid: e.recurrenceId ? occurrenceUid(e.uid, e.recurrenceId) : e.uid,
      title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, allDay: e.allDay, location: e.location, notes: e.notes,
      kind: e.kind, recurrence: e.recurrence, reminderMinutes: e.reminderMinutes,
    };
    out.push({ event, line: e.line });
    for (const x of e.exceptions) {
      if (x.cancelled) continue;
      out.push({ event: { ...event, uid: occurrenceUid(e.uid, x.recurrenceId), title: x.title, startsAt: x.startsAt, endsAt: x.endsAt, location: x.location, notes: x.notes, recurrence: null }, line: x.line });
    }
  }
  return out;
}
