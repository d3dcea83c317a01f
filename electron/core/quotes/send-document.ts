// Sending a quote or an invoice (issue #23), one way for both: the number is taken, the PDF frozen into the job's
// documents and the email queued in ONE transaction, so a send that fails anywhere leaves no number used (no gap), no
// orphan document row and no email. The PDF has to print the number before that transaction, so the next number is
// read first, the PDF made with it, and the transaction checks it is still the next one (else it prints again: another
// send took it meanwhile). A re-send attaches the frozen bytes of the first send, never a new print.
import type { Kysely } from 'kysely';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { peekNumber, takeNumber, type SeriesKind } from '../../db/number-series.repo';
import type { DB } from '../../db/schema';
import type { Outbox } from '../email/outbox';
import type { MergeValues } from '../email/merge';
import type { FeatureContext } from '../modules';
import { insertPdfDocument, readStoredPdf, renderPdf, storePdfBytes, type PrintableDocument } from './pdf';

export type SendResult = ChannelOutput<'quotes.send'>;

export interface SendPlan {
  series: SeriesKind;
  pattern: string;
  resetYearly: boolean;
  /** The number when it is known already (a revision R2 of a sent quote, a re-send); null takes the series' next. */
  fixedNumber: string | null;
  /** A re-send: the document and hash frozen at the first send, attached again as they are. */
  frozen: { documentId: string; sha256: string } | null;
  /** The page to print, with the number it will carry. */
  printable(number: string): PrintableDocument;
  /** The PDF's file name (documents list and attachment): e.g. "Quote Q-2026-0007.pdf". */
  fileName(number: string): string;
  jobId: string | null;
  contactId: string | null;
  /** The email, or null to number, freeze and lock without one (handed over on paper). */
  email: null | {
    /** A contact (their first address) or an address typed in the send dialog. */
    to: { contactId: string } | { address: string };
    subject: string;
    body: string;
    templateId: string | null;
    /** {{quote.*}} or {{invoice.*}} values for this number. */
    values(number: string): MergeValues;
  };
  /** Inside the transaction, first: throws when the document may no longer be sent (changed meanwhile). */
  check(trx: Kysely<DB>): Promise<void>;
  /** Inside the transaction, last: the document's own rows (status, number, snapshots, follow-ups). */
  commit(trx: Kysely<DB>, sent: { number: string; pdfDocumentId: string; pdfSha256: string; outboxId: string | null }): Promise<void>;
}

/** Another send took the number this PDF was printed with: print again with the next one. */
class NumberMoved extends Error {}

export async function sendDocument(ctx: FeatureContext, outbox: Outbox, plan: SendPlan): Promise<SendResult> {
  const { db, clock } = ctx.deps;
  for (let attempt = 0; attempt < 5; attempt++) {
    const year = clock.now().getUTCFullYear();
    const number = plan.fixedNumber ?? (await peekNumber(db, plan.series, plan.pattern, plan.resetYearly, year));
    const bytes = plan.frozen ? await readStoredPdf(ctx, plan.frozen.sha256) : await renderPdf(ctx, plan.printable(number));
    const stored = plan.frozen ? { sha256: plan.frozen.sha256, size: bytes.length } : await storePdfBytes(ctx, bytes);
    try {
      const sent = await db.transaction().execute(async (trx) => {
        await plan.check(trx);
        if (plan.fixedNumber === null) {
          const taken = await takeNumber(trx, plan.series, plan.pattern, plan.resetYearly, year);
          if (taken !== number) throw new NumberMoved();
        }
        const pdfDocumentId =
          plan.frozen?.documentId ?? (await insertPdfDocument(trx, ctx, { sha256: stored.sha256, size: stored.size, name: plan.fileName(number), jobId: plan.jobId, contactId: plan.contactId }));
        const outboxId = plan.email ? await queueEmail(trx, outbox, plan, number, Buffer.from(bytes)) : null;
        await plan.commit(trx, { number, pdfDocumentId, pdfSha256: stored.sha256, outboxId });
        return { outboxId, number, pdfDocumentId, pdfSha256: stored.sha256 };
      });
      if (sent.outboxId) await outbox.queued([sent.outboxId]);
      return sent;
    } catch (error) {
      if (error instanceof NumberMoved) continue;
      // The bytes stay in the store unreferenced only until the next send of the same page (same hash) or a
      // Documents clean-up; a failed send must not also risk deleting bytes another document holds.
      throw error;
    }
  }
  throw new AppError('CONFLICT', 'Other documents were being sent at the same moment: send this one again');
}

async function queueEmail(trx: Kysely<DB>, outbox: Outbox, plan: SendPlan, number: string, pdf: Buffer): Promise<string> {
  const email = plan.email!;
  const to = await outbox.resolve([email.to], 'to', trx);
  const merged = await outbox.merged(email.subject, email.body, to, plan.jobId, trx, email.values(number));
  return outbox.insert(trx, {
    recipients: { to: to.map(({ address, name, contactId }) => ({ address, name, contactId })), cc: [], bcc: [] },
    subject: merged.subject,
    body: merged.body,
    templateId: email.templateId,
    jobId: plan.jobId,
    attachments: [{ position: 0, filename: plan.fileName(number), contentType: 'application/pdf', content: pdf }],
  });
}
