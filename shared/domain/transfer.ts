// Import and export of contacts (CSV in several dialects, vCard): the shapes that cross the contract.
// Imports zod only.
import { z } from 'zod';
import { SegmentFilter } from './segment';
import { Id, text } from './fields';

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

/** A contact custom field as a column's destination (issue #19): `custom.<field key>`. */
export type CustomTarget = `custom.${string}`;
export const CustomTarget = z.templateLiteral(['custom.', z.string().regex(/^[A-Za-z0-9]{1,80}$/)], { message: 'Choose a field' });
export const isCustomTarget = (target: string | null | undefined): target is CustomTarget => !!target && target.startsWith('custom.');
/** Where a column goes: a built-in contact field or one of the user's own fields. */
export const MappingTarget = z.union([ImportTarget, CustomTarget]);
export type MappingTarget = z.infer<typeof MappingTarget>;

/**
 * One CSV column's destination. `group` ties the columns of one multi-valued entry together ("E-mail 2 - Label"
 * and "E-mail 2 - Value"); `label` is a fixed label the column implies ("Home Phone" -> home).
 */
export const MappingEntry = z.strictObject({
  column: text().max(200, { message: 'Must be at most 200 characters' }),
  target: MappingTarget.nullable(),
  group: text().max(200).optional(),
  label: text().max(40).optional(),
});
export type MappingEntry = z.infer<typeof MappingEntry>;
/** The mapping as the preview reports it: a file's own header names, unchecked (a garbled header can be any length). */
const MappingEntryOut = z.object({ column: z.string(), target: MappingTarget.nullable(), group: z.string().optional(), label: z.string().optional() });

export const Dialect = z.enum(['rapport', 'google', 'google-legacy', 'google-outlook', 'outlook', 'outlook-com', 'thunderbird', 'linkedin', 'yahoo', 'generic', 'vcard']);
export type Dialect = z.infer<typeof Dialect>;

export const ExportPreset = z.enum(['rapport', 'google', 'outlook', 'outlook-com']);
export type ExportPreset = z.infer<typeof ExportPreset>;

export const DuplicatePolicy = z.enum(['skip', 'update', 'create']);
export type DuplicatePolicy = z.infer<typeof DuplicatePolicy>;

const FilePath = text().min(1, { message: 'Choose a file' }).max(4096);

/** Which contacts to export: a selection (ids), or the list's own search and filters; nothing means all. */
export const ExportFilter = z.strictObject({
  ids: z.array(Id).min(1).max(100_000).optional(),
  ...SegmentFilter.shape,
});
export type ExportFilter = z.infer<typeof ExportFilter>;

export const ExportContactsInput = z.strictObject({
  format: z.enum(['csv', 'vcard']),
  preset: ExportPreset.default('rapport'),
  /** Own choice of columns: Rapport preset headers, in this order; custom fields as `custom.<key>` (issue #19). */
  columns: z.array(text().min(1).max(100)).min(1).max(200).optional(),
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

/** Encodings the import preview offers when the detected one reads wrong (names iconv-lite knows). */
export const ImportEncoding = z.enum([
  'utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1', 'iso-8859-15', 'windows-1250', 'iso-8859-2', 'windows-1251', 'koi8-r',
  'windows-1253', 'windows-1254', 'windows-1257', 'macintosh', 'cp850', 'cp437', 'shift_jis', 'euc-jp', 'gbk', 'big5', 'euc-kr',
]);
export type ImportEncoding = z.infer<typeof ImportEncoding>;

export const ImportPreviewInput = z.strictObject({ path: FilePath, encoding: ImportEncoding.optional() });

export const RowProblem = z.object({ line: z.number().int(), reason: z.string() });
export type RowProblem = z.infer<typeof RowProblem>;

export const ImportPreview = z.object({
  format: z.enum(['csv', 'vcard']),
  dialect: Dialect,
  encoding: z.string(),
  /** Nothing in the file named the encoding and its bytes are not UTF-8: `encoding` is a guess the user may change. */
  encodingGuessed: z.boolean(),
  delimiter: z.string(),
  columns: z.array(z.string()),
  mapping: z.array(MappingEntryOut),
  /** The first rows as read (CSV: cells by column; vCard: one summary cell per card). */
  sample: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()), name: z.string() })),
  problems: z.array(RowProblem),
  /** Values of the first rows kept elsewhere or left out (a word where a phone belongs…), each with its line. */
  warnings: z.array(RowProblem),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportRunInput = z.strictObject({
  path: FilePath,
  mapping: z.array(MappingEntry).max(500).optional(),
  /** The encoding chosen in the preview; absent: detected again. */
  encoding: ImportEncoding.optional(),
  duplicates: DuplicatePolicy,
});

/** Why an imported row was taken for an existing contact: the keys the two share (see matcher.ts and the README). */
export const MatchKey = z.enum(['email', 'phone', 'name', 'company', 'identical']);
export type MatchKey = z.infer<typeof MatchKey>;

/** The contact fields an update can change, in the order the UI lists them. */
export const ChangeField = z.enum(['firstName', 'lastName', 'company', 'jobTitle', 'emails', 'phones', 'addresses', 'website', 'birthday', 'tags', 'notes', 'kind', 'leadSource', 'emailOptIn']);
export type ChangeField = z.infer<typeof ChangeField>;

/** One field an update changes, as text a person reads ("" = empty); a custom field's change carries its label. */
export const FieldChange = z.object({ field: z.union([ChangeField, CustomTarget]), label: z.string().optional(), before: z.string(), after: z.string() });
export type FieldChange = z.infer<typeof FieldChange>;

/** A row taken for an existing contact (or an earlier row of the same file): what it matched, why, and what it changed. */
export const MatchedRow = z.object({
  line: z.number().int(),
  action: z.enum(['skipped', 'updated']),
  /** The contact matched; "" in a dry run when it is an earlier row of the same file (then `fileLine` names it). */
  contactId: z.string(),
  contactName: z.string(),
  fileLine: z.number().int().optional(),
  matchedOn: z.array(MatchKey),
  /** An update's changes (empty when skipped: by the policy, or because the row had nothing new). */
  changes: z.array(FieldChange),
});
export type MatchedRow = z.infer<typeof MatchedRow>;

/** What an import would do, worked out without saving anything (import.check): shown before the user confirms. */
export const ImportCheck = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejectedCount: z.number().int(),
  /** The first matched rows (up to 500), each with its changes. */
  matched: z.array(MatchedRow),
});
export type ImportCheck = z.infer<typeof ImportCheck>;

export const ImportReport = z.object({
  importId: z.string(),
  status: z.enum(['running', 'done', 'cancelled', 'failed', 'undone']),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejectedCount: z.number().int(),
  /** The first 1,000 rejected rows (the count says how many there were). */
  rejected: z.array(RowProblem),
  /** Every skipped and updated row (up to 10,000), with the contact it matched and why; only on the report import.run returns. */
  matched: z.array(MatchedRow),
  /** Per-field warnings of the imported rows (the first 1,000; the count is complete); only on the report import.run returns. */
  warnings: z.array(RowProblem),
  warningCount: z.number().int(),
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

/**
 * What undo answers: the import as it now stands, how many contacts it left alone because they changed since, and
 * how many updated ones it could not put back because they were deleted for good since (issue #18).
 */
export const ImportUndone = ImportSummary.extend({ kept: z.number().int(), gone: z.number().int() });
export type ImportUndone = z.infer<typeof ImportUndone>;

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
