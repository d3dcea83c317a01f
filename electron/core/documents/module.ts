// The documents domain's entry: files kept with records, under <dataDir>/documents/ (see blob-store.ts), rows
// in SQLite (db/documents.repo.ts). A handler map and nothing else; start() tidies copies handed to the OS.
import type { DocumentsChannel } from '../../../shared/ipc/documents.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createDocumentsService } from './documents';

export function createDocumentsModule(ctx: FeatureContext): FeatureModule<DocumentsChannel> & { service: ReturnType<typeof createDocumentsService> } {
  const service = createDocumentsService(ctx);
  return {
    service,
    start() {
      void service.cleanOpened();
    },
    handlers: {
      'documents.attach': service.attach,
      'documents.get': service.get,
      'documents.list': service.list,
      'documents.rename': service.rename,
      'documents.link': service.link,
      'documents.unlink': service.unlink,
      'documents.delete': service.delete,
      'documents.restore': service.restore,
      // Emptying the Trash removes files for good: a backup first (issue #17).
      async 'documents.emptyTrash'() {
        await ctx.backups.before('before-empty-trash');
        return service.emptyTrash();
      },
      'documents.open': service.open,
      'documents.reveal': service.reveal,
      'documents.preview': service.preview,
      'documents.check': () => service.check(),
      'documents.settings.get': () => service.settings(),
      'documents.settings.update': service.updateSettings,
    },
  };
}
