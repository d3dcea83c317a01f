// The quotes list (issue #23): filters (status, with the derived 'expired' and 'open'), a job, contact or company,
// a search on title and number, the latest revision of each quote unless every revision is asked for; newest first,
// keyset pages on (created_at, seq) and a total. Never imports core or `electron`.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { QuoteListInput } from '../../shared/domain/quote';
import { AppError } from '../../shared/ipc/errors';
import { decodeCursor, encodeCursor } from './keyset';
import { findQuotes, type QuoteRow } from './quotes.repo';
import type { DB } from './schema';

type ListInput = z.output<typeof QuoteListInput>;

/** LIKE's own wildcards typed by the user match themselves. */
const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filters(q: ListInput, today: string): RawBuilder<SqlBool>[] {
  const where: RawBuilder<SqlBool>[] = [sql`1`];
  if (!q.allRevisions) where.push(sql`q.revision = (SELECT MAX(r.revision) FROM quotes r WHERE r.root_id = q.root_id)`);
  if (q.status === 'expired') where.push(sql`q.status = 'sent' AND q.valid_until IS NOT NULL AND q.valid_until < ${today}`);
  else if (q.status === 'open') where.push(sql`q.status = 'sent' AND (q.valid_until IS NULL OR q.valid_until >= ${today})`);
  else if (q.status) where.push(sql`q.status = ${q.status}`);
  if (q.jobId) where.push(sql`q.job_id = ${q.jobId}`);
  if (q.contactId) where.push(sql`q.contact_id = ${q.contactId}`);
  if (q.companyId) where.push(sql`q.company_id = ${q.companyId}`);
  if (q.query) {
    const like = likeText(q.query.trim());
    where.push(sql`(q.title LIKE ${like} ESCAPE '\\' OR q.number LIKE ${like} ESCAPE '\\')`);
  }
  return where;
}

/** A page of quotes, newest first, the total matching and the next page's cursor. */
export async function listQuotes(db: Kysely<DB>, q: ListInput, today: string): Promise<{ items: QuoteRow[]; total: number; nextCursor: string | null }> {
  const where = filters(q, today);
  const { rows: counted } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM quotes q WHERE ${sql.join(where, sql` AND `)}`.execute(db);
  const page = [...where];
  if (q.cursor) {
    const after = decodeCursor(q.cursor);
    const seq = Number(after.id);
    if (!Number.isInteger(seq) || typeof after.value !== 'string') throw AppError.validation('cursor', 'Not a cursor this list gave out');
    page.push(sql<SqlBool>`(q.created_at, q.seq) < (${after.value}, ${seq})`);
  }
  const { rows } = await sql<{ id: string; created_at: string; seq: number }>`SELECT q.id, q.created_at, q.seq FROM quotes q
    WHERE ${sql.join(page, sql` AND `)} ORDER BY q.created_at DESC, q.seq DESC LIMIT ${q.limit + 1}`.execute(db);
  const slice = rows.slice(0, q.limit);
  const last = slice.at(-1);
  const byId = new Map((await findQuotes(db, slice.map((r) => r.id))).map((r) => [r.id, r]));
  return {
    items: slice.map((r) => byId.get(r.id)!),
    total: Number(counted[0]?.n ?? 0),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.created_at, String(last.seq)) : null,
  };
}
