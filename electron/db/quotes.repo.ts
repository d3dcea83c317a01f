// Quotes (issue #23, migration 0024): one row per revision (root_id ties the revisions of one quote together), the
// lines in sale_lines (sale-lines.repo.ts), the totals stored from quote-totals.ts on every save. All quote SQL and
// row mapping; the list is quotes.list.repo.ts. Never imports core or `electron`.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DiscountInput, Line, Quote, StoredTotals } from '../../shared/domain/quote';
import { discountOf, linesOf, totalsColumns, totalsOf } from './sale-lines.repo';
import type { DB } from './schema';
import type { QuotesTable } from './schema.quotes';

export type QuoteRow = Selectable<QuotesTable> & { contact_name: string | null; company_name: string | null; job_title: string | null };
export type QuoteInsert = Insertable<QuotesTable>;
export type QuotePatch = Updateable<QuotesTable>;

/** A quote joined with the names it shows (contact, company, job). */
export function quoteRows(db: Kysely<DB>) {
  return db
    .selectFrom('quotes as q')
    .leftJoin('contacts as c', 'c.id', 'q.contact_id')
    .leftJoin('companies as co', 'co.id', 'q.company_id')
    .leftJoin('jobs as j', 'j.id', 'q.job_id')
    .selectAll('q')
    .select(['c.display_name as contact_name', 'co.name as company_name', 'j.title as job_title']);
}

export async function findQuote(db: Kysely<DB>, id: string): Promise<QuoteRow | undefined> {
  return (await quoteRows(db).where('q.id', '=', id).executeTakeFirst()) as QuoteRow | undefined;
}

export async function findQuotes(db: Kysely<DB>, ids: readonly string[]): Promise<QuoteRow[]> {
  if (ids.length === 0) return [];
  return (await quoteRows(db).where('q.id', 'in', ids).execute()) as QuoteRow[];
}

/** The highest revision of a quote (the one that may be revised, accepted or declined). */
export async function latestRevision(db: Kysely<DB>, rootId: string): Promise<{ id: string; revision: number; status: QuotesTable['status'] } | undefined> {
  return db.selectFrom('quotes').select(['id', 'revision', 'status']).where('root_id', '=', rootId).orderBy('revision', 'desc').limit(1).executeTakeFirst();
}

/** The revision that is out with the client (sent, not yet answered), other than `exceptId`. */
export async function sentRevisionOf(db: Kysely<DB>, rootId: string, exceptId: string): Promise<string | undefined> {
  const row = await db.selectFrom('quotes').select('id').where('root_id', '=', rootId).where('id', '!=', exceptId).where('status', '=', 'sent').executeTakeFirst();
  return row?.id;
}

export async function insertQuote(db: Kysely<DB>, row: QuoteInsert): Promise<void> {
  await db.insertInto('quotes').values(row).execute();
}

export async function updateQuote(db: Kysely<DB>, id: string, patch: QuotePatch): Promise<void> {
  await db.updateTable('quotes').set(patch).where('id', '=', id).execute();
}

/** Sets the number the first send gave on every revision of the quote (all share it, drafts included). */
export async function setBaseNumber(db: Kysely<DB>, rootId: string, baseNumber: string): Promise<void> {
  await db.updateTable('quotes').set({ base_number: baseNumber }).where('root_id', '=', rootId).where('base_number', 'is', null).execute();
}

/** Deletes a draft and its lines (sale_lines cascade) and the follow-ups that named it. */
export async function deleteQuote(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('tasks').set({ quote_id: null }).where('quote_id', '=', id).execute();
  await db.deleteFrom('quotes').where('id', '=', id).execute();
}

type PricingColumns = Pick<QuoteInsert, 'currency' | 'prices_include_tax' | 'rounding' | 'discount_kind' | 'discount_value'> & Required<ReturnType<typeof totalsColumns>>;

