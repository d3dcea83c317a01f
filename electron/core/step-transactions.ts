// Long writes over many contacts (bulk edits, data-quality fixes, their Undo) run as a row of short transactions with
// a turn of the event loop between them, so the list and search answer while a 30,000-contact change runs.
import type { Kysely } from 'kysely';
import { setStepCommits } from '../db/contacts.bulk.repo';
import type { DB } from '../db/schema';
import { STEP_BUDGET_MS, turn } from './steps';

/** How many items the first statement takes, and the bounds the measured cost per item keeps the next ones in. */
export interface ChunkSizes {
  first: number;
  min: number;
  max: number;
}

/** Stepped writes running on a store: the commits skip the fsync until the last one of them ends (setStepCommits). */
const running = new WeakMap<Kysely<DB>, number>();

/**
 * Runs `work` over `items` in steps: each step one transaction of about STEP_BUDGET_MS, then a turn of the event loop.
 * The chunk a statement takes follows the measured cost per item (re-indexing tags costs ten times a kind), so one
 * chunk never outlasts the budget by much. The last commit is a full one, which makes every step durable at once.
 */
export async function inStepTransactions<T>(
  db: Kysely<DB>,
  items: readonly T[],
  sizes: ChunkSizes,
  work: (trx: Kysely<DB>, chunk: readonly T[]) => Promise<void>,
): Promise<void> {
  const before = running.get(db) ?? 0;
  running.set(db, before + 1);
  if (before === 0) await setStepCommits(db, true);
  try {
    let chunkSize = sizes.first;
    for (let at = 0; at < items.length; ) {
      at = await db.transaction().execute(async (trx) => {
        const until = performance.now() + STEP_BUDGET_MS;
        let i = at;
        while (i < items.length && performance.now() < until) {
          const chunk = items.slice(i, i + chunkSize);
          const started = performance.now();
          await work(trx, chunk);
          const perItem = (performance.now() - started) / chunk.length;
          chunkSize = Math.max(sizes.min, Math.min(sizes.max, Math.floor(STEP_BUDGET_MS / 2 / Math.max(perItem, 0.001))));
          i += chunk.length;
        }
        return i;
      });
      await turn();
    }
  } finally {
    const left = (running.get(db) ?? 1) - 1;
    running.set(db, left);
    if (left === 0) await setStepCommits(db, false);
  }
}
