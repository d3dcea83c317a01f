// Documents: files kept with a contact, company or job. Either a copy stored by content hash beside the
// database, or (mode 'link') a reference to a file or folder left where it is. Imports zod only.
import { z } from 'zod';
import { Cursor, Id, Limit, optionalText, searchQuery, text } from './fields';

export const DocumentMode = z.enum(['copy', 'link']);
/** What a link's target looks like now: 'missing' means moved, renamed or deleted; 'changed' means edited since it was linked. */
export const LinkState = z.enum(['ok', 'missing', 'changed']);
export const DocumentSort = z.enum(['createdAt', 'name', 'size', 'type']);

/** A display name only: never part of a stored path, so any Unicode is fine; control characters are not. */
export const DocumentName = text()
  .trim()
  .min(1, { message: 'Give the document a name' })
  .max(255, { message: 'Must be at most 255 characters' })
  .refine((s) => !/\p{Cc}/u.test(s), { message: 'Names cannot contain control characters' });

/** The records a document belongs to: one of each kind at most per call. */
const Targets = {
  contactId: Id.optional(),
  companyId: Id.optional(),
  jobId: Id.optional(),
  activityId: Id.optional(),
};

export const DocumentAttach = z.strictObject({
  /** An absolute path on this computer (from the file dialog or a drop). */
  path: text().min(1, { message: 'Choose a file' }).max(4096, { message: 'Path too long' }),
  ...Targets,
  mode: DocumentMode.default('copy'),
  note: optionalText(2000),
});

export const DocumentLinkInput = z.strictObject({ id: Id, ...Targets });

export const DocumentListInput = z.strictObject({
  ...Targets,
  /** The documents of any of these activities: one call for a whole timeline page instead of one per entry. */
  activityIds: z.array(Id).min(1, { message: 'Give at least one activity' }).max(200, { message: 'At most 200 activities' }).optional(),
  query: searchQuery(200).optional(),
  sort: DocumentSort.default('createdAt'),
  direction: z.enum(['asc', 'desc']).optional(),
  trashed: z.boolean().default(false),
  limit: Limit,
  cursor: Cursor,
});

export const DocumentRename = z.strictObject({ id: Id, name: DocumentName.optional(), note: optionalText(2000) });

export const DocumentTarget = z.object({
  type: z.enum(['contact', 'company', 'job', 'activity']),
  id: z.string(),
  title: z.string(),
  /** Activities only: whose timeline the activity is on (an activity has no page of its own). */
  contactId: z.string().optional(),
});

export const Document = z.object({
  id: z.string(),
  name: z.string(),
  /** A MIME type guessed from the name ('inode/directory' for a linked folder). */
  type: z.string(),
  /** Bytes; for a link, the size when it was linked (0 for a folder). */
  size: z.number(),
  /** Null for links: their content is not stored. */
  sha256: z.string().nullable(),
  mode: DocumentMode,
  /** Links only: where the file or folder is. */
  linkPath: z.string().nullable(),
  linkState: LinkState.nullable(),
  isFolder: z.boolean(),
  note: z.string().nullable(),
  links: z.array(DocumentTarget),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Document = z.infer<typeof Document>;

export const DocumentPreview = z.object({ type: z.string(), base64: z.string() });

export const DocumentCheck = z.object({
  checkedRows: z.number().int(),
  checkedBlobs: z.number().int(),
  /** Rows whose stored file is gone. */
  missingBlobs: z.array(z.object({ documentId: z.string(), name: z.string(), sha256: z.string() })),
  /** Stored files whose content no longer matches their name (the hash). */
  corruptBlobs: z.array(z.object({ sha256: z.string(), actual: z.string() })),
  /** Stored files no row points at (not even a row in Trash). */
  orphanBlobs: z.array(z.string()),
  /** Links whose target has moved or vanished. */
  brokenLinks: z.array(z.object({ documentId: z.string(), name: z.string(), path: z.string() })),
});

export const DocumentSettings = z.object({ maxFileBytes: z.number().int() });
export const DocumentSettingsUpdate = z.strictObject({
  maxFileBytes: z.number().int().min(1024, { message: 'At least 1 KB' }).max(8 * 1024 ** 3, { message: 'At most 8 GB' }),
});

export const EmptyTrashResult = z.object({ documents: z.number().int(), blobsRemoved: z.number().int(), bytesFreed: z.number() });
