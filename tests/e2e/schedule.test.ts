// The Schedule's week grid: creating by clicking an empty slot, dragging an event an hour later (the duration
// stays), overlapping appointments flagged as conflicts, and the month view. Dates are relative to now.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, format, isSameWeek, set } from 'date-fns';
import { describe, expect, test } from 'vitest';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import { screenshot, useApp } from './app-fixture';

const app = useApp();

const at = (day: Date, hours: number, minutes = 0) => set(day, { hours, minutes, seconds: 0, milliseconds: 0 });

describe('schedule', () => {
  test('create in an empty slot, drag an hour later, see conflicts and the month', async () => {
    const now = new Date();
    const tomorrow = addDays(now, 1);
    const day = isSameWeek(tomorrow, now, { weekStartsOn: 1 }) ? tomorrow : now;

    const { page, assertClean } = await app.open('/schedule');
    await page.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    const column = page.getByRole('group', { name: format(day, 'EEEE d MMMM'), exact: true });
    const box = (await column.boundingBox())!;
    const hourPx = box.height / 24;
    await column.click({ position: { x: box.width / 2, y: 10 * hourPx + 6 } });

    const dialog = page.getByRole('dialog', { name: 'New appointment' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Starts').inputValue()).toBe('10:00');
    expect(await dialog.getByLabel('Ends').inputValue()).toBe('11:00');
    expect(await dialog.getByLabel('Date', { exact: true }).inputValue()).toBe(format(day, 'yyyy-MM-dd'));
    await dialog.getByLabel('Title').fill('Site visit');
    await screenshot(page, 'schedule-dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    const event = column.getByRole('button', { name: /^Site visit, 10:00–11:00/ });
    await event.waitFor();
    const { items } = await app.harness.rpc('appointments.list', { from: at(day, 0).toISOString(), to: addDays(at(day, 0), 1).toISOString() });
    const id = items.find((o) => o.title === 'Site visit')!.appointmentId;
    const before = await app.harness.rpc('appointments.get', { id });
    expect(new Date(before.startsAt).getTime()).toBe(at(day, 10).getTime());

    // Drag it down by one hour with the mouse.
    const eventBox = (await event.boundingBox())!;
    const x = eventBox.x + eventBox.width / 2;
    const y = eventBox.y + 10;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y + hourPx / 2, { steps: 4 });
    await page.mouse.move(x, y + hourPx, { steps: 4 });
    await page.mouse.up();
    await column.getByRole('button', { name: /^Site visit, 11:00–12:00/ }).waitFor();
    const after = await app.harness.rpc('appointments.get', { id });
    const ms = (iso: string) => new Date(iso).getTime();
    expect(ms(after.startsAt) - ms(before.startsAt)).toBe(60 * 60_000);
    expect(ms(after.endsAt) - ms(after.startsAt)).toBe(ms(before.endsAt) - ms(before.startsAt));

    // Two overlapping appointments are flagged; the one that touches neither is not.
    await app.harness.rpc('appointments.create', { title: 'Call Tom', kind: 'call', startsAt: at(day, 14).toISOString(), endsAt: at(day, 15).toISOString() });
    await app.harness.rpc('appointments.create', { title: 'Quote review', startsAt: at(day, 14, 30).toISOString(), endsAt: at(day, 15, 30).toISOString() });
    await column.getByRole('button', { name: 'Call Tom, 14:00–15:00, conflict' }).waitFor();
    await column.getByRole('button', { name: 'Quote review, 14:30–15:30, conflict' }).waitFor();
    expect(await column.getByText('Conflict', { exact: true }).count()).toBe(2);
    await column.getByRole('button', { name: 'Site visit, 11:00–12:00' }).waitFor();
    await screenshot(page, 'schedule-week');

    // A click (no drag) opens the edit dialog.
    await column.getByRole('button', { name: /^Call Tom/ }).click();
    const edit = page.getByRole('dialog', { name: 'Edit appointment' });
    await expect.poll(() => edit.getByLabel('Title').inputValue()).toBe('Call Tom');
    await page.keyboard.press('Escape');
    await edit.waitFor({ state: 'detached' });

    await page.getByText('Month', { exact: true }).click();
    const cell = page.getByRole('gridcell', { name: format(day, 'EEEE d MMMM'), exact: true });
    await cell.getByRole('button', { name: /^Site visit/ }).waitFor();
    await screenshot(page, 'schedule-month');
    assertClean();
  }, 60_000);

  test('an all-day appointment stays on its date, shows in Today, and goes out and back in through .ics', async () => {
    const today = format(new Date(), 'yyyy-MM-dd');
    const tomorrow = format(addDays(new Date(), 1), 'yyyy-MM-dd');
    await app.harness.rpc('appointments.create', { title: 'Trade show', startsAt: today, endsAt: tomorrow, allDay: true, location: 'Hall 3' });

    const { page, assertClean } = await app.open('/today');
    const list = page.getByRole('list', { name: "Today's appointments" });
    await list.getByRole('listitem', { name: 'Trade show' }).waitFor();
    await list.getByText('All day').first().waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click();
    await page.getByRole('group', { name: `All day ${format(new Date(), 'EEEE d MMMM')}` }).getByRole('button', { name: /^Trade show, All day/ }).waitFor();

    await page.getByRole('button', { name: 'Export .ics' }).click();
    const saved = page.getByText(/^Saved to /);
    await saved.waitFor();
    const path = (await saved.textContent())!.replace(/^Saved to /, '');
    expect(path).toMatch(/\.ics$/);

    // Importing our own export back: the open dialog (answered from the harness's picks file) picks it.
    writeFileSync(join(app.harness.dataDir, HARNESS_PICKS_FILE), JSON.stringify([path]));
    await page.getByRole('button', { name: 'Import .ics' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a calendar (.ics)' });
    await dialog.getByRole('button', { name: 'Choose file…' }).click();
    await dialog.getByText(/Importing will create 0, update 0 and leave \d+ as they are/).waitFor();
    await dialog.getByRole('button', { name: 'Nothing to import' }).waitFor();
    await screenshot(page, 'schedule-import');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    // The agenda lists it under today.
    await page.getByText('Agenda', { exact: true }).click();
    await page.getByRole('region', { name: format(new Date(), 'EEEE d MMMM') }).getByText('Trade show').waitFor();
    assertClean();
  }, 60_000);

  test('dragging a repeating appointment moves the series or just that occurrence; Delete goes to Trash and Undo brings it back', async () => {
    const day = new Date();
    const { id } = await app.harness.rpc('appointments.create', {
      title: 'Stand-up',
      startsAt: at(day, 8).toISOString(),
      endsAt: at(day, 8, 30).toISOString(),
      recurrence: { freq: 'weekly', interval: 1, count: 3 },
    });
    const { page, assertClean } = await app.open('/schedule');
    const column = page.getByRole('group', { name: format(day, 'EEEE d MMMM'), exact: true });
    const event = column.getByRole('button', { name: 'Stand-up, 08:00–08:30, repeats' });
    await event.waitFor();
    const hourPx = (await column.boundingBox())!.height / 24;
    const box = (await event.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 5 + hourPx / 2, { steps: 5 });
    await page.mouse.up();
    const choice = page.getByRole('dialog', { name: 'Move “Stand-up”' });
    await choice.getByRole('button', { name: 'All occurrences' }).click();
    await page.getByText('Moved every occurrence of “Stand-up”').waitFor();
    const moved = await app.harness.rpc('appointments.get', { id });
    expect(new Date(moved.startsAt).getTime()).toBe(at(day, 8, 30).getTime());
    expect(new Date(moved.endsAt).getTime()).toBe(at(day, 9).getTime());

    // Only this occurrence: it becomes a one-off an hour later, and the series keeps its other weeks.
    const series = column.getByRole('button', { name: 'Stand-up, 08:30–09:00, repeats' });
    const seriesBox = (await series.boundingBox())!;
    await page.mouse.move(seriesBox.x + seriesBox.width / 2, seriesBox.y + 5);
    await page.mouse.down();
    await page.mouse.move(seriesBox.x + seriesBox.width / 2, seriesBox.y + 5 + hourPx, { steps: 5 });
    await page.mouse.up();
    await page.getByRole('dialog', { name: 'Move “Stand-up”' }).getByRole('button', { name: 'This occurrence' }).click();
    await column.getByRole('button', { name: 'Stand-up, 09:30–10:00' }).waitFor();
    await series.waitFor({ state: 'detached' });
    const next = await app.harness.rpc('appointments.list', { from: at(addDays(day, 7), 0).toISOString(), to: at(addDays(day, 8), 0).toISOString() });
    expect(next.items.map((o) => [o.title, o.recurring, new Date(o.startsAt).getTime()])).toEqual([['Stand-up', true, at(addDays(day, 7), 8, 30).getTime()]]);
    expect((await app.harness.rpc('appointments.get', { id })).recurrence?.exceptDates).toEqual([at(day, 8, 30).toISOString()]);
    await screenshot(page, 'schedule-occurrence-moved');

    // Put this week's occurrence back into the series (the one-off to Trash, the rule without exceptions).
    const thisWeek = await app.harness.rpc('appointments.list', { from: at(day, 0).toISOString(), to: at(addDays(day, 1), 0).toISOString() });
    await app.harness.rpc('appointments.delete', { id: thisWeek.items.find((o) => !o.recurring)!.appointmentId });
    await app.harness.rpc('appointments.update', { id, recurrence: { freq: 'weekly', count: 3, exceptDates: [] } });

    await column.getByRole('button', { name: /^Stand-up, 08:30–09:00/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit appointment' });
    await dialog.getByText('Changes apply to every occurrence of this series.').waitFor();
    await dialog.getByRole('button', { name: 'Delete series' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('“Stand-up” moved to Trash').waitFor();
    await event.waitFor({ state: 'detached' });
    expect((await app.harness.rpc('appointments.get', { id })).deletedAt).not.toBeNull();
    await page.getByRole('button', { name: 'Undo' }).click();
    await column.getByRole('button', { name: /^Stand-up, 08:30–09:00/ }).waitFor();
    expect((await app.harness.rpc('appointments.get', { id })).deletedAt).toBeNull();
    assertClean();
  }, 60_000);
});
