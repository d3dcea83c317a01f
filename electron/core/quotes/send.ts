// Sending a quote (issue #23) through send-document.ts: the first send numbers it (Q-2026-0007, or Q-2026-0007-R2 for
// a revision: the number base is the quote's, given once), freezes the PDF and queues the email in one transaction,
// then locks it, supersedes the revision it replaces and sets the "quote expires soon" follow-up. A re-send of a
// sent quote attaches the frozen bytes under the same number and changes nothing else.
import type { Kysely } from 'kysely';
import { formatMoney } from '../../../shared/domain/money';
import { revisionNumber } from '../../../shared/domain/numbering';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { insertTask } from '../../db/activities.repo';
import { findContact } from '../../db/contacts.repo';
import { findTemplate } from '../../db/email.repo';
import { completeQuoteTasks, findQuote, setBaseNumber, setTaskQuote, updateQuote, type QuoteRow } from '../../db/quotes.repo';
import type { DB } from '../../db/schema';
import type { Outbox } from '../email/outbox';
import type { MergeValues } from '../email/merge';
import type { FeatureContext } from '../modules';
import { quotePrintParts } from './printable';
import { addDays, dateInWords, quoteDays } from './quote-dates';
import { quoteLabel, requireQuote, statusWords, type Quotes } from './quotes';
import { sendDocument } from './send-document';
import { loadSalesSettings } from './settings';

export const DEFAULT_QUOTE_SUBJECT = 'Quote {{quote.number}}: {{quote.title}}';
export const DEFAULT_QUOTE_BODY = [
  'Hello {{firstName|there}},',
  '',
  'Please find attached our quote {{quote.number}} for {{quote.title}}: {{quote.total}} in total, valid until {{quote.validUntil}}.',
  '',
  'Reply to this email to accept it, or with any questions.',
].join('\n');

