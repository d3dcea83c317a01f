// Invoices and their payments (issue #23, migration 0024): the rows, their joins for display, and the payments.
// Lines and totals go through sale-lines.repo.ts (shared with quotes). The list and the accountant's export are in
// invoices.list.repo.ts. All SQL and row mapping; never imports core or `electron`.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from './schema';
import type { InvoicesTable, PaymentsTable } from './schema.quotes';

export type InvoiceRow = Selectable<InvoicesTable> & {
  quote_number: string | null;
  job_title: string | null;
  contact_name: string | null;
  company_name: string | null;
};
export type PaymentRow = Selectable<PaymentsTable>;

/** The invoice with the names it shows (quote number, job, contact, company), or undefined. */
export async function findInvoice(db: Kysely<DB>, id: string): Promise<InvoiceRow | undefined> {
  return db
    .selectFrom('invoices as i')
    .leftJoin('quotes as q', 'q.id', 'i.quote_id')
    .leftJoin('jobs as j', 'j.id', 'i.job_id')
    .leftJoin('contacts as c', 'c.id', 'i.contact_id')
    .leftJoin('companies as co', 'co.id', 'i.company_id')
    .selectAll('i')
    .select(['q.number as quote_number', 'j.title as job_title', 'c.display_name as contact_name', 'co.name as company_name'])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

export async function insertInvoice(db: Kysely<DB>, row: Insertable<InvoicesTable>): Promise<void> {
  await db.insertInto('invoices').values(row).execute();
}

export async function updateInvoice(db: Kysely<DB>, id: string, patch: Updateable<InvoicesTable>): Promise<void> {
  await db.updateTable('invoices').set(patch).where('id', '=', id).execute();
}

/** Removes a draft and its lines (explicitly: the lines' cascade needs foreign keys on, which a repair copy may lack). */
export async function deleteInvoice(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sale_lines').where('invoice_id', '=', id).execute();
  await db.deleteFrom('invoices').where('id', '=', id).execute();
}

/** The invoice made from a quote, if any (quotes.quote_id is UNIQUE: a quote is invoiced once). */
export async function invoiceOfQuote(db: Kysely<DB>, quoteId: string): Promise<{ id: string; number: string | null } | undefined> {
  return db.selectFrom('invoices').select(['id', 'number']).where('quote_id', '=', quoteId).executeTakeFirst();
}

export async function paymentsOf(db: Kysely<DB>, invoiceId: string): Promise<PaymentRow[]> {
  return db.selectFrom('payments').selectAll().where('invoice_id', '=', invoiceId).orderBy('paid_on').orderBy('seq').execute();
}

export async function insertPayment(db: Kysely<DB>, row: Insertable<PaymentsTable>): Promise<void> {
  await db.insertInto('payments').values(row).execute();
}

export async function deletePaymentRow(db: Kysely<DB>, invoiceId: string, paymentId: string): Promise<boolean> {
  const result = await db.deleteFrom('payments').where('id', '=', paymentId).where('invoice_id', '=', invoiceId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The open "Invoice … is due" follow-ups of an invoice, completed when it is paid in full (and reopened if not). */
export async function setDueTasksDone(db: Kysely<DB>, invoiceId: string, completedAt: string | null, now: string): Promise<void> {
  await db
    .updateTable('tasks')
    .set({ completed_at: completedAt, updated_at: now })
    .where('invoice_id', '=', invoiceId)
    .where('deleted_at', 'is', null)
    .where('completed_at', completedAt === null ? 'is not' : 'is', null)
    .execute();
}

/** Marks a follow-up task as being about this invoice (tasks.invoice_id, 0024). */
export async function setTaskInvoice(db: Kysely<DB>, taskId: string, invoiceId: string): Promise<void> {
  await db.updateTable('tasks').set({ invoice_id: invoiceId }).where('id', '=', taskId).execute();
}

/**
 * The client's VAT number, if the user keeps one: a custom field keyed "vatNumber" ("VAT number") on the company,
 * else on the contact. Printed on the invoice and written in the accountant's export.
 */
export async function clientVatNumber(db: Kysely<DB>, companyId: string | null, contactId: string | null): Promise<string | null> {
  for (const [recordType, recordId] of [
    ['company', companyId],
    ['contact', contactId],
  ] as const) {
    if (!recordId) continue;
    const row = await db
      .selectFrom('custom_values as v')
      .innerJoin('custom_fields as f', 'f.id', 'v.field_id')
      .select('v.text_value')
      .where('f.record_type', '=', recordType)
      .where('f.key', '=', 'vatNumber')
      .where('f.deleted_at', 'is', null)
      .where('v.record_id', '=', recordId)
      .executeTakeFirst();
    if (row?.text_value?.trim()) return row.text_value.trim();
  }
  return null;
}

/** The quote an invoice is made from (any status: the caller checks it was accepted). */
export async function quoteForInvoice(db: Kysely<DB>, quoteId: string) {
  return db.selectFrom('quotes').selectAll().where('id', '=', quoteId).executeTakeFirst();
}

/** A tax rate as a line copies it (id, percentage, name at the time). */
export async function taxRateForLine(db: Kysely<DB>, id: string): Promise<{ taxRateId: string; rateMilli: number; label: string } | undefined> {
  const row = await db.selectFrom('tax_rates').select(['id', 'rate_milli', 'name']).where('id', '=', id).executeTakeFirst();
  return row && { taxRateId: row.id, rateMilli: row.rate_milli, label: row.name };
}

/**
 * Ticks off the quote's "Send invoice: …" follow-up (quotes/answer.ts makes it when the quote is accepted) once the
 * invoice is sent. Matched by its fixed title prefix: the quote's other follow-up ("Start work") stays open.
 */
export async function completeSendInvoiceTasks(db: Kysely<DB>, quoteId: string, now: string): Promise<void> {
  await db
    .updateTable('tasks')
    .set({ completed_at: now, updated_at: now })
    .where('quote_id', '=', quoteId)
    .where('title', 'like', 'Send invoice:%')
    .where('completed_at', 'is', null)
    .where('deleted_at', 'is', null)
    .execute();
}
