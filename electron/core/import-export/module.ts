// The import-export domain's entry: a handler map over CSV and vCard export and import, import history and undo.
// No `electron` import: the save dialog and picked files come through ctx.platform and ctx.picks.
import type { ImportExportChannel } from '../../../shared/ipc/import-export.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createExportRuns } from './export-runs';
import { exportContacts } from './exporter';
import { createImporter } from './importer';
import { createImportHistory, previewImport } from './imports';
import { exportTable } from './tables';

export function createImportExportModule(ctx: FeatureContext): FeatureModule<ImportExportChannel> & { importer: ReturnType<typeof createImporter> } {
  const importer = createImporter(ctx);
  const history = createImportHistory(ctx, importer);
  const exports = createExportRuns(ctx.deps.events, ctx.deps.newId);

  return {
    importer,
    handlers: {
      'export.contacts': (input) => exportContacts(ctx, exports, input),
      'export.table': (input) => exportTable(ctx, exports, input),
      'export.cancel': async ({ exportId }) => ({ cancelling: exports.cancel(exportId) }),
      'import.preview': (input) => previewImport(importer, input),
      'import.check': (input) => importer.check(input),
      async 'import.run'(input) {
        await history.closeInterrupted();
        await ctx.backups.before('before-import');
        return importer.run(input);
      },
      'import.cancel': async ({ importId }) => ({ cancelling: importer.cancel(importId) }),
      'import.undo': ({ importId }) => history.undo(importId),
      async 'imports.list'() {
        await history.closeInterrupted();
        return history.list();
      },
    },
  };
}
