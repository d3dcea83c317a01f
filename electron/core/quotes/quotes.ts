// Quote drafts and revisions (issue #23): create on a job or a contact (or company) with the business's defaults,
// change and delete drafts only (a sent quote is locked), read and list, and revise a sent quote into the next
// draft revision. Every save prices the lines with priceDocument (sale-pricing.ts), the one totals path the screen,
// PDF and CSV share. Sending: send.ts; accept and decline: answer.ts. No SQL (db/quotes*.repo.ts).
import type { Kysely } from 'kysely';
import type { LineInput, Line } from '../../../shared/domain/quote';
import { priceDocument } from '../../../shared/domain/sale-pricing';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { findCompany } from '../../db/companies.repo';
import { findContact } from '../../db/contacts.repo';
import { findJob } from '../../db/jobs.repo';
import { listQuotes } from '../../db/quotes.list.repo';
import {
  deleteQuote,
  findQuote,
  insertQuote,
  latestRevision,
  loadQuote,
  pricingColumns,
  productsExisting,
  taxRatesExisting,
  toQuote,
  updateQuote,
  type QuoteRow,
} from '../../db/quotes.repo';
import { discountOf, linesOf, replaceLines } from '../../db/sale-lines.repo';
import type { DB } from '../../db/schema';
import type { FeatureContext } from '../modules';
import { addDays, quoteDays } from './quote-dates';
import { loadSalesSettings } from './settings';

type Quote = ChannelOutput<'quotes.get'>;

/** The quote's name in messages: its number once sent, else its title. */
export const quoteLabel = (r: Pick<QuoteRow, 'number' | 'title'>) => (r.number ? `Quote ${r.number}` : `The quote "${r.title}"`);

const STATUS_WORDS: Record<QuoteRow['status'], string> = { draft: 'is a draft', sent: 'was sent', accepted: 'was accepted', declined: 'was declined', superseded: 'was replaced by a later revision' };
export const statusWords = (status: QuoteRow['status']) => STATUS_WORDS[status];

/** A quote that exists, or a VALIDATION on `path`. */
export async function requireQuote(db: Kysely<DB>, id: string, path = 'id'): Promise<QuoteRow> {
  const row = await findQuote(db, id);
  if (!row) throw AppError.validation(path, 'There is no such quote');
  return row;
}

/**
 * Every tax rate a line names must exist, and a catalogue item it came from (paths name the line and tax). Returns
 * the lines with each tax's name copied in where the caller gave none, so the VAT summary and the PDF print the rate's
 * name as it was when the line was made ("VAT 20%"), never an id.
 */
export async function checkLines(db: Kysely<DB>, lines: readonly LineInput[]): Promise<LineInput[]> {
  const items = lines.flatMap((l, i) => (l.kind === 'item' ? [{ l, i }] : []));
  const rates = await taxRatesExisting(db, items.flatMap(({ l }) => l.taxes.map((t) => t.taxRateId)));
  const products = await productsExisting(db, items.flatMap(({ l }) => (l.productId ? [l.productId] : [])));
  for (const { l, i } of items) {
    l.taxes.forEach((t, m) => {
      if (!rates.has(t.taxRateId)) throw AppError.validation(`lines.${i}.taxes.${m}.taxRateId`, 'That tax rate no longer exists: choose another');
    });
    if (l.productId && !products.has(l.productId)) throw AppError.validation(`lines.${i}.productId`, 'That catalogue item no longer exists: pick another or type the line');
  }
  return lines.map((l) => (l.kind === 'item' ? { ...l, taxes: l.taxes.map((t) => ({ ...t, label: t.label || rates.get(t.taxRateId)! })) } : l));
}

/** Who the quote is for: the job's contact and company unless others are given; each must exist. */
async function partiesOf(db: Kysely<DB>, jobId: string | null, contactId: string | null | undefined, companyId: string | null | undefined) {
  const job = jobId ? await findJob(db, jobId) : undefined;
  if (jobId && (!job || job.deleted_at)) throw AppError.validation('jobId', 'There is no such job');
  const contact = contactId === undefined ? (job?.contact_id ?? null) : contactId;
  if (contact) {
    const found = await findContact(db, contact);
    if (!found || found.deletedAt) throw AppError.validation('contactId', 'There is no such contact');
  }
  let company = companyId === undefined ? (job?.company_id ?? null) : companyId;
  if (company === null && companyId === undefined && contact) company = (await findContact(db, contact))?.companyId ?? null;
  if (company) {
    const found = await findCompany(db, company);
    if (!found || found.deletedAt) throw AppError.validation('companyId', 'There is no such company');
  }
  if (!jobId && !contact && !company) throw AppError.validation('contactId', 'Choose who the quote is for: a job, a contact or a company');
  return { job, contactId: contact, companyId: company };
}

