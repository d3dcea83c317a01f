// One CalDAV calendar object (a VCALENDAR holding one VEVENT series with its RECURRENCE-ID overrides, or one VTODO,
// plus VTIMEZONEs) cut into the fields the sync engine merges three-way, and put back together around a frame.
// What Rapport does not map (attendees, a phone's colours and X- properties) is kept byte for byte. No database.
import { foldLine } from '../import-export/vcard';
import { buildCalendar } from '../schedule/ics';
import { ianaFor } from '../schedule/ics-zones';
import type { Fields, FieldFormat } from './mapping';
import { componentLines, momentKey, momentKeys, nameOf, param, parseComponents, parseLine, unescapeText, utcText, wallMs, type Component } from './ical-parts';

/** Properties of the item's identity and bookkeeping: the frame's, never merged (the server's are kept). */
const FRAME_PROPS = new Set(['UID', 'DTSTAMP', 'SEQUENCE', 'LAST-MODIFIED', 'CREATED']);
/** What Rapport maps of an appointment (the kind, contact and job travel as X-RAPPORT-*; overrides are owned too). */
const EVENT_OWNED = new Set(['SUMMARY', 'DTSTART', 'DTEND', 'LOCATION', 'DESCRIPTION', 'RRULE', 'RDATE', 'EXDATE', 'VALARM']);
/** What Rapport maps of a follow-up. PERCENT-COMPLETE is owned so a follow-up reopened here is not left at 100 %. */
const TODO_OWNED = new Set(['SUMMARY', 'DUE', 'DESCRIPTION', 'PRIORITY', 'STATUS', 'COMPLETED', 'PERCENT-COMPLETE']);
/** The lines of an override Rapport maps; the rest of it (attendees, its alarms, its DTSTAMP) is its "+" field, kept. */
// A cancelled override becomes an EXDATE here (its STATUS goes with it); a confirmed or tentative one keeps its STATUS.
const OVERRIDE_OWNED = new Set(['RECURRENCE-ID', 'DTSTART', 'DTEND', 'DURATION', 'SUMMARY', 'LOCATION', 'DESCRIPTION']);
/** Date and date-time properties: compared as the moments they name, whatever zone they are written in. */
const MOMENTS = new Set(['DTSTART', 'DTEND', 'DUE', 'EXDATE', 'RDATE', 'RECURRENCE-ID', 'COMPLETED']);
/** Text properties: compared as the text a person reads (unescaped, trimmed as the import trims it; LANGUAGE aside). */
const TEXTS = new Set(['SUMMARY', 'LOCATION', 'DESCRIPTION']);

const OVERRIDE = 'RECURRENCE-ID:';
const isOverrideKey = (key: string) => key.startsWith(OVERRIDE);
const isRapport = (name: string) => name.startsWith('X-RAPPORT-');

/** The parts of one calendar object. */
interface CalendarObject {
  calendarProps: string[];
  zones: Map<string, Component>;
  master: Component | null;
  overrides: Component[];
}

function readObject(text: string): CalendarObject {
  const calendars = parseComponents(text);
  const children = calendars.flatMap((c) => c.children);
  const items = children.filter((c) => c.name === 'VEVENT' || c.name === 'VTODO');
  const zones = new Map<string, Component>();
  for (const zone of children.filter((c) => c.name === 'VTIMEZONE')) {
    const tzid = zone.props.find((l) => nameOf(l) === 'TZID');
    if (tzid) zones.set(parseLine(tzid).value.trim(), zone);
  }
  const hasRid = (c: Component) => c.props.some((l) => nameOf(l) === 'RECURRENCE-ID');
  return { calendarProps: calendars[0]?.props ?? [], zones, master: items.find((c) => !hasRid(c)) ?? null, overrides: items.filter(hasRid) };
}

const definitionsOf = (zones: Map<string, Component>) => new Map([...zones].map(([tzid, c]) => [tzid, componentLines(c).join('\r\n')]));

