// The client's answer to a quote (issue #23): accepting records how and when, the optional lines chosen and the
// evidence, re-prices with those lines counted, and moves the job (made now when the quote had none) to Won with the
// accepted NET total as its value: VAT is collected for the tax office, not earned, so the revenue reports count what
// the business keeps. The stage change writes the revenue milestone once (job-stage.ts), so accepting a later
// revision of a quote whose job is already won updates the value without counting the job twice. Declining moves
// the job to Lost with the reason (unless an earlier revision was accepted: that agreement stands).
import type { Kysely } from 'kysely';
import { priceDocument } from '../../../shared/domain/sale-pricing';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { findActivity, insertTask } from '../../db/activities.repo';
import { findDocument } from '../../db/documents.repo';
import { insertJob, listStages, rankFor } from '../../db/jobs.repo';
import { completeQuoteTasks, isExpired, latestRevision, setTaskQuote, updateQuote, type QuoteRow } from '../../db/quotes.repo';
import { discountOf, linesOf, replaceLines, totalsColumns } from '../../db/sale-lines.repo';
import type { DB } from '../../db/schema';
import { utc } from '../links';
import type { FeatureContext } from '../modules';
import { moveJobTo } from './job-stage';
import { dateInWords, quoteDays, type QuoteDays } from './quote-dates';
import { quoteLabel, requireQuote, type Quotes } from './quotes';

type Answer = 'accept' | 'decline';

/** Only the latest revision, once sent (expired included), can be answered; anything else is refused in words. */
async function answerable(trx: Kysely<DB>, row: QuoteRow, answer: Answer): Promise<void> {
  const latest = await latestRevision(trx, row.root_id);
  if (latest && latest.id !== row.id) {
    throw new AppError('CONFLICT', `${quoteLabel(row)} was replaced by revision ${latest.revision}: ${answer} that one${latest.status === 'draft' ? ' once it is sent' : ''}`);
  }
  if (row.status === 'draft') throw new AppError('CONFLICT', `Send the quote first, or mark it sent, before recording that the client ${answer === 'accept' ? 'accepted' : 'declined'} it`);
  if (row.status === 'accepted') throw new AppError('CONFLICT', `${quoteLabel(row)} was accepted already${answer === 'decline' ? ': make a revision if the client changed their mind' : ''}`);
  if (row.status === 'declined') throw new AppError('CONFLICT', `${quoteLabel(row)} was declined already${answer === 'accept' ? ': make a revision to offer it again' : ''}`);
}