export function createQuotes(ctx: FeatureContext) {
  const { db, clock, events, newId } = ctx.deps;
  const now = () => clock.now().toISOString();
  const changed = (action: 'created' | 'updated' | 'deleted', ids: string[]) => events.emit('data.changed', { entity: 'quote', action, ids });
  const today = async (from: Kysely<DB> = db) => (await quoteDays(from, clock.now().getTime())).today;

  async function get(id: string, from: Kysely<DB> = db): Promise<Quote> {
    const quote = await loadQuote(from, id, await today(from));
    if (!quote) throw AppError.validation('id', 'There is no such quote');
    return quote;
  }

  async function create(input: ChannelParsedInput<'quotes.create'>): Promise<Quote> {
    const id = newId();
    await db.transaction().execute(async (trx) => {
      const settings = await loadSalesSettings(trx);
      const parties = await partiesOf(trx, input.jobId ?? null, input.contactId, input.companyId);
      const lines = await checkLines(trx, input.lines ?? []);
      const doc = {
        currency: input.currency ?? parties.job?.currency ?? settings.currency,
        pricesIncludeTax: input.pricesIncludeTax ?? settings.pricesIncludeTax,
        rounding: settings.rounding,
        discount: input.discount ?? null,
        lines,
      };
      const priced = priceDocument(doc, newId);
      const at = now();
      await insertQuote(trx, {
        id,
        root_id: id,
        revision: 1,
        base_number: null,
        number: null,
        status: 'draft',
        title: input.title,
        job_id: input.jobId ?? null,
        contact_id: parties.contactId,
        company_id: parties.companyId,
        ...pricingColumns(doc, priced.totals),
        notes: input.notes ?? null,
        terms: input.terms === undefined ? settings.quoteTerms || null : input.terms,
        locale: input.locale ?? settings.locale,
        page_size: input.pageSize ?? settings.pageSize,
        valid_until: input.validUntil === undefined ? addDays(await today(trx), settings.quoteValidityDays) : input.validUntil,
        created_at: at,
        updated_at: at,
      });
      await replaceLines(trx, { quoteId: id }, priced.lines);
    });
    changed('created', [id]);
    return get(id);
  }

  /** A draft, or CONFLICT in the app's words: a sent quote is changed by making a revision. */
  function assertDraft(row: QuoteRow): void {
    if (row.status === 'draft') return;
    const how = row.status === 'superseded' ? 'change the latest revision instead' : 'make a revision to change it';
    throw new AppError('CONFLICT', `${quoteLabel(row)} ${statusWords(row.status)} and is locked: ${how}`);
  }

  async function update(input: ChannelParsedInput<'quotes.update'>): Promise<Quote> {
    await db.transaction().execute(async (trx) => {
      const row = await requireQuote(trx, input.id);
      assertDraft(row);
      const jobId = input.jobId === undefined ? row.job_id : input.jobId;
      const jobChanged = input.jobId !== undefined && input.jobId !== row.job_id;
      const parties = await partiesOf(
        trx,
        jobId,
        input.contactId !== undefined ? input.contactId : jobChanged ? undefined : row.contact_id,
        input.companyId !== undefined ? input.companyId : jobChanged ? undefined : row.company_id,
      );
      const lines: readonly (LineInput | Line)[] = input.lines ? await checkLines(trx, input.lines) : await linesOf(trx, { quoteId: row.id });
      const doc = {
        currency: input.currency ?? row.currency,
        pricesIncludeTax: input.pricesIncludeTax ?? row.prices_include_tax === 1,
        // The business's one rounding rule, as it is now: a draft follows a change of the setting.
        rounding: (await loadSalesSettings(trx)).rounding,
        discount: input.discount === undefined ? discountOf(row.discount_kind, row.discount_value) : input.discount,
        lines,
      };
      const priced = priceDocument(doc, newId);
      await updateQuote(trx, row.id, {
        title: input.title ?? row.title,
        job_id: jobId,
        contact_id: parties.contactId,
        company_id: parties.companyId,
        ...pricingColumns(doc, priced.totals),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        ...(input.terms !== undefined ? { terms: input.terms } : {}),
        ...(input.validUntil !== undefined ? { valid_until: input.validUntil } : {}),
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        ...(input.pageSize !== undefined ? { page_size: input.pageSize } : {}),
        updated_at: now(),
      });
      await replaceLines(trx, { quoteId: row.id }, priced.lines);
    });
    changed('updated', [input.id]);
    return get(input.id);
  }

  async function remove(id: string): Promise<{ ok: true }> {
    await db.transaction().execute(async (trx) => {
      const row = await requireQuote(trx, id);
      // A sent quote has a number: it stays, so the numbers given have no gap and the record is whole.
      assertDraft(row);
      await deleteQuote(trx, id);
    });
    changed('deleted', [id]);
    return { ok: true };
  }

  /**
   * The next revision as a draft: same root and number base, lines copied with new ids and prices as quoted (a
   * revision keeps what was quoted until edited). Only the latest revision, once it is out with the client: sent
   * (expired or not), declined (the client wants a better offer) or accepted (the client asks for more work);
   * sending the revision supersedes it. A quote already invoiced is refused: the invoice was made from its figures.
   */
  async function revise(id: string): Promise<Quote> {
    const revisionId = newId();
    await db.transaction().execute(async (trx) => {
      const row = await requireQuote(trx, id);
      const latest = await latestRevision(trx, row.root_id);
      if (latest && latest.id !== row.id) {
        const hint = latest.status === 'draft' ? `revision ${latest.revision} is already being drafted: change that one` : `revise revision ${latest.revision}, the latest`;
        throw new AppError('CONFLICT', `${quoteLabel(row)} has a later revision: ${hint}`);
      }
      if (row.status === 'draft') throw new AppError('CONFLICT', `${quoteLabel(row)} is still a draft: change it directly, no revision is needed`);
      const invoice = await trx.selectFrom('invoices').select('number').where('quote_id', '=', row.id).executeTakeFirst();
      if (invoice) throw new AppError('CONFLICT', `${quoteLabel(row)} was invoiced${invoice.number ? ` (${invoice.number})` : ''}: make a new quote for further work`);
      const at = now();
      const lines = (await linesOf(trx, { quoteId: row.id })).map((l) => ({ ...l, id: newId() }));
      const { seq: _seq, contact_name: _c, company_name: _co, job_title: _j, ...copy } = row;
      await insertQuote(trx, {
        ...copy,
        id: revisionId,
        revision: row.revision + 1,
        number: null,
        status: 'draft',
        issued_on: null,
        sent_at: null,
        pdf_document_id: null,
        pdf_sha256: null,
        client_snapshot: null,
        business_snapshot: null,
        accepted_at: null,
        accept_method: null,
        evidence_activity_id: null,
        evidence_document_id: null,
        declined_at: null,
        decline_reason: null,
        superseded_by: null,
        created_at: at,
        updated_at: at,
      });
      await replaceLines(trx, { quoteId: revisionId }, lines);
    });
    changed('created', [revisionId]);
    return get(revisionId);
  }

  async function list(input: ChannelParsedInput<'quotes.list'>): Promise<ChannelOutput<'quotes.list'>> {
    const day = await today();
    const page = await listQuotes(db, input, day);
    return {
      items: page.items.map((r) => {
        const q = toQuote(r, [], day);
        return {
          id: q.id, number: q.number, revision: q.revision, rootId: q.rootId, status: q.status, expired: q.expired, title: q.title, jobId: q.jobId,
          contactId: q.contactId, contactName: q.contactName, companyName: q.companyName, currency: q.currency, validUntil: q.validUntil,
          sentAt: q.sentAt, createdAt: q.createdAt, updatedAt: q.updatedAt, grandTotalMinor: q.totals.grandTotalMinor, netTotalMinor: q.totals.netTotalMinor,
        };
      }),
      total: page.total,
      nextCursor: page.nextCursor,
    };
  }

  return { get, create, update, remove, revise, list, today };
}

export type Quotes = ReturnType<typeof createQuotes>;
