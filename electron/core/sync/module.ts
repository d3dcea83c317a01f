// Sync's entry (issue #24): a handler map, and the background loop that syncs on change, on a timer and after
// failures. The work: engine.ts (runs), push.ts / pull.ts / session.ts (one collection), merge3.ts (fields),
// conflicts.ts (cards), accounts.ts (accounts, discovery, status), the mappers (contacts, appointments, follow-ups).
// SQL in db/sync.repo.ts; the wire in dav-transport.ts.
import { AppError } from '../../../shared/ipc/errors';
import type { SyncChannel } from '../../../shared/ipc/sync.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createWakeTimer, type WakeTimer } from '../wake-timer';
import { createAccounts } from './accounts';
import { createConflicts } from './conflicts';
import { createContactMapper } from './contact-mapper';
import { DavError } from './dav-transport';
import { createSyncEngine, type EngineOptions } from './engine';
import { createAppointmentMapper } from './event-mapper';
import { createSyncLoop } from './scheduler';
import { createTaskMapper } from './task-mapper';

/** A server's refusal while the user waits (making a collection, resolving a card) reaches the window in its words. */
async function inAppWords<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof DavError) throw new AppError('UNAVAILABLE', error.message);
    throw error;
  }
}

export function createSyncModule(ctx: FeatureContext, options: Pick<EngineOptions, 'transportFor'> = {}): FeatureModule<SyncChannel> & { engine: ReturnType<typeof createSyncEngine>; wake(): void } {
  const { deps, logger, platform } = ctx;
  const mappers = [createContactMapper(deps), createAppointmentMapper(deps), createTaskMapper(deps)];
  const engine = createSyncEngine({ deps, logger, secrets: platform.secrets, mappers, ...options });
  const accounts = createAccounts(deps, platform.secrets, engine);
  const conflicts = createConflicts(deps, logger, platform.secrets, engine, mappers);
  let timer: WakeTimer | null = null;
  let loop: ReturnType<typeof createSyncLoop> | null = null;

  async function syncNow(accountId?: string) {
    const ids = accountId ? [accountId] : (await accounts.list()).accounts.filter((a) => a.enabled).map((a) => a.id);
    return { reports: await Promise.all(ids.map((id) => engine.syncAccount(id))) };
  }

  return {
    engine,
    handlers: {
      'sync.accounts.list': () => accounts.list(),
      'sync.accounts.add': (input) => inAppWords(accounts.add(input)),
      'sync.accounts.update': (input) => inAppWords(accounts.update(input)),
      'sync.accounts.remove': (input) => accounts.remove(input.id),
      'sync.discover': (input) => inAppWords(accounts.discover(input)),
      'sync.now': (input) => syncNow(input.accountId),
      'sync.status': (input) => accounts.status(input),
      'sync.conflicts.list': (input) => conflicts.list(input),
      'sync.conflicts.resolve': (input) => inAppWords(conflicts.resolve(input)),
    },
    /** Electron main calls this on resume from sleep (the window calls sync.now when the network comes back). */
    wake() {
      void syncNow().catch((error: unknown) => logger.warn('sync: wake-up run failed', error));
    },
    start() {
      loop = createSyncLoop(deps, engine);
      timer = createWakeTimer([loop], { clock: deps.clock, events: deps.events, logger });
      timer.start();
    },
    stop() {
      timer?.stop();
      loop?.dispose();
      timer = null;
      loop = null;
    },
  };
}
