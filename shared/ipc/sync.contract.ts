// Sync's part of the contract (issue #24): CardDAV/CalDAV accounts, runs, status and conflict cards.
// contract.ts spreads this in; events.ts spreads syncEvents. Imports zod and shared/ only.
import { z } from 'zod';
import { Id } from '../domain/fields';
import { SyncAccount, SyncAccountAdd, SyncAccountStatus, SyncAccountUpdate, SyncConflict, SyncConflictResolve, SyncDiscoverInput, SyncDiscovery, SyncProgress, SyncReport } from '../domain/sync';
import type { SyncChannel } from './sync.channels';
import { ById, Empty } from './shapes';

export const syncContract = {
  'sync.accounts.list': { input: Empty, output: z.object({ accounts: z.array(SyncAccount) }) },
  /** Checks the server and the password, makes any collection asked for, keeps the password in the secret store. */
  'sync.accounts.add': { input: SyncAccountAdd, output: SyncAccount },
  'sync.accounts.update': { input: SyncAccountUpdate, output: SyncAccount },
  /** Forgets the account, its sync state and its password; nothing in Rapport or on the server is deleted. */
  'sync.accounts.remove': { input: ById, output: z.object({ ok: z.literal(true) }) },
  /** /.well-known, principal and home sets: the address books and calendars this login can use. */
  'sync.discover': { input: SyncDiscoverInput, output: SyncDiscovery },
  /** Syncs one account (or every enabled one) now and reports; progress arrives as sync.progress. */
  'sync.now': { input: z.strictObject({ accountId: Id.optional() }), output: z.object({ reports: z.array(SyncReport) }) },
  /** Each account's state; `pending` also counts the changes waiting to be sent (the Sync page asks, the badge does not). */
  'sync.status': { input: z.strictObject({ pending: z.boolean().optional() }), output: z.object({ accounts: z.array(SyncAccountStatus) }) },
  'sync.conflicts.list': { input: z.strictObject({ accountId: Id.optional() }), output: z.object({ conflicts: z.array(SyncConflict) }) },
  /** Applies the choices here and sends the result to the server (If-Match); a new clash gives a new card. */
  'sync.conflicts.resolve': { input: SyncConflictResolve, output: z.object({ ok: z.literal(true) }) },
} as const satisfies Record<SyncChannel, { input: z.ZodType; output: z.ZodType }>;

export const syncEvents = {
  'sync.progress': SyncProgress,
  /** A new conflict card: the window shows it on the sync status. */
  'sync.conflict': z.object({ accountId: z.string(), conflictId: z.string() }),
};
