// The schedule's services on a real SQLite file in a temp dir, built the way electron/core/app.ts builds deps,
// so reminders and ics can be driven directly (`service` is the appointments service and the iCalendar transfer). Calls go through the contract's zod schemas, as the
// dispatcher would send them; the only fake is the clock.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { createAppointmentsService } from '../../electron/core/schedule/appointments';
import { createCalendarImport } from '../../electron/core/schedule/ics-import';
import { createIcsTransfer } from '../../electron/core/schedule/ics-transfer';
import { memoryLogger } from '../../electron/core/logger';
import { createAppointmentReminders } from '../../electron/core/schedule/reminders';
import { manualClock } from '../../electron/core/clock';
import { EventBus } from '../../electron/core/events';
import { createKysely, openSqlite } from '../../electron/db/connection';
import { migrate } from '../../electron/db/migrator';
import { migrations } from '../../electron/db/migrations';
import { contract, type Channel, type ChannelInput } from '../../shared/ipc/contract';
import type { EventName } from '../../shared/ipc/events';
import { AppError } from '../../shared/ipc/errors';
import { tempDir } from './core';


export async function openSchedule(options: { start?: string } = {}) {
  const dataDir = tempDir();
  const sqlite = openSqlite(join(dataDir, 'rapport.sqlite'));
  const db = createKysely(sqlite);
  const clock = manualClock(options.start ?? '2026-11-22T09:00:00.000Z');
  await migrate(sqlite, db, { backupDir: join(dataDir, 'backups'), now: () => clock.now(), migrations });
  const events = new EventBus();
  const seen: { name: EventName; payload: unknown }[] = [];
  events.subscribe((name, payload) => seen.push({ name, payload }));
  const deps = { db, clock, events, newId: uuidv7 };
  const service = { ...createAppointmentsService(deps), ...createIcsTransfer(deps) };
  const reminders = createAppointmentReminders(deps);
  // Every path counts as picked here: the open-dialog rule is tests/core/schedule-import.test.ts's to check.
  const calendarImport = createCalendarImport({ deps, picks: { add: () => undefined, has: () => true }, logger: memoryLogger() });

  /** Runs a calendar import of `path` and sums it up: what was created, updated, skipped, and each event not imported. */
  async function importIcs(path: string) {
    const report = await calendarImport.run({ path });
    const errors = report.notes.filter((n) => n.outcome !== 'warning' && !n.reason.startsWith('already in the schedule')).map((n) => ({ event: n.event, reason: n.reason }));
    return { created: report.created, updated: report.updated, skipped: report.skipped + report.rejected - errors.length, errors };
  }

  /** Parses the input with the channel's schema (as the dispatcher does), so defaults and trimming apply. */
  const parse = <C extends Channel>(channel: C, input: ChannelInput<C>) => contract[channel].input.parse(input) as never;

  function addContact(name: string): string {
    const id = uuidv7();
    sqlite.prepare(`INSERT INTO contacts (id, display_name, sort_name, sort_last, created_at, updated_at) VALUES (?, ?, ?, ?, 't', 't')`).run(id, name, name.toLowerCase(), name.toLowerCase());
    return id;
  }

  return {
    dataDir,
    sqlite,
    db,
    clock,
    events: seen,
    service,
    reminders,
    calendarImport,
    importIcs,
    parse,
    addContact,
    create: (input: ChannelInput<'appointments.create'>) => service.create(parse('appointments.create', input)),
    update: (input: ChannelInput<'appointments.update'>) => service.update(parse('appointments.update', input)),
    list: (from: string, to: string) => service.list(parse('appointments.list', { from, to })).then((r) => r.items),
    destroy() {
      sqlite.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Schedule = Awaited<ReturnType<typeof openSchedule>>;

/** The AppError a service call fails with; fails the test if it succeeds or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}
