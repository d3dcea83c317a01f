// Opens the whole main-process backend on plain Node: store, migrations, services, dispatcher, events.
// Electron main, the web harness, tests and benchmarks all start here. Never imports `electron`.
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Result } from '../../shared/ipc/errors';
import { migrate, SchemaTooNewError, type MigrateResult } from '../db/migrator';
import { openStore, type Store } from '../db/store';
import { systemClock, type Clock } from './clock';
import { createDispatcher, type Handlers } from './dispatcher';
import { EventBus } from './events';
import { sweepStaleExports } from './export-file';
import { consoleLogger, type Logger } from './logger';
import { createActivitiesModule } from './activities/module';
import { createBackupsEngine } from './backups/engine';
import { createBackupsModule } from './backups/module';
import type { Reminders } from './activities/reminders';
import { createCompaniesModule } from './companies/module';
import { createContactsModule } from './contacts/module';
import { createDataModule } from './data/module';
import { createHold, type Hold } from './data/hold';
import { createDocumentsModule } from './documents/module';
import { createEmailModule } from './email/module';
import { createFilesModule } from './files/module';
import { createImportExportModule } from './import-export/module';
import { createJobsModule } from './jobs/module';
import { pickedFiles, type FeatureContext, type PickedFiles } from './modules';
import type { Platform } from './platform';
import { createReportsModule } from './reports/module';
import type { AppointmentReminders } from './schedule/reminders';
import { createScheduleModule } from './schedule/module';
import { createSearchModule } from './search/module';
import { createTrashModule } from './trash/module';
import { createFieldsModule } from './fields/module';
import { createDuplicatesModule } from './duplicates/module';
import { createMergesModule } from './merges/module';
import { createQualityModule } from './quality/module';
import { createConsentModule } from './consent/module';
import { createPrivacyModule } from './privacy/module';
import { createRetentionModule } from './retention/module';
import { createCasesModule } from './cases/module';
import { createServiceModule } from './service/module';
import { createProductsModule } from './products/module';
import { createQuotesModule } from './quotes/module';
import { createInvoicesModule } from './invoices/module';
import { createSalesModule } from './sales/module';
import { createSyncModule } from './sync/module';
import { checkStoreWritable, inspectStoreAtStart, startupProblemOf } from './startup-checks';
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
  platform: Platform;  /** How long a write waits for another program's lock on the data file (default 5 s; tests shorten it). */
  busyTimeoutMs?: number;
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
  /** The data file's connections, for tests that put the store in a bad state (a full disk without a small tmpfs). */
  store: Store;
  /** Files the user chose this session; Electron main adds files dropped on the window (a drop is a choice). */
  picks: Pick<PickedFiles, 'add'>;
  /** Takes the backup on quit (when something changed): Electron main and the harness await it before close(). */
  beforeQuit(): Promise<void>;
  close(): void;
}

