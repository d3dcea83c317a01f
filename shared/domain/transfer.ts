// Import and export of contacts (CSV in several dialects, vCard): the shapes that cross the contract.
// Imports zod only.
import { z } from 'zod';
import { SegmentFilter } from './segment';
import { Id } from './fields';

/** Where an imported column's value goes. `null` in a mapping means "ignore this column". */
export const ImportTarget = z.enum([
  'firstName',
  'middleName',
  'lastName',
  'fullName',
  'company',
  'jobTitle',
  'email',
  'emailLabel',
  'phone',
  'phoneLabel',
  'addressLabel',
  'addressStreet',
  'addressCity',
  'addressRegion',
  'addressPostcode',
  'addressCountry',
  'website',
  'birthday',
  'tags',
  'notes',
  'kind',
  'leadSource',
  'emailOptIn',
]);
export type ImportTarget = z.infer<typeof ImportTarget>;

/**
 * One CSV column's destination. `group` ties the columns of one multi-valued entry together ("E-mail 2 - Label"
 * and "E-mail 2 - Value"); `label` is a fixed label the column implies ("Home Phone" -> home).
 */
export const MappingEntry = z.strictObject({
  column: z.string().max(200),
  target: ImportTarget.nullable(),
  group: z.string().max(200).optional(),
  label: z.string().max(40).optional(),
});
export type MappingEntry = z.infer<typeof MappingEntry>;

export const Dialect = z.enum(['rapport', 'google', 'google-legacy', 'google-outlook', 'outlook', 'outlook-com', 'generic', 'vcard']);
export type Dialect = z.infer<typeof Dialect>;

export const ExportPreset = z.enum(['rapport', 'google', 'outlook', 'outlook-com']);
export type ExportPreset = z.infer<typeof ExportPreset>;

export const DuplicatePolicy = z.enum(['skip', 'update', 'create']);
export type DuplicatePolicy = z.infer<typeof DuplicatePolicy>;

const FilePath = z.string().min(1, { message: 'Choose a file' }).max(4096);

/** Which contacts to export: a selection (ids), or the list's own search and filters; nothing means all. */
export const ExportFilter = z.strictObject({
  ids: z.array(Id).min(1).max(100_000).optional(),
  ...SegmentFilter.shape,
});
export type ExportFilter = z.infer<typeof ExportFilter>;

export const ExportContactsInput = z.strictObject({
  format: z.enum(['csv', 'vcard']),
  preset: ExportPreset.default('rapport'),
  /** Own choice of columns: Rapport preset headers, in this order. */
  columns: z.array(z.string().min(1).max(100)).min(1).max(200).optional(),
  filter: ExportFilter.optional(),
  /** A UTF-8 byte order mark, which Excel needs to read UTF-8. */
  bom: z.boolean().default(false),
  vcardVersion: z.enum(['3.0', '4.0']).default('3.0'),
});

/** Companies, jobs or activities as CSV, each in one fixed layout (see transfer/tables.ts). */
export const ExportTableInput = z.strictObject({ table: z.enum(['companies', 'jobs', 'activities']), bom: z.boolean().default(false) });

/** `cancelled`: the save dialog was dismissed, or Cancel stopped the export (no file is left either way). */
export const ExportResult = z.object({ path: z.string().nullable(), count: z.number().int(), cancelled: z.boolean() });

/** An export wrote another stretch of rows (and once when it starts, so the UI learns its id and can cancel). */
export const ExportProgress = z.object({ exportId: z.string(), written: z.number().int(), total: z.number().int(), done: z.boolean() });
export type ExportProgress = z.infer<typeof ExportProgress>;

export const ImportPreviewInput = z.strictObject({ path: FilePath });

export const RowProblem = z.object({ line: z.number().int(), reason: z.string() });
export type RowProblem = z.infer<typeof RowProblem>;

export const ImportPreview = z.object({
  format: z.enum(['csv', 'vcard']),
  dialect: Dialect,
  encoding: z.string(),
  delimiter: z.string(),
  columns: z.array(z.string()),
  mapping: z.array(MappingEntry),
  /** The first rows as read (CSV: cells by column; vCard: one summary cell per card). */
  sample: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()), name: z.string() })),
  problems: z.array(RowProblem),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportRunInput = z.strictObject({
  path: FilePath,
  mapping: z.array(MappingEntry).max(500).optional(),
  duplicates: DuplicatePolicy,
});

export const ImportReport = z.object({
  importId: z.string(),
  status: z.enum(['running', 'done', 'cancelled', 'failed', 'undone']),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejectedCount: z.number().int(),
  /** The first 1,000 rejected rows (the count says how many there were). */
  rejected: z.array(RowProblem),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportSummary = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.string(),
  dialect: z.string(),
  duplicates: z.string(),
  status: z.enum(['running', 'done', 'cancelled', 'failed', 'undone']),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejectedCount: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportProgress = z.object({
  importId: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  bytesRead: z.number().int(),
  totalBytes: z.number().int(),
  done: z.boolean(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;
