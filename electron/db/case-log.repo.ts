// A case's event log and its clock cache (issue #22): appending entries, reading the log the clock is computed
// from, and writing the computed due times back onto the case row. All SQL for case_events and the cache columns.
// Never imports core or `electron`.
import type { Kysely, Transaction } from 'kysely';
import type { DB, NewRow, Row } from './schema';

type Db = Kysely<DB> | Transaction<DB>;
export type CaseEventRow = Row<'case_events'>;

export async function appendCaseEvent(db: Db, row: NewRow<'case_events'>): Promise<void> {
  await db.insertInto('case_events').values(row).execute();
}

/** The whole log, oldest first (ties in the order written). */
export async function caseLog(db: Db, caseId: string): Promise<CaseEventRow[]> {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('seq').execute();
}

/** What the clock needs besides the log: the priority and type now, the company's tags (for target overrides). */
export async function clockFacts(db: Db, caseId: string): Promise<{ type: string; companyTags: string[]; remindersSent: string } | null> {
  const row = await db.selectFrom('cases').select(['type', 'company_id', 'reminders_sent']).where('id', '=', caseId).executeTakeFirst();
  if (!row) return null;
  const tags = row.company_id ? await db.selectFrom('company_tags').select('tag').where('company_id', '=', row.company_id).execute() : [];
  return { type: row.type, companyTags: tags.map((t) => t.tag), remindersSent: row.reminders_sent };
}

/** The cache columns recompute.ts writes; nothing else writes them. */
export type ClockCache = Pick<
  Row<'cases'>,
  | 'category'
  | 'first_response_ms'
  | 'resolved_ms'
  | 'response_due_ms'
  | 'resolution_due_ms'
  | 'next_due_ms'
  | 'due_kind'
  | 'response_business_ms'
  | 'resolution_business_ms'
  | 'response_met'
  | 'resolution_met'
  | 'next_reminder_ms'
>;

export async function writeClock(db: Db, caseId: string, cache: ClockCache): Promise<void> {
  await db.updateTable('cases').set(cache).where('id', '=', caseId).execute();
}

/** Open and waiting cases (not in Trash), a page at a time by seq, for recomputing after a calendar or target change. */
export async function activeCaseIds(db: Db, afterSeq: number, limit: number): Promise<{ id: string; seq: number }[]> {
  return db
    .selectFrom('cases')
    .select(['id', 'seq'])
    .where('category', 'in', ['open', 'waiting'])
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}
