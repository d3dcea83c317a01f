// The documents feature's part of the contract: channel -> input and output schemas, and its events.
// contract.ts and events.ts spread these in. Imports zod and shared/domain only.
import { z } from 'zod';
import {
  Document,
  DocumentAttach,
  DocumentCheck,
  DocumentLinkInput,
  DocumentListInput,
  DocumentPreview,
  DocumentRename,
  DocumentSettings,
  DocumentSettingsUpdate,
  EmptyTrashResult,
} from '../domain/document';
import type { DocumentsChannel } from './documents.channels';
import { ById, Empty } from './shapes';


export const documentsContract = {
  'documents.attach': { input: DocumentAttach, output: Document },
  'documents.get': { input: ById, output: Document },
  'documents.list': { input: DocumentListInput, output: z.object({ items: z.array(Document), total: z.number().int(), nextCursor: z.string().nullable() }) },
  /** Rename and/or change the note. */
  'documents.rename': { input: DocumentRename, output: Document },
  /** Also keep an existing document with another record (no second copy). */
  'documents.link': { input: DocumentLinkInput, output: Document },
  'documents.unlink': { input: DocumentLinkInput, output: Document },
  'documents.delete': { input: ById, output: Document },
  'documents.restore': { input: ById, output: Document },
  /** Removes documents in Trash for good, then every stored file no document uses. */
  'documents.emptyTrash': { input: Empty, output: EmptyTrashResult },
  /** Opens a document type with the OS app; a program, script, shortcut or link is shown in its folder instead (`revealed`). */
  'documents.open': { input: ById, output: z.object({ ok: z.literal(true), action: z.enum(['opened', 'revealed']) }) },
  'documents.reveal': { input: ById, output: z.object({ ok: z.literal(true) }) },
  /** Image or PDF bytes for the in-app viewer, under a size cap. */
  'documents.preview': { input: ById, output: DocumentPreview },
  /** Reports (never fixes) rows without their file, files with the wrong hash and files without a row. */
  'documents.check': { input: Empty, output: DocumentCheck },
  'documents.settings.get': { input: Empty, output: DocumentSettings },
  /** Changes the documents settings and returns them. */
  'documents.settings.update': { input: DocumentSettingsUpdate, output: DocumentSettings },
} as const satisfies Record<DocumentsChannel, { input: z.ZodType; output: z.ZodType }>;

export const documentsEvents = {} as const satisfies Record<string, z.ZodType>;
