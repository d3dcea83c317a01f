// Calendar import through the dispatcher, as the window drives it: only a file picked with the open dialog is
// read (size checked first, no error quoting the file), a preview that saves nothing, a run with progress and a
// report, the same file twice changing nothing, Cancel between batches, a failed batch rolled back, and Undo.
import { closeSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE, openSqlite, type Sqlite } from '../../electron/db/connection';
import { HARNESS_PICKS_FILE } from '../../electron/harness/platform';
import { openTestCore, type TestCore } from '../helpers/core';

const REAL = join(import.meta.dirname, '..', 'fixtures', 'real', 'ics');
const NEXTCLOUD = join(REAL, 'nextcloud-multiple-allday-recurring.ics');

let t: TestCore;
/** A second connection to the data file, to read rows (and plant a failing trigger) as they are on disk. */
let sqlite: Sqlite;
beforeEach(async () => {
  t = await openTestCore({ start: '2026-11-22T09:00:00.000Z' });
  sqlite = openSqlite(join(t.dataDir, DB_FILE));
});
afterEach(() => {
  sqlite.close();
  t.destroy();
});

/** Picks `path` as the open dialog would (the harness answers from its picks file). */
async function pick(path: string): Promise<string> {
  writeFileSync(join(t.dataDir, HARNESS_PICKS_FILE), JSON.stringify([path]));
  expect((await t.call('files.pick', { purpose: 'calendar' })).paths).toEqual([path]);
  return path;
}

const rows = () => sqlite.prepare('SELECT * FROM appointments ORDER BY seq').all() as Record<string, unknown>[];
const changes = () => t.events.filter((e) => e.name === 'data.changed');
const progress = () => t.events.filter((e) => e.name === 'schedule.importProgress').map((e) => e.payload as { processed: number; total: number; done: boolean; importId: string });

function calendar(events: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
}
const vevent = (uid: string, title: string, start = '20261125T140000Z', extra: string[] = []) =>
  ['BEGIN:VEVENT', `UID:${uid}`, `DTSTAMP:20261101T000000Z`, `DTSTART:${start}`, 'DURATION:PT1H', `SUMMARY:${title}`, ...extra, 'END:VEVENT'].join('\r\n');

describe('which files are read', () => {
  it('refuses a path that was not picked, and reads nothing', async () => {
    const error = await t.fail('schedule.importPreview', { path: NEXTCLOUD });
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path', message: expect.stringMatching(/Choose the calendar file/) }] });
    expect((await t.fail('schedule.importRun', { path: '/etc/passwd' })).issues?.[0]?.path).toBe('path');
    // A path picked for another purpose is still a picked path; one never picked is not, even after another pick.
    await pick(NEXTCLOUD);
    expect((await t.fail('schedule.importRun', { path: join(REAL, 'tine20-horde3-utc.ics') })).code).toBe('VALIDATION');
    expect(rows()).toEqual([]);
  });

  it('never quotes the file in an error, and refuses a file over 50 MB before reading it', async () => {
    const secret = 'root:x:0:0:SECRET-FIRST-LINE';
    const notCalendar = join(t.dataDir, 'passwd.ics');
    writeFileSync(notCalendar, `${secret}\nsecond line\n`);
    await pick(notCalendar);
    for (const channel of ['schedule.importPreview', 'schedule.importRun'] as const) {
      const error = await t.fail(channel, { path: notCalendar });
      expect(error.code).toBe('VALIDATION');
      expect(JSON.stringify(error)).not.toMatch(/SECRET|root:x|second line/);
      expect(error.issues?.[0]?.message).toMatch(/not an iCalendar/);
    }

    const huge = join(t.dataDir, 'huge.ics');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024 + 1); // sparse: no 50 MB written
    closeSync(fd);
    await pick(huge);
    expect((await t.fail('schedule.importPreview', { path: huge })).issues?.[0]?.message).toMatch(/too large.*50 MB/);
  });
});

