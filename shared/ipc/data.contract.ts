// The data domain's part of the contract: "Export everything" to one zip, moving the data folder, and the first
// run's welcome with its removable sample data. contract.ts and events.ts spread these in. Imports zod and
// shared/domain only.
import { z } from 'zod';
import { Id, text } from '../domain/fields';
import type { DataChannel } from './data.channels';

export const ExportAllStep = z.enum(['database', 'tables', 'contacts', 'schedule', 'documents', 'finishing']);
export const MoveStep = z.enum(['waiting', 'backup', 'database', 'files', 'verify', 'switch']);

export const ExportAllResult = z.object({
  /** The zip's path; null when the save dialog or the run was cancelled. */
  path: z.string().nullable(),
  cancelled: z.boolean(),
  bytes: z.number().int(),
  /** Tables written as CSV and their rows. */
  tables: z.number().int(),
  rows: z.number().int(),
  contacts: z.number().int(),
  events: z.number().int(),
  documents: z.number().int(),
  /** Documents whose stored file is missing (listed by name in the zip's README). */
  missingDocuments: z.number().int(),
});

export const MoveFolderResult = z.object({
  from: z.string(),
  to: z.string(),
  /** A check only: nothing was copied (what the confirmation shows). */
  dryRun: z.boolean(),
  moved: z.boolean(),
  /** The running app keeps no more changes: it must start again to open the new folder. */
  restartRequired: z.boolean(),
  files: z.number().int(),
  bytes: z.number().int(),
  /** Free space at the target, when the system says. */
  freeBytes: z.number().int().nullable(),
  /** The backup taken in the old folder before anything was copied. */
  backupPath: z.string().nullable(),
});

/** The sample records still in the store, by kind (what "Remove sample data" removes). */
export const SampleCounts = z.object({
  companies: z.number().int(),
  contacts: z.number().int(),
  jobs: z.number().int(),
  activities: z.number().int(),
  followUps: z.number().int(),
  appointments: z.number().int(),
});

export const SampleStatus = z.object({
  /** Show the welcome: the store holds nothing yet and the welcome was not dismissed. */
  welcome: z.boolean(),
  /** The sample records still here; null when no sample data was added (or it was removed). */
  sample: SampleCounts.nullable(),
});

export const dataContract = {
  'data.info': {
    input: z.strictObject({}),
    output: z.object({ folder: z.string(), databaseBytes: z.number().int(), documentsBytes: z.number().int(), documentFiles: z.number().int() }),
  },
  'data.exportAll': { input: z.strictObject({}), output: ExportAllResult },
  'data.cancel': { input: z.strictObject({ runId: Id }), output: z.object({ cancelling: z.boolean() }) },
  'data.moveFolder': {
    input: z.strictObject({ path: text().min(1, { message: 'Choose a folder' }).max(4096, { message: 'Path too long' }), dryRun: z.boolean().default(false) }),
    output: MoveFolderResult,
  },
  'data.sample.status': { input: z.strictObject({}), output: SampleStatus },
  'data.sample.add': { input: z.strictObject({}), output: SampleCounts },
  'data.sample.remove': { input: z.strictObject({}), output: SampleCounts },
  'data.welcome.dismiss': { input: z.strictObject({}), output: SampleStatus },
} as const satisfies Record<DataChannel, { input: z.ZodType; output: z.ZodType }>;

export const dataEvents = {
  /** An "Export everything" run moved on; the first names the run, so Cancel can stop it. */
  'data.exportProgress': z.object({ runId: z.string(), step: ExportAllStep, done: z.number(), total: z.number(), finished: z.boolean() }),
  /** Moving the data folder moved on (done and total count bytes in the copying steps). */
  'data.moveProgress': z.object({ step: MoveStep, done: z.number(), total: z.number() }),
  /** The data was copied to `to` and checked: the app must restart there (Electron main relaunches on it). */
  'data.folderMoved': z.object({ from: z.string(), to: z.string() }),
} as const satisfies Record<string, z.ZodType>;
