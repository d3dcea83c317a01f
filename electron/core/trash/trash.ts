// Trash as a whole (issue #18): counts, what a deletion for good takes, the deletion in steps and Restore all.
// After undoing a 30,000-row import Trash holds 30,003 contacts: the work runs on its own connection in short
// transactions (each record goes whole with what hangs off it), giving the event loop a turn between them, so
// other calls never wait long. Documents in Trash go through the documents service's own Empty. No `electron` import.
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { EventPayload } from '../../../shared/ipc/events';
import { TrashKind, type TrashCounts, type TrashItem, type TrashScope } from '../../../shared/domain/trash';
import { listTrashed, PURGE_ORDER, prepareTrash, restorableCount, restoreTrashed, trashCounts, zeroCounts, type TrashStatements } from '../../db/trash.repo';
import { loadServiceSettings, recomputeCase } from '../cases/recompute';
import type { FeatureContext } from '../modules';
import { pacer } from '../steps';

/** What the trash feature needs of the documents service: its Empty, and freeing files after rows went elsewhere. */
export interface DocumentsForTrash {
  emptyTrash(): Promise<{ documents: number; blobsRemoved: number; bytesFreed: number }>;
  freeBlobs(hashes: readonly string[]): Promise<{ blobsRemoved: number; bytesFreed: number }>;
}

type Entity = EventPayload<'data.changed'>['entity'];
const ENTITY: Record<keyof TrashCounts, Entity> = {
  contacts: 'contact', companies: 'company', jobs: 'job', activities: 'activity', tasks: 'task', appointments: 'appointment', cases: 'case', documents: 'document',
};
const KIND_KEY: Record<TrashKind, keyof TrashCounts> = {
  contact: 'contacts', company: 'companies', job: 'jobs', activity: 'activities', task: 'tasks', appointment: 'appointments', case: 'cases',
};
/** A step aims at this long (its commit included), well under the 100 ms another call may wait. */
const STEP_MS = 25;
const MAX_STEP_ROWS = 2000;
const PREVIEW_CHUNK = 500;

const byKind = (items: readonly TrashItem[]) => {
  const out: Partial<Record<TrashKind, string[]>> = {};
  for (const item of items) (out[item.kind] ??= []).push(item.id);
  return out;
};
const add = (into: TrashCounts, from: TrashCounts) => {
  for (const key of Object.keys(into) as (keyof TrashCounts)[]) into[key] += from[key];
};
const sum = (counts: TrashCounts) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Grows or shrinks how many records a step takes so each stays near STEP_MS, whatever hangs off them. */
function stepSize() {
  let size = 50;
  return {
    get: () => size,
    took(ms: number) {
      if (ms < STEP_MS / 2) size = Math.min(MAX_STEP_ROWS, size * 2);
      else if (ms > STEP_MS * 2) size = Math.max(1, Math.floor(size / 2));
    },
  };
}

