// The .ics files of the real-world corpus (tests/fixtures/real/ics) read by parseIcs and checked against
// expected.json: series per file, UID, summary, start instant in UTC (or date, or wall time in the user's zone),
// all-day, exceptions (moved and cancelled occurrences at their new times), cancelled series, and occurrence
// counts of finite series, with no exception escaping the parser.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, parseIcs, type IcsEvent } from '../../electron/core/schedule/ics';
import type { Appointment } from '../../shared/domain/appointment';
import { ianaZone, wallToInstant } from '../../electron/core/schedule/ics-zones';
import { expandOccurrences } from '../../electron/core/schedule/occurrences';

const REAL = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/real');
const USER_ZONE = 'America/Chicago';

interface ExpectedException { recurrenceIdUtc?: string; startUtc?: string; endUtc?: string; summary?: string; cancelled?: boolean }
interface ExpectedSeries {
  uid: string | null; uidPrefix?: string; summary: string; allDay: boolean; cancelled: boolean; masterMissing?: boolean;
  startUtc?: string; endUtc?: string; startDate?: string; endDate?: string; startFloating?: string; startLocal?: string;
  exceptions: number; exceptionDetails?: ExpectedException[]; occurrences?: number; liveOccurrences?: number;
}
interface ExpectedFile { seriesCount: number; series: ExpectedSeries[]; requiresWarning?: boolean }

const expected = JSON.parse(readFileSync(join(REAL, 'expected.json'), 'utf8')) as { files: Record<string, ExpectedFile & { kind: string }> };
const files = Object.entries(expected.files).filter(([, f]) => f.kind === 'ics');

const instant = (s: string) => new Date(s).toISOString();
/** Wall-clock time in the user's zone, as the instant the import stores. */
const inUserZone = (wall: string) => new Date(wallToInstant(ianaZone(USER_ZONE), Date.parse(`${wall}Z`))).toISOString();
const ALL = { fromInstant: '1900-01-01T00:00:00.000Z', toInstant: '2200-01-01T00:00:00.000Z', fromDay: '1900-01-01', toDay: '2200-01-01' };

function findSeries(events: IcsEvent[], want: ExpectedSeries): IcsEvent | undefined {
  const candidates = events.filter((e) => (want.uid ? e.uid === want.uid : want.uidPrefix ? e.uid.startsWith(want.uidPrefix) : e.title === want.summary));
  return candidates.find((e) => !e.recurrenceId) ?? candidates[0];
}

describe('real .ics files', () => {
  it('covers every .ics file of the corpus', () => {
    expect(files.length).toBe(30);
  });

  for (const [path, file] of files) {
    it(path, () => {
      const source = readFileSync(join(REAL, path), 'utf8');
      const { events, warnings } = parseIcs(source, { userZone: USER_ZONE });
      expect(new Set(events.map((e) => e.uid)).size).toBe(file.seriesCount);
      if (file.requiresWarning) expect(warnings.length).toBeGreaterThan(0);
      for (const want of file.series) {
        const got = findSeries(events, want);
        expect(got, `${want.summary}`).toBeDefined();
        const e = got!;
        expect(e.title).toBe(want.summary);
        expect(e.allDay).toBe(want.allDay);
        expect(e.status === 'cancelled').toBe(want.cancelled);
        if (want.masterMissing) {
          expect(events.filter((x) => x.uid === want.uid).every((x) => x.recurrenceId)).toBe(true);
          continue;
        }
        if (want.startUtc) expect(e.startsAt).toBe(instant(want.startUtc));
        if (want.endUtc) expect(e.endsAt).toBe(instant(want.endUtc));
        if (want.startDate) expect(e.startsAt).toBe(want.startDate);
        if (want.endDate) expect(e.endsAt).toBe(want.endDate);
        if (want.startFloating) expect(e.startsAt).toBe(inUserZone(want.startFloating));
        if (want.startLocal) expect(e.startsAt).toBe(inUserZone(want.startLocal));
        expect(e.exceptions.length).toBe(want.exceptions);
        for (const x of want.exceptionDetails ?? []) {
          const mine = e.exceptions.find((m) => m.recurrenceId === instant(x.recurrenceIdUtc!));
          expect(mine, `exception ${x.recurrenceIdUtc}`).toBeDefined();
          if (x.startUtc) expect(mine!.startsAt).toBe(instant(x.startUtc));
          if (x.endUtc) expect(mine!.endsAt).toBe(instant(x.endUtc));
          if (x.summary) expect(mine!.title).toBe(x.summary);
          expect(mine!.cancelled).toBe(x.cancelled ?? false);
        }
        if (want.occurrences !== undefined) {
          // Occurrences counts the removed (EXDATE) ones too; live ones are the series' plus the exceptions not cancelled.
          const series = expandOccurrences(e, ALL).length;
          const removed = (e.recurrence?.exceptDates?.length ?? 0) - e.exceptions.length;
          expect(series + e.exceptions.length + removed).toBe(want.occurrences);
          expect(series + e.exceptions.filter((x) => !x.cancelled).length).toBe(want.liveOccurrences ?? want.occurrences);
        }
      }
    });
  }
});

