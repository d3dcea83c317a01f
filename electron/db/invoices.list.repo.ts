// The invoices list (issue #23): filters (status, "overdue", "unpaid", job, contact, a search), newest first in keyset
// pages, and the outstanding and overdue balances per currency that the list's header and Today show; plus the rows
// of the accountant's export. "Overdue" is derived here from the due date and today's date, never stored.
// Never imports core or `electron`.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { InvoiceListInput } from '../../shared/domain/invoice';
import { AppError } from '../../shared/ipc/errors';
import type { InvoiceRow } from './invoices.repo';
import { decodeCursor, encodeCursor } from './keyset';
import type { DB } from './schema';

type ListInput = z.output<typeof InvoiceListInput>;

/** Sent (wholly or partly unpaid): the invoices with money owed. */
const UNPAID = sql<SqlBool>`i.status IN ('sent', 'partlyPaid')`;
const overdueOn = (today: string) => sql<SqlBool>`i.status IN ('sent', 'partlyPaid') AND i.due_date IS NOT NULL AND i.due_date < ${today}`;

/** LIKE with the user's text taken literally (% and _ are not wildcards). */
const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filters(q: ListInput, today: string): RawBuilder<SqlBool>[] {
  const where: RawBuilder<SqlBool>[] = [sql<SqlBool>`1`];
  if (q.status === 'overdue') where.push(overdueOn(today));
  else if (q.status === 'unpaid') where.push(UNPAID);
  else if (q.status) where.push(sql<SqlBool>`i.status = ${q.status}`);
  if (q.jobId) where.push(sql<SqlBool>`i.job_id = ${q.jobId}`);
  if (q.contactId) where.push(sql<SqlBool>`i.contact_id = ${q.contactId}`);
  const query = q.query?.trim();
  if (query) {
    const p = like(query);
    where.push(
      sql<SqlBool>`(i.number LIKE ${p} ESCAPE '\\' OR i.title LIKE ${p} ESCAPE '\\' OR c.display_name LIKE ${p} ESCAPE '\\' OR co.name LIKE ${p} ESCAPE '\\' OR q.number LIKE ${p} ESCAPE '\\')`,
    );
  }
  return where;
}

const FROM = sql`FROM invoices i
  LEFT JOIN quotes q ON q.id = i.quote_id
  LEFT JOIN jobs j ON j.id = i.job_id
  LEFT JOIN contacts c ON c.id = i.contact_id
  LEFT JOIN companies co ON co.id = i.company_id`;
const COLUMNS = sql`i.*, q.number AS quote_number, j.title AS job_title, c.display_name AS contact_name, co.name AS company_name`;

/** A page of invoices, newest first (by when they were made), the total matching, and the next page's cursor. */
export async function listInvoices(db: Kysely<DB>, q: ListInput, today: string): Promise<{ items: InvoiceRow[]; total: number; nextCursor: string | null }> {
  const where = filters(q, today);
  const { rows: counted } = await sql<{ n: number }>`SELECT COUNT(*) AS n ${FROM} WHERE ${sql.join(where, sql` AND `)}`.execute(db);
  const page = [...where];
  if (q.cursor) {
    const after = decodeCursor(q.cursor);
    if (typeof after.value !== 'number') throw AppError.validation('cursor', 'Not a cursor this list gave out');
    page.push(sql<SqlBool>`i.seq < ${after.value}`);
  }
  const { rows } = await sql<InvoiceRow>`SELECT ${COLUMNS} ${FROM} WHERE ${sql.join(page, sql` AND `)} ORDER BY i.seq DESC LIMIT ${q.limit + 1}`.execute(db);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return { items, total: Number(counted[0]?.n ?? 0), nextCursor: rows.length > q.limit && last ? encodeCursor(last.seq, last.id) : null };
}

/** What is owed per currency (every unpaid invoice, whatever the list's filter), and how much of it is overdue. */
export async function outstanding(db: Kysely<DB>, today: string) {
  const { rows } = await sql<{ currency: string; balance: number; overdue: number; overdue_count: number }>`SELECT i.currency,
      SUM(i.grand_total_minor - i.paid_minor) AS balance,
      SUM(CASE WHEN ${overdueOn(today)} THEN i.grand_total_minor - i.paid_minor ELSE 0 END) AS overdue,
      SUM(CASE WHEN ${overdueOn(today)} THEN 1 ELSE 0 END) AS overdue_count
    FROM invoices i WHERE ${UNPAID} GROUP BY i.currency ORDER BY i.currency`.execute(db);
  return rows.map((r) => ({ currency: r.currency, balanceMinor: Number(r.balance), overdueMinor: Number(r.overdue), overdueCount: Number(r.overdue_count) }));
}

/** Invoices issued in [from, to] (drafts have no issue date, so never appear), in number order, for the export. */
export async function issuedBetween(db: Kysely<DB>, from: string, to: string): Promise<InvoiceRow[]> {
  const { rows } = await sql<InvoiceRow>`SELECT ${COLUMNS} ${FROM}
    WHERE i.issued_on IS NOT NULL AND i.issued_on >= ${from} AND i.issued_on <= ${to} AND i.status <> 'draft'
    ORDER BY i.issued_on, i.number`.execute(db);
  return rows;
}