export function createTrashService({ deps: { db, clock, events }, store, backups }: FeatureContext, documents: DocumentsForTrash) {
  let busy: string | null = null;
  /** One long Trash job at a time: a second would only wait on the first one's rows. */
  async function exclusive<T>(what: string, work: () => Promise<T>): Promise<T> {
    if (busy) throw new AppError('CONFLICT', `Trash is busy ${busy}: try again when it is done`);
    busy = what;
    try {
      return await work();
    } finally {
      busy = null;
    }
  }

  function withStatements<T>(work: (st: TrashStatements) => Promise<T> | T): Promise<T> {
    const sqlite = store.bulkWriter();
    const st = prepareTrash(sqlite);
    return Promise.resolve()
      .then(() => work(st))
      .finally(() => {
        st.close();
        sqlite.close();
      });
  }

  const progress = (action: 'purge' | 'restore', done: number, total: number, finished: boolean) =>
    events.emit('trash.progress', { action, done: Math.min(done, total), total, finished });

  function changed(removed: TrashCounts, action: 'deleted' | 'restored', ids: Partial<Record<Entity, string[]>> = {}) {
    for (const key of Object.keys(removed) as (keyof TrashCounts)[]) {
      if (removed[key] > 0) events.emit('data.changed', { entity: ENTITY[key], action, ids: ids[ENTITY[key]] ?? [] });
    }
  }

  async function preview(scope: TrashScope): Promise<ChannelOutput<'trash.preview'>> {
    if (scope.items) return withStatements((st) => st.preview(byKind(scope.items!)));
    // Everything, in chunks (30,000 contacts take a while to list): documents in Trash are chosen too (Empty takes
    // them), so only live ones count as alongside.
    return withStatements(async (st) => {
      const pace = pacer();
      st.begin();
      for (const kind of [...PURGE_ORDER, 'document'] as const) {
        const ids = st.nextTrashed(kind, -1);
        for (let at = 0; at < ids.length; at += PREVIEW_CHUNK) {
          st.add(kind, ids.slice(at, at + PREVIEW_CHUNK));
          await pace();
        }
      }
      return st.tally();
    });
  }

  async function purge(scope: TrashScope): Promise<ChannelOutput<'trash.purge'>> {
    return exclusive('deleting for good', () =>
      withStatements(async (st) => {
        const items = scope.items;
        const total = items ? sum(st.preview(byKind(items)).chosen) : sum({ ...(await trashCounts(db)), documents: 0 });
        // Already gone or restored (another window, an earlier click): nothing to do, and no backup needed.
        if (items && total === 0) return { removed: zeroCounts(), blobsRemoved: 0, bytesFreed: 0 };
        await backups.before('before-delete-for-good');

        const removed = zeroCounts();
        const hashes = new Set<string>();
        const size = stepSize();
        const pace = pacer();
        let done = 0;
        const step = async (chosen: Partial<Record<TrashKind, string[]>>) => {
          const result = st.purge(chosen);
          // The work, not the commit's fsync: that is as long for 1 row as for 1,000 (as in the importer).
          size.took(result.workMs);
          add(removed, result.removed);
          result.hashes.forEach((h) => hashes.add(h));
          done += result.chosen;
          progress('purge', done, total, false);
          await pace();
        };

        progress('purge', 0, total, false);
        if (items) {
          for (let at = 0; at < items.length; ) {
            const chunk = items.slice(at, at + size.get());
            await step(byKind(chunk));
            at += chunk.length;
          }
        } else {
          for (const kind of PURGE_ORDER) {
            for (let ids = st.nextTrashed(kind, size.get()); ids.length; ids = st.nextTrashed(kind, size.get())) await step({ [kind]: ids });
          }
        }
        const freed = await documents.freeBlobs([...hashes]);
        let blobsRemoved = freed.blobsRemoved;
        let bytesFreed = freed.bytesFreed;
        if (scope.all) {
          const emptied = await documents.emptyTrash();
          removed.documents += emptied.documents;
          blobsRemoved += emptied.blobsRemoved;
          bytesFreed += emptied.bytesFreed;
        }
        progress('purge', total, total, true);
        const ids: Partial<Record<Entity, string[]>> = {};
        for (const item of items ?? []) (ids[item.kind] ??= []).push(item.id);
        changed(removed, 'deleted', ids);
        return { removed, blobsRemoved, bytesFreed };
      }),
    );
  }

  async function restoreAll({ kind }: { kind?: TrashKind | 'document' | undefined }): Promise<ChannelOutput<'trash.restoreAll'>> {
    return exclusive('restoring', async () => {
      // Contacts come first (TrashKind's order), so the cases of a contact restored here come back with them.
      const kinds: (TrashKind | 'document')[] = kind ? [kind] : [...TrashKind.options, 'document'];
      const before = await trashCounts(db);
      // Alone, cases of contacts still in Trash stay there (cases.restore refuses them too): they are not counted.
      const cases = kind === 'case' ? await restorableCount(db, 'case') : before.cases;
      const total = kinds.reduce((n, k) => n + (k === 'case' ? cases : before[k === 'document' ? 'documents' : KIND_KEY[k]]), 0);
      const restored = zeroCounts();
      const sqlite = store.bulkWriter();
      try {
        const size = stepSize();
        const pace = pacer();
        let done = 0;
        progress('restore', 0, total, false);
        for (const k of kinds) {
          const key = k === 'document' ? 'documents' : KIND_KEY[k];
          for (;;) {
            const { ids, workMs } = restoreTrashed(sqlite, k, size.get(), clock.now().toISOString());
            size.took(workMs);
            const n = ids.length;
            if (n === 0) break;
            // As cases.restore does: a case's clock is brought up to now (a derived cache, so its own transaction).
            if (k === 'case') await recomputeCases(ids);
            restored[key] += n;
            done += n;
            progress('restore', done, total, false);
            await pace();
          }
        }
        progress('restore', total, total, true);
      } finally {
        sqlite.close();
      }
      changed(restored, 'restored');
      return restored;
    });
  }

  async function recomputeCases(ids: readonly string[]): Promise<void> {
    const nowMs = clock.now().getTime();
    await db.transaction().execute(async (trx) => {
      const settings = await loadServiceSettings(trx);
      for (const id of ids) await recomputeCase(trx, id, nowMs, settings);
    });
  }

  return { summary: () => trashCounts(db), list: (input: ChannelParsedInput<'trash.list'>) => listTrashed(db, input), preview, purge, restoreAll };
}
