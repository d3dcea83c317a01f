// Import history around the importer: the preview of a picked file, undo, and the list, with runs a crash or a
// quit left 'running' closed first. No SQL here (import-export.repo); no `electron` import.
import type { RowProblem } from '../../../shared/domain/transfer';
import { AppError } from '../../../shared/ipc/errors';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { closeInterruptedImports, findImport, listImports, undoImport } from '../../db/import-export.repo';
import { prepareMirrorSync } from '../../db/consent.repo';
import { logOptIns } from '../consent/mirror';
import type { FeatureContext } from '../modules';
import type { createImporter } from './importer';
import { openSource } from './source';

const PREVIEW_ROWS = 20;

/** The first rows of a picked file as the import would read them, with the detected layout and any problems. */
export async function previewImport(importer: ReturnType<typeof createImporter>, input: ChannelInput<'import.preview'>): Promise<ChannelOutput<'import.preview'>> {
  const { path } = input;
  importer.checkPicked(path);
  // The encoding the user chose in the preview's selector (else the detected one).
  // Columns named like a contact custom field are mapped to it (issue #19).
  const source = await openSource(path, { encoding: input.encoding, fields: await importer.fields() }).catch((error: unknown) => {
    // A file of another kind (a PDF, a calendar) is refused in openSource's own words.
    throw error instanceof AppError ? error : AppError.validation('path', 'The file could not be read');
  });
  const sample: { line: number; cells: string[]; name: string }[] = [];
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  for await (const item of source.items()) {
    if ('reason' in item.built) problems.push({ line: item.line, reason: item.built.reason });
    warnings.push(...(item.warnings ?? []));
    const r = 'record' in item.built ? item.built.record : null;
    // A contact is shown by what it has: its name, else its company, email or phone.
    const name = r ? [r.firstName, r.lastName].filter(Boolean).join(' ') || r.companyName || r.emails[0]?.value || r.phones[0]?.value || '' : '';
    sample.push({ line: item.line, cells: item.cells, name });
    if (sample.length >= PREVIEW_ROWS) break;
  }
  const { fileName: _f, items: _i, ...head } = source;
  return { ...head, sample, problems, warnings };
}

export function createImportHistory(ctx: FeatureContext, importer: ReturnType<typeof createImporter>) {
  const { db, clock, events } = ctx.deps;
  let interruptedClosed = false;

  return {
    /** Once per process, before the first run or list: what a previous process left 'running' is over. */
    async closeInterrupted(): Promise<void> {
      if (interruptedClosed) return;
      interruptedClosed = true;
      await closeInterruptedImports(db, clock.now().toISOString());
    },

    async undo(importId: string): Promise<ChannelOutput<'import.undo'>> {
      const found = await findImport(db, importId);
      if (!found) throw AppError.notFound('Import', importId);
      if (importer.isRunning(importId)) throw new AppError('CONFLICT', 'This import is still running: cancel it first');
      if (found.status === 'undone') throw new AppError('CONFLICT', 'This import was already undone');
      await ctx.backups.before('before-undo-import');
      const sqlite = ctx.store.bulkWriter();
      let changed: ReturnType<typeof undoImport>;
      const at = clock.now().toISOString();
      let optIns = 0;
      try {
        // A before-image may turn an opt-in back: the newsletter ledger follows, in the undo's transaction (issue #21).
        const sync = prepareMirrorSync(sqlite);
        const evidence = `Undo of import "${found.fileName}" (${importId})`;
        changed = undoImport(sqlite, importId, at, (ids) => {
          optIns = sync({ source: 'import', evidence, at, contacts: ids.map((contactId) => ({ contactId, eventId: ctx.deps.newId() })) });
        });
      } finally {
        sqlite.close();
      }
      if (optIns > 0) await logOptIns(db, ctx.deps, { source: 'import', count: optIns, at, contactId: null });
      events.emit('data.changed', { entity: 'contact', action: 'deleted', ids: changed.contactIds });
      if (changed.companyIds.length) events.emit('data.changed', { entity: 'company', action: 'deleted', ids: changed.companyIds });
      events.emit('data.changed', { entity: 'import', action: 'updated', ids: [importId] });
      return { ...(await findImport(db, importId))!, kept: changed.kept, gone: changed.gone };
    },

    async list(): Promise<ChannelOutput<'imports.list'>> {
      return { items: await listImports(db) };
    },
  };
}
