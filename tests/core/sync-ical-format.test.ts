// The calendar object format the sync engine merges by (issue #24): a VEVENT series split into fields (overrides
// one field each, their unmapped rest kept aside), joined back around a frame with its zones; same() sees meaning,
// not writing; labels and values in a person's words.
import { readFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toWall } from '../../electron/core/schedule/zones';
import { icalFormat as f, todoFormat } from '../../electron/core/sync/ical-format';
import { parseComponents, wallIn } from '../../electron/core/sync/ical-parts';

const DAVX5 = readFileSync(joinPath(__dirname, '../fixtures/real/ics/radicale-davx5-daily-exdates-exceptions.ics'), 'utf8');

const object = (master: string[], overrides: string[][] = []) => [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Phone//EN', 'X-WR-CALNAME:Work',
  'BEGIN:VEVENT', 'UID:u1', 'DTSTAMP:20270101T000000Z', 'SEQUENCE:3', ...master, 'END:VEVENT',
  ...overrides.map((o) => ['BEGIN:VEVENT', 'UID:u1', 'DTSTAMP:20270101T000000Z', ...o, 'END:VEVENT'].join('\r\n')),
  'END:VCALENDAR', '',
].join('\r\n');

describe('split and join', () => {
  it('splits a series into its properties, its alarms as one field and each override as one, the frame left out', () => {
    const fields = f.split(DAVX5);
    expect(fields.has('UID') || fields.has('DTSTAMP') || fields.has('SEQUENCE')).toBe(false);
    expect(fields.get('SUMMARY')).toEqual(['SUMMARY:TV Room']);
    expect(fields.get('EXDATE')!.length).toBeGreaterThan(0);
    const overrides = [...fields.keys()].filter((k) => /^RECURRENCE-ID:[^+]*$/.test(k));
    expect(overrides.length).toBe(10);
    expect(overrides.every((k) => /^RECURRENCE-ID:\d{8}T\d{6}Z$/.test(k))).toBe(true);
  });

  it('joins back to the same object: frame, zones, properties and overrides', () => {
    const again = f.join(f.split(DAVX5), DAVX5);
    expect(f.split(again)).toEqual(f.split(DAVX5));
    expect(again).toMatch(/^BEGIN:VTIMEZONE\r$/m);
    expect(again).toMatch(/^UID:event_issue1812\r$/m);
    expect(again.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it('writes a DTSTAMP when the frame has none, and the VTIMEZONE of a zone the frame does not define', () => {
    const rendered = object(['DTSTART;TZID=Europe/Paris:20270301T100000', 'SUMMARY:A']).replace(/DTSTAMP:.*\r\n/g, '');
    const text = f.join(f.split(rendered), rendered);
    expect(text).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
    const zone = parseComponents(text)[0]!.children.find((c) => c.name === 'VTIMEZONE')!;
    expect(zone.props).toContain('TZID:Europe/Paris');
    expect(zone.children.length).toBeGreaterThan(10);
  });

  it('keeps an override\'s own attendees and alarm aside (not Rapport\'s), and drops them with an override removed here', () => {
    const text = object(['DTSTART:20270301T100000Z', 'RRULE:FREQ=DAILY;COUNT=3', 'SUMMARY:A'], [['RECURRENCE-ID:20270302T100000Z', 'DTSTART:20270302T120000Z', 'SUMMARY:A later', 'ATTENDEE:mailto:jo@example.com']]);
    const fields = f.split(text);
    expect(fields.get('RECURRENCE-ID:20270302T100000Z')).toEqual(['RECURRENCE-ID:20270302T100000Z', 'DTSTART:20270302T120000Z', 'SUMMARY:A later']);
    expect(fields.get('RECURRENCE-ID:20270302T100000Z+')).toEqual(['DTSTAMP:20270101T000000Z', 'ATTENDEE:mailto:jo@example.com']);
    expect(f.owns('RECURRENCE-ID:20270302T100000Z')).toBe(true);
    expect(f.owns('RECURRENCE-ID:20270302T100000Z+')).toBe(false);
    expect(f.join(fields, text)).toContain('ATTENDEE:mailto:jo@example.com');
    fields.delete('RECURRENCE-ID:20270302T100000Z');
    expect(f.join(fields, text)).not.toContain('ATTENDEE');
  });

  it('owns what Rapport maps and nothing a phone adds; a to-do\'s start and alarms are not Rapport\'s', () => {
    for (const key of ['SUMMARY', 'DTSTART', 'DTEND', 'RRULE', 'EXDATE', 'VALARM', 'X-RAPPORT-KIND']) expect(f.owns(key), key).toBe(true);
    for (const key of ['ATTENDEE', 'ORGANIZER', 'URL', 'COLOR', 'CLASS', 'CATEGORIES', 'X-MOZ-LASTACK', 'X-APPLE-TRAVEL-ADVISORY-BEHAVIOR', 'TRANSP']) expect(f.owns(key), key).toBe(false);
    for (const key of ['DUE', 'STATUS', 'COMPLETED', 'PRIORITY', 'SUMMARY']) expect(todoFormat.owns(key), key).toBe(true);
    for (const key of ['DTSTART', 'VALARM', 'RRULE', 'LOCATION']) expect(todoFormat.owns(key), key).toBe(false);
  });
});

describe('same', () => {
  it('ignores UTC against zone wall time for the same instant, parameter order and case, and line order', () => {
    expect(f.same(['DTSTART:20270301T100000Z'], ['DTSTART;TZID=Europe/London:20270301T100000'])).toBe(true);
    expect(f.same(['DTSTART:20270701T090000Z'], ['DTSTART;TZID=W. Europe Standard Time:20270701T110000'])).toBe(true);
    expect(f.same(['EXDATE:20270301T100000Z,20270302T100000Z'], ['EXDATE;TZID=Europe/London:20270302T100000', 'EXDATE;TZID=Europe/London:20270301T100000'])).toBe(true);
    expect(f.same(['ATTENDEE;ROLE=CHAIR;CN=Jo:mailto:jo@x'], ['ATTENDEE;cn=Jo;role=chair:mailto:jo@x'])).toBe(true);
    expect(f.same(['RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO'], ['RRULE:BYDAY=MO;FREQ=WEEKLY'])).toBe(true);
    expect(f.same(['DESCRIPTION;LANGUAGE=de:Hallo\\n'], ['DESCRIPTION:Hallo'])).toBe(true);
  });

  it('sees a moved start, a changed title and a removed exception', () => {
    expect(f.same(['DTSTART:20270301T100000Z'], ['DTSTART;TZID=Europe/London:20270301T110000'])).toBe(false);
    expect(f.same(['SUMMARY:Call Jo'], ['SUMMARY:Call Joe'])).toBe(false);
    expect(f.same(['EXDATE:20270301T100000Z,20270302T100000Z'], ['EXDATE:20270301T100000Z'])).toBe(false);
    expect(f.same(undefined, ['LOCATION:Leeds'])).toBe(false);
  });
});

describe('labels and values for a person', () => {
  it('names fields and shows their values in words', () => {
    expect(f.label('SUMMARY')).toBe('Title');
    expect(f.label('RRULE')).toBe('Repeats');
    expect(f.label('VALARM')).toBe('Reminder');
    expect(f.label('RECURRENCE-ID:20270303T100000Z')).toBe('Moved occurrence on 3 Mar 2027');
    expect(f.show(['DTSTART;TZID=Europe/London:20270303T100000'])).toBe('Wed 3 Mar 2027, 10:00 (Europe/London)');
    expect(f.show(['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=6'])).toBe('Every 2 weeks on Mon, Wed, 6 times');
    expect(f.show(['BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-PT15M', 'END:VALARM'])).toBe('15 minutes before');
    expect(f.show(['SUMMARY:Quote\\, kitchen'])).toBe('Quote, kitchen');
    expect(f.show(undefined)).toBeNull();
  });
});

it('reads wall time in a zone as the OS does, across clock changes', () => {
  for (const zone of ['Europe/London', 'America/Chicago', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
    for (let ms = Date.parse('2026-01-01T00:00:00Z'); ms < Date.parse('2028-01-01T00:00:00Z'); ms += 13 * 3600_000 + 17 * 60_000) expect(wallIn(zone, ms), zone).toBe(toWall(zone, ms));
  }
});
