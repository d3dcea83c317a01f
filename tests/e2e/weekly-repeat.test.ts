// A weekly repeat is pre-set to the appointment's own weekday (not today's), whether its date or "Weekly" is
// chosen first, and a series never starts on a day it does not repeat on (main moves it; the form says so).
import { addDays, format, getISODay, nextThursday, set } from 'date-fns';
import type { Locator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, useApp } from './app-fixture';

const app = useApp();

const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
/** The weekday boxes that are ticked, by their labels. */
async function ticked(dialog: Locator): Promise<string[]> {
  const out: string[] = [];
  for (const day of DAYS) if (await dialog.getByRole('checkbox', { name: day, exact: true }).isChecked()) out.push(day);
  return out;
}

describe('weekly repeats', () => {
  test('pre-select the appointment’s weekday, follow its date while untouched, and say where a series starts', async () => {
    // A Thursday that is not today's weekday (on a Thursday, a Friday), so today's weekday would be wrong.
    const today = new Date();
    const thursday = getISODay(today) === 4 ? addDays(nextThursday(today), 1) : nextThursday(today);
    const code = getISODay(thursday) === 4 ? 'Th' : 'Fr';
    const dayAfter = addDays(thursday, 1);

    const { page, assertClean } = await app.open('/schedule');
    await page.getByRole('button', { name: 'New appointment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New appointment' });
    await dialog.getByLabel('Title').fill('Tiling');
    // Date first, then Weekly.
    await dialog.getByLabel('Date', { exact: true }).fill(format(thursday, 'yyyy-MM-dd'));
    await dialog.getByLabel('Repeats', { exact: true }).click();
    await page.getByRole('option', { name: 'Weekly' }).click();
    await expect.poll(() => ticked(dialog)).toEqual([code]);

    // Weekly first, then the date: the untouched default follows.
    await dialog.getByLabel('Date', { exact: true }).fill(format(dayAfter, 'yyyy-MM-dd'));
    await expect.poll(() => ticked(dialog)).toEqual([DAYS[getISODay(dayAfter) - 1]]);
    await dialog.getByLabel('Date', { exact: true }).fill(format(thursday, 'yyyy-MM-dd'));
    await expect.poll(() => ticked(dialog)).toEqual([code]);

    // Chosen days stay; a start on a day it skips is named, with the day it will start on.
    await dialog.getByRole('checkbox', { name: 'Mo', exact: true }).check();
    await dialog.getByRole('checkbox', { name: code, exact: true }).uncheck();
    const monday = addDays(thursday, (8 - getISODay(thursday)) % 7 || 7);
    await dialog.getByText(`${format(thursday, 'EEEE')} is not one of its days: it starts on ${format(monday, 'EEEE d MMMM')}.`).waitFor();
    await screenshot(page, 'weekly-repeat-note');
    await dialog.getByRole('checkbox', { name: code, exact: true }).check();
    expect(await dialog.getByText('is not one of its days').count()).toBe(0);
    await dialog.getByRole('checkbox', { name: 'Mo', exact: true }).uncheck();
    await dialog.getByLabel('Date', { exact: true }).fill(format(addDays(thursday, 7), 'yyyy-MM-dd'));
    await expect.poll(() => ticked(dialog)).toEqual([code]);
    await dialog.getByLabel('Date', { exact: true }).fill(format(thursday, 'yyyy-MM-dd'));
    await screenshot(page, 'weekly-repeat');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    const from = set(thursday, { hours: 0, minutes: 0, seconds: 0, milliseconds: 0 });
    const { items } = await app.harness.rpc('appointments.list', { from: from.toISOString(), to: addDays(from, 15).toISOString() });
    const tiling = items.filter((o) => o.title === 'Tiling');
    expect(tiling.map((o) => format(new Date(o.startsAt), 'yyyy-MM-dd'))).toEqual([0, 7, 14].map((n) => format(addDays(thursday, n), 'yyyy-MM-dd')));
    const saved = await app.harness.rpc('appointments.get', { id: tiling[0]!.appointmentId });
    expect(saved.recurrence?.byWeekday).toEqual([code.toUpperCase()]);
    assertClean();
  }, 60_000);

  test('a series saved with a start its days skip starts on the first day it repeats on', async () => {
    // Thursday 10 December 2026 at 10:00 UTC, repeating on Mondays: its first occurrence is Monday the 14th.
    const a = await app.harness.rpc('appointments.create', {
      title: 'Weekly check-in',
      startsAt: '2026-12-10T10:00:00.000Z',
      endsAt: '2026-12-10T11:00:00.000Z',
      recurrence: { freq: 'weekly', interval: 1, byWeekday: ['MO'], count: 3 },
    });
    expect([a.startsAt, a.endsAt]).toEqual(['2026-12-14T10:00:00.000Z', '2026-12-14T11:00:00.000Z']);
    const { items } = await app.harness.rpc('appointments.list', { from: '2026-12-07T00:00:00.000Z', to: '2027-01-11T00:00:00.000Z' });
    expect(items.filter((o) => o.title === 'Weekly check-in').map((o) => o.startsAt.slice(0, 10))).toEqual(['2026-12-14', '2026-12-21', '2026-12-28']);
  });
});