/** An exported appointment's rule is the stored one (the wire type only loosens it). */
type Series = Parameters<typeof expandOccurrences>[0];
const appointment = (over: Partial<Appointment>): Appointment => ({
  id: 'a1', uid: 'a1@rapport', title: 'Series', startsAt: '2026-11-23T10:00:00.000Z', endsAt: '2026-11-23T11:00:00.000Z', allDay: false, location: null,
  contactId: null, contactName: null, jobId: null, notes: null, kind: 'meeting', recurrence: null, reminderMinutes: null,
  createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', deletedAt: null, ...over,
});
const peerStarts = (ics: string) => {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const event = calendar.getFirstSubcomponent('vevent')!;
  const it = new ICAL.Event(event).iterator();
  const out: string[] = [];
  for (let next = it.next(); next && out.length < 50; next = it.next()) out.push(next.toJSDate().toISOString());
  return { event, out };
};

describe('export read back', () => {
  it('starts a weekly series on one of its days, so RFC readers and ical.js see the same occurrences as Rapport', () => {
    // Monday 23 Nov with Wednesdays and Saturdays: the Monday is no occurrence.
    const a = appointment({ recurrence: { freq: 'weekly', interval: 1, byWeekday: ['WE', 'SA'], count: 4 } });
    const { event, out } = peerStarts(buildCalendar([a], new Date('2026-11-01T00:00:00Z')));
    const dtstart = (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString();
    expect(dtstart).toBe('2026-11-25T10:00:00.000Z');
    expect((event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString()).toBe('2026-11-25T11:00:00.000Z');
    const ours = expandOccurrences(a as Series, ALL).map((o) => o.startsAt);
    expect(out).toEqual(ours);
    // An RFC 5545 reader adds DTSTART as an occurrence: it is the rule's own first one, so nothing extra appears.
    expect(ours[0]).toBe(dtstart);
  });

  it('writes CATEGORIES only for an appointment that has one', () => {
    const ics = buildCalendar([appointment({ kind: 'other' }), appointment({ id: 'a2', uid: 'a2@rapport', kind: 'call' })], new Date('2026-11-01T00:00:00Z'));
    const [plain, call] = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(plain!.hasProperty('categories')).toBe(false);
    expect(call!.getFirstPropertyValue('categories')).toBe('Call');
  });

  it('writes an imported rule, its extra dates and its file-defined zone so ical.js and a re-import expand them alike', () => {
    for (const name of ['icaljs-zimbra-recur-instances.ics', 'tine20-outlook12-bysetpos.ics', 'khal-lots-of-timezones.ics', 'pyicalendar-exchange2010-windows-tz.ics']) {
      const first = parseIcs(readFileSync(join(REAL, 'ics', name), 'utf8'), { userZone: USER_ZONE }).events.find((e) => e.recurrence && !e.recurrenceId)!;
      const a = appointment({ ...first, id: 'x', contactId: null, recurrence: first.recurrence });
      const ics = buildCalendar([a], new Date('2026-11-01T00:00:00Z'));
      const back = parseIcs(ics, { userZone: USER_ZONE }).events[0]!;
      const range = { ...ALL, toInstant: '2030-01-01T00:00:00.000Z', toDay: '2030-01-01' };
      expect(expandOccurrences(back, range), name).toEqual(expandOccurrences(a as Series, range));
    }
  });
});

describe('parser robustness', () => {
  it('never throws on a damaged file: cut short, lines dropped, or garbage', () => {
    let seed = 15;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const [path] of files) {
      const source = readFileSync(join(REAL, path), 'utf8');
      const lines = source.split(/\r?\n/);
      for (let i = 0; i < 6; i++) {
        const cut = source.slice(0, Math.floor(random() * source.length));
        const dropped = lines.filter(() => random() > 0.08).join('\n');
        const swapped = lines.map((l) => (random() < 0.05 ? l.replace(/[:;=]/, '') : l)).join('\r\n');
        for (const damaged of [cut, dropped, swapped]) expect(() => parseIcs(damaged, { userZone: USER_ZONE })).not.toThrow();
      }
    }
    for (const junk of ['', 'BEGIN:VCALENDAR', 'END:VEVENT\nBEGIN:VEVENT', '\u0000\u0001binary', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026\nRRULE:FREQ=NOPE\nEND:VEVENT\nEND:VCALENDAR']) {
      expect(() => parseIcs(junk)).not.toThrow();
    }
  });

  it('skips a broken event with its line and keeps the others; a cancelled series is returned as cancelled and reported', () => {
    const source = [
      'BEGIN:VCALENDAR', 'VERSION:2.0',
      'BEGIN:VEVENT', 'UID:good', 'DTSTART:20261125T140000Z', 'SUMMARY:Good', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:nostart', 'SUMMARY:Secret plans', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:gone', 'DTSTART:20261126T140000Z', 'SUMMARY:Gone', 'STATUS:CANCELLED', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:hourly', 'DTSTART:20261126T140000Z', 'RRULE:FREQ=HOURLY', 'SUMMARY:Ping', 'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const { events, warnings } = parseIcs(source);
    expect(events.map((e) => [e.uid, e.status])).toEqual([['good', 'confirmed'], ['gone', 'cancelled']]);
    expect(warnings.map((w) => [w.line, w.uid])).toEqual([[8, 'nostart'], [12, 'gone'], [18, 'hourly']]);
    expect(warnings[0]!.message).toMatch(/"Secret plans" \(line 8\) has no start/);
  });

  it('follows a Windows-named zone the file defines by its own rules, and says so (khal-windows-tzid-in-file.ics)', () => {
    const { events, warnings } = parseIcs(readFileSync(join(REAL, 'ics/khal-windows-tzid-in-file.ics'), 'utf8'));
    expect(events[0]!.startsAt).toBe('2019-11-20T12:00:00.000Z');
    expect(warnings.map((w) => w.message).join('\n')).toMatch(/defines differently from the standard Pacific\/Auckland/);
  });
});