export function createQuoteAnswers(ctx: FeatureContext, quotes: Quotes) {
  const { db, clock, events, newId } = ctx.deps;

  async function followUp(trx: Kysely<DB>, row: QuoteRow, jobId: string, title: string, dueAt: string, at: string): Promise<void> {
    const id = newId();
    await insertTask(trx, {
      id, title, dueAt, allDay: true, contactId: row.contact_id, jobId, priority: 'normal', notes: null,
      completedAt: null, remindedAt: null, createdAt: at, updatedAt: at, deletedAt: null,
    });
    await setTaskQuote(trx, id, row.id);
  }

  /** The quote's job, made now (title, contact, company, currency of the quote) when it had none or it was deleted. */
  async function jobFor(trx: Kysely<DB>, row: QuoteRow, at: string): Promise<{ id: string; created: boolean }> {
    if (row.job_id) {
      const live = await trx.selectFrom('jobs').select('id').where('id', '=', row.job_id).where('deleted_at', 'is', null).executeTakeFirst();
      if (live) return { id: live.id, created: false };
    }
    const id = newId();
    const first = (await listStages(trx))[0]!;
    await insertJob(trx, {
      id, title: row.title, contactId: row.contact_id, companyId: row.company_id, stageId: first.id, amountMinor: null, currency: row.currency,
      dueDate: null, probability: null, notes: null, lostReason: null, rank: await rankFor(trx, first.id, null, null),
      stageChangedAt: at, createdAt: at, updatedAt: at, deletedAt: null,
    });
    // Every revision belongs to the job, so the job's page lists the whole history of the quote.
    await trx.updateTable('quotes').set({ job_id: id }).where('root_id', '=', row.root_id).execute();
    return { id, created: true };
  }

  async function accept(input: ChannelParsedInput<'quotes.accept'>): Promise<ChannelOutput<'quotes.accept'>> {
    const at = input.at ? utc(input.at) : clock.now().toISOString();
    const result = await db.transaction().execute(async (trx) => {
      const row = await requireQuote(trx, input.id);
      await answerable(trx, row, 'accept');
      const days = await quoteDays(trx, clock.now().getTime());
      if (isExpired(row, days.today) && !input.acceptExpired) {
        throw AppError.validation('acceptExpired', `This quote expired on ${dateInWords(row.valid_until!)}: accept it anyway?`);
      }
      const lines = await linesOf(trx, { quoteId: row.id });
      const optional = new Set(lines.filter((l) => l.kind === 'item' && l.optional).map((l) => l.id));
      input.chosenLineIds.forEach((lineId, n) => {
        if (!optional.has(lineId)) throw AppError.validation(`chosenLineIds.${n}`, 'That is not an optional line of this quote');
      });
      if (input.evidenceActivityId) {
        const activity = await findActivity(trx, input.evidenceActivityId);
        if (!activity || activity.deleted_at) throw AppError.validation('evidenceActivityId', 'That email or note is no longer on the timeline');
      }
      if (input.evidenceDocumentId) {
        const doc = await findDocument(trx, input.evidenceDocumentId);
        if (!doc || doc.deletedAt) throw AppError.validation('evidenceDocumentId', 'That document is no longer in Documents');
      }
      const chosen = new Set(input.chosenLineIds);
      const priced = priceDocument(
        {
          currency: row.currency,
          pricesIncludeTax: row.prices_include_tax === 1,
          rounding: row.rounding,
          discount: discountOf(row.discount_kind, row.discount_value),
          lines: lines.map((l) => ({ ...l, chosen: l.optional && chosen.has(l.id) })),
        },
        newId,
      );
      await replaceLines(trx, { quoteId: row.id }, priced.lines);
      const job = await jobFor(trx, row, at);
      await updateQuote(trx, row.id, {
        ...totalsColumns(priced.totals),
        status: 'accepted',
        accepted_at: at,
        accept_method: input.method,
        evidence_activity_id: input.evidenceActivityId ?? null,
        evidence_document_id: input.evidenceDocumentId ?? null,
        job_id: job.id,
        updated_at: clock.now().toISOString(),
      });
      await moveJobTo(trx, job.id, 'won', at, { amountMinor: priced.totals.netTotalMinor, currency: row.currency });
      await closeExpiryTasks(trx, row.root_id, at);
      await addFollowUps(trx, row, job.id, input.followUps, days, at);
      return { id: row.id, job };
    });
    events.emit('data.changed', { entity: 'quote', action: 'updated', ids: [result.id] });
    events.emit('data.changed', { entity: 'job', action: result.job.created ? 'created' : 'updated', ids: [result.job.id] });
    events.emit('data.changed', { entity: 'task', action: 'updated', ids: [] });
    return quotes.get(result.id);
  }

  async function addFollowUps(trx: Kysely<DB>, row: QuoteRow, jobId: string, wanted: readonly ('startWork' | 'sendInvoice')[], days: QuoteDays, at: string) {
    if (wanted.includes('startWork')) await followUp(trx, row, jobId, `Start work: ${row.title}`, days.dueAt(days.nextWorkingDay(days.today)), at);
    if (wanted.includes('sendInvoice')) await followUp(trx, row, jobId, `Send invoice: ${row.title}`, days.dueAt(days.today), at);
  }

  /** The "expires soon" follow-ups of every revision: answered, there is nothing left to chase. */
  async function closeExpiryTasks(trx: Kysely<DB>, rootId: string, at: string) {
    const ids = (await trx.selectFrom('quotes').select('id').where('root_id', '=', rootId).execute()).map((r) => r.id);
    await completeQuoteTasks(trx, ids, at);
  }

  async function decline(input: ChannelParsedInput<'quotes.decline'>): Promise<ChannelOutput<'quotes.decline'>> {
    const at = input.at ? utc(input.at) : clock.now().toISOString();
    const jobId = await db.transaction().execute(async (trx) => {
      const row = await requireQuote(trx, input.id);
      await answerable(trx, row, 'decline');
      await updateQuote(trx, row.id, { status: 'declined', declined_at: at, decline_reason: input.reason ?? null, updated_at: clock.now().toISOString() });
      await closeExpiryTasks(trx, row.root_id, at);
      // A revision the client turns down leaves standing what they accepted earlier: the job stays Won.
      const acceptedBefore = await trx.selectFrom('quotes').select('id').where('root_id', '=', row.root_id).where('id', '!=', row.id).where('accepted_at', 'is not', null).executeTakeFirst();
      if (row.job_id && !acceptedBefore) await moveJobTo(trx, row.job_id, 'lost', at, { lostReason: input.reason ?? `${quoteLabel(row)} was declined` });
      return row.job_id;
    });
    events.emit('data.changed', { entity: 'quote', action: 'updated', ids: [input.id] });
    if (jobId) events.emit('data.changed', { entity: 'job', action: 'updated', ids: [jobId] });
    return quotes.get(input.id);
  }

  return { accept, decline };
}
