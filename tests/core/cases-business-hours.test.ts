// Issue #22 items 3 and 8: the business-hours clock under case targets. Readable examples first (what a user would
// check by hand), then the calculator against a minute-by-minute brute force (Intl per minute) on random calendars,
// spans, pauses and priority changes across daylight-saving changes in six zones. Short by default;
// BUSINESS_HOURS_RUNS=20000 for the long run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, calendarIssues, WEEKDAYS } from '../../electron/core/cases/business-calendar';
import { addBusinessMs, businessMsBetween } from '../../electron/core/cases/business-hours';
import { type CaseClockEvent, type CaseTarget, caseClock, type StatusCategory } from '../../electron/core/cases/case-clock';
import { transitions } from '../../electron/core/schedule/zones';
import { AppError } from '../../shared/ipc/errors';
import { bruteClock, MIN, prefixSums } from './cases-business-hours-brute';

const RUNS = Number(process.env.BUSINESS_HOURS_RUNS ?? 1000);
const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const nineToFive = [{ start: '09:00', end: '17:00' }];
function calendar(over: Partial<BusinessCalendar> = {}, days: Partial<BusinessCalendar['hours']> = {}): BusinessCalendar {
  const weekdays = { monday: nineToFive, tuesday: nineToFive, wednesday: nineToFive, thursday: nineToFive, friday: nineToFive };
  return { timeZone: 'Europe/London', hours: { ...weekdays, saturday: [], sunday: [], ...days }, holidays: [], ...over };
}
const targets: Record<string, CaseTarget> = { normal: { responseMs: 2 * H, resolutionMs: 16 * H }, urgent: { responseMs: 1 * H, resolutionMs: 4 * H } };

