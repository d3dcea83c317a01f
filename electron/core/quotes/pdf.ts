// Quote and invoice PDFs (issue #23), made offline: pdf-html.ts builds a script-free HTML page from the stored
// document (the same stored line and totals figures the screen and CSV show), the platform prints it (Electron's
// hidden sandboxed window; tests and the harness Chromium), and `storePdf` freezes the bytes into the job's
// documents with their SHA-256 so a re-send attaches the very same file.
import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { StoredTotals, Line } from '../../../shared/domain/quote';
import { AppError } from '../../../shared/ipc/errors';
import { addLink, insertDocument } from '../../db/documents.repo';
import { anyReverseCharge } from '../../db/quotes.repo';
import type { DB } from '../../db/schema';
import { createBlobStore } from '../documents/blob-store';
import type { FeatureContext } from '../modules';
import { documentHtml } from './pdf-html';

const MAX_PDF_BYTES = 200 * 1024 * 1024;

export type PartyBlock = { name: string; lines: string[] };

/** Everything a quote or invoice PDF prints; made by quotes or invoices from their stored row. */
export interface PrintableDocument {
  kind: 'quote' | 'invoice';
  /** Null prints "DRAFT" in place of the number (a preview; never stored). */
  number: string | null;
  title: string;
  issuedOn: string | null;
  /** Quotes: valid until. */
  validUntil?: string | null;
  /** Invoices: due date, payments so far and bank details. */
  dueDate?: string | null;
  paidMinor?: number;
  bankDetails?: string;
  currency: string;
  locale: string;
  pageSize: 'A4' | 'Letter';
  pricesIncludeTax: boolean;
  business: PartyBlock & { vatNumber: string; companyNumber: string; email: string; phone: string; logo: { mime: string; base64: string } | null };
  client: PartyBlock;
  lines: Line[];
  totals: StoredTotals;
  notes: string | null;
  terms: string | null;
  /** Quote reference on an invoice ("Quote Q-2026-0007"). */
  reference?: string | null;
  /**
   * Whether a line uses a reverse-charge rate (the PDF then says the customer accounts for the VAT). Left out,
   * renderPdf looks the lines' rates up: a line's tax snapshot keeps the rate's id, not its kind.
   */
  reverseCharge?: boolean;
}

/** Whether any line carries a tax rate of kind reverse_charge (looked up by the ids the lines copied). */
export function usesReverseCharge(db: Kysely<DB>, lines: readonly Line[]): Promise<boolean> {
  return anyReverseCharge(db, lines.flatMap((l) => l.taxes.map((t) => t.taxRateId)));
}

/** How many pages a PDF has: each page is one /Type /Page object (Chromium writes them uncompressed). */
export function pdfPageCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** The PDF of a document: pdf-html.ts's page printed by the platform. UNAVAILABLE (in the app's words) when it cannot print. */
export async function renderPdf(ctx: FeatureContext, doc: PrintableDocument): Promise<Uint8Array> {
  const reverseCharge = doc.reverseCharge ?? (await usesReverseCharge(ctx.deps.db, doc.lines));
  let bytes: Uint8Array | null;
  try {
    bytes = await ctx.platform.printToPdf(documentHtml({ ...doc, reverseCharge }), { pageSize: doc.pageSize });
  } catch (error) {
    // The printer's own words (a crashed renderer, a timeout) go to the log; the window gets ours.
    ctx.logger.error('printing a PDF failed', { error: error instanceof Error ? error.message : String(error) });
    throw new AppError('UNAVAILABLE', 'The PDF could not be made. Try again; if it keeps failing, restart Rapport');
  }
  if (!bytes) throw new AppError('UNAVAILABLE', 'PDFs cannot be made here: open Rapport as the desktop app to make one');
  return bytes;
}

/** Writes the bytes into the documents store (content-addressed) outside any transaction; returns their hash. */
export async function storePdfBytes(ctx: FeatureContext, bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
  return storeBytes(ctx, bytes, MAX_PDF_BYTES);
}

/** Bytes made in main (a PDF, a picked logo read and checked) into the content-addressed documents store. */
export async function storeBytes(ctx: FeatureContext, bytes: Uint8Array, maxBytes: number): Promise<{ sha256: string; size: number }> {
  const blobs = createBlobStore(join(ctx.dataDir, 'documents'));
  // The store takes files (it hashes as it copies); a temp file beside it keeps the rename on one disk.
  const temp = join(ctx.dataDir, `.pdf-${randomUUID()}.tmp`);
  try {
    await writeFile(temp, bytes);
    const stored = await blobs.put(temp, { maxBytes, keepHead: 0 });
    return { sha256: stored.sha256, size: stored.size };
  } finally {
    await rm(temp, { force: true });
  }
}

/** The frozen bytes of a sent document, to attach again on a re-send (never made again). */
export async function readStoredPdf(ctx: FeatureContext, sha256: string): Promise<Buffer> {
  const blobs = createBlobStore(join(ctx.dataDir, 'documents'));
  try {
    return await readFile(blobs.pathOf(sha256));
  } catch {
    throw new AppError('NOT_FOUND', 'The PDF that was sent is missing from Documents; restore a backup to send the same file again');
  }
}

/** Inside the sending transaction: the document row for stored bytes, linked to the job and the contact. */
export function insertPdfDocument(
  trx: Kysely<DB>,
  ctx: FeatureContext,
  pdf: { sha256: string; size: number; name: string; jobId: string | null; contactId: string | null },
): Promise<string> {
  const links = [...(pdf.jobId ? [{ type: 'job' as const, id: pdf.jobId }] : []), ...(pdf.contactId ? [{ type: 'contact' as const, id: pdf.contactId }] : [])];
  return insertStoredDocument(trx, ctx, { ...pdf, type: 'application/pdf', note: 'Frozen when sent: a re-send attaches these very bytes', links });
}

/** A document row for bytes already in the store (storeBytes), with its links; returns its id. */
export async function insertStoredDocument(
  trx: Kysely<DB>,
  ctx: FeatureContext,
  doc: { sha256: string; size: number; name: string; type: string; note: string; links: { type: 'job' | 'contact'; id: string }[] },
): Promise<string> {
  const id = ctx.deps.newId();
  const now = ctx.deps.clock.now().toISOString();
  await insertDocument(trx, {
    id,
    name: doc.name,
    type: doc.type,
    size: doc.size,
    sha256: doc.sha256,
    mode: 'copy',
    linkPath: null,
    linkMtimeMs: null,
    isFolder: false,
    note: doc.note,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    content: null,
  });
  for (const link of doc.links) await addLink(trx, id, link.type, link.id, now);
  return id;
}
