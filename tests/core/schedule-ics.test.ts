// .ics export read back by ical.js as an independent peer (every field, RRULE, DATE values, stable UIDs), and
// import of real-shaped files: single and many events, recurrence, time zones, per-event errors, idempotent
// re-import, and malformed or missing files rejected with nothing written.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../shared/ipc/contract';
import { failure, openSchedule, type Schedule } from '../helpers/schedule-deps';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/ics');
const fixture = (name: string) => join(FIXTURES, name);

let s: Schedule;
beforeEach(async () => {
  s = await openSchedule({ start: '2026-11-22T09:00:00.000Z' });
});
afterEach(() => s.destroy());

const exportIcs = (input: Parameters<Schedule['service']['exportIcs']>[0] = {}) => s.service.exportIcs(s.parse('schedule.exportIcs', input), s.dataDir);
const importIcs = (path: string) => s.importIcs(path);
const count = () => s.sqlite.prepare('SELECT count(*) FROM appointments').pluck().get();

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

describe('export', () => {
  it('writes a calendar ical.js reads back field for field, with RRULE, DATE values and an alarm', async () => {
    const maya = s.addContact('Maya Okafor');
    const timed = await s.create({
      title: 'Quote review; oak, walnut', startsAt: '2026-11-25T15:00:00+01:00', endsAt: '2026-11-25T16:00:00+01:00', location: '4 Quay St, Leeds', notes: 'Bring samples.\nAsk about the deposit.',
      kind: 'visit', contactId: maya, reminderMinutes: 20, recurrence: { freq: 'weekly', interval: 2, byWeekday: ['MO', 'WE'], until: '2027-01-31' },
    });
    const allDay = await s.create({ title: 'Trade fair', startsAt: '2026-12-01', endsAt: '2026-12-03', allDay: true, kind: 'other', recurrence: { freq: 'monthly', count: 3 } });

    const out = await exportIcs();
    expect(out.count).toBe(2);
    expect(dirname(out.path)).toBe(join(s.dataDir, 'exports'));
    expect(out.path).toMatch(/rapport-schedule-20261122T090000Z-[0-9a-f]{8}\.ics$/);
    expect(readFileSync(out.path, 'utf8')).toBe(out.ics);
    expect(readdirSync(join(s.dataDir, 'exports'))).toEqual([out.path.split('/').at(-1)]); // no temp file left
    expect(out.ics).toMatch(/\r\n/);

    const { calendar, events: [a, b] } = events(out.ics);
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Rapport//Rapport CRM//EN');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    const start = a!.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(a!.getFirstPropertyValue('uid')).toBe(timed.uid);
    expect(start.isDate).toBe(false);
    expect(start.zone?.tzid).toBe('UTC');
    expect(start.toJSDate().toISOString()).toBe('2026-11-25T14:00:00.000Z');
    expect((a!.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString()).toBe('2026-11-25T15:00:00.000Z');
    expect((a!.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe('2026-11-22T09:00:00.000Z');
    expect(a!.getFirstPropertyValue('summary')).toBe('Quote review; oak, walnut');
    expect(a!.getFirstPropertyValue('location')).toBe('4 Quay St, Leeds');
    expect(a!.getFirstPropertyValue('description')).toBe('Bring samples.\nAsk about the deposit.');
    expect(a!.getFirstPropertyValue('x-rapport-kind')).toBe('visit');
    expect(a!.getFirstPropertyValue('categories')).toBe('Visit');
    expect((a!.getFirstPropertyValue('rrule') as ICAL.Recur).toString()).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20270131T235959Z');
    expect((a!.getFirstSubcomponent('valarm')!.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(-20 * 60);

    expect(b!.getFirstPropertyValue('uid')).toBe(allDay.uid);
    expect(b!.getFirstProperty('dtstart')!.type).toBe('date');
    expect(b!.getFirstPropertyValue('dtstart')!.toString()).toBe('2026-12-01');
    expect(b!.getFirstPropertyValue('dtend')!.toString()).toBe('2026-12-03');
    expect(out.ics).toContain('DTSTART;VALUE=DATE:20261201');
    expect((b!.getFirstPropertyValue('rrule') as ICAL.Recur).toString()).toBe('FREQ=MONTHLY;COUNT=3');
    expect(b!.getFirstSubcomponent('valarm')).toBeNull();

    // ical.js expands our RRULE to the very occurrences appointments.list returns.
    const peer: string[] = [];
    const it = new ICAL.Event(a!).iterator();
    for (let next = it.next(); next; next = it.next()) peer.push(next.toJSDate().toISOString());
    const ours = (await s.list('2026-11-01T00:00:00Z', '2027-03-01T00:00:00Z')).filter((o) => o.appointmentId === timed.id).map((o) => o.startsAt);
    expect(ours).toEqual(peer);
  });

  it('keeps UIDs stable across exports, exports one appointment or a range, and never a trashed one', async () => {
    const a = await s.create({ title: 'A', startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T11:00:00Z' });
    const b = await s.create({ title: 'B', startsAt: '2026-12-23T10:00:00Z', endsAt: '2026-12-23T11:00:00Z' });
    const uids = async (input = {}) => events((await exportIcs(input)).ics).events.map((e) => e.getFirstPropertyValue('uid'));
    const first = await uids();
    s.clock.advance(60_000);
    expect(await uids()).toEqual(first);
    expect(first).toEqual([a.uid, b.uid]);
    expect(await uids({ appointmentId: b.id })).toEqual([b.uid]);
    expect(await uids({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' })).toEqual([a.uid]);
    await s.service.delete({ id: a.id });
    expect(await uids()).toEqual([b.uid]);
    expect((await failure(exportIcs({ appointmentId: a.id }))).code).toBe('NOT_FOUND');
    expect((await failure(exportIcs({ from: '2026-11-01T00:00:00Z' }))).issues?.[0]?.path).toBe('to');
  });
});

describe('import', () => {
  it('imports a single event with its place, notes, kind and reminder', async () => {
    expect(await importIcs(fixture('single.ics'))).toEqual({ created: 1, updated: 0, skipped: 0, errors: [] });
    const [o] = await s.list('2026-11-25T00:00:00Z', '2026-11-26T00:00:00Z');
    const a = await s.service.get(o!.appointmentId);
    expect(a).toMatchObject({
      uid: 'single-1@example.com', title: 'Quote review with Okafor Kitchens', startsAt: '2026-11-25T14:00:00.000Z', endsAt: '2026-11-25T15:00:00.000Z', allDay: false,
      location: 'Okafor Kitchens, 4 Quay St', notes: 'Bring the oak samples.\nAsk about the deposit.', kind: 'visit', reminderMinutes: 20, recurrence: null,
    });
    expect(s.events.filter((e) => e.name === 'data.changed')).toEqual([{ name: 'data.changed', payload: { entity: 'appointment', action: 'created', ids: [a.id] } }]);
  });

  it('imports many events with repeats and time zones, reports the ones it cannot represent, and a second import changes nothing', async () => {
    // Issue #15: yearly repeats and ordinal weekdays ("last Friday") now import through ical.js's engine; only the
    // event without a start is reported.
    const first = await importIcs(fixture('multi.ics'));
    expect(first).toMatchObject({ created: 6, updated: 0, skipped: 0 });
    expect(first.errors).toEqual([{ event: expect.stringContaining('Floating idea'), reason: expect.stringContaining('DTSTART') }]);
    const items = await s.list('2026-11-01T00:00:00Z', '2027-06-01T00:00:00Z');
    const of = (title: string) => items.filter((o) => o.title === title).map((o) => [o.startsAt, o.endsAt]);
    expect(of('Trade fair')).toEqual([['2026-12-01', '2026-12-03']]);
    // 19:00 Berlin (CET) is 18:00Z; UNTIL=20261209T180000Z includes the 9th.
    expect(of('Gym').map(([start]) => start)).toEqual(['2026-11-23', '2026-11-25', '2026-11-30', '2026-12-02', '2026-12-07', '2026-12-09'].map((d) => `${d}T18:00:00.000Z`));
    expect(of('Stand-up')).toEqual(['23', '25', '27', '29'].map((d) => [`2026-11-${d}T08:00:00.000Z`, `2026-11-${d}T08:15:00.000Z`]));
    expect(of('Pay rent')).toEqual([['2027-01-01', '2027-01-02'], ['2027-02-01', '2027-02-02'], ['2027-03-01', '2027-03-02']]);
    expect(items.find((o) => o.title === 'Stand-up')?.kind).toBe('call');
    expect(of('Birthday')).toEqual([['2027-03-14', '2027-03-15']]);
    expect(of('Accounts').map(([start]) => start)).toEqual(['2026-11-27', '2026-12-25', '2027-01-29', '2027-02-26', '2027-03-26', '2027-04-30', '2027-05-28'].map((d) => `${d}T16:00:00.000Z`));

    const before = s.sqlite.prepare('SELECT * FROM appointments ORDER BY seq').all();
    const second = await importIcs(fixture('multi.ics'));
    expect(second).toMatchObject({ created: 0, updated: 0, skipped: 6 });
    expect(second.errors).toHaveLength(1);
    expect(s.sqlite.prepare('SELECT * FROM appointments ORDER BY seq').all()).toEqual(before);
  });

  it('updates by UID when the file changed, and round-trips its own export unchanged', async () => {
    await importIcs(fixture('single.ics'));
    const changed = join(s.dataDir, 'changed.ics');
    writeFileSync(changed, readFileSync(fixture('single.ics'), 'utf8').replace('DTSTART:20261125T140000Z', 'DTSTART:20261125T133000Z'));
    expect(await importIcs(changed)).toEqual({ created: 0, updated: 1, skipped: 0, errors: [] });
    expect((await s.list('2026-11-25T00:00:00Z', '2026-11-26T00:00:00Z'))[0]?.startsAt).toBe('2026-11-25T13:30:00.000Z');

    await s.create({ title: 'Weekly', startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T11:00:00Z', kind: 'call', reminderMinutes: 5, recurrence: { freq: 'weekly', byWeekday: ['TU', 'TH'], until: '2026-12-31' } });
    await s.create({ title: 'Away', startsAt: '2026-12-24', endsAt: '2027-01-02', allDay: true, notes: 'Shut over Christmas' });
    const rows = s.sqlite.prepare('SELECT * FROM appointments ORDER BY seq').all();
    const out = await exportIcs();
    expect(await importIcs(out.path)).toEqual({ created: 0, updated: 0, skipped: 3, errors: [] });
    expect(s.sqlite.prepare('SELECT * FROM appointments ORDER BY seq').all()).toEqual(rows);
  });

  it('rejects a malformed file or a file that is not a calendar on "path", writing nothing; a missing file is NOT_FOUND', async () => {
    await importIcs(fixture('single.ics'));
    const rows = s.sqlite.prepare('SELECT * FROM appointments').all();
    for (const name of ['malformed.ics', 'not-a-calendar.ics']) {
      const error = await failure(importIcs(fixture(name)));
      expect(error.code).toBe('VALIDATION');
      expect(error.issues).toEqual([{ path: 'path', message: expect.stringMatching(/iCalendar|calendar/) }]);
    }
    expect(s.sqlite.prepare('SELECT * FROM appointments').all()).toEqual(rows);
    const missing = join(s.dataDir, 'nope.ics');
    expect((await failure(importIcs(missing))).code).toBe('NOT_FOUND');
    expect(existsSync(missing)).toBe(false);
  });

  it('imports all or nothing: a failure mid-way leaves no event behind', async () => {
    // A UID clash with a row the import cannot touch makes the insert of the third event fail inside the transaction.
    const source = readFileSync(fixture('multi.ics'), 'utf8');
    s.sqlite.exec(`CREATE TRIGGER fail_third BEFORE INSERT ON appointments WHEN NEW.uid = 'standup@example.com' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const file = join(s.dataDir, 'multi.ics');
    writeFileSync(file, source);
    // The import reports the failure (issue #15: a real import, with progress and a report) and saves nothing.
    expect((await s.calendarImport.run({ path: file })).status).toBe('failed');
    expect(count()).toBe(0);
    expect(s.events.filter((e) => e.name === 'data.changed')).toEqual([]);
  });
});

describe('series in a time zone', () => {
  const london = { freq: 'weekly' as const, timeZone: 'Europe/London' };
  const range = (from: string, to: string) => s.list(from, to).then((items) => items.map((o) => o.startsAt));

  it('keeps a weekly 10:00 London meeting at 10:00 local across the end of summer time; without a zone it stays at UTC', async () => {
    await s.create({ title: 'Zoned', startsAt: '2026-10-20T09:00:00Z', endsAt: '2026-10-20T10:00:00Z', recurrence: { ...london, count: 3 } });
    expect(await range('2026-10-01T00:00:00Z', '2026-12-01T00:00:00Z')).toEqual(['2026-10-20T09:00:00.000Z', '2026-10-27T10:00:00.000Z', '2026-11-03T10:00:00.000Z']);
    await s.create({ title: 'UTC', startsAt: '2027-10-19T09:00:00Z', endsAt: '2027-10-19T10:00:00Z', recurrence: { freq: 'weekly', count: 2 } });
    expect(await range('2027-10-01T00:00:00Z', '2027-12-01T00:00:00Z')).toEqual(['2027-10-19T09:00:00.000Z', '2027-10-26T09:00:00.000Z']);
  });

  it("repeats on the zone's weekdays and ends on the zone's last day", async () => {
    // Monday 00:30 in Berlin is Sunday evening in UTC.
    await s.create({ title: 'Early', startsAt: '2026-11-22T23:30:00Z', endsAt: '2026-11-23T00:00:00Z', recurrence: { freq: 'weekly', byWeekday: ['MO'], until: '2026-12-07', timeZone: 'Europe/Berlin' } });
    expect(await range('2026-11-20T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual(['2026-11-22T23:30:00.000Z', '2026-11-29T23:30:00.000Z', '2026-12-06T23:30:00.000Z']);
  });

  it('exports the zone as TZID with a VTIMEZONE that ical.js expands to the same instants, and imports it back unchanged', async () => {
    const a = await s.create({ title: 'Zoned', startsAt: '2026-10-13T09:00:00Z', endsAt: '2026-10-13T10:00:00Z', recurrence: { ...london, until: '2027-04-06' } });
    const { ics } = await exportIcs({ appointmentId: a.id });
    const { calendar, events: [event] } = events(ics);
    expect(event!.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/London');
    expect(event!.getFirstProperty('dtstart')!.toICALString()).toBe('DTSTART;TZID=Europe/London:20261013T100000');
    const zone = calendar.getFirstSubcomponent('vtimezone')!;
    expect(zone.getFirstPropertyValue('tzid')).toBe('Europe/London');
    ICAL.TimezoneService.register(zone);
    const peer = new ICAL.Event(event!);
    const it = peer.iterator();
    const peerStarts: string[] = [];
    for (let next = it.next(); next; next = it.next()) peerStarts.push(next.toJSDate().toISOString());
    const ours = await range('2026-10-01T00:00:00Z', '2027-05-01T00:00:00Z');
    expect(peerStarts).toEqual(ours);
    expect(ours).toContain('2026-10-20T09:00:00.000Z'); // BST
    expect(ours).toContain('2026-11-03T10:00:00.000Z'); // GMT
    expect(ours.at(-1)).toBe('2027-04-06T09:00:00.000Z'); // BST again, and the last day counts

    const file = join(s.dataDir, 'zoned.ics');
    writeFileSync(file, ics);
    await s.service.delete({ id: a.id });
    await importIcs(file);
    const back = await s.service.get(a.id);
    expect(back.recurrence).toEqual({ freq: 'weekly', interval: 1, until: '2027-04-06', timeZone: 'Europe/London' });
    expect(back.startsAt).toBe('2026-10-13T09:00:00.000Z');
  });

  it('refuses a zone the system does not know, naming the field', async () => {
    const input = { title: 'x', startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T11:00:00Z', recurrence: { freq: 'daily', timeZone: 'Mars/Olympus' } };
    const result = contract['appointments.create'].input.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['recurrence.timeZone']);
  });
});

describe('one occurrence of a series', () => {
  const week = () => s.list('2026-11-23T00:00:00Z', '2026-11-30T00:00:00Z').then((items) => items.map((o) => `${o.title}@${o.startsAt}${o.recurring ? '↻' : ''}`));

  it('moves one occurrence out of its series into a one-off, leaving the others where they were', async () => {
    const series = await s.create({ title: 'Check', startsAt: '2026-11-23T09:00:00Z', endsAt: '2026-11-23T09:30:00Z', recurrence: { freq: 'daily', count: 3, timeZone: 'Europe/London' }, reminderMinutes: 10, location: 'Yard' });
    const moved = await s.service.moveOccurrence(s.parse('appointments.moveOccurrence', { id: series.id, occurrenceStart: '2026-11-24T09:00:00.000Z', startsAt: '2026-11-24T15:00:00Z', endsAt: '2026-11-24T15:30:00Z' }));
    expect(moved).toMatchObject({ title: 'Check', location: 'Yard', reminderMinutes: 10, recurrence: null, startsAt: '2026-11-24T15:00:00.000Z' });
    expect(moved.id).not.toBe(series.id);
    expect(await week()).toEqual(['Check@2026-11-23T09:00:00.000Z↻', 'Check@2026-11-24T15:00:00.000Z', 'Check@2026-11-25T09:00:00.000Z↻']);
    // A second move of the same occurrence, or one that does not exist, is refused and changes nothing.
    for (const occurrenceStart of ['2026-11-24T09:00:00Z', '2026-11-24T10:00:00Z']) {
      const error = await failure(s.service.moveOccurrence(s.parse('appointments.moveOccurrence', { id: series.id, occurrenceStart, startsAt: '2026-11-24T16:00:00Z', endsAt: '2026-11-24T16:30:00Z' })));
      expect(error.issues?.[0]?.path).toBe('occurrenceStart');
    }
    expect(count()).toBe(2);
    // Editing the series in the dialog (which sends its rule without exceptions) keeps the moved one out.
    await s.update({ id: series.id, title: 'Daily check', recurrence: { freq: 'daily', count: 3, timeZone: 'Europe/London' } });
    expect(await week()).toEqual(['Daily check@2026-11-23T09:00:00.000Z↻', 'Check@2026-11-24T15:00:00.000Z', 'Daily check@2026-11-25T09:00:00.000Z↻']);
  });

  it('skips one occurrence, exports it as EXDATE that ical.js honours, and imports it back', async () => {
    const series = await s.create({ title: 'Visit', startsAt: '2026-11-23T09:00:00Z', endsAt: '2026-11-23T10:00:00Z', recurrence: { freq: 'daily', count: 4 } });
    await s.service.skipOccurrence(s.parse('appointments.skipOccurrence', { id: series.id, occurrenceStart: '2026-11-24T09:00:00Z' }));
    const ours = await week();
    expect(ours).toEqual(['Visit@2026-11-23T09:00:00.000Z↻', 'Visit@2026-11-25T09:00:00.000Z↻', 'Visit@2026-11-26T09:00:00.000Z↻']);
    const { ics } = await exportIcs({ appointmentId: series.id });
    const { events: [event] } = events(ics);
    const it = new ICAL.Event(event!).iterator();
    const peer: string[] = [];
    for (let next = it.next(); next; next = it.next()) peer.push(`Visit@${next.toJSDate().toISOString()}↻`);
    expect(peer).toEqual(ours);
    const file = join(s.dataDir, 'skipped.ics');
    writeFileSync(file, ics);
    s.sqlite.prepare(`UPDATE appointments SET recurrence = '{"freq":"daily","interval":1,"count":4}' WHERE id = ?`).run(series.id);
    expect(await importIcs(file)).toMatchObject({ updated: 1 });
    expect((await s.service.get(series.id)).recurrence).toEqual({ freq: 'daily', interval: 1, count: 4, exceptDates: ['2026-11-24T09:00:00.000Z'] });
    expect(await week()).toEqual(ours);
  });

  it('skips an all-day occurrence by its date', async () => {
    const series = await s.create({ title: 'Market', startsAt: '2026-11-23', endsAt: '2026-11-24', allDay: true, recurrence: { freq: 'daily', count: 3 } });
    await s.service.skipOccurrence(s.parse('appointments.skipOccurrence', { id: series.id, occurrenceStart: '2026-11-24' }));
    expect((await s.list('2026-11-23T00:00:00Z', '2026-11-30T00:00:00Z')).map((o) => o.startsAt)).toEqual(['2026-11-23', '2026-11-25']);
  });
});
