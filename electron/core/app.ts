// Opens the whole main-process backend on plain Node: store, migrations, services, dispatcher, events.
// Electron main, the web harness, tests and benchmarks all start here. Never imports `electron`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Result } from '../../shared/ipc/errors';
import { createKysely, DB_FILE, openSqlite } from '../db/connection';
import { migrate, type MigrateResult } from '../db/migrator';
import { systemClock, type Clock } from './clock';
import { createDispatcher } from './dispatcher';
import { EventBus } from './events';
import { createHandlers } from './handlers';
import { consoleLogger, type Logger } from './logger';
import { createReminders, type Reminders } from './reminders';
import { createAppointmentReminders, type AppointmentReminders } from './appointments.service';
import { createDocumentsModule } from './documents/module';
import { createEmailModule } from './email/module';
import { pickedFiles, type FeatureContext } from './modules';
import { harnessPlatform, type FileFilter, type Platform } from './platform';
import type { ChannelParsedInput } from '../../shared/ipc/contract';
import { createReportsModule } from './reports/module';
import { createTransferModule } from './transfer/module';

export { DB_FILE } from '../db/connection';

export interface CoreOptions {
  /** Folder that holds rapport.sqlite and backups/ (later documents/). Created if missing. */
  dataDir: string;
  clock?: Clock;
  logger?: Logger;
  /** Start the reminder timer (default true). Tests pass false and call reminders.tick() after moving the clock. */
  startReminders?: boolean;
  /** Dialogs, secrets, printing. Default: the harness's stand-ins (see platform.ts); Electron main passes its own. */
  platform?: Platform;
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
  const deps = { db, clock, events, newId: uuidv7 };
  const platform = options.platform ?? harnessPlatform(options.dataDir);
  const picks = pickedFiles();
  const modules = createModules({ deps, dataDir: options.dataDir, platform, picks, logger });
  const dispatch = createDispatcher(
    {
      ...createHandlers(deps, { dataDir: options.dataDir }),
      async 'files.pick'({ purpose, multiple, directory }) {
        const paths = await platform.pickFiles({ multiple, directory, filters: PICK_FILTERS[purpose] });
        picks.add(paths);
        return { paths };
      },
      ...modules.transfer.handlers,
      ...modules.email.handlers,
      ...modules.documents.handlers,
      ...modules.reports.handlers,
    },
    logger,
  );
  const reminders = createReminders({ db, clock, events }, logger);
  const appointmentReminders = createAppointmentReminders({ db, clock, events }, logger);
  const background = Object.values(modules);
  if (options.startReminders ?? true) {
    reminders.start();
    appointmentReminders.start();
    for (const module of background) module.start?.();
  }
  let closed = false;
  return {
    dispatch,
    events,
    dataDir: options.dataDir,
    migration,
    reminders,
    appointmentReminders,
    platform,
    modules,
    close() {
      if (closed) return;
      closed = true;
      reminders.stop();
      appointmentReminders.stop();
      for (const module of background) module.stop?.();
      sqlite.close();
    },
  };
}

const PICK_FILTERS: Record<ChannelParsedInput<'files.pick'>['purpose'], FileFilter[] | undefined> = {
  import: [{ name: 'Contacts (CSV, vCard)', extensions: ['csv', 'txt', 'vcf', 'vcard'] }],
  eml: [{ name: 'Email messages', extensions: ['eml'] }],
  attachment: undefined,
  document: undefined,
};

function createModules(ctx: FeatureContext) {
  return {
    transfer: createTransferModule(ctx),
    email: createEmailModule(ctx),
    documents: createDocumentsModule(ctx),
    reports: createReportsModule(ctx),
  };
}
