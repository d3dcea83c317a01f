// What emails.send may attach, read into memory at Send time so the outbox row carries the bytes and a
// retry next week depends on neither the picked file nor the document still being there. Two kinds:
// a path the user picked this session with files.pick, or { documentId } of a stored document (its copy
// in the content-addressed store, or the file a 'link' document points at). Nothing else can be named,
// so the renderer cannot make main read an arbitrary file.
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { AttachmentInput } from '../../../shared/domain/email';
import { AppError } from '../../../shared/ipc/errors';
import { findDocument } from '../../db/documents.repo';
import type { StoredAttachment } from '../../db/email.repo';
import type { DB } from '../../db/schema';
import { createBlobStore } from '../documents/blob-store';
import { checkFile, readChecked, readPicked } from '../files/picked';
import type { FeatureContext } from '../modules';

export type Attachment = StoredAttachment;

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
const TOO_BIG = 'Attachments may total at most 25 MB';
/** Only a plain type/subtype goes into a header; anything else lets nodemailer guess from the name. */
const MIME = /^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/i;

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

export function createAttachmentReader(ctx: FeatureContext) {
  // The documents feature's own store (same root, same path rule): a blob's path comes only from its hash.
  const blobs = createBlobStore(join(ctx.dataDir, 'documents'));

  async function readPickedFile(path: string, field: string, budget: number): Promise<Attachment & { size: number }> {
    let content: Buffer;
    try {
      ({ bytes: content } = await readPicked(ctx.picks, path, field, 'attachment', { maxBytes: budget }));
    } catch (error) {
      // A picked file that has gone since is the user's to hear about on its line, not a missing record.
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw AppError.validation(field, 'The file cannot be read any more');
      throw error;
    }
    // basename is only the name shown to the recipient; nothing on disk is built from it.
    return { position: 0, filename: oneLine(basename(path)), contentType: null, content, size: content.length };
  }

  /** A linked document's file under the same rule as a picked one (it was picked when linked; it may have changed since). */
  async function readLinked(path: string, field: string, budget: number): Promise<Buffer> {
    return readChecked(checkFile(path, field, 'attachment', { maxBytes: budget }), field, 'attachment', { maxBytes: budget });
  }

  async function readDocument(db: Kysely<DB>, documentId: string, field: string, budget: number): Promise<Attachment & { size: number }> {
    const row = await findDocument(db, documentId);
    if (!row) throw AppError.validation(field, 'That document no longer exists');
    if (row.deletedAt) throw AppError.validation(field, `"${row.name}" is in the Trash: restore it to attach it`);
    if (row.isFolder) throw AppError.validation(field, `"${row.name}" is a linked folder; only files can be attached`);
    const path = row.mode === 'link' ? row.linkPath : row.sha256 ? blobs.pathOf(row.sha256) : null;
    const info = path ? await stat(path).catch(() => null) : null;
    if (!path || !info?.isFile()) {
      throw AppError.validation(
        field,
        row.mode === 'link'
          ? `"${row.name}" is no longer at ${row.linkPath ?? 'its linked place'}: it was moved or deleted`
          : `The stored copy of "${row.name}" is missing (run the documents check)`,
      );
    }
    if (info.size > budget) throw AppError.validation(field, TOO_BIG);
    let content: Buffer;
    try {
      content = row.mode === 'link' ? await readLinked(path, field, budget) : await readFile(path);
    } catch (error) {
      if (error instanceof AppError && error.code === 'VALIDATION') throw error;
      throw AppError.validation(field, `"${row.name}" cannot be read any more`);
    }
    // A linked file can grow between stat and read: the cap is on what is actually stored.
    if (content.length > budget) throw AppError.validation(field, TOO_BIG);
    return { position: 0, filename: oneLine(row.name) || 'document', contentType: MIME.test(row.type) ? row.type : null, content, size: content.length };
  }

  /** Every attachment in order, or a VALIDATION error naming `attachments.N`; the total is capped. */
  async function read(db: Kysely<DB>, list: readonly AttachmentInput[] | undefined): Promise<Attachment[]> {
    let total = 0;
    const out: Attachment[] = [];
    for (const [i, item] of (list ?? []).entries()) {
      const field = `attachments.${i}`;
      const budget = MAX_ATTACHMENT_BYTES - total;
      const { size, ...attachment } = typeof item === 'string' ? await readPickedFile(item, field, budget) : await readDocument(db, item.documentId, field, budget);
      total += size;
      out.push({ ...attachment, position: i });
    }
    return out;
  }

  return { read };
}