describe('business hours, by hand', () => {
  const cal = calendar();

  it('a Friday 16:00 case with a 4 business-hour target is due Monday 12:00 (one hour Friday, three Monday)', () => {
    expect(iso(addBusinessMs(cal, at('2026-06-05T16:00:00+01:00'), 4 * H))).toBe(iso(at('2026-06-08T12:00:00+01:00')));
    expect(iso(addBusinessMs(cal, at('2026-06-05T16:00:00+01:00'), 3 * H))).toBe(iso(at('2026-06-08T11:00:00+01:00')));
    // Running out exactly at closing time is due at closing time, not at the next opening.
    expect(iso(addBusinessMs(cal, at('2026-06-05T16:00:00+01:00'), 1 * H))).toBe(iso(at('2026-06-05T17:00:00+01:00')));
    expect(businessMsBetween(cal, at('2026-06-05T16:00:00+01:00'), at('2026-06-08T12:00:00+01:00'))).toBe(4 * H);
  });

  it('skips a holiday: the same case over the Spring bank holiday is due Tuesday', () => {
    const bankHoliday = calendar({ holidays: ['2026-05-25'] });
    expect(iso(addBusinessMs(bankHoliday, at('2026-05-22T16:00:00+01:00'), 4 * H))).toBe(iso(at('2026-05-26T12:00:00+01:00')));
    expect(businessMsBetween(bankHoliday, at('2026-05-22T00:00:00+01:00'), at('2026-05-29T00:00:00+01:00'))).toBe(4 * 8 * H);
  });

  it('counts split days (08:00–12:00 and 13:00–17:00) without the lunch hour', () => {
    const split = calendar({}, { monday: [{ start: '13:00', end: '17:00' }, { start: '08:00', end: '12:00' }] });
    expect(iso(addBusinessMs(split, at('2026-06-01T11:00:00+01:00'), 2 * H))).toBe(iso(at('2026-06-01T14:00:00+01:00')));
    expect(businessMsBetween(split, at('2026-06-01T00:00:00+01:00'), at('2026-06-02T00:00:00+01:00'))).toBe(8 * H);
    // Stretches that touch count once each; 24:00 closes at midnight and Sunday's 00:00 carries straight on.
    const touching = calendar({}, { saturday: [{ start: '08:00', end: '12:00' }, { start: '12:00', end: '24:00' }], sunday: [{ start: '00:00', end: '02:00' }] });
    expect(businessMsBetween(touching, at('2026-06-06T00:00:00+01:00'), at('2026-06-08T00:00:00+01:00'))).toBe(18 * H);
    expect(iso(addBusinessMs(touching, at('2026-06-06T23:00:00+01:00'), 2 * H))).toBe(iso(at('2026-06-07T01:00:00+01:00')));
  });

  it('keeps wall-clock hours across daylight saving: the skipped hour is lost, the repeated hour counts twice', () => {
    const closed = Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as unknown as BusinessCalendar['hours'];
    const night = calendar({ hours: { ...closed, sunday: [{ start: '00:00', end: '03:00' }] } });
    const sunday = (date: string, zone: string) => businessMsBetween({ ...night, timeZone: zone }, at(`${date}T00:00:00Z`) - 14 * H, at(`${date}T00:00:00Z`) + 38 * H);
    expect(sunday('2026-03-22', 'Europe/London')).toBe(3 * H);
    expect(sunday('2026-03-29', 'Europe/London')).toBe(2 * H); // 01:00–02:00 never happens
    expect(sunday('2026-10-25', 'Europe/London')).toBe(4 * H); // 01:00–02:00 happens twice
    expect(sunday('2026-03-08', 'America/New_York')).toBe(2 * H);
    expect(sunday('2026-11-01', 'America/New_York')).toBe(4 * H);
    expect(sunday('2026-04-05', 'Australia/Adelaide')).toBe(4 * H); // 03:00 back to 02:00 local
    expect(sunday('2026-04-05', 'Australia/Lord_Howe')).toBe(3.5 * H); // a half-hour change
    // A 09:00–17:00 day on the spring-forward Sunday still has all eight hours.
    const open = calendar({}, { sunday: nineToFive });
    expect(businessMsBetween(open, at('2026-03-29T00:00:00Z'), at('2026-03-30T00:00:00Z'))).toBe(8 * H);
  });

  it('a wait from Tuesday 10:00 to Wednesday 10:00 moves the due time by one business day', () => {
    const created: CaseClockEvent = { at: at('2026-06-01T09:00:00+01:00'), kind: 'created', priority: 'normal' };
    const plain = caseClock(cal, [created], targets, at('2026-06-01T12:00:00+01:00'));
    expect(iso(plain.resolution.dueAt)).toBe(iso(at('2026-06-02T17:00:00+01:00')));
    const waited = caseClock(
      cal,
      [created, { at: at('2026-06-02T10:00:00+01:00'), kind: 'status', category: 'waiting' }, { at: at('2026-06-03T10:00:00+01:00'), kind: 'status', category: 'open' }],
      targets,
      at('2026-06-03T12:00:00+01:00'),
    );
    expect(iso(waited.resolution.dueAt)).toBe(iso(at('2026-06-03T17:00:00+01:00')));
    expect(waited.elapsedMs).toBe(11 * H); // Monday 8 h, Tuesday 1 h, Wednesday 2 h
    // While it waits there is no due time: the clock is paused, with 7 h left.
    const paused = caseClock(cal, [created, { at: at('2026-06-02T10:00:00+01:00'), kind: 'status', category: 'waiting' }], targets, at('2026-06-02T15:00:00+01:00'));
    expect([paused.paused, paused.resolution.dueAt, paused.resolution.targetMs - paused.elapsedMs]).toEqual([true, null, 7 * H]);
  });

  it('a priority change recomputes from creation: same elapsed time, the new targets', () => {
    const created: CaseClockEvent = { at: at('2026-06-01T09:00:00+01:00'), kind: 'created', priority: 'normal' };
    const early = caseClock(cal, [created, { at: at('2026-06-01T11:00:00+01:00'), kind: 'priority', priority: 'urgent' }], targets, at('2026-06-01T11:00:00+01:00'));
    expect([iso(early.resolution.dueAt), early.resolution.met, early.elapsedMs]).toEqual([iso(at('2026-06-01T13:00:00+01:00')), null, 2 * H]);
    const late = caseClock(cal, [created, { at: at('2026-06-01T15:00:00+01:00'), kind: 'priority', priority: 'urgent' }], targets, at('2026-06-01T15:00:00+01:00'));
    expect([iso(late.resolution.dueAt), late.resolution.met]).toEqual([iso(at('2026-06-01T13:00:00+01:00')), false]);
  });

  it('says whether each target was met, with 75 % and 100 % reminders', () => {
    const created: CaseClockEvent = { at: at('2026-06-01T09:00:00+01:00'), kind: 'created', priority: 'normal' };
    const open = caseClock(cal, [created], targets, at('2026-06-01T09:30:00+01:00'));
    expect([iso(open.response.reminders.at75), iso(open.response.reminders.at100), open.response.met]).toEqual([iso(at('2026-06-01T10:30:00+01:00')), iso(at('2026-06-01T11:00:00+01:00')), null]);
    const answered = caseClock(cal, [created, { at: at('2026-06-01T10:45:00+01:00'), kind: 'firstResponse' }], targets, at('2026-06-01T12:00:00+01:00'));
    expect([answered.response.met, iso(answered.response.achievedAt), answered.response.dueAt, answered.response.elapsedMs]).toEqual([true, iso(at('2026-06-01T10:45:00+01:00')), null, 1.75 * H]);
    const late = caseClock(cal, [created, { at: at('2026-06-01T11:30:00+01:00'), kind: 'firstResponse' }], targets, at('2026-06-01T12:00:00+01:00'));
    expect([late.response.met, iso(late.response.dueAt)]).toEqual([false, iso(at('2026-06-01T11:00:00+01:00'))]);
    // Resolved on the phone without a written reply: resolving answers the case too.
    const solved = caseClock(cal, [created, { at: at('2026-06-01T09:20:00+01:00'), kind: 'status', category: 'resolved' }], targets, at('2026-06-01T12:00:00+01:00'));
    expect([solved.response.met, solved.resolution.met, solved.resolution.running, solved.elapsedMs]).toEqual([true, true, false, 20 * MIN]);
  });

  it('names the field and says what to do for a wrong calendar or log', () => {
    const messages = (c: unknown) => calendarIssues(c).map((i) => `${i.path}: ${i.message}`);
    expect(messages(calendar({ timeZone: 'Europe/Londn' }))).toEqual(['timeZone: "Europe/Londn" is not a time zone Rapport knows; use a name such as Europe/London']);
    expect(messages(calendar({}, { monday: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '17:00' }] }))).toEqual(['hours.monday.1: 11:00–17:00 overlaps 08:00–12:00']);
    expect(messages(calendar({}, { tuesday: [{ start: '17:00', end: '09:00' }] }))).toEqual(['hours.tuesday.0.end: The end (09:00) must be later than the start (17:00) on the same day']);
    expect(messages(calendar({}, { friday: [{ start: '9:00', end: '24:30' }] }))).toEqual([
      'hours.friday.0.start: Write the start as a time between 00:00 and 23:59, such as 09:00',
      'hours.friday.0.end: Write the end as a time between 00:01 and 24:00, such as 17:30',
    ]);
    expect(messages(calendar({ holidays: ['2026-02-30'] }))).toEqual(['holidays.0: "2026-02-30" is not a date; write it as YYYY-MM-DD, such as 2026-12-25']);
    const closed = Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as unknown as BusinessCalendar['hours'];
    expect(messages(calendar({ hours: closed }))).toEqual(['hours: Add business hours to at least one day, or no target could ever fall due']);
    expect(messages(calendar({}, { saturday: [{ start: '08:00', end: '12:00' }, { start: '12:00', end: '24:00' }] }))).toEqual([]);
    expect(() => businessMsBetween(calendar({ timeZone: 'Mars/Olympus' }), 0, 1)).toThrow(AppError);
    const created: CaseClockEvent = { at: at('2026-06-01T09:00:00+01:00'), kind: 'created', priority: 'normal' };
    const wrong = (events: CaseClockEvent[]) => {
      try {
        caseClock(cal, events, targets, at('2026-06-02T09:00:00+01:00'));
      } catch (e) {
        return (e as AppError).message;
      }
    };
    expect(wrong([created, { at: created.at - MIN, kind: 'status', category: 'waiting' }])).toBe('events.1.at: is before the case was created');
    expect(wrong([created, { at: created.at, kind: 'priority', priority: 'low' }])).toBe('events.1.priority: has no targets set (priority "low")');
    expect(wrong([{ at: created.at, kind: 'firstResponse' }])).toBe('events: must include the case being created');
  });

  it('computes a year-long span well under a millisecond per call', () => {
    const figures: string[] = [];
    for (const timeZone of ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata']) {
      const c = calendar({ timeZone, holidays: ['2026-12-25', '2026-12-26', '2026-01-01'] });
      businessMsBetween(c, at('2026-01-01T00:00:00Z'), at('2027-01-02T00:00:00Z')); // builds the zone's offset table once
      const n = 300;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        businessMsBetween(c, at('2026-01-01T00:00:00Z') + i * MIN, at('2027-01-01T00:00:00Z') + i * MIN);
        addBusinessMs(c, at('2026-01-01T00:00:00Z') + i * MIN, 2000 * H);
      }
      const perCall = (performance.now() - t0) / (2 * n);
      figures.push(`${timeZone} ${(perCall * 1000).toFixed(1)} µs`);
      expect(perCall).toBeLessThan(0.5);
    }
    if (process.env.BUSINESS_HOURS_RUNS) console.log(`year-long span per call: ${figures.join(', ')}`);
  });
});

