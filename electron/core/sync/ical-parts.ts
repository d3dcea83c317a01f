// The line-level pieces of a CalDAV calendar object (RFC 5545) that sync needs and the import's reader does not give:
// every line kept as written (the import drops inline attachments and repairs folding; sync must send a phone's
// lines back unchanged), a plain component tree, and date-times compared as instants. No database, no `electron`.
import { ianaFor, wallToInstant, ianaZone, zoneFromDefinition, type ZoneRules } from '../schedule/ics-zones';
import { offsetAt, transitions } from '../schedule/zones';

/** One component: its own property lines (unfolded, in order) and its sub-components. */
export interface Component {
  name: string;
  props: string[];
  children: Component[];
}

/** Unfolds (CRLF, LF or CR; a leading space or TAB continues the line before) and drops empty lines. */
export function unfoldLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)) {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && out.length > 0) out[out.length - 1] += raw.slice(1);
    else if (raw.trim() !== '') out.push(raw);
  }
  return out;
}

/** The VCALENDARs of a text as trees; lines outside any component are ignored, an unclosed component ends with the text. */
export function parseComponents(text: string): Component[] {
  const roots: Component[] = [];
  const stack: Component[] = [];
  for (const line of unfoldLines(text)) {
    const edge = /^(BEGIN|END):(.+)$/i.exec(line.trim());
    if (edge?.[1]!.toUpperCase() === 'BEGIN') {
      const component: Component = { name: edge[2]!.trim().toUpperCase(), props: [], children: [] };
      (stack.at(-1)?.children ?? roots).push(component);
      stack.push(component);
    } else if (edge) {
      const name = edge[2]!.trim().toUpperCase();
      const at = stack.map((c) => c.name).lastIndexOf(name);
      if (at >= 0) stack.length = at;
    } else stack.at(-1)?.props.push(line);
  }
  return roots.filter((c) => c.name === 'VCALENDAR');
}

/** A component's lines: BEGIN, its properties, its sub-components, END. */
export const componentLines = (c: Component): string[] => [`BEGIN:${c.name}`, ...c.props, ...c.children.flatMap(componentLines), `END:${c.name}`];

/** A content line cut into its name, parameters (names upper-cased, in order) and value; a quoted ':' or ';' stays in its parameter. */
export function parseLine(line: string): { name: string; params: [string, string][]; value: string } {
  let quoted = false;
  let cut = line.length;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) {
      cut = i;
      break;
    }
  }
  const head = line.slice(0, cut);
  const parts: string[] = [];
  let part = '';
  quoted = false;
  for (const ch of head) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      parts.push(part);
      part = '';
    } else part += ch;
  }
  parts.push(part);
  const params = parts.slice(1).map((p): [string, string] => {
    const eq = p.indexOf('=');
    return eq < 0 ? [p.toUpperCase(), ''] : [p.slice(0, eq).toUpperCase(), p.slice(eq + 1)];
  });
  return { name: parts[0]!.trim().toUpperCase(), params, value: line.slice(cut + 1) };
}

export const nameOf = (line: string) => (/^[A-Za-z0-9-]+/.exec(line)?.[0] ?? '').toUpperCase();
export const param = (line: string, name: string) => parseLine(line).params.find(([n]) => n === name)?.[1]?.replace(/^"|"$/g, '');

/** RFC 5545 text unescaped, for showing to a person. */
export const unescapeText = (value: string) => value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** The zone a TZID names: the text's own VTIMEZONE when it has one (and it reads), else IANA or Windows; null when unknown. */
export function zoneOf(tzid: string, definitions: ReadonlyMap<string, string> = new Map()): ZoneRules | null {
  const own = definitions.get(tzid);
  const rules = own ? zoneFromDefinition(own) : null;
  if (rules) return rules;
  const iana = ianaFor(tzid);
  return iana ? ianaZone(iana) : null;
}

const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;

/** Wall-clock ms of a basic-format DATE-TIME ("20270303T100000"), or null. */
export function wallMs(value: string): number | null {
  const m = DATE_TIME.exec(value.trim());
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Basic-format UTC text of an instant: 20270303T100000Z (by hand: rendering writes hundreds of thousands). */
export function utcText(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}
/** Basic-format wall text (no Z) of a wall-clock ms. */
export const wallText = (ms: number) => utcText(ms).slice(0, 15);

/**
 * One date or date-time value in a form that is equal exactly when the moment is: a DATE as "D:20270303", an instant
 * (UTC, or a zone that can be resolved) as its UTC text, a floating or unresolvable time as written with its zone name.
 */
export function momentKey(value: string, tzid: string | undefined, definitions?: ReadonlyMap<string, string>): string {
  const v = value.trim().split('/')[0]!; // a PERIOD by its start
  if (DATE.test(v)) return `D:${v}`;
  const m = DATE_TIME.exec(v);
  if (!m) return v;
  if (m[7]) return v;
  const zone = tzid ? zoneOf(tzid, definitions) : null;
  if (!zone) return tzid ? `${tzid}|${v}` : `F:${v}`;
  return utcText(wallToInstant(zone, wallMs(v)!));
}

/** Each value of a date/date-time line (EXDATE and RDATE may list several) as a momentKey. */
export function momentKeys(line: string, definitions?: ReadonlyMap<string, string>): string[] {
  const { value } = parseLine(line);
  const tzid = param(line, 'TZID');
  return value.split(',').filter((v) => v.trim() !== '').map((v) => momentKey(v, tzid, definitions));
}

/** RFC 5545 TEXT escaping (backslash, semicolon, comma, line breaks). */
export const escapeText = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

/** The first property value of that name among a component's lines, unescaped; null when absent or empty. */
export function textProp(props: readonly string[], name: string): string | null {
  const line = props.find((l) => nameOf(l) === name);
  const value = line === undefined ? '' : unescapeText(parseLine(line).value).trim();
  return value === '' ? null : value;
}

/** The main item of a calendar object: its first VEVENT or VTODO without a RECURRENCE-ID (else its first at all). */
export function mainItem(text: string, name?: 'VEVENT' | 'VTODO'): Component | null {
  const items = parseComponents(text).flatMap((c) => c.children).filter((c) => (name ? c.name === name : c.name === 'VEVENT' || c.name === 'VTODO'));
  return items.find((c) => !c.props.some((l) => nameOf(l) === 'RECURRENCE-ID')) ?? items[0] ?? null;
}

const DECADE_MS = 3653 * 24 * 3600_000;
const spans = new Map<string, { first: number; changes: { at: number; offsetAfter: number }[] }>();

/**
 * An instant as wall-clock time in an IANA zone (zones.ts toWall), with the zone's offset changes listed once per
 * decade and looked up after: asking the OS for every time costs tens of microseconds, too much for every time of
 * every appointment at each sync.
 */
export function wallIn(zone: string, ms: number): number {
  const decade = Math.floor(ms / DECADE_MS);
  const key = `${zone}|${decade}`;
  let span = spans.get(key);
  if (!span) {
    const from = decade * DECADE_MS;
    span = { first: offsetAt(zone, from), changes: transitions(zone, from, from + DECADE_MS) };
    if (spans.size > 2000) spans.clear();
    spans.set(key, span);
  }
  let offset = span.first;
  for (const change of span.changes) {
    if (change.at > ms) break;
    offset = change.offsetAfter;
  }
  return ms + offset;
}