/** A date for the client's email, in their locale ("12 January 2027" in en-GB). */
export function readableDate(date: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00.000Z`));
  } catch {
    return dateInWords(date);
  }
}

/** Where the email goes: the address typed, else the quote's contact (who must have one). */
async function recipientOf(db: Kysely<DB>, row: QuoteRow, to: string | undefined): Promise<{ contactId: string } | { address: string }> {
  if (to) return { address: to };
  const contact = row.contact_id ? await findContact(db, row.contact_id) : undefined;
  if (!contact || contact.deletedAt) throw AppError.validation('to', `${row.company_name ?? 'This quote'} has no contact to email: type the address to send it to`);
  if (!contact.emails[0]?.value) throw AppError.validation('to', `${contact.displayName} has no email address: add one, or type the address`);
  return { contactId: contact.id };
}

export function createQuoteSend(ctx: FeatureContext, outbox: Outbox, quotes: Quotes) {
  const { db, clock, events, newId } = ctx.deps;

  async function send(input: ChannelParsedInput<'quotes.send'>): Promise<ChannelOutput<'quotes.send'>> {
    const row = await requireQuote(db, input.id);
    const resend = row.status !== 'draft';
    if (resend && (row.status === 'superseded' || !row.number || !row.pdf_document_id || !row.pdf_sha256)) {
      throw new AppError('CONFLICT', `${quoteLabel(row)} ${statusWords(row.status)}: send the latest revision instead`);
    }
    const quote = await quotes.get(row.id);
    if (!resend && !quote.lines.some((l) => l.kind === 'item')) throw AppError.validation('lines', 'Add at least one line before sending the quote');
    const settings = await loadSalesSettings(db);
    const days = await quoteDays(db, clock.now().getTime());
    const locale = quote.locale ?? settings.locale;
    const to = input.markSentOnly ? null : await recipientOf(db, row, input.to);
    const template = input.templateId ? await findTemplate(db, input.templateId) : undefined;
    if (input.templateId && (!template || template.deletedAt)) throw AppError.validation('templateId', 'This email template no longer exists; choose another');
    const parts = await quotePrintParts(ctx, db, quote, settings);
    const issuedOn = resend ? row.issued_on : days.today;
    const supersededIds: string[] = [];

    const result = await sendDocument(ctx, outbox, {
      series: 'quote',
      pattern: settings.quotePattern,
      resetYearly: settings.quoteResetYearly,
      fixedNumber: resend ? row.number : row.base_number ? revisionNumber(row.base_number, row.revision) : null,
      frozen: resend ? { documentId: row.pdf_document_id!, sha256: row.pdf_sha256! } : null,
      printable: (number) => parts.printable(number, issuedOn),
      fileName: (number) => `Quote ${number}.pdf`,
      jobId: row.job_id,
      contactId: row.contact_id,
      email: to && {
        to,
        subject: input.subject ?? template?.subject ?? DEFAULT_QUOTE_SUBJECT,
        body: input.body ?? template?.body ?? DEFAULT_QUOTE_BODY,
        templateId: template?.id ?? null,
        values: (number): MergeValues => ({
          'quote.number': number,
          'quote.title': quote.title,
          'quote.total': formatMoney(quote.totals.grandTotalMinor, quote.currency, locale),
          'quote.validUntil': quote.validUntil ? readableDate(quote.validUntil, locale) : null,
        }),
      },
      async check(trx) {
        const now = await findQuote(trx, row.id);
        // Changed, sent or deleted since it was read: what was printed may not be what is stored.
        if (!now || now.status !== row.status || now.updated_at !== row.updated_at) {
          throw new AppError('CONFLICT', `${quoteLabel(row)} changed while it was being sent: look at it again, then send it`);
        }
      },
      async commit(trx, sent) {
        const at = clock.now().toISOString();
        if (resend) {
          await updateQuote(trx, row.id, { updated_at: at });
          return;
        }
        supersededIds.length = 0; // a retried transaction (another send took the number) starts again
        if (!row.base_number) await setBaseNumber(trx, row.root_id, sent.number);
        await updateQuote(trx, row.id, {
          status: 'sent',
          number: sent.number,
          issued_on: issuedOn,
          sent_at: at,
          pdf_document_id: sent.pdfDocumentId,
          pdf_sha256: sent.pdfSha256,
          client_snapshot: JSON.stringify(parts.client),
          business_snapshot: JSON.stringify({ ...parts.business, logo: parts.business.logo ? { mime: parts.business.logo.mime } : null }),
          updated_at: at,
        });
        supersededIds.push(...(await supersedeEarlier(trx, row, at)));
        await completeQuoteTasks(trx, supersededIds, at);
        if (row.valid_until) await expiryTask(trx, row, sent.number, settings.expiryReminderDays, days, at);
      },
    });
    events.emit('data.changed', { entity: 'quote', action: 'updated', ids: [row.id, ...supersededIds] });
    if (!resend) events.emit('data.changed', { entity: 'task', action: 'created', ids: [] });
    return result;
  }

  /** The revisions this one replaces (out with the client or answered) become superseded by it. */
  async function supersedeEarlier(trx: Kysely<DB>, row: QuoteRow, at: string): Promise<string[]> {
    const earlier = await trx
      .selectFrom('quotes')
      .select('id')
      .where('root_id', '=', row.root_id)
      .where('id', '!=', row.id)
      .where('status', 'in', ['sent', 'accepted', 'declined'])
      .execute();
    const ids = earlier.map((r) => r.id);
    if (ids.length) await trx.updateTable('quotes').set({ status: 'superseded', superseded_by: row.id, updated_at: at }).where('id', 'in', ids).execute();
    return ids;
  }

  /** "Quote Q-2026-0007 expires on 12 January 2027", due the set number of days before (today at the earliest). */
  async function expiryTask(trx: Kysely<DB>, row: QuoteRow, number: string, reminderDays: number, days: Awaited<ReturnType<typeof quoteDays>>, at: string) {
    const validUntil = row.valid_until!;
    const wanted = addDays(validUntil, -reminderDays);
    const due = wanted < days.today ? days.today : wanted;
    const id = newId();
    await insertTask(trx, {
      id,
      title: `Quote ${number} expires on ${dateInWords(validUntil)}`,
      dueAt: days.dueAt(due),
      allDay: true,
      contactId: row.contact_id,
      jobId: row.job_id,
      priority: 'normal',
      notes: `Ask ${row.contact_name ?? row.company_name ?? 'the client'} whether they want to go ahead with "${row.title}".`,
      completedAt: null,
      remindedAt: null,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    });
    await setTaskQuote(trx, id, row.id);
  }

  return { send };
}
