// Invoice drafts (issue #23): made from an accepted quote (its counted lines copied, once: quotes.quote_id is UNIQUE
// in invoices) or from a job (one line for the job's value, to edit); changed and deleted only while drafts, since
// a sent invoice is final. Every save prices the lines again with sale-pricing.ts, the one totals function.
// No SQL (db/invoices*.repo.ts), no `electron` import.
import type { Kysely } from 'kysely';
import type { Invoice } from '../../../shared/domain/invoice';
import type { Line, LineInput } from '../../../shared/domain/quote';
import { lineInputOf, priceDocument } from '../../../shared/domain/sale-pricing';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { deleteInvoice, insertInvoice, invoiceOfQuote, quoteForInvoice, taxRateForLine, updateInvoice } from '../../db/invoices.repo';
import { listInvoices, outstanding } from '../../db/invoices.list.repo';
import { findJob } from '../../db/jobs.repo';
import { discountOf, linesOf, replaceLines, totalsColumns } from '../../db/sale-lines.repo';
import type { DB } from '../../db/schema';
import type { FeatureContext } from '../modules';
import { checkLines } from '../quotes/quotes';
import { loadSalesSettings } from '../quotes/settings';
import { loadInvoice, requireInvoice, todayOf, toSummary } from './view';

export const FINAL = 'A sent invoice cannot be changed: record a credit note as a new invoice with a negative line';

/** What a new draft starts from: the document's own terms and lines, before pricing. */
type Draft = {
  quoteId: string | null;
  jobId: string | null;
  contactId: string | null;
  companyId: string | null;
  title: string;
  currency: string;
  pricesIncludeTax: boolean;
  rounding: 'line' | 'document';
  discount: Invoice['discount'];
  locale: string | null;
  pageSize: 'A4' | 'Letter';
  lines: (LineInput | Line)[];
};

/** What a draft has not got yet: it gets them all when sent (send.ts). */
const NOT_SENT = { issued_on: null, sent_at: null, pdf_document_id: null, pdf_sha256: null, client_snapshot: null, business_snapshot: null } as const;

const discountColumns = (d: Invoice['discount']) => ({
  discount_kind: d?.kind ?? null,
  discount_value: d ? (d.kind === 'percent' ? d.milliPct : d.minor) : null,
});

/** The quote's counted lines and headings (optional lines the client did not choose are left out). */
const countedLines = (lines: readonly Line[]): LineInput[] =>
  lines
    .filter((l) => l.kind === 'heading' || l.counted)
    // A chosen optional line is simply a line on the invoice: it was agreed, so nothing about it is optional now.
    .map((l) => ({ ...lineInputOf(l), ...(l.kind === 'item' ? { optional: false, chosen: false } : {}) }) as LineInput);

async function fromQuote(trx: Kysely<DB>, quoteId: string): Promise<Draft> {
  const quote = await quoteForInvoice(trx, quoteId);
  if (!quote) throw AppError.validation('quoteId', 'There is no such quote');
  if (quote.status !== 'accepted') throw AppError.validation('quoteId', 'Only an accepted quote can be invoiced: accept it first');
  const made = await invoiceOfQuote(trx, quoteId);
  if (made) {
    const as = made.number ? `as ${made.number}` : 'as a draft invoice';
    throw AppError.validation('quoteId', `Quote ${quote.number ?? '(unnumbered)'} was invoiced already ${as}`);
  }
  return {
    quoteId,
    jobId: quote.job_id,
    contactId: quote.contact_id,
    companyId: quote.company_id,
    title: quote.title,
    currency: quote.currency,
    pricesIncludeTax: quote.prices_include_tax === 1,
    rounding: quote.rounding,
    discount: discountOf(quote.discount_kind, quote.discount_value),
    locale: quote.locale,
    pageSize: quote.page_size,
    lines: countedLines(await linesOf(trx, { quoteId })),
  };
}

async function fromJob(trx: Kysely<DB>, jobId: string): Promise<Draft> {
  const job = await findJob(trx, jobId);
  if (!job || job.deleted_at) throw AppError.validation('jobId', 'There is no such job');
  const settings = await loadSalesSettings(trx);
  const tax = settings.defaultTaxRateId ? await taxRateForLine(trx, settings.defaultTaxRateId) : undefined;
  if (!tax) throw AppError.validation('jobId', 'Choose a default tax rate in the sales settings first');
  return {
    quoteId: null,
    jobId,
    contactId: job.contact_id,
    companyId: job.company_id,
    title: job.title,
    currency: job.currency,
    // The job's value is taken as net of tax, unless the business enters prices with tax included.
    pricesIncludeTax: settings.pricesIncludeTax,
    rounding: settings.rounding,
    discount: null,
    locale: settings.locale,
    pageSize: settings.pageSize,
    // A job without a value gets a 0 line to fill in before sending.
    lines: [{ kind: 'item', description: job.title, quantityMilli: 1000, unitPriceE4: (job.amount_minor ?? 0) * 10_000, taxes: [tax], optional: false, chosen: false }],
  };
}

