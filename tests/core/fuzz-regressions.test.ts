// The INTERNAL answers the fuzz run found (tests/core/fuzz.test.ts), each kept as the exact request that caused it:
// now a VALIDATION error naming the field, or a normal answer.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
let timedSeries = '';
let allDaySeries = '';
beforeAll(async () => {
  t = await openTestCore();
  timedSeries = (await t.call('appointments.create', { title: 'Daily', startsAt: '2026-11-23T09:00:00Z', endsAt: '2026-11-23T09:30:00Z', recurrence: { freq: 'daily', count: 10 } })).id;
  allDaySeries = (await t.call('appointments.create', { title: 'Holiday', startsAt: '2026-11-23', endsAt: '2026-11-24', allDay: true, recurrence: { freq: 'weekly', count: 4 } })).id;
});
afterAll(() => t.destroy());

it.each([
  ['FREQ=WGJUBRW'],
  ['FREQ=FORTNIGHTLY'],
  ['FREQ=DAILY;COUNT=abc'],
  ['FREQ=DAILY;BYHOUR=99'],
  ['FREQ=DAILY;BYMONTHDAY=0'],
  ['FREQ=MONTHLY;BYDAY=9XX'],
  ['FREQ=DAILY;COUNT=1;COUNT=2'],
])('a repeat rule a calendar reader would refuse (%s) is a VALIDATION error on it', async (rule) => {
  const error = await t.fail('appointments.update', { id: timedSeries, recurrence: { freq: 'daily', rule } });
  expect(error.code).toBe('VALIDATION');
  expect(error.issues?.map((i) => i.path)).toContain('recurrence.rule');
});

it('keeps rules real calendars write', async () => {
  for (const rule of ['FREQ=MONTHLY;BYDAY=-1FR;COUNT=6', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;COUNT=3', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;WKST=SU', 'FREQ=DAILY;UNTIL=20261231T235959Z', 'FREQ=DAILY;COUNT=3;X-NAME=1']) {
    const saved = await t.call('appointments.update', { id: timedSeries, recurrence: { freq: 'daily', rule } });
    expect(saved.recurrence?.rule).toBe(rule);
  }
});

it('refuses extra and skipped dates that are not dates, or not of the series’ kind', async () => {
  expect((await t.fail('appointments.update', { id: timedSeries, recurrence: { freq: 'daily', rdates: ['A{'] } })).issues?.[0]?.path).toBe('recurrence.rdates.0');
  expect((await t.fail('appointments.update', { id: allDaySeries, recurrence: { freq: 'weekly', rdates: ['2026-12-01T10:00:00Z'] } })).issues?.[0]?.path).toBe('recurrence.rdates.0');
  expect((await t.fail('appointments.update', { id: timedSeries, recurrence: { freq: 'daily', exceptDates: ['2026-11-25'] } })).issues?.[0]?.path).toBe('recurrence.exceptDates.0');
});

it('answers an occurrence named in the other form (a time for an all-day series) as not one of its occurrences', async () => {
  const occurrence = { id: allDaySeries, occurrenceStart: '2026-11-30T04:30:00+14:00' };
  for (const [channel, input] of [['appointments.skipOccurrence', occurrence], ['appointments.moveOccurrence', { ...occurrence, startsAt: '2026-12-01', endsAt: '2026-12-02' }]] as const) {
    const error = await t.fail(channel, input);
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'occurrenceStart' }] });
  }
});

it('previews and imports a file whose header names are longer than a mapping may carry', async () => {
  const file = join(t.dataDir, 'long-header.csv');
  writeFileSync(file, `${'Name'.repeat(100)},Email\nAnn,ann@example.com\n`);
  writeFileSync(join(t.dataDir, HARNESS_PICKS_FILE), JSON.stringify([file]));
  await t.call('files.pick', { purpose: 'import' });
  const preview = await t.call('import.preview', { path: file });
  // Cut to the 200 characters a mapping may name, the same for preview and run: the preview's mapping is accepted.
  expect(preview.columns[0]).toHaveLength(200);
  const report = await t.call('import.run', { path: file, mapping: preview.mapping, duplicates: 'skip' });
  expect(report.created).toBe(1);
});

it('keeps ranges and times within the years a diary can walk (a range in 9999 once overflowed a repeat)', async () => {
  for (const [channel, input, path] of [
    ['appointments.list', { from: '9999-12-24T00:00:00-05:30', to: '9999-12-24T08:00:00.000Z' }, 'from'],
    ['schedule.exportIcs', { from: '2026-01-01T00:00:00Z', to: '9999-08-03T05:00:00.000Z' }, 'to'],
    ['appointments.create', { title: 'Far', startsAt: '9999-01-01', endsAt: '9999-01-02', allDay: true }, 'startsAt'],
  ] as const) {
    expect((await t.fail(channel, input)).issues?.map((i) => i.path)).toContain(path);
  }
  expect((await t.call('appointments.list', { from: '8999-12-24T00:00:00Z', to: '8999-12-31T00:00:00Z' })).items.length).toBeGreaterThanOrEqual(0);
});
