// Time zones as an .ics file names them: a VTIMEZONE defined in the file (its own observances, expanded here
// rather than by ical.js's Timezone, which misreads some real definitions), an IANA name, a Windows name (CLDR's
// windowsZones mapping, from the windows-iana package), or, failing those, the user's zone. No `electron` import.
import ICAL from 'ical.js';
import { findIana } from 'windows-iana';
import { isTimeZone, offsetAt } from './zones';

/** A zone reduced to what conversion needs: its offset at an instant. */
export interface ZoneRules {
  /** The IANA name when the zone is one the system knows; undefined for rules read from a file. */
  iana?: string;
  offsetAt(ms: number): number;
}

export const ianaZone = (iana: string): ZoneRules => ({ iana, offsetAt: (ms) => offsetAt(iana, ms) });
export const UTC_ZONE: ZoneRules = { iana: 'UTC', offsetAt: () => 0 };

/** The instant a wall-clock time (written as if UTC) names in a zone; a skipped time moves forward, a doubled one is the first. */
export function wallToInstant(zone: ZoneRules, wallMs: number): number {
  const day = 24 * 3600_000;
  const candidates = [...new Set([wallMs - zone.offsetAt(wallMs - day), wallMs - zone.offsetAt(wallMs + day)])];
  const valid = candidates.filter((ms) => ms + zone.offsetAt(ms) === wallMs);
  return valid.length > 0 ? Math.min(...valid) : Math.max(...candidates);
}

export const instantToWall = (zone: ZoneRules, ms: number) => ms + zone.offsetAt(ms);

/** ICAL.Time's fields as a wall-clock time in ms, whatever zone ical.js attached to it. */
export const wallOf = (t: ICAL.Time) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

/** A wall-clock time (ms, written as if UTC) as a floating ICAL.Time. */
export function floatingTime(wallMs: number, isDate = false): ICAL.Time {
  const d = new Date(wallMs);
  return ICAL.Time.fromData({
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    ...(isDate ? { isDate: true } : { hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() }),
  });
}

const offsetMs = (value: unknown) => (value instanceof ICAL.UtcOffset ? value.toSeconds() * 1000 : null);

/** Onsets are expanded up to this year; a rule's later years repeat the last known offset. */
const LAST_YEAR = 2200;
const MAX_ONSETS = 600;

/**
 * A VTIMEZONE's rules: each STANDARD/DAYLIGHT observance's onsets (DTSTART, its RRULE and RDATEs, all local
 * time in the offset before the change), sorted. Null when it has no usable observance (an empty VTIMEZONE).
 */
export function fileZone(component: ICAL.Component): ZoneRules | null {
  const onsets: { at: number; from: number; to: number }[] = [];
  for (const part of component.getAllSubcomponents()) {
    if (part.name !== 'standard' && part.name !== 'daylight') continue;
    const start = part.getFirstPropertyValue('dtstart');
    const from = offsetMs(part.getFirstPropertyValue('tzoffsetfrom'));
    const to = offsetMs(part.getFirstPropertyValue('tzoffsetto'));
    if (!(start instanceof ICAL.Time) || from === null || to === null) continue;
    const walls: number[] = [wallOf(start)];
    for (const rdate of part.getAllProperties('rdate')) for (const v of rdate.getValues()) if (v instanceof ICAL.Time) walls.push(wallOf(v));
    const rule = part.getFirstPropertyValue('rrule');
    if (rule instanceof ICAL.Recur) {
      try {
        const floating = floatingTime(wallOf(start));
        const recur = rule.clone();
        // UNTIL in UTC (as RFC 5545 wants) compared with local onsets: move it to local time in the old offset.
        if (recur.until && !recur.until.isDate && recur.until.zone === ICAL.Timezone.utcTimezone) {
          recur.until = floatingTime(wallOf(recur.until) + from);
        }
        const it = recur.iterator(floating);
        for (let next = it.next(), n = 0; next && next.year <= LAST_YEAR && n < MAX_ONSETS; next = it.next(), n++) walls.push(wallOf(next));
      } catch {
        // A rule ical.js cannot walk leaves the observance's own DTSTART and RDATEs.
      }
    }
    for (const wall of walls) onsets.push({ at: wall - from, from, to });
  }
  if (onsets.length === 0) return null;
  onsets.sort((a, b) => a.at - b.at);
  return {
    offsetAt(ms: number) {
      let lo = 0;
      let hi = onsets.length - 1;
      if (ms < onsets[0]!.at) return onsets[0]!.from;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (onsets[mid]!.at <= ms) lo = mid;
        else hi = mid - 1;
      }
      return onsets[lo]!.to;
    },
  };
}