/** The columns priceDocument's inputs and stored totals go to, for a new quote and a changed draft alike. */
export function pricingColumns(doc: { currency: string; pricesIncludeTax: boolean; rounding: 'line' | 'document'; discount: DiscountInput | null | undefined }, totals: StoredTotals): PricingColumns {
  const d = doc.discount;
  return {
    currency: doc.currency,
    prices_include_tax: doc.pricesIncludeTax ? 1 : 0,
    rounding: doc.rounding,
    discount_kind: d?.kind ?? null,
    discount_value: d ? (d.kind === 'percent' ? d.milliPct : d.minor) : null,
    // totalsColumns fills every totals column; its type (Updateable) only says they may be left out.
    ...(totalsColumns(totals) as Required<ReturnType<typeof totalsColumns>>),
  };
}

/** The wire shape; `today` (YYYY-MM-DD, the user's day) decides `expired`. */
export function toQuote(r: QuoteRow, lines: Line[], today: string): Quote {
  return {
    id: r.id,
    number: r.number,
    revision: r.revision,
    rootId: r.root_id,
    status: r.status,
    expired: isExpired(r, today),
    title: r.title,
    jobId: r.job_id,
    jobTitle: r.job_title,
    contactId: r.contact_id,
    contactName: r.contact_name,
    companyId: r.company_id,
    companyName: r.company_name,
    currency: r.currency,
    pricesIncludeTax: r.prices_include_tax === 1,
    rounding: r.rounding,
    discount: discountOf(r.discount_kind, r.discount_value),
    lines,
    totals: totalsOf(r),
    notes: r.notes,
    terms: r.terms,
    validUntil: r.valid_until,
    locale: r.locale,
    pageSize: r.page_size,
    issuedOn: r.issued_on,
    sentAt: r.sent_at,
    pdfDocumentId: r.pdf_document_id,
    pdfSha256: r.pdf_sha256,
    acceptedAt: r.accepted_at,
    acceptMethod: r.accept_method,
    evidenceActivityId: r.evidence_activity_id,
    evidenceDocumentId: r.evidence_document_id,
    declinedAt: r.declined_at,
    declineReason: r.decline_reason,
    invoiceId: null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Expired is derived, never stored: sent, unanswered, and its validity date is before today. */
export const isExpired = (r: Pick<QuotesTable, 'status' | 'valid_until'>, today: string): boolean => r.status === 'sent' && r.valid_until !== null && r.valid_until < today;

/** The full quote (lines and the invoice made from it). */
export async function loadQuote(db: Kysely<DB>, id: string, today: string): Promise<Quote | undefined> {
  const row = await findQuote(db, id);
  if (!row) return undefined;
  const invoice = await db.selectFrom('invoices').select('id').where('quote_id', '=', id).executeTakeFirst();
  return { ...toQuote(row, await linesOf(db, { quoteId: id }), today), invoiceId: invoice?.id ?? null };
}

/** Open follow-ups about a quote (the expiry reminder), to complete when it is answered or superseded. */
export async function completeQuoteTasks(db: Kysely<DB>, quoteIds: readonly string[], now: string): Promise<void> {
  if (quoteIds.length === 0) return;
  await db.updateTable('tasks').set({ completed_at: now, updated_at: now }).where('quote_id', 'in', quoteIds).where('completed_at', 'is', null).where('deleted_at', 'is', null).execute();
}

/** Sets the quote a task is about (insertTask knows only the older columns). */
export async function setTaskQuote(db: Kysely<DB>, taskId: string, quoteId: string): Promise<void> {
  await db.updateTable('tasks').set({ quote_id: quoteId }).where('id', '=', taskId).execute();
}

/** The names of these tax rates, by id (an id missing from the map no longer exists). */
export async function taxRatesExisting(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('tax_rates').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function productsExisting(db: Kysely<DB>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('products').select('id').where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}

/** Whether any of these tax rates is a reverse charge (the PDF then says the customer accounts for the VAT). */
export async function anyReverseCharge(db: Kysely<DB>, taxRateIds: readonly string[]): Promise<boolean> {
  if (taxRateIds.length === 0) return false;
  const hit = await db.selectFrom('tax_rates').select('id').where('id', 'in', [...new Set(taxRateIds)]).where('kind', '=', 'reverse_charge').executeTakeFirst();
  return hit !== undefined;
}
