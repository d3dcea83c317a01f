// quotes.pdf and invoices.pdf (issue #23): the PDF a user opens or saves. A sent document gives its FROZEN bytes (the
// very file the client received, read back from Documents by its hash, never printed again); a draft gives a preview
// printed now with "DRAFT" where the number goes, which is never stored. "Save as" writes where the user picks;
// otherwise a copy goes to <data>/opened/ (removed after a day, like opened documents) and opens in the PDF viewer.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { OPENED_DIR } from '../documents/documents';
import { writeFileAtomically } from '../export-file';
import { loadQuote } from '../../db/quotes.repo';
import { linesOf } from '../../db/sale-lines.repo';
import type { FeatureContext } from '../modules';
import { invoicePrintable } from '../invoices/printable';
import { addDays, requireInvoice, todayOf } from '../invoices/view';
import { pdfPageCount, readStoredPdf, renderPdf, type PrintableDocument } from './pdf';
import { quotePrintParts } from './printable';
import { quoteDays } from './quote-dates';
import { requireQuote } from './quotes';
import { loadSalesSettings } from './settings';

type PdfResult = ChannelOutput<'quotes.pdf'>;

/** A file name from the document's number (or DRAFT and its title) with nothing a file system or shell minds. */
export function pdfFileName(kind: 'Quote' | 'Invoice', number: string | null, title: string): string {
  const name = `${kind} ${number ?? `DRAFT ${title}`}`.replace(/[^\p{L}\p{N} ._-]+/gu, '-').replace(/\s+/g, ' ').trim().slice(0, 120);
  return `${name}.pdf`;
}

/** The bytes to hand over: frozen when the document was sent, else a fresh preview. */
type Made = { bytes: Uint8Array; frozen: boolean; sha256: string | null; name: string };

async function deliver(ctx: FeatureContext, made: Made, saveAs: boolean): Promise<PdfResult> {
  const pages = pdfPageCount(made.bytes);
  let path: string | null;
  if (saveAs) {
    path = await ctx.platform.saveTarget(made.name, [{ name: 'PDF', extensions: ['pdf'] }]);
    if (path === null) return { path: null, sha256: made.sha256, frozen: made.frozen, pages };
  } else {
    // A copy to open, never the stored file itself: a viewer that saves changes must not alter the frozen bytes.
    const dir = join(ctx.dataDir, OPENED_DIR);
    await mkdir(dir, { recursive: true });
    path = join(dir, `${Date.now()}-${made.name}`);
  }
  const target = path;
  await writeFileAtomically(target, (write) => write(made.bytes), ctx.dataDir);
  if (!saveAs) await ctx.platform.openPath(target);
  return { path: target, sha256: made.sha256, frozen: made.frozen, pages };
}

async function frozenOrPreview(ctx: FeatureContext, sha256: string | null, name: string, preview: () => Promise<PrintableDocument>): Promise<Made> {
  if (sha256) {
    const bytes = await readStoredPdf(ctx, sha256);
    // The store is content-addressed: bytes that no longer hash to their name were damaged on disk.
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      throw new AppError('CONFLICT', 'The PDF that was sent is damaged in Documents; restore a backup to get the same file again');
    }
    return { bytes, frozen: true, sha256, name };
  }
  return { bytes: await renderPdf(ctx, await preview()), frozen: false, sha256: null, name };
}

export async function quotePdfFile(ctx: FeatureContext, input: ChannelParsedInput<'quotes.pdf'>): Promise<PdfResult> {
  const { db } = ctx.deps;
  const row = await requireQuote(db, input.id);
  const made = await frozenOrPreview(ctx, row.pdf_sha256, pdfFileName('Quote', row.number, row.title), async () => {
    const today = (await quoteDays(db, ctx.deps.clock.now().getTime())).today;
    const quote = await loadQuote(db, row.id, today);
    if (!quote) throw AppError.validation('id', 'There is no such quote');
    const parts = await quotePrintParts(ctx, db, quote, await loadSalesSettings(db));
    return parts.printable(null, quote.issuedOn ?? today);
  });
  return deliver(ctx, made, input.saveAs);
}

export async function invoicePdfFile(ctx: FeatureContext, input: ChannelParsedInput<'invoices.pdf'>): Promise<PdfResult> {
  const { db, clock } = ctx.deps;
  const row = await requireInvoice(db, input.id);
  const made = await frozenOrPreview(ctx, row.pdf_sha256, pdfFileName('Invoice', row.number, row.title), async () => {
    const settings = await loadSalesSettings(db);
    const today = todayOf(clock.now());
    const issuedOn = row.issued_on ?? today;
    return invoicePrintable(ctx, db, row, await linesOf(db, { invoiceId: row.id }), settings, {
      number: null,
      issuedOn,
      dueDate: row.due_date ?? addDays(issuedOn, row.payment_terms_days),
    });
  });
  return deliver(ctx, made, input.saveAs);
}

