// The cases list (issue #22): filters, quick search (subject and description through cases_fts, or the case's label
// 'C-0042' / '42'), five sorts, keyset pages and a total. Cases of a contact in Trash are hidden with the contact.
// Never imports core or `electron`.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { CaseListInput } from '../../shared/domain/case';
import type { z } from 'zod';
import { AppError } from '../../shared/ipc/errors';
import type { CaseRow } from './cases.repo';
import { findCases } from './cases.repo';
import { toFtsQuery } from './fts';
import { decodeCursor, encodeCursor } from './keyset';
import type { DB } from './schema';

type ListInput = z.output<typeof CaseListInput>;

/** Past any real instant: cases without a pending due time sort after those with one. */
const NO_DUE = 8.64e15;
/** Each sort is a numeric or text key plus the case number (unique) as the tie-breaker, in one direction. */
const SORTS = {
  due: { key: sql`COALESCE(k.next_due_ms, ${NO_DUE})`, dir: 'asc' },
  created: { key: sql`k.opened_ms`, dir: 'desc' },
  updated: { key: sql`k.updated_at`, dir: 'desc' },
  priority: { key: sql`CASE k.priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END`, dir: 'desc' },
  number: { key: sql`k.number`, dir: 'desc' },
} as const;

function filters(q: ListInput, nowMs: number): RawBuilder<SqlBool>[] {
  const where: RawBuilder<SqlBool>[] = [];
  if (q.trashed) where.push(sql`k.deleted_at IS NOT NULL`);
  // The contact's Trash mark via the small set of trashed contacts (contacts_trash index, read once), not each case's
  // contact row: at 50,000 cases that was thousands of random reads (bench: ~110 ms a page, now a few ms).
  else where.push(sql`k.deleted_at IS NULL`, sql`k.contact_id NOT IN (SELECT id FROM contacts WHERE deleted_at IS NOT NULL)`);
  if (q.category === 'active') where.push(sql`k.category IN ('open', 'waiting')`);
  else if (q.category !== 'all') where.push(sql`k.category = ${q.category}`);
  if (q.statusId) where.push(sql`k.status_id = ${q.statusId}`);
  if (q.priority) where.push(sql`k.priority = ${q.priority}`);
  if (q.type) where.push(sql`k.type = ${q.type}`);
  if (q.contactId) where.push(sql`k.contact_id = ${q.contactId}`);
  if (q.companyId) where.push(sql`k.company_id = ${q.companyId}`);
  if (q.jobId) where.push(sql`k.job_id = ${q.jobId}`);
  if (q.dueWithinHours !== undefined) where.push(sql`k.next_due_ms IS NOT NULL AND k.next_due_ms <= ${nowMs + q.dueWithinHours * 3_600_000}`);
  if (q.query) {
    const label = /^\s*(?:c\s*-?\s*)?(\d{1,9})\s*$/i.exec(q.query);
    const fts = toFtsQuery(q.query);
    const parts: RawBuilder<SqlBool>[] = [];
    if (label) parts.push(sql`k.number = ${Number(label[1])}`);
    if (fts) parts.push(sql`k.seq IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ${fts})`);
    where.push(parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`0`);
  }
  return where;
}

/** A page of cases in the chosen order, the total matching, and the cursor of the next page. */
export async function listCases(db: Kysely<DB>, q: ListInput, nowMs: number): Promise<{ items: CaseRow[]; total: number; nextCursor: string | null }> {
  const sort = SORTS[q.sort];
  const where = filters(q, nowMs);
  const base = sql`FROM cases k WHERE ${sql.join(where, sql` AND `)}`;
  const { rows: counted } = await sql<{ n: number }>`SELECT COUNT(*) AS n ${base}`.execute(db);
  const page = [...where];
  if (q.cursor) {
    const after = decodeCursor(q.cursor);
    const number = Number(after.id);
    if (!Number.isInteger(number)) throw AppError.validation('cursor', 'Not a cursor this list gave out');
    page.push(sql<SqlBool>`(${sort.key}, k.number) ${sql.raw(sort.dir === 'asc' ? '>' : '<')} (${after.value}, ${number})`);
  }
  const dir = sql.raw(sort.dir === 'asc' ? 'ASC' : 'DESC');
  const { rows } = await sql<{ id: string; sort_key: string | number; number: number }>`SELECT k.id, ${sort.key} AS sort_key, k.number
    FROM cases k WHERE ${sql.join(page, sql` AND `)}
    ORDER BY sort_key ${dir}, k.number ${dir} LIMIT ${q.limit + 1}`.execute(db);
  const slice = rows.slice(0, q.limit);
  const last = slice.at(-1);
  const byId = new Map((await findCases(db, slice.map((r) => r.id))).map((r) => [r.id, r]));
  return {
    items: slice.map((r) => byId.get(r.id)!),
    total: Number(counted[0]?.n ?? 0),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.sort_key, String(last.number)) : null,
  };
}
