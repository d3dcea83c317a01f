// Quote and invoice PDFs (issue #23), made offline: pdf-html.ts builds a script-free HTML page from the stored
// document (the same stored line and totals figures the screen and CSV show), the platform prints it (Electron's
// hidden sandboxed window; tests and the harness Chromium), and `storePdf` freezes the bytes into the job's
// documents with their SHA-256 so a re-send attaches the very same file.
// PLACEHOLDER signatures: filled in by the PDF work.
import type { Kysely } from 'kysely';
import type { StoredTotals, Line } from '../../../shared/domain/quote';
import { AppError } from '../../../shared/ipc/errors';
import type { DB } from '../../db/schema';
import type { FeatureContext } from '../modules';

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
}

export async function renderPdf(_ctx: FeatureContext, _doc: PrintableDocument): Promise<Uint8Array> {
  throw new AppError('UNAVAILABLE', 'PDFs cannot be made yet');
}

/** Writes the bytes into the documents store (content-addressed) outside any transaction; returns their hash. */
export async function storePdfBytes(_ctx: FeatureContext, _bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
  throw new AppError('UNAVAILABLE', 'PDFs cannot be stored yet');
}

/** Inside the sending transaction: the document row for stored bytes, linked to the job (and contact). */
export async function insertPdfDocument(
  _trx: Kysely<DB>,
  _ctx: FeatureContext,
  _pdf: { sha256: string; size: number; name: string; jobId: string | null; contactId: string | null },
): Promise<string> {
  throw new AppError('UNAVAILABLE', 'PDFs cannot be stored yet');
}
