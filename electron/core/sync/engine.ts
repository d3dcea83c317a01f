// The sync engine (issue #24): one run per account at a time; per collection it sends this computer's changes first
// (so a 412 is met with a merge, not an overwrite), then receives the server's. A failure stops the account's run
// with the app's words saved for the status and a backoff for the next automatic attempt; what already went through
// is recorded item by item, so the next run picks up exactly where this one stopped.
import type { SyncReport, SyncState } from '../../../shared/domain/sync';
import { accountRow, collectionRows, objectRows, updateAccount, type AccountRow, type CollectionRow } from '../../db/sync.repo';
import type { ServiceDeps } from '../deps';
import type { Logger } from '../logger';
import type { SecretStore } from '../platform';
import { createDavTransport, DavError, type DavTransport } from './dav-transport';
import type { RecordMapper } from './mapping';
import { pullChanges, remoteChanges } from './pull';
import { localChanges, pushChanges } from './push';
import type { RunCounts, Session } from './session';

/** What a transport needs of an account (discovery runs before the account exists). */
export type ServerLogin = Pick<AccountRow, 'server_url' | 'username'>;

export const passwordKey = (accountId: string) => `sync.password.${accountId}`;

/** After the n-th failure in a row: 30 s, 1, 2, 4, 8 minutes, then every 15 (the regular interval). */
export function backoffMs(failures: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failures - 1), 15 * 60_000);
}

export interface EngineOptions {
  deps: ServiceDeps;
  logger: Logger;
  secrets: SecretStore;
  mappers: RecordMapper[];
  /** Tests pass a transport with a fetch that drops connections; the app makes the real one. */
  transportFor?: (account: ServerLogin, password: string) => DavTransport;
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;

export function createSyncEngine(options: EngineOptions) {
  const { deps, logger, secrets } = options;
  const running = new Map<string, Promise<SyncReport>>();
  const states = new Map<string, SyncState>();

  const transportFor = options.transportFor ?? ((account: ServerLogin, password: string) =>
    createDavTransport({ serverUrl: account.server_url, credentials: { username: account.username, password }, log: logger }));

  function mappersFor(collection: CollectionRow): RecordMapper[] {
    if (collection.kind === 'addressbook') return options.mappers.filter((m) => m.kind === 'contact');
    const components = JSON.parse(collection.components) as string[];
    const takes = (c: string) => components.length === 0 || components.includes(c);
    return options.mappers.filter((m) => (m.kind === 'appointment' && takes('VEVENT')) || (m.kind === 'task' && takes('VTODO')));
  }

  async function syncCollection(account: AccountRow, collection: CollectionRow, transport: DavTransport, counts: RunCounts, progress: (done: number, total: number, phase: 'sending' | 'receiving') => void): Promise<void> {
    const objects = new Map((await objectRows(deps.db, collection.id)).map((o) => [o.href, o]));
    let done = 0;
    let total = 0;
    let phase: 'sending' | 'receiving' = 'sending';
    const session: Session = {
      deps, logger, transport, account, collection, objects, counts, mappers: mappersFor(collection),
      tick: () => progress((done += 1), total, phase),
    };
    const local = await localChanges(session);
    total = local.created.length + local.edited.length + local.deleted.length;
    await pushChanges(session, local);
    const remote = await remoteChanges(session);
    [phase, done, total] = ['receiving', 0, remote.changed.length];
    await pullChanges(session, remote);
  }

  async function run(accountId: string): Promise<SyncReport> {
    const account = await accountRow(deps.db, accountId);
    const counts: RunCounts = { sent: 0, received: 0, deleted: 0, conflicts: 0, problems: 0 };
    const report = (error: string | null): SyncReport => ({ accountId, sent: counts.sent, received: counts.received, deleted: counts.deleted, conflicts: counts.conflicts, error });
    if (!account) return report('This sync account no longer exists.');
    const password = secrets.get(passwordKey(accountId));
    const now = () => deps.clock.now();
    const emit = (phase: 'connecting' | 'sending' | 'receiving' | 'done', done = 0, total = 0) => deps.events.emit('sync.progress', { accountId, phase, done, total });
    if (password === null) {
      const message = 'The password for this server is not saved on this computer. Enter it again in the sync settings.';
      await updateAccount(deps.db, accountId, { last_error: message, next_attempt_at: null });
      states.set(accountId, 'error');
      return report(message);
    }
    states.set(accountId, 'syncing');
    emit('connecting');
    const transport = transportFor(account, password);
    try {
      for (const collection of await collectionRows(deps.db, accountId)) {
        await syncCollection(account, collection, transport, counts, (done, total, phase) => emit(phase, done, total));
      }
      await updateAccount(deps.db, accountId, { last_sync_at: now().toISOString(), last_error: null, failures: 0, next_attempt_at: null });
      states.set(accountId, 'idle');
      return report(null);
    } catch (error) {
      const failures = account.failures + 1;
      const message = error instanceof DavError ? error.message : 'Sync stopped because of a problem in Rapport. Details are in the log; Rapport will try again.';
      if (!(error instanceof DavError)) logger.error('sync: run failed', error);
      await updateAccount(deps.db, accountId, { last_error: message, failures, next_attempt_at: new Date(now().getTime() + backoffMs(failures)).toISOString() });
      states.set(accountId, error instanceof DavError && error.kind === 'unreachable' ? 'offline' : 'error');
      return report(message);
    } finally {
      emit('done', 0, 0);
      if (counts.received + counts.deleted + counts.conflicts > 0) deps.events.emit('data.changed', { entity: 'sync', action: 'updated', ids: [accountId] });
    }
  }

  return {
    /** Runs the account now, or joins the run already going (two clicks never make two runs). */
    syncAccount(accountId: string): Promise<SyncReport> {
      const current = running.get(accountId);
      if (current) return current;
      const started = run(accountId).finally(() => running.delete(accountId));
      running.set(accountId, started);
      return started;
    },
    state(accountId: string): SyncState | undefined {
      return running.has(accountId) ? 'syncing' : states.get(accountId);
    },
    /** Local changes not yet on the server, per collection of the account (rendering each record once). */
    async pending(accountId: string): Promise<number> {
      let count = 0;
      const account = await accountRow(deps.db, accountId);
      if (!account) return 0;
      for (const collection of await collectionRows(deps.db, accountId)) {
        const objects = new Map((await objectRows(deps.db, collection.id)).map((o) => [o.href, o]));
        const changes = await localChanges({ collection, objects, mappers: mappersFor(collection), account });
        count += changes.created.length + changes.edited.length + changes.deleted.length;
      }
      return count;
    },
    mappersFor,
    transportFor,
  };
}