const ZONES = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Australia/Adelaide', 'Australia/Lord_Howe', 'Asia/Kolkata'];
const SPAN = { from: at('2024-01-01T00:00:00Z'), to: at('2028-01-01T00:00:00Z') };
/** Daylight-saving changes 2024–2027 per zone (Kolkata has none: its runs land anywhere in the span). */
const CHANGES = new Map(ZONES.map((z) => [z, transitions(z, SPAN.from, SPAN.to).map((t) => t.at)]));
/** Minutes the brute force walks: up to four days, so thousands of runs fit in seconds. */
const WINDOW_MIN = 4 * 24 * 60;
/** Boundary minutes near DST changes (00:00–04:00) and usual office hours, so gaps and repeats are often covered. */
const POOL = [0, 30, 60, 90, 120, 150, 180, 210, 240, 480, 510, 540, 720, 780, 1020, 1050, 1080, 1380, 1440];
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const day = fc
  .uniqueArray(fc.oneof(fc.constantFrom(...POOL), fc.integer({ min: 0, max: 1440 })), { maxLength: 6 })
  .map((points) => {
    const sorted = points.sort((a, b) => a - b).slice(0, points.length - (points.length % 2));
    return sorted.flatMap((p, i) => (i % 2 === 0 ? [{ start: hhmm(p), end: hhmm(sorted[i + 1]!) }] : []));
  });
