// When sync runs by itself (issue #24 item 6): a few seconds after a change here (so a burst of edits is one run),
// every 15 minutes, and after a failure on a backoff (30 s, 1, 2, 4, 8 minutes, then 15), which is also how a
// network that comes back is noticed. "Sync now" runs at once. Driven by the app's one wake timer.
import { accountRows } from '../../db/sync.repo';
import type { ServiceDeps } from '../deps';
import type { WakeLoop } from '../wake-timer';
import type { SyncEngine } from './engine';

export const AFTER_CHANGE_MS = 5_000;
export const EVERY_MS = 15 * 60_000;
/** The records whose changes go to the server; a company rename changes its contacts' cards. */
export const SYNCED_ENTITIES = ['contact', 'company', 'appointment', 'task'] as const;

export function createSyncLoop(deps: ServiceDeps, engine: SyncEngine): WakeLoop & { dispose(): void } {
  let changedAt: number | null = null;
  const unsubscribe = deps.events.subscribe((name, payload) => {
    if (name === 'data.changed' && (SYNCED_ENTITIES as readonly string[]).includes((payload as { entity: string }).entity)) changedAt ??= deps.clock.now().getTime();
  });

  return {
    name: 'sync',
    wakeOn: SYNCED_ENTITIES,
    async run() {
      const now = deps.clock.now().getTime();
      const accounts = (await accountRows(deps.db)).filter((a) => a.enabled === 1);
      if (accounts.length === 0) return null;
      const changeDue = changedAt !== null ? changedAt + AFTER_CHANGE_MS : null;
      let next = changeDue ?? Infinity;
      const runNow = changeDue !== null && changeDue <= now;
      if (runNow) changedAt = null;
      for (const account of accounts) {
        const retryAt = account.next_attempt_at ? Date.parse(account.next_attempt_at) : null;
        const regularAt = account.last_sync_at ? Date.parse(account.last_sync_at) + EVERY_MS : now;
        const dueAt = retryAt ?? regularAt;
        if (runNow || dueAt <= now) {
          const report = await engine.syncAccount(account.id);
          next = Math.min(next, report.error ? now + 30_000 : now + EVERY_MS);
        } else next = Math.min(next, dueAt);
      }
      return Number.isFinite(next) ? next : null;
    },
    dispose: unsubscribe,
  };
}
