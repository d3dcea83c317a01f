// The backups feature's part of the contract: versioned backups of the data file, a second place, restore
// (whole or one record) and a read-only look into a backup. contract.ts and events.ts spread these in. Imports zod.
import { z } from 'zod';
import { Id, text } from '../domain/fields';
import type { BackupsChannel } from './backups.channels';

export const BackupReason = z.enum([
  'hourly', 'quit', 'manual', 'before-migration', 'before-import', 'before-undo-import', 'before-restore',
  'before-merge', 'before-erase', 'before-empty-trash', 'before-delete-for-good', 'before-field-change',
]);
export type BackupReason = z.infer<typeof BackupReason>;

export const BackupCounts = z.object({
  contacts: z.number().int(),
  companies: z.number().int(),
  jobs: z.number().int(),
  activities: z.number().int(),
  documents: z.number().int(),
});
export type BackupCounts = z.infer<typeof BackupCounts>;

/** Where a backup's copy in the second place stands: `off` when no second place is set. */
export const SecondPlaceState = z.object({
  state: z.enum(['off', 'copied', 'missing', 'different', 'failed']),
  message: z.string().nullable(),
});
export type SecondPlaceState = z.infer<typeof SecondPlaceState>;

export const Backup = z.object({
  id: z.string(),
  createdAt: z.string(),
  reason: BackupReason,
  /** The data file's copy plus the documents it needs (each counted once). */
  bytes: z.number().int(),
  documentsBytes: z.number().int(),
  counts: BackupCounts,
  /** The last migration the copy has: a backup from a newer Rapport is refused on restore. */
  schemaVersion: z.string(),
  status: z.enum(['ok']),
  secondPlace: SecondPlaceState,
});
export type Backup = z.infer<typeof Backup>;

export const BackupSettings = z.object({
  hourly: z.boolean(),
  capGb: z.number(),
  secondFolder: z.string().nullable(),
  encrypt: z.boolean(),
  passphraseSaved: z.boolean(),
  /** False where the system secret store cannot protect the passphrase (tell the user). */
  secretsSecure: z.boolean(),
  secondPlace: SecondPlaceState,
});
export type BackupSettings = z.infer<typeof BackupSettings>;

export const BackupContactRow = z.object({ id: z.string(), name: z.string(), email: z.string().nullable(), deleted: z.boolean() });
export const BackupContactView = z.object({
  id: z.string(),
  name: z.string(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  notes: z.string().nullable(),
  deleted: z.boolean(),
  /** Whether a record with this id is in the current store (a restore then makes a copy). */
  existsNow: z.boolean(),
  activities: z.array(z.object({ occurredAt: z.string(), type: z.string(), subject: z.string().nullable() })),
  tasks: z.array(z.object({ title: z.string(), dueAt: z.string().nullable(), done: z.boolean() })),
  jobs: z.array(z.object({ id: z.string(), title: z.string(), amountMinor: z.number().int().nullable(), currency: z.string().nullable() })),
  documents: z.array(z.object({ name: z.string(), size: z.number().int() })),
});
export type BackupContactView = z.infer<typeof BackupContactView>;

export const BackupOpenInput = z.strictObject({
  id: Id,
  search: text().trim().max(200, { message: 'Must be at most 200 characters' }).optional(),
  contactId: Id.optional(),
});

export const RestoreRecordInput = z.strictObject({ id: Id, type: z.enum(['contact', 'job']), recordId: Id });
export const RestoreRecordResult = z.object({
  /** `original`: brought back under its own ids; `copy`: the id exists now, so a copy with new ids was made. */
  mode: z.enum(['original', 'copy']),
  recordId: z.string(),
  counts: z.object({ activities: z.number().int(), tasks: z.number().int(), jobs: z.number().int(), documents: z.number().int() }),
});
export type RestoreRecordResult = z.infer<typeof RestoreRecordResult>;

export const BackupSettingsUpdate = z.strictObject({
  hourly: z.boolean().optional(),
  capGb: z.number({ message: 'Must be a number' }).min(0.1, { message: 'Must be at least 0.1 GB' }).max(10000, { message: 'Must be at most 10000 GB' }).optional(),
  /** A folder chosen with files.pick (directory mode); null removes the second place. */
  secondFolder: text().max(4000, { message: 'Must be at most 4000 characters' }).nullable().optional(),
  encrypt: z.boolean().optional(),
  /** Kept only in the system secret store; any characters are allowed. */
  passphrase: text().min(8, { message: 'Must be at least 8 characters' }).max(1000, { message: 'Must be at most 1000 characters' }).optional(),
});

export const backupsContract = {
  'backups.list': {
    input: z.strictObject({}),
    output: z.object({ items: z.array(Backup), backupsFolder: z.string(), secondPlace: SecondPlaceState }),
  },
  'backups.create': { input: z.strictObject({}), output: z.object({ backup: Backup, unchanged: z.boolean() }) },
  'backups.open': {
    input: BackupOpenInput,
    output: z.object({ backup: Backup, contacts: z.array(BackupContactRow), contact: BackupContactView.nullable() }),
  },
  'backups.restore': { input: z.strictObject({ id: Id }), output: z.object({ restored: Backup, undo: Backup }) },
  'backups.restoreRecord': { input: RestoreRecordInput, output: RestoreRecordResult },
  'backups.settings.get': { input: z.strictObject({}), output: BackupSettings },
  'backups.settings.update': { input: BackupSettingsUpdate, output: BackupSettings },
} as const satisfies Record<BackupsChannel, { input: z.ZodType; output: z.ZodType }>;

export const backupsEvents = {
  /** A backup or restore is under way, done or failed: the Backups page shows it; `restored` means reload all data. */
  'backups.progress': z.object({
    phase: z.enum(['copying', 'checking', 'documents', 'second-place', 'restoring', 'done', 'restored', 'failed']),
    reason: BackupReason,
    percent: z.number(),
    message: z.string().nullable(),
  }),
} as const satisfies Record<string, z.ZodType>;