/**
 * Throws SchemaTooNewError (file untouched) when the data file comes from a newer Rapport, and a StartupProblem
 * when the file cannot be used as it is (another Rapport has the folder, read-only, locked, full, damaged, unknown
 * shape): startup.ts turns either into a screen.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  let store: Store;
  try {
    store = openStore(options.dataDir, {
      ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
      inspect: (sqlite) => inspectStoreAtStart(sqlite, options.dataDir),
    });
  } catch (error) {
    throw startupProblemOf(error, options.dataDir) ?? error;
  }
  const { db } = store;
  let migration: MigrateResult;
  const backups = createBackupsEngine({ store, dataDir: options.dataDir, clock, logger, newId: uuidv7 });
  try {
    checkStoreWritable(store.sqlite);
    migration = await migrate(store.sqlite, db, { backupDir: join(options.dataDir, 'backups'), now: () => clock.now(), backup: () => backups.beforeMigration() });
  } catch (error) {
    store.close();
    throw error instanceof SchemaTooNewError ? error : (startupProblemOf(error, options.dataDir) ?? error);
  }
  if (migration.applied.length > 0) logger.info(`applied migrations ${migration.applied.join(', ')}`, { backup: migration.backupPath });
  sweepStaleExports(options.dataDir, logger);

  const events = new EventBus();
  const deps = { db, clock, events, newId: uuidv7 };
  const { platform } = options;
  const picks = pickedFiles();
  // Moving the data folder holds every other call until it is done (see data/hold.ts).
  const hold = createHold();
  backups.connect(events, platform);
  const modules = createModules({ deps, store, dataDir: options.dataDir, platform, picks, logger, backups }, hold);
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
    ...modules.data.handlers,
    ...modules.backups.handlers,
    ...modules.trash.handlers,
    ...modules.fields.handlers,
    ...modules.duplicates.handlers,
    ...modules.merges.handlers,
    ...modules.quality.handlers,
    ...modules.consent.handlers,
    ...modules.privacy.handlers,
    ...modules.retention.handlers,
    ...modules.cases.handlers,
    ...modules.service.handlers,
    ...modules.products.handlers,
    ...modules.quotes.handlers,
    ...modules.invoices.handlers,
    ...modules.sales.handlers,
    ...modules.sync.handlers,
  };
  const dispatch = hold.guard(createDispatcher(handlers, logger, { dataDir: options.dataDir }));
  // One wake-up timer for both reminder loops: it sleeps until the earlier of their next due times.
  const reminderTimer = createWakeTimer([modules.activities.reminders, modules.schedule.reminders, modules.cases.reminders], { clock, events, logger });
  const background: { start?(): void; stop?(): void }[] = [reminderTimer];
  for (const module of Object.values(modules)) if ('start' in module || 'stop' in module) background.push(module);
  if (options.startReminders ?? true) {
    for (const module of background) module.start?.();
  }
  // Background work writes too: it stops while the data folder moves, and starts again if the move fails.
  hold.onChange((held) => {
    for (const module of background) {
      if (held) module.stop?.();
      else if (options.startReminders ?? true) module.start?.();
    }
  });
  let closed = false;
  return {
    dispatch,
    events,
    picks,
    dataDir: options.dataDir,
    migration,
    reminders: modules.activities.reminders,
    appointmentReminders: modules.schedule.reminders,
    platform,
    modules,
    store,
    beforeQuit: () => modules.backups.beforeQuit(),
    close() {
      if (closed) return;
      closed = true;
      for (const module of background) module.stop?.();
      store.close();
    },
  };
}

function createModules(ctx: FeatureContext, hold: Hold) {
  const documents = createDocumentsModule(ctx);
  const email = createEmailModule(ctx);
  return {
    contacts: createContactsModule(ctx),
    companies: createCompaniesModule(ctx),
    activities: createActivitiesModule(ctx),
    jobs: createJobsModule(ctx),
    schedule: createScheduleModule(ctx),
    search: createSearchModule(ctx),
    files: createFilesModule(ctx),
    importExport: createImportExportModule(ctx),
    email,
    documents,
    reports: createReportsModule(ctx),
    data: createDataModule(ctx, hold),
    backups: createBackupsModule(ctx),
    trash: createTrashModule(ctx, documents.service),
    fields: createFieldsModule(ctx),
    duplicates: createDuplicatesModule(ctx),
    merges: createMergesModule(ctx),
    quality: createQualityModule(ctx),
    consent: createConsentModule(ctx),
    privacy: createPrivacyModule(ctx),
    retention: createRetentionModule(ctx),
    cases: createCasesModule(ctx, email.outbox),
    service: createServiceModule(ctx),
    products: createProductsModule(ctx),
    quotes: createQuotesModule(ctx, email.outbox),
    invoices: createInvoicesModule(ctx, email.outbox),
    sales: createSalesModule(ctx),
    sync: createSyncModule(ctx),
  };
}