export function createInvoices(ctx: FeatureContext) {
  const { db, clock, events, newId } = ctx.deps;
  const today = () => todayOf(clock.now());
  const changed = (action: 'created' | 'updated' | 'deleted', ids: string[]) => events.emit('data.changed', { entity: 'invoice', action, ids });

  const get = (id: string): Promise<Invoice> => loadInvoice(db, id, today());

  async function create(input: ChannelParsedInput<'invoices.create'>): Promise<ChannelOutput<'invoices.create'>> {
    if (!input.quoteId && !input.jobId) throw AppError.validation('quoteId', 'Choose the accepted quote or the job to invoice');
    const id = newId();
    const draft = await db.transaction().execute(async (trx) => {
      const from = input.quoteId ? await fromQuote(trx, input.quoteId) : await fromJob(trx, input.jobId!);
      if (input.quoteId && input.jobId && from.jobId !== input.jobId) throw AppError.validation('jobId', 'That quote is for another job');
      const settings = await loadSalesSettings(trx);
      const priced = priceDocument({ ...from, lines: input.lines ? await checkLines(trx, input.lines) : from.lines }, newId);
      const now = clock.now().toISOString();
      await insertInvoice(trx, {
        id,
        number: null,
        status: 'draft',
        title: from.title,
        quote_id: from.quoteId,
        job_id: from.jobId,
        contact_id: from.contactId,
        company_id: from.companyId,
        currency: from.currency,
        prices_include_tax: from.pricesIncludeTax ? 1 : 0,
        rounding: from.rounding,
        ...discountColumns(from.discount),
        notes: input.notes ?? null,
        terms: input.terms ?? (settings.invoiceTerms || null),
        locale: from.locale,
        page_size: from.pageSize,
        ...NOT_SENT,
        due_date: input.dueDate ?? null,
        payment_terms_days: input.paymentTermsDays ?? settings.paymentTermsDays,
        paid_minor: 0,
        paid_at: null,
        // totalsColumns fills every totals column; its type (Updateable) only says they may be left out.
        ...(totalsColumns(priced.totals) as Required<ReturnType<typeof totalsColumns>>),
        created_at: now,
        updated_at: now,
      });
      await replaceLines(trx, { invoiceId: id }, priced.lines);
      return from;
    });
    changed('created', [id]);
    if (draft.quoteId) events.emit('data.changed', { entity: 'quote', action: 'updated', ids: [draft.quoteId] });
    return get(id);
  }

  async function update(input: ChannelParsedInput<'invoices.update'>): Promise<ChannelOutput<'invoices.update'>> {
    await db.transaction().execute(async (trx) => {
      const row = await requireInvoice(trx, input.id);
      if (row.status !== 'draft') throw AppError.validation('id', FINAL);
      const discount = input.discount === undefined ? discountOf(row.discount_kind, row.discount_value) : input.discount;
      const lines = input.lines ? await checkLines(trx, input.lines) : await linesOf(trx, { invoiceId: row.id });
      const priced = priceDocument({ currency: row.currency, pricesIncludeTax: row.prices_include_tax === 1, rounding: row.rounding, discount, lines }, newId);
      await updateInvoice(trx, row.id, {
        ...discountColumns(discount),
        ...(input.dueDate !== undefined ? { due_date: input.dueDate } : {}),
        ...(input.paymentTermsDays !== undefined ? { payment_terms_days: input.paymentTermsDays } : {}),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        ...(input.terms !== undefined ? { terms: input.terms } : {}),
        ...totalsColumns(priced.totals),
        updated_at: clock.now().toISOString(),
      });
      await replaceLines(trx, { invoiceId: row.id }, priced.lines);
    });
    changed('updated', [input.id]);
    return get(input.id);
  }

  /** A draft only; a draft made from a quote frees the quote to be invoiced again. */
  async function remove(id: string): Promise<ChannelOutput<'invoices.delete'>> {
    const row = await db.transaction().execute(async (trx) => {
      const found = await requireInvoice(trx, id);
      if (found.status !== 'draft') throw AppError.validation('id', FINAL);
      await deleteInvoice(trx, id);
      return found;
    });
    changed('deleted', [id]);
    if (row.quote_id) events.emit('data.changed', { entity: 'quote', action: 'updated', ids: [row.quote_id] });
    return { ok: true };
  }

  async function list(input: ChannelParsedInput<'invoices.list'>): Promise<ChannelOutput<'invoices.list'>> {
    const day = today();
    const page = await listInvoices(db, input, day);
    return { items: page.items.map((r) => toSummary(r, day)), total: page.total, nextCursor: page.nextCursor, outstanding: await outstanding(db, day) };
  }

  return { create, get, update, remove, list };
}