const CATEGORIES: StatusCategory[] = ['open', 'open', 'waiting', 'waiting', 'resolved', 'closed'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const run = fc.record({
  zone: fc.constantFrom(...ZONES),
  week: fc.array(day, { minLength: 7, maxLength: 7 }),
  holidayDays: fc.uniqueArray(fc.integer({ min: -1, max: 5 }), { maxLength: 3 }),
  centre: fc.nat(),
  // Start up to two days before the centre and run up to four days: most spans cross the clock change.
  startMin: fc.integer({ min: -2 * 24 * 60, max: 60 }),
  lengthMin: fc.integer({ min: 60, max: WINDOW_MIN }),
  pairs: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 4, maxLength: 4 }),
  amounts: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 40 * 60 })), { minLength: 4, maxLength: 4 }),
  targets: fc.array(fc.tuple(fc.integer({ min: 0, max: 240 }), fc.integer({ min: 0, max: 600 })), { minLength: 4, maxLength: 4 }),
  createdCategory: fc.constantFrom<StatusCategory | undefined>(undefined, undefined, undefined, 'waiting', 'resolved'),
  events: fc.array(
    fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fc.constantFrom(...CATEGORIES), fc.constantFrom(...PRIORITIES), fc.constant('firstResponse'))),
    { maxLength: 7 },
  ),
  nowAt: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('business hours against a minute-by-minute brute force', () => {
  it(`agrees on ${RUNS} random calendars, spans, pauses and priority changes (0 differences)`, () => {
    let [checks, crossing] = [0, 0];
    const started = performance.now();
    fc.assert(
      fc.property(run, (r) => {
        const changes = CHANGES.get(r.zone)!;
        const centre = changes.length > 0 && r.centre % 10 !== 0 ? changes[r.centre % changes.length]! : SPAN.from + (r.centre % 1_400) * 24 * H;
        const from = Math.floor(centre / MIN) * MIN + r.startMin * MIN;
        const n = r.lengthMin;
        const week = r.week.some((d) => d.length > 0) ? r.week : [nineToFive, ...r.week.slice(1)];
        const holidays = r.holidayDays.map((d) => new Date(from + d * 24 * H).toISOString().slice(0, 10));
        const cal: BusinessCalendar = { timeZone: r.zone, hours: Object.fromEntries(WEEKDAYS.map((d, i) => [d, week[i]!])) as BusinessCalendar['hours'], holidays };
        const sums = prefixSums(cal, from, n);
        if (CHANGES.get(r.zone)!.some((t) => t >= from && t < from + n * MIN)) crossing++;
        const minuteAt = (f: number) => Math.floor(f * n);

        expect(businessMsBetween(cal, from, from + n * MIN)).toBe(sums[n]! * MIN);
        for (const [a, b] of r.pairs) {
          const [lo, hi] = [minuteAt(Math.min(a, b)), minuteAt(Math.max(a, b))];
          expect(businessMsBetween(cal, from + lo * MIN, from + hi * MIN)).toBe((sums[hi]! - sums[lo]!) * MIN);
        }
        for (const [f, amount] of r.amounts) {
          const start = minuteAt(f);
          const due = addBusinessMs(cal, from + start * MIN, amount * MIN);
          let k = start;
          while (k <= n && sums[k]! - sums[start]! < amount) k++;
          if (k <= n) expect(iso(due)).toBe(iso(from + k * MIN));
          else expect(due).toBeGreaterThan(from + n * MIN);
        }

        const createdAt = from + minuteAt(r.nowAt / 3) * MIN;
        const nowMin = minuteAt(r.nowAt);
        const caseTargets = Object.fromEntries(PRIORITIES.map((p, i) => [p, { responseMs: r.targets[i]![0] * 4 * MIN, resolutionMs: r.targets[i]![1] * 4 * MIN }]));
        const events: CaseClockEvent[] = [{ at: createdAt, kind: 'created', priority: 'normal', ...(r.createdCategory ? { category: r.createdCategory } : {}) }];
        for (const [f, what] of r.events) {
          const when = createdAt + Math.floor(f * (from + n * MIN - createdAt) / MIN) * MIN;
          if (what === 'firstResponse') events.push({ at: when, kind: 'firstResponse' });
          else if (PRIORITIES.includes(what)) events.push({ at: when, kind: 'priority', priority: what });
          else events.push({ at: when, kind: 'status', category: what as StatusCategory });
        }
        const now = Math.max(createdAt, from + nowMin * MIN);
        const mine = caseClock(cal, events, caseTargets, now);
        const brute = bruteClock(cal, events, caseTargets, now, from + n * MIN);
        expect([mine.priority, mine.category]).toEqual([brute.priority, brute.category]);
        for (const which of ['response', 'resolution'] as const) {
          const [m, b] = [mine[which], brute[which]];
          expect({ which, elapsed: m.elapsedMs, achieved: iso(m.achievedAt) }).toEqual({ which, elapsed: b.elapsedMin * MIN, achieved: iso(b.achievedAt) });
          for (const [mv, bv] of [[m.dueAt, b.dueAt], [m.reminders.at75, b.at75]] as const) {
            if (bv !== null) expect(iso(mv)).toBe(iso(bv));
            else if (mv !== null) expect(mv).toBeGreaterThan(from + n * MIN);
            else expect(m.running).toBe(false);
          }
          const met = m.achievedAt !== null ? b.elapsedMin * MIN <= m.targetMs : b.elapsedMin * MIN > m.targetMs ? false : null;
          expect(m.met).toBe(met);
        }
        checks++;
      }),
      { numRuns: RUNS },
    );
    if (process.env.BUSINESS_HOURS_RUNS) console.log(`${checks} runs (${crossing} across a clock change), 0 differences, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // Most runs must span a daylight-saving change, or the test would not be checking what it claims.
    if (checks >= 100) expect(crossing).toBeGreaterThan(checks / 3);
  }, 600_000);
});
