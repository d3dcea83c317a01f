// The trash feature's entry (issue #18): Trash as a whole, across contacts, companies, jobs, activities, follow-ups,
// appointments, service cases and documents. A handler map and nothing else; the work is in trash.ts, the SQL in db/trash.repo.ts.
import type { TrashChannel } from '../../../shared/ipc/trash.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createTrashService, type DocumentsForTrash } from './trash';

export function createTrashModule(ctx: FeatureContext, documents: DocumentsForTrash): FeatureModule<TrashChannel> {
  const service = createTrashService(ctx, documents);
  return {
    handlers: {
      'trash.summary': () => service.summary(),
      'trash.list': (input) => service.list(input),
      'trash.preview': (input) => service.preview(input),
      // Takes a backup first (before-delete-for-good), inside purge: only once the items are known to be in Trash.
      'trash.purge': (input) => service.purge(input),
      'trash.restoreAll': (input) => service.restoreAll(input),
    },
  };
}
