// Opens the whole main-process backend on plain Node: store, migrations, services, dispatcher, events.
// Electron main, the web harness, tests and benchmarks all start here. Never imports `electron`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Result } from '../../shared/ipc/errors';
import { createKysely, openSqlite } from '../db/connection';
import { migrate, type MigrateResult } from '../db/migrator';
import { systemClock, type Clock } from './clock';
import { createDispatcher } from './dispatcher';
import { EventBus } from './events';
import { createHandlers } from './handlers';
import { consoleLogger, type Logger } from './logger';
import { createReminders, type Reminders } from './reminders';
import { createAppointmentReminders, type AppointmentReminders } from './appointments.service';

export const DB_FILE = 'rapport.sqlite';

export interface CoreOptions {
  /** Folder that holds rapport.sqlite and backups/ (later documents/). Created if missing. */
  dataDir: string;
  clock?: Clock;
  logger?: Logger;
  /** Start the reminder timer (default true). Tests pass false and call reminders.tick() after moving the clock. */
  startReminders?: boolean;
}

export interface Core {
  /** Validates input against the contract, runs the handler, returns the output or an error envelope. Never throws. */
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
  events: EventBus;
  dataDir: string;
  migration: MigrateResult;
  reminders: Reminders;
  appointmentReminders: AppointmentReminders;
  close(): void;
}

/** Throws SchemaTooNewError (file untouched) when the data file comes from a newer Rapport. */
export async function openCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  mkdirSync(options.dataDir, { recursive: true });
  const sqlite = openSqlite(join(options.dataDir, DB_FILE));
  const db = createKysely(sqlite);
  let migration: MigrateResult;
  try {
    migration = await migrate(sqlite, db, { backupDir: join(options.dataDir, 'backups'), now: () => clock.now() });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  if (migration.applied.length > 0) logger.info(`applied migrations ${migration.applied.join(', ')}`, { backup: migration.backupPath });

  const events = new EventBus();
  const dispatch = createDispatcher(createHandlers({ db, clock, events, newId: uuidv7 }, { dataDir: options.dataDir }), logger);
  const reminders = createReminders({ db, clock, events }, logger);
  const appointmentReminders = createAppointmentReminders({ db, clock, events }, logger);
  if (options.startReminders ?? true) {
    reminders.start();
    appointmentReminders.start();
  }
  let closed = false;
  return {
    dispatch,
    events,
    dataDir: options.dataDir,
    migration,
    reminders,
    appointmentReminders,
    close() {
      if (closed) return;
      closed = true;
      reminders.stop();
      appointmentReminders.stop();
      sqlite.close();
    },
  };
}