describe('preview, run, report', () => {
  it('previews a real Nextcloud export without saving, imports it with progress and one data.changed, and a second import changes nothing', async () => {
    await pick(NEXTCLOUD);
    const preview = await t.call('schedule.importPreview', { path: NEXTCLOUD });
    expect(preview).toMatchObject({ fileName: 'nextcloud-multiple-allday-recurring.ics', events: 6, repeating: 1, create: 6, update: 0, unchanged: 0, problems: [] });
    expect(preview.sample.map((e) => e.title)).toEqual(['Event 4', 'Event 1', 'Event 3', 'Event 2', 'Recurring event', 'Event 5']);
    expect(preview.sample[0]).toMatchObject({ line: 7, startsAt: '2022-06-07', endsAt: '2022-06-08', allDay: true, repeat: null, action: 'create' });
    expect(preview.sample[4]).toMatchObject({ title: 'Recurring event', repeat: 'Every week on Wed' });
    expect(rows()).toEqual([]);
    expect(t.events).toEqual([]);

    const report = await t.call('schedule.importRun', { path: NEXTCLOUD });
    expect(report).toMatchObject({ fileName: 'nextcloud-multiple-allday-recurring.ics', status: 'done', created: 6, updated: 0, skipped: 0, rejected: 0, notes: [] });
    expect(rows().map((r) => r.title)).toEqual(['Event 4', 'Event 1', 'Event 3', 'Event 2', 'Recurring event', 'Event 5']);
    const steps = progress();
    expect(steps[0]).toMatchObject({ importId: report.importId, processed: 0, total: 6, done: false });
    expect(steps.at(-1)).toMatchObject({ importId: report.importId, processed: 6, total: 6, done: true });
    expect(changes()).toEqual([{ name: 'data.changed', payload: { entity: 'appointment', action: 'created', ids: rows().map((r) => r.id) } }]);
    expect((await t.call('schedule.imports', {})).items).toEqual([report]);

    const before = rows();
    t.events.length = 0;
    await pick(NEXTCLOUD);
    expect(await t.call('schedule.importPreview', { path: NEXTCLOUD })).toMatchObject({ create: 0, update: 0, unchanged: 6 });
    const again = await t.call('schedule.importRun', { path: NEXTCLOUD });
    expect(again).toMatchObject({ status: 'done', created: 0, updated: 0, skipped: 6 });
    expect(again.notes.map((n) => [n.event, n.outcome, n.reason])).toContainEqual(['Event 4', 'skipped', 'already in the schedule, unchanged']);
    expect(rows()).toEqual(before);
    expect(changes()).toEqual([]);
  });

  it('reports each event it cannot import with its line, imports the rest, and updates a changed one by UID', async () => {
    const file = join(t.dataDir, 'mixed.ics');
    writeFileSync(file, calendar([vevent('a@x', 'Quote review'), ['BEGIN:VEVENT', 'UID:b@x', 'SUMMARY:No start', 'END:VEVENT'].join('\r\n'), vevent('a@x', 'Twice')]));
    await pick(file);
    const preview = await t.call('schedule.importPreview', { path: file });
    expect(preview).toMatchObject({ events: 1, create: 1 });
    expect(preview.problems).toEqual([{ event: 'No start', line: 11, reason: expect.stringContaining('DTSTART') }]);
    // A second event with the same UID is left out by the parser, and said so.
    expect(preview.warnings).toEqual([{ event: 'Twice', line: 15, reason: expect.stringMatching(/same UID/) }]);
    const report = await t.call('schedule.importRun', { path: file });
    expect(report).toMatchObject({ created: 1, skipped: 0, rejected: 1 });
    expect(report.notes).toEqual([
      { event: 'No start', line: 11, reason: expect.stringContaining('DTSTART'), outcome: 'rejected' },
      { event: 'Twice', line: 15, reason: expect.stringMatching(/same UID/), outcome: 'warning' },
    ]);

    writeFileSync(file, calendar([vevent('a@x', 'Quote review', '20261125T150000Z')]));
    await pick(file);
    expect((await t.call('schedule.importPreview', { path: file })).sample[0]).toMatchObject({ action: 'update', startsAt: '2026-11-25T15:00:00.000Z' });
    expect(await t.call('schedule.importRun', { path: file })).toMatchObject({ created: 0, updated: 1 });
    expect(rows()[0]).toMatchObject({ starts_at: '2026-11-25T15:00:00.000Z', ends_at: '2026-11-25T16:00:00.000Z' });
  });
});