/** An override's field key: its RECURRENCE-ID as the moment it names, so UTC and zoned writings are one field. */
function overrideKey(override: Component, definitions: ReadonlyMap<string, string>): string {
  const line = override.props.find((l) => nameOf(l) === 'RECURRENCE-ID')!;
  return OVERRIDE + momentKey(parseLine(line).value, param(line, 'TZID'), definitions).replace(/^D:/, '');
}

function add(fields: Fields, key: string, lines: string[]) {
  const list = fields.get(key);
  if (list) list.push(...lines);
  else fields.set(key, [...lines]);
}

function split(text: string): Fields {
  const object = readObject(text);
  const fields: Fields = new Map();
  const { master } = object;
  if (master) {
    for (const line of master.props) {
      const name = nameOf(line);
      if (FRAME_PROPS.has(name)) continue;
      // An event's end is one field however it is written: DTEND on one side and DURATION on the other must clash, not both win.
      add(fields, master.name === 'VEVENT' && name === 'DURATION' ? 'DTEND' : name, [line]);
    }
    for (const child of master.children) add(fields, child.name, componentLines(child));
  }
  const definitions = definitionsOf(object.zones);
  for (const override of object.overrides) {
    const key = overrideKey(override, definitions);
    const owned = override.props.filter((l) => OVERRIDE_OWNED.has(nameOf(l)) || isRapport(nameOf(l)));
    const rest = [...override.props.filter((l) => !owned.includes(l) && nameOf(l) !== 'UID'), ...override.children.flatMap(componentLines)];
    fields.set(key, owned);
    if (rest.length) fields.set(`${key}+`, rest);
  }
  return fields;
}

/** Every TZID the lines use. */
const tzidsOf = (lines: readonly string[]) => new Set(lines.map((l) => param(l, 'TZID')).filter((t): t is string => !!t));

const zoneCache = new Map<string, string[] | null>();

/**
 * A VTIMEZONE for a TZID that names an IANA or Windows zone, from the OS's zone data, covering the year before
 * `fromMs` and fifteen after (ics.ts's export writes it; the year keeps the same text for the same item). Null
 * when the name is no zone the system knows.
 */
export function zoneLines(tzid: string, fromMs: number): string[] | null {
  const year = new Date(Number.isFinite(fromMs) ? fromMs : Date.now()).getUTCFullYear();
  const key = `${tzid}|${year}`;
  if (!zoneCache.has(key)) {
    const iana = ianaFor(tzid);
    let lines: string[] | null = null;
    if (iana) {
      const at = `${year}-01-01T12:00:00.000Z`;
      const probe = {
        id: 'zone', uid: 'zone', title: 'zone', startsAt: at, endsAt: at, allDay: false, location: null, contactId: null, contactName: null, jobId: null,
        notes: null, kind: 'other' as const, recurrence: { freq: 'daily', interval: 1, count: 1, timeZone: iana }, reminderMinutes: null,
        createdAt: at, updatedAt: at, deletedAt: null,
      };
      const zone = parseComponents(buildCalendar([probe], new Date(0)))[0]?.children.find((c) => c.name === 'VTIMEZONE');
      lines = zone ? componentLines(zone).map((l) => (nameOf(l) === 'TZID' ? `TZID:${tzid}` : l)) : null;
    }
    if (zoneCache.size > 500) zoneCache.clear();
    zoneCache.set(key, lines);
  }
  return zoneCache.get(key)!;
}

/** The earliest moment the lines' DTSTARTs name, for the window of a generated VTIMEZONE. */
function earliestStart(lines: readonly string[]): number {
  const starts = lines.filter((l) => nameOf(l) === 'DTSTART').map((l) => wallMs(parseLine(l).value.trim()) ?? Date.parse(`${parseLine(l).value.trim().replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3')}T00:00:00Z`));
  const valid = starts.filter((ms) => Number.isFinite(ms));
  return valid.length ? Math.min(...valid) : Date.now();
}

