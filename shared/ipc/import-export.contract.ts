// The import-export feature's part of the contract: channel -> input and output schemas, and its events.
// contract.ts and events.ts spread these in. Imports zod and shared/domain only.
import { z } from 'zod';
import { Id } from '../domain/fields';
import { ExportContactsInput, ExportProgress, ExportResult, ExportTableInput, ImportCheck, ImportPreview, ImportPreviewInput, ImportProgress, ImportReport, ImportRunInput, ImportSummary, ImportUndone } from '../domain/transfer';
import type { ImportExportChannel } from './import-export.channels';

const ByImport = z.strictObject({ importId: Id });
const ByExport = z.strictObject({ exportId: Id });

export const importExportContract = {
  'export.contacts': { input: ExportContactsInput, output: ExportResult },
  'export.table': { input: ExportTableInput, output: ExportResult },
  'export.cancel': { input: ByExport, output: z.object({ cancelling: z.boolean() }) },
  'import.preview': { input: ImportPreviewInput, output: ImportPreview },
  /** A dry run: what import.run would create, update and skip with these choices (nothing is saved). */
  'import.check': { input: ImportRunInput, output: ImportCheck },
  'import.run': { input: ImportRunInput, output: ImportReport },
  'import.cancel': { input: ByImport, output: z.object({ cancelling: z.boolean() }) },
  'import.undo': { input: ByImport, output: ImportUndone },
  'imports.list': { input: z.strictObject({}), output: z.object({ items: z.array(ImportSummary) }) },
} as const satisfies Record<ImportExportChannel, { input: z.ZodType; output: z.ZodType }>;

export const importExportEvents = {
  /** An import read another batch (and once when it starts, so the UI learns its id and can cancel). */
  'import.progress': ImportProgress,
  /** A contact or table export wrote more rows; the first names the export, so Cancel can stop it. */
  'export.progress': ExportProgress,
} as const satisfies Record<string, z.ZodType>;