/** The IANA zone a name stands for: itself, a Windows name (CLDR), or a vendor-prefixed IANA name ("/mozilla.org/…/Europe/Berlin"). */
export function ianaFor(name: string): string | null {
  const trimmed = name.trim().replace(/^"|"$/g, '');
  if (trimmed === '') return null;
  if (isTimeZone(trimmed) && !/^[+-]?\d/.test(trimmed)) return trimmed;
  const windows = findIana(trimmed).find((zone) => isTimeZone(zone));
  if (windows) return windows;
  const parts = trimmed.split('/');
  for (let i = 1; i < parts.length - 1; i++) {
    const tail = parts.slice(i).join('/');
    if (/^[A-Za-z]+\/[A-Za-z_+-]+/.test(tail) && isTimeZone(tail)) return tail;
  }
  return null;
}

/** How a TZID was understood, for the report. */
export type ZoneSource = 'file' | 'iana' | 'windows' | 'user';

export interface ResolvedZone {
  rules: ZoneRules;
  source: ZoneSource;
  /** The VTIMEZONE text when the rules are the file's own (so a stored series can repeat by them). */
  definition?: string;
}

/**
 * The zones of one file, by TZID. Policy (issue #15): a zone the file defines is read by the file's own rules,
 * whatever its name, even a Windows or IANA name whose rules differ from the standard zone's (RFC 5545: the
 * VTIMEZONE defines the TZID; Outlook's own definitions are right far more often than not). Such a mismatch is
 * warned about where an event uses it. An empty VTIMEZONE is ignored. A TZID the file does not define is an IANA
 * name, then a Windows name, then (with a warning) the user's zone.
 */
export class FileZones {
  private readonly defined = new Map<string, { rules: ZoneRules; definition: string }>();

  constructor(private readonly userZone: string) {}

  define(component: ICAL.Component, text: string): void {
    const tzid = String(component.getFirstPropertyValue('tzid') ?? '').trim();
    if (!tzid || this.defined.has(tzid)) return;
    const rules = fileZone(component);
    if (rules) this.defined.set(tzid, { rules, definition: component.toString() || text });
  }

  resolve(tzid: string): ResolvedZone {
    const own = this.defined.get(tzid.trim());
    if (own) return { rules: own.rules, source: 'file', definition: own.definition };
    const iana = ianaFor(tzid);
    if (iana) return { rules: ianaZone(iana), source: isTimeZone(tzid.trim()) ? 'iana' : 'windows' };
    return { rules: ianaZone(this.userZone), source: 'user' };
  }

  /**
   * How a series in this TZID is stored: by its IANA name when the system's zone has the file's offsets for two
   * years from the start, else by the file's own definition.
   */
  stored(tzid: string, resolved: ResolvedZone, fromMs: number): { timeZone?: string; zoneDefinition?: string } {
    const iana = resolved.source === 'file' ? ianaFor(tzid) : resolved.rules.iana;
    if (iana && resolved.source !== 'file') return { timeZone: iana };
    if (iana) {
      let same = true;
      for (let t = fromMs; t < fromMs + 2 * 366 * 24 * 3600_000 && same; t += 15 * 24 * 3600_000) same = resolved.rules.offsetAt(t) === offsetAt(iana, t);
      if (same) return { timeZone: iana };
    }
    return resolved.definition ? { zoneDefinition: resolved.definition } : {};
  }

  /** The standard zone a file-defined name also stands for, when its offset at `ms` differs from the file's. */
  disagreement(tzid: string, ms: number): string | null {
    const own = this.defined.get(tzid.trim());
    const iana = ianaFor(tzid);
    if (!own || !iana) return null;
    return own.rules.offsetAt(ms) !== offsetAt(iana, ms) ? iana : null;
  }
}

const definitionCache = new Map<string, ZoneRules | null>();

/** A stored VTIMEZONE text back to its rules (cached: expansion asks for it for every range). */
export function zoneFromDefinition(text: string): ZoneRules | null {
  if (!definitionCache.has(text)) {
    let rules: ZoneRules | null;
    try {
      rules = fileZone(new ICAL.Component(ICAL.parse(text) as unknown[]));
    } catch {
      rules = null;
    }
    if (definitionCache.size > 200) definitionCache.clear();
    definitionCache.set(text, rules);
  }
  return definitionCache.get(text) ?? null;
}
