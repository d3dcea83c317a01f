// The import-export domain's entry: CSV and vCard export and import, import history and undo.
// No `electron` import: the save dialog and picked files come through ctx.platform and ctx.picks.
import { join } from 'node:path';
import type { ImportExportChannel } from '../../../shared/ipc/import-export.channels';
import { AppError } from '../../../shared/ipc/errors';
import { DB_FILE, openSqlite } from '../../db/connection';
import { closeInterruptedImports, findImport, listImports, toSummary, undoImport } from '../../db/imports.repo';
import type { FeatureContext, FeatureModule } from '../modules';
import { createExportRuns } from './export-runs';
import { exportContacts } from './exporter';
import { exportTable } from './tables';
import { createImporter } from './importer';
import { openSource } from './source';

const PREVIEW_ROWS = 20;

export function createImportExportModule(ctx: FeatureContext): FeatureModule<ImportExportChannel> & { importer: ReturnType<typeof createImporter> } {
  const { db, clock, events } = ctx.deps;
  const importer = createImporter(ctx);
  const exports = createExportRuns(events, ctx.deps.newId);
  let interruptedClosed = false;

  const closeInterrupted = async () => {
    if (interruptedClosed) return;
    interruptedClosed = true;
    await closeInterruptedImports(db, clock.now().toISOString());
  };

  return {
    importer,
    handlers: {
      'export.contacts': (input) => exportContacts(ctx, exports, input),
      'export.table': (input) => exportTable(ctx, exports, input),
      async 'export.cancel'({ exportId }) {
        return { cancelling: exports.cancel(exportId) };
      },

      async 'import.preview'({ path }) {
        importer.checkPicked(path);
        const source = await openSource(path).catch(() => {
          throw AppError.validation('path', 'The file could not be read');
        });
        const sample: { line: number; cells: string[]; name: string }[] = [];
        const problems: { line: number; reason: string }[] = [];
        for await (const item of source.items()) {
          if ('reason' in item.built) problems.push({ line: item.line, reason: item.built.reason });
          const r = 'record' in item.built ? item.built.record : null;
          sample.push({ line: item.line, cells: item.cells, name: r ? [r.firstName, r.lastName].filter(Boolean).join(' ') || (r.companyName ?? '') : '' });
          if (sample.length >= PREVIEW_ROWS) break;
        }
        const { fileName: _f, items: _i, ...head } = source;
        return { ...head, sample, problems };
      },

      async 'import.run'(input) {
        await closeInterrupted();
        return importer.run(input);
      },

      async 'import.cancel'({ importId }) {
        return { cancelling: importer.cancel(importId) };
      },

      async 'import.undo'({ importId }) {
        const found = await findImport(db, importId);
        if (!found) throw AppError.notFound('Import', importId);
        if (importer.isRunning(importId)) throw new AppError('CONFLICT', 'This import is still running: cancel it first');
        if (found.status === 'undone') throw new AppError('CONFLICT', 'This import was already undone');
        const sqlite = openSqlite(join(ctx.dataDir, DB_FILE));
        let changed: ReturnType<typeof undoImport>;
        try {
          changed = undoImport(sqlite, importId, clock.now().toISOString());
        } finally {
          sqlite.close();
        }
        events.emit('data.changed', { entity: 'contact', action: 'deleted', ids: changed.contactIds });
        if (changed.companyIds.length) events.emit('data.changed', { entity: 'company', action: 'deleted', ids: changed.companyIds });
        events.emit('data.changed', { entity: 'import', action: 'updated', ids: [importId] });
        return toSummary((await findImport(db, importId))!);
      },

      async 'imports.list'() {
        await closeInterrupted();
        return { items: (await listImports(db)).map(toSummary) };
      },
    },
  };
}