function join(fields: Fields, frame: string): string {
  const object = readObject(frame);
  const name = object.master?.name ?? object.overrides[0]?.name ?? (fields.has('DUE') || fields.has('COMPLETED') ? 'VTODO' : 'VEVENT');
  const framed = (object.master ?? object.overrides[0])?.props.filter((l) => FRAME_PROPS.has(nameOf(l))) ?? [];
  const uid = framed.find((l) => nameOf(l) === 'UID');
  // DTSTAMP is required (RFC 5545 3.6.1): the frame's, or the time of writing when the frame (a render) has none.
  const stamp = framed.find((l) => nameOf(l) === 'DTSTAMP') ?? `DTSTAMP:${utcText(Math.floor(Date.now() / 1000) * 1000)}`;
  const all = [...fields.values()].flat();
  const lines = ['BEGIN:VCALENDAR'];
  lines.push(...(object.calendarProps.length ? object.calendarProps : ['VERSION:2.0', 'PRODID:-//Rapport//Rapport CRM//EN']));
  for (const tzid of [...tzidsOf(all)].sort()) {
    const own = object.zones.get(tzid);
    const zone = own ? componentLines(own) : zoneLines(tzid, earliestStart(all));
    if (zone) lines.push(...zone);
  }
  const masterKeys = [...fields.keys()].filter((k) => !isOverrideKey(k));
  if (masterKeys.length) {
    lines.push(`BEGIN:${name}`, ...(uid ? [uid] : []), stamp, ...framed.filter((l) => !['UID', 'DTSTAMP'].includes(nameOf(l))));
    for (const key of masterKeys) lines.push(...fields.get(key)!);
    lines.push(`END:${name}`);
  }
  for (const [key, owned] of fields) {
    // An override's kept rest without the override itself (removed here) has nothing to attach to.
    if (!isOverrideKey(key) || key.endsWith('+')) continue;
    const rest = fields.get(`${key}+`) ?? [];
    const hasStamp = rest.some((l) => nameOf(l) === 'DTSTAMP');
    lines.push(`BEGIN:${name}`, ...(uid ? [uid] : []), ...(hasStamp ? [] : [stamp]), ...owned, ...rest, `END:${name}`);
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('');
}

/** One line as compared: date-times as moments, parameters sorted and upper-cased. */
function normal(line: string): string[] {
  const { name, params, value } = parseLine(line);
  if (MOMENTS.has(name)) return [...new Set(momentKeys(line))].map((k) => `${name}:${k}`);
  if (TEXTS.has(name)) return unescapeText(value).trim() === '' ? [] : [`${name}:${unescapeText(value).trim()}`];
  // A rule's parts in any order, INTERVAL=1 being the default.
  if (name === 'RRULE') return [`RRULE:${value.toUpperCase().split(';').filter((p) => p !== 'INTERVAL=1' && p !== '').sort().join(';')}`];
  const sorted = params.map(([n, v]) => `${n}=${v.toUpperCase()}`).sort();
  return [`${[name, ...sorted].join(';')}:${value}`];
}

function same(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const norm = (lines: readonly string[] | undefined) => [...new Set((lines ?? []).flatMap(normal))].sort();
  const [x, y] = [norm(a), norm(b)];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

const LABELS: Record<string, string> = {
  SUMMARY: 'Title', DTSTART: 'Start', DTEND: 'End', DURATION: 'Length', RRULE: 'Repeats', RDATE: 'Extra dates', EXDATE: 'Skipped dates',
  VALARM: 'Reminder', LOCATION: 'Place', DESCRIPTION: 'Notes', DUE: 'Due', PRIORITY: 'Priority', STATUS: 'Status', COMPLETED: 'Completed on',
  'PERCENT-COMPLETE': 'Progress', CATEGORIES: 'Categories', ATTENDEE: 'Attendees', ORGANIZER: 'Organiser', URL: 'Link', CLASS: 'Privacy',
  TRANSP: 'Busy or free', 'X-RAPPORT-KIND': 'Kind', 'X-RAPPORT-CONTACT': 'Contact', 'X-RAPPORT-JOB': 'Job',
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Wed 3 Mar 2027" or "Wed 3 Mar 2027, 10:00 (Europe/London)" for a date or date-time value as written. */
function when(value: string, tzid: string | undefined): string {
  const v = value.trim();
  const date = /^(\d{4})(\d{2})(\d{2})/.exec(v);
  if (!date) return v;
  const d = new Date(Date.UTC(+date[1]!, +date[2]! - 1, +date[3]!));
  const day = `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const time = /T(\d{2})(\d{2})/.exec(v);
  if (!time) return day;
  return `${day}, ${time[1]}:${time[2]}${v.endsWith('Z') ? ' UTC' : tzid ? ` (${tzid})` : ''}`;
}

function label(key: string): string {
  if (isOverrideKey(key)) {
    const at = when(key.slice(OVERRIDE.length).replace(/\+$/, ''), undefined).replace(/^\w+ /, '').replace(/, .*$/, '');
    return key.endsWith('+') ? `Other details of the occurrence on ${at}` : `Moved occurrence on ${at}`;
  }
  const known = LABELS[key];
  if (known) return known;
  const words = key.replace(/^X-(RAPPORT-)?/, '').toLowerCase().replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const FREQ_UNIT: Record<string, string> = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' };
const WEEKDAY: Record<string, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };

/** "Every 2 weeks on Mon, Wed until Wed 3 Mar 2027" from an RRULE value. */
function repeats(value: string): string {
  const parts = new Map(value.split(';').map((p) => p.split('=') as [string, string]));
  const unit = FREQ_UNIT[parts.get('FREQ') ?? ''] ?? (parts.get('FREQ') ?? 'time').toLowerCase();
  const every = Number(parts.get('INTERVAL') ?? 1) > 1 ? `Every ${parts.get('INTERVAL')} ${unit}s` : `Every ${unit}`;
  const days = parts.get('BYDAY') ? ` on ${parts.get('BYDAY')!.split(',').map((d) => WEEKDAY[d] ?? d).join(', ')}` : '';
  const end = parts.get('COUNT') ? `, ${parts.get('COUNT')} times` : parts.get('UNTIL') ? ` until ${when(parts.get('UNTIL')!, undefined)}` : '';
  return `${every}${days}${end}`;
}

function showLine(line: string): string | null {
  const { name, value } = parseLine(line);
  const tzid = param(line, 'TZID');
  if (/^(BEGIN|END):/i.test(line) || name === 'ACTION' || name === 'RECURRENCE-ID') return null;
  if (MOMENTS.has(name)) return value.split(',').map((v) => when(v, tzid)).join('; ');
  if (name === 'RRULE') return repeats(value);
  if (name === 'TRIGGER') {
    const m = /^-?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?/.exec(value);
    const minutes = m ? ((+(m[1] ?? 0) * 7 + +(m[2] ?? 0)) * 24 + +(m[3] ?? 0)) * 60 + +(m[4] ?? 0) : null;
    return minutes === null ? value : minutes === 0 ? 'At the start' : `${minutes % 60 === 0 ? `${minutes / 60} hours` : `${minutes} minutes`} ${value.startsWith('-') ? 'before' : 'after'}`;
  }
  if (name === 'PRIORITY') return Number(value) === 0 ? null : Number(value) < 5 ? 'High' : Number(value) === 5 ? 'Normal' : 'Low';
  if (name === 'STATUS') return value.toLowerCase().replace(/-/g, ' ');
  return unescapeText(value);
}

function show(lines: readonly string[] | undefined): string | null {
  if (!lines || lines.length === 0) return null;
  const shown = lines.map(showLine).filter((s): s is string => s !== null && s !== '');
  return shown.length ? shown.join('\n') : null;
}

function format(owned: ReadonlySet<string>, overrides: boolean): FieldFormat {
  return {
    split,
    join,
    owns: (key) => (isOverrideKey(key) ? overrides && !key.endsWith('+') : owned.has(key) || isRapport(key)),
    same,
    label,
    show,
  };
}

/** Appointments: a VEVENT series with its overrides. */
export const icalFormat: FieldFormat = format(EVENT_OWNED, true);
/** Follow-ups: a VTODO. A task's DTSTART, LOCATION, RRULE or alarms are not Rapport's and are kept as they are. */
export const todoFormat: FieldFormat = format(TODO_OWNED, false);
