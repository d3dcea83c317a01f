// A series imported from a calendar file keeps the file's own repeat rule when the user edits it in the dialog,
// which sends back only the simple repeat fields: renaming a meeting must not change when it happens.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Recurrence } from '../../shared/domain/appointment';
import { openSchedule, type Schedule } from '../helpers/schedule-deps';

const FILE = join(import.meta.dirname, '../fixtures/real/ics/tine20-outlook12-bysetpos.ics');

let s: Schedule;
beforeEach(async () => {
  s = await openSchedule();
});
afterEach(() => s.destroy());

describe('an imported repeat edited in the dialog', () => {
  it('keeps its BYSETPOS rule and occurrences when only the title changes', async () => {
    expect((await s.importIcs(FILE)).created).toBeGreaterThan(0);
    const [series] = await s.db.selectFrom('appointments').select('id').execute();
    const before = await s.service.get(series!.id);
    expect(before.recurrence?.rule).toMatch(/BYSETPOS/);
    const from = '2013-01-01T00:00:00.000Z';
    const to = '2016-01-01T00:00:00.000Z';
    const startsBefore = (await s.list(from, to)).map((o) => o.startsAt);
    const { rule: _rule, rdates: _rdates, zoneDefinition: _zone, exceptDates: _except, ...simple } = before.recurrence!;
    const after = await s.update({ id: before.id, title: 'Renamed', recurrence: { ...simple, freq: simple.freq as Recurrence['freq'], byWeekday: simple.byWeekday as Recurrence['byWeekday'] } });
    expect(after.title).toBe('Renamed');
    expect(after.recurrence?.rule).toBe(before.recurrence?.rule);
    expect(after.recurrence).toEqual(before.recurrence);
    expect((await s.list(from, to)).map((o) => o.startsAt)).toEqual(startsBefore);
  });

  it('takes a new rule when the user changes the repeat', async () => {
    await s.importIcs(FILE);
    const [series] = await s.db.selectFrom('appointments').select('id').execute();
    const after = await s.update({ id: series!.id, recurrence: { freq: 'daily', interval: 1, count: 3 } });
    expect(after.recurrence?.rule).toBeUndefined();
    expect(after.recurrence?.freq).toBe('daily');
  });
});
