// Opens the whole main-process backend on plain Node: store, migrations, services, dispatcher, events.
// Electron main, the web harness, tests and benchmarks all start here. Never imports `electron`.
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Result } from '../../shared/ipc/errors';
import { migrate, type MigrateResult } from '../db/migrator';
import { openStore } from '../db/store';
import { systemClock, type Clock } from './clock';
import { createDispatcher, type Handlers } from './dispatcher';
import { EventBus } from './events';
import { consoleLogger, type Logger } from './logger';
import { createActivitiesModule } from './activities/module';
import type { Reminders } from './activities/reminders';
import { createCompaniesModule } from './companies/module';
import { createContactsModule } from './contacts/module';
import { createDocumentsModule } from './documents/module';
import { createEmailModule } from './email/module';
import { createFilesModule } from './files/module';
import { createImportExportModule } from './import-export/module';
import { createJobsModule } from './jobs/module';
import { pickedFiles, type FeatureContext } from './modules';
import type { Platform } from './platform';
import { createReportsModule } from './reports/module';
import type { AppointmentReminders } from './schedule/reminders';
import { createScheduleModule } from './schedule/module';
import { createSearchModule } from './search/module';
import { createWakeTimer } from './wake-timer';

export { DB_FILE } from '../db/connection';

export interface CoreOptions {
  /** Folder that holds rapport.sqlite and backups/ (later documents/). Created if missing. */
  dataDir: string;
  clock?: Clock;
  logger?: Logger;
  /** Start the reminder timer (default true). Tests pass false and call reminders.tick() after moving the clock. */
  startReminders?: boolean;
  /** Dialogs, secrets, printing: Electron main passes the real ones, the harness and tests electron/harness/platform.ts. */
  platform: Platform;
}

export interface Core {
  /** Validates input against the contract, runs the handler, returns the output or an error envelope. Never throws. */
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
  events: EventBus;
  dataDir: string;
  migration: MigrateResult;
  reminders: Reminders;
  appointmentReminders: AppointmentReminders;
  platform: Platform;
  /** The features' modules, for tests that drive their background work by hand. */
  modules: ReturnType<typeof createModules>;
  close(): void;
}

/** Throws SchemaTooNewError (file untouched) when the data file comes from a newer Rapport. */
export async function openCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const store = openStore(options.dataDir);
  const { db } = store;
  let migration: MigrateResult;
  try {
    migration = await migrate(store.sqlite, db, { backupDir: join(options.dataDir, 'backups'), now: () => clock.now() });
  } catch (error) {
    store.close();
    throw error;
  }
  if (migration.applied.length > 0) logger.info(`applied migrations ${migration.applied.join(', ')}`, { backup: migration.backupPath });

  const events = new EventBus();
  const deps = { db, clock, events, newId: uuidv7 };
  const { platform } = options;
  const picks = pickedFiles();
  const modules = createModules({ deps, store, dataDir: options.dataDir, platform, picks, logger });
  // Spelled out rather than merged in a loop, so a channel without a handler does not compile.
  const handlers: Handlers = {
    ...modules.contacts.handlers,
    ...modules.companies.handlers,
    ...modules.activities.handlers,
    ...modules.jobs.handlers,
    ...modules.schedule.handlers,
    ...modules.search.handlers,
    ...modules.files.handlers,
    ...modules.importExport.handlers,
    ...modules.email.handlers,
    ...modules.documents.handlers,
    ...modules.reports.handlers,
  };
  const dispatch = createDispatcher(handlers, logger);
  // One wake-up timer for both reminder loops: it sleeps until the earlier of their next due times.
  const reminderTimer = createWakeTimer([modules.activities.reminders, modules.schedule.reminders], { clock, events, logger });
  const background: { start?(): void; stop?(): void }[] = [reminderTimer];
  for (const module of Object.values(modules)) if ('start' in module || 'stop' in module) background.push(module);
  if (options.startReminders ?? true) {
    for (const module of background) module.start?.();
  }
  let closed = false;
  return {
    dispatch,
    events,
    dataDir: options.dataDir,
    migration,
    reminders: modules.activities.reminders,
    appointmentReminders: modules.schedule.reminders,
    platform,
    modules,
    close() {
      if (closed) return;
      closed = true;
      for (const module of background) module.stop?.();
      store.close();
    },
  };
}

function createModules(ctx: FeatureContext) {
  return {
    contacts: createContactsModule(ctx),
    companies: createCompaniesModule(ctx),
    activities: createActivitiesModule(ctx),
    jobs: createJobsModule(ctx),
    schedule: createScheduleModule(ctx),
    search: createSearchModule(ctx),
    files: createFilesModule(ctx),
    importExport: createImportExportModule(ctx),
    email: createEmailModule(ctx),
    documents: createDocumentsModule(ctx),
    reports: createReportsModule(ctx),
  };
}
