// Sync with the user's own CardDAV/CalDAV server (issue #24): accounts, what the server offers, status and conflict
// cards. Imports zod and shared/ only. Hrefs are server paths ("/trader/contacts/"), as the server lists them.
import { z } from 'zod';
import { Id, text } from './fields';

const ServerUrl = text()
  .trim()
  .min(1, { message: 'Enter the server address' })
  .max(500)
  // shared/ has no URL global (no DOM or Node types): a scheme and a host are what the transport needs.
  .regex(/^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i, { message: 'Enter the server address as https://… (for example https://cloud.example.com)' });
const UserName = text().trim().min(1, { message: 'Enter your user name on the server' }).max(200);
const Password = text().min(1, { message: 'Enter the password (or an app password)' }).max(500);
const Href = text().min(1).max(1000).regex(/^\//, { message: 'Must be a path on the server' });

export const SyncCollectionKind = z.enum(['addressbook', 'calendar']);
export const CalendarComponent = z.enum(['VEVENT', 'VTODO', 'VJOURNAL']);

/** An address book or calendar the server offers. */
export const SyncCollection = z.object({
  href: z.string(),
  kind: SyncCollectionKind,
  displayName: z.string(),
  /** Calendars: what they take; empty when the server does not say (assume all). */
  components: z.array(CalendarComponent),
});
export type SyncCollection = z.infer<typeof SyncCollection>;

export const SyncDiscoverInput = z.strictObject({
  serverUrl: ServerUrl,
  username: UserName,
  /** Omitted when asking again for a saved account: its stored password is used. */
  password: Password.optional(),
  accountId: Id.optional(),
});

export const SyncDiscovery = z.object({
  addressBooks: z.array(SyncCollection),
  calendars: z.array(SyncCollection),
  /** Where new collections can be made; null when the server has no such home. */
  canCreateAddressBook: z.boolean(),
  canCreateCalendar: z.boolean(),
});
export type SyncDiscovery = z.infer<typeof SyncDiscovery>;

/**
 * Which collections an account syncs. Contacts go to one address book; appointments and follow-ups go to one calendar
 * each (they may be the same); `calendars` are every calendar read (the two above plus any others chosen).
 * `create*` makes a new collection with that display name instead of choosing one.
 */
const Choice = {
  addressBook: Href.nullable(),
  createAddressBook: text().trim().min(1).max(100).optional(),
  eventsCalendar: Href.nullable(),
  tasksCalendar: Href.nullable(),
  createCalendar: text().trim().min(1).max(100).optional(),
  /** Which of the two slots the new calendar fills (default: each one left null). */
  createCalendarFor: z.array(z.enum(['events', 'tasks'])).max(2).optional(),
  calendars: z.array(Href).max(50).default([]),
};

export const SyncAccountAdd = z.strictObject({
  name: text().trim().max(80).optional(),
  serverUrl: ServerUrl,
  username: UserName,
  password: Password,
  ...Choice,
});

export const SyncAccountUpdate = z.strictObject({
  id: Id,
  name: text().trim().min(1).max(80).optional(),
  /** A new password; omitted keeps the stored one. */
  password: Password.optional(),
  addressBook: Choice.addressBook.optional(),
  eventsCalendar: Choice.eventsCalendar.optional(),
  tasksCalendar: Choice.tasksCalendar.optional(),
  calendars: z.array(Href).max(50).optional(),
  /** Paused accounts neither push nor pull; changes wait. */
  enabled: z.boolean().optional(),
});

export const SyncAccount = z.object({
  id: z.string(),
  name: z.string(),
  serverUrl: z.string(),
  username: z.string(),
  hasPassword: z.boolean(),
  /** Where the password is kept, and whether that really protects it (Linux without a keyring does not). */
  secretStore: z.object({ backend: z.string(), secure: z.boolean() }),
  addressBook: SyncCollection.nullable(),
  eventsCalendar: SyncCollection.nullable(),
  tasksCalendar: SyncCollection.nullable(),
  calendars: z.array(SyncCollection),
  enabled: z.boolean(),
  createdAt: z.string(),
});
export type SyncAccount = z.infer<typeof SyncAccount>;

export const SyncState = z.enum(['idle', 'syncing', 'offline', 'error', 'paused']);
export type SyncState = z.infer<typeof SyncState>;

export const SyncAccountStatus = z.object({
  accountId: z.string(),
  name: z.string(),
  state: SyncState,
  lastSyncAt: z.string().nullable(),
  /** The last failure in the app's words (never the server's raw text). */
  lastError: z.string().nullable(),
  /**
   * Local changes not yet on the server (creates, edits, deletions); null unless asked for (sync.status { pending }).
   * Counting renders every synced record (0.6 s at 30,000), too much to redo on each edit for the sidebar's badge.
   */
  pendingChanges: z.number().int().nullable(),
  conflicts: z.number().int(),
  /** When the next automatic attempt is due (after a failure, with backoff). */
  nextAttemptAt: z.string().nullable(),
  /** Items on the server Rapport could not read (kept there untouched), with why; the first 20. */
  unreadable: z.array(z.object({ item: z.string(), reason: z.string() })),
});
export type SyncAccountStatus = z.infer<typeof SyncAccountStatus>;

export const SyncReport = z.object({
  accountId: z.string(),
  sent: z.number().int(),
  received: z.number().int(),
  deleted: z.number().int(),
  conflicts: z.number().int(),
  /** In the app's words; null when the run finished. */
  error: z.string().nullable(),
});
export type SyncReport = z.infer<typeof SyncReport>;

export const SyncRecordKind = z.enum(['contact', 'appointment', 'task']);
export type SyncRecordKind = z.infer<typeof SyncRecordKind>;

/**
 * bothEdited: the same fields changed here and on the server since the last sync (choose per field);
 * deletedHere: moved to Trash here but edited on the server (restore it here, or delete it there too);
 * deletedThere: deleted on the server but edited here (send it back, or move it to Trash here).
 */
export const SyncConflictKind = z.enum(['bothEdited', 'deletedHere', 'deletedThere']);

export const SyncConflictField = z.object({
  key: z.string(),
  label: z.string(),
  base: z.string().nullable(),
  local: z.string().nullable(),
  remote: z.string().nullable(),
});
export type SyncConflictField = z.infer<typeof SyncConflictField>;

export const SyncConflict = z.object({
  id: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  recordKind: SyncRecordKind,
  localId: z.string().nullable(),
  /** The record's name or title, to recognise it. */
  title: z.string(),
  kind: SyncConflictKind,
  fields: z.array(SyncConflictField),
  createdAt: z.string(),
});
export type SyncConflict = z.infer<typeof SyncConflict>;

export const SyncConflictResolve = z.strictObject({
  id: Id,
  /** bothEdited: which side wins, per field key; every clashing field must be chosen. */
  choices: z.record(text().max(200), z.enum(['local', 'remote'])).optional(),
  /** deletedHere / deletedThere: keep the edited record (on both sides) or delete it (on both sides). */
  action: z.enum(['keep', 'delete']).optional(),
});

export const SyncProgress = z.object({
  accountId: z.string(),
  phase: z.enum(['connecting', 'sending', 'receiving', 'done']),
  done: z.number().int(),
  total: z.number().int(),
});