describe('undo', () => {
  it('removes what the import created, puts back what it changed, and keeps what was edited since', async () => {
    const file = join(t.dataDir, 'undo.ics');
    writeFileSync(file, calendar([vevent('keep@x', 'Kept'), vevent('edit@x', 'Edited later')]));
    await pick(file);
    await t.call('schedule.importRun', { path: file });
    const original = rows();

    writeFileSync(file, calendar([vevent('keep@x', 'Kept', '20261126T090000Z'), vevent('edit@x', 'Edited later'), vevent('new@x', 'New one'), vevent('typed@x', 'Typed over')]));
    t.clock.advance(60_000);
    await pick(file);
    const second = await t.call('schedule.importRun', { path: file });
    expect(second).toMatchObject({ created: 2, updated: 1, skipped: 1 });
    // The user edits one the second import created.
    t.clock.advance(60_000);
    const typed = rows().find((r) => r.uid === 'typed@x')!;
    await t.call('appointments.update', { id: typed.id as string, title: 'Typed over by hand' });

    t.events.length = 0;
    const undone = await t.call('schedule.importUndo', { importId: second.importId });
    expect(undone).toMatchObject({ removed: 2, restored: 1, kept: 0, report: { status: 'undone' } });
    expect(rows().filter((r) => r.deleted_at === null).map((r) => r.title)).toEqual(['Kept', 'Edited later']);
    expect(rows().find((r) => r.uid === 'keep@x')).toEqual(original[0]);
    // The edited one is in Trash, not gone.
    expect(rows().find((r) => r.uid === 'typed@x')).toMatchObject({ title: 'Typed over by hand', deleted_at: expect.any(String) });
    expect(changes()).toHaveLength(1);
    expect((await t.fail('schedule.importUndo', { importId: second.importId })).code).toBe('CONFLICT');
  });
});

describe('cancel and failure', () => {
  const many = (n: number) => calendar(Array.from({ length: n }, (_, i) => vevent(`e${i}@x`, `Event ${i}`, `2026${String(1 + (i % 12)).padStart(2, '0')}10T090000Z`)));

  it('Cancel stops between batches and keeps what was imported, which Undo removes', async () => {
    const file = join(t.dataDir, 'many.ics');
    writeFileSync(file, many(1000));
    await pick(file);
    let cancelled: Promise<unknown> | null = null;
    t.core.events.subscribe((name, payload) => {
      const p = payload as { importId: string; processed: number };
      if (name === 'schedule.importProgress' && p.processed > 0 && !cancelled) cancelled = t.call('schedule.importCancel', { importId: p.importId });
    });
    const report = await t.call('schedule.importRun', { path: file });
    expect(await cancelled).toEqual({ cancelling: true });
    expect(report.status).toBe('cancelled');
    expect(report.created).toBeGreaterThan(0);
    expect(report.created).toBeLessThan(1000);
    expect(rows()).toHaveLength(report.created);
    expect(await t.call('schedule.importCancel', { importId: report.importId })).toEqual({ cancelling: false });
    await t.call('schedule.importUndo', { importId: report.importId });
    expect(rows()).toEqual([]);
  });

  it('a batch that cannot be saved is rolled back; the report says where it stopped', async () => {
    const file = join(t.dataDir, 'many.ics');
    writeFileSync(file, many(300));
    await pick(file);
    sqlite.exec(`CREATE TRIGGER fail_late BEFORE INSERT ON appointments WHEN NEW.uid = 'e250@x' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const report = await t.call('schedule.importRun', { path: file });
    expect(report).toMatchObject({ status: 'failed', created: 200 });
    expect(rows()).toHaveLength(200);
    expect(report.notes.at(-1)).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(/stopped here/) });
    expect(JSON.stringify(report)).not.toMatch(/disk full/);
    expect(t.logger.lines.some((l) => l.level === 'error')).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('e250@x');
  });
});
