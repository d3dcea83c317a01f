// The case record's rows (issue #22): the number counter, inserting and patching a case, reading one case with its
// joined names, its timeline entries and its follow-ups. The list query is in cases.list.repo.ts; the log and the
// clock cache in case-log.repo.ts. Rows <-> wire shapes here; no business rules. Never imports core or `electron`.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CaseDetail, CaseEntry } from '../../shared/domain/case';
import type { DB, NewRow, Row } from './schema';
import type { CasesTable } from './schema.cases';

export type CaseRow = Selectable<CasesTable> & {
  contact_name: string;
  company_name: string | null;
  job_title: string | null;
  status_name: string;
  waiting_on: 'customer' | 'supplier' | null;
  previous_number: number | null;
  contact_deleted_at: string | null;
};

/** The next case number: the counter only goes up, so a purged case's number is never given again. */
export async function nextCaseNumber(db: Kysely<DB>): Promise<number> {
  const row = await db.updateTable('case_counter').set({ last: sql`last + 1` }).where('id', '=', 1).returning('last').executeTakeFirstOrThrow();
  return row.last;
}

export async function insertCase(db: Kysely<DB>, row: NewRow<'cases'>): Promise<void> {
  await db.insertInto('cases').values(row).execute();
}

export async function updateCaseRow(db: Kysely<DB>, id: string, patch: Partial<Row<'cases'>>): Promise<void> {
  await db.updateTable('cases').set(patch).where('id', '=', id).execute();
}

const SELECT_CASE = sql`SELECT k.*, c.display_name AS contact_name, c.deleted_at AS contact_deleted_at, co.name AS company_name,
  j.title AS job_title, s.name AS status_name, s.waiting_on AS waiting_on, p.number AS previous_number
  FROM cases k JOIN contacts c ON c.id = k.contact_id JOIN case_statuses s ON s.id = k.status_id
  LEFT JOIN companies co ON co.id = k.company_id LEFT JOIN jobs j ON j.id = k.job_id LEFT JOIN cases p ON p.id = k.previous_case_id`;

export async function findCase(db: Kysely<DB>, id: string): Promise<CaseRow | undefined> {
  const { rows } = await sql<CaseRow>`${SELECT_CASE} WHERE k.id = ${id}`.execute(db);
  return rows[0];
}

/** Several cases by id (list pages), in no particular order. */
export async function findCases(db: Kysely<DB>, ids: readonly string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<CaseRow>`${SELECT_CASE} WHERE k.id IN (${sql.join(ids)})`.execute(db);
  return rows;
}

/** The timeline, oldest first, each status entry with the status's current name. */
export async function caseEntries(db: Kysely<DB>, caseId: string): Promise<CaseEntry[]> {
  const rows = await db
    .selectFrom('case_events as e')
    .leftJoin('case_statuses as s', 's.id', 'e.status_id')
    .selectAll('e')
    .select('s.name as status_name')
    .where('e.case_id', '=', caseId)
    .orderBy('e.at')
    .orderBy('e.seq')
    .execute();
  return rows.map((e) => ({
    id: e.id,
    kind: e.kind,
    at: new Date(e.at).toISOString(),
    direction: e.direction,
    subject: e.subject,
    body: e.body,
    minutesSpent: e.minutes_spent,
    statusName: e.status_name ?? null,
    category: e.category,
    priority: e.priority as CaseEntry['priority'],
    score: e.score,
    activityId: e.activity_id,
    emailId: e.email_id,
  }));
}

/** The case's follow-ups not in Trash: open ones by due date first, then done ones. */
export async function caseFollowUps(db: Kysely<DB>, caseId: string): Promise<CaseDetail['followUps']> {
  const rows = await db
    .selectFrom('tasks')
    .select(['id', 'title', 'due_at', 'completed_at'])
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .orderBy(sql`completed_at IS NOT NULL`)
    .orderBy(sql`due_at IS NULL`)
    .orderBy('due_at')
    .orderBy('seq')
    .execute();
  return rows.map((t) => ({ id: t.id, title: t.title, dueAt: t.due_at, completedAt: t.completed_at }));
}

/** The open 'Chase C-0042' follow-up a waiting status made, if any. */
export async function findChaseTask(db: Kysely<DB>, caseId: string, title: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('tasks')
    .select('id')
    .where('case_id', '=', caseId)
    .where('title', '=', title)
    .where('completed_at', 'is', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function linkActivityToCase(db: Kysely<DB>, activityId: string, caseId: string): Promise<void> {
  await db.updateTable('activities').set({ case_id: caseId }).where('id', '=', activityId).execute();
}

export async function activityCaseId(db: Kysely<DB>, activityId: string): Promise<string | null> {
  const row = await db.selectFrom('activities').select('case_id').where('id', '=', activityId).executeTakeFirst();
  return row?.case_id ?? null;
}

export async function caseNumber(db: Kysely<DB>, id: string): Promise<number | null> {
  const row = await db.selectFrom('cases').select('number').where('id', '=', id).executeTakeFirst();
  return row?.number ?? null;
}

export async function setTaskCase(db: Kysely<DB>, taskId: string, caseId: string | null): Promise<void> {
  await db.updateTable('tasks').set({ case_id: caseId }).where('id', '=', taskId).execute();
}

/** Moves one case's conversation onto another (a merge): its messages, replies, calls and notes (its own status,
 *  priority and rating history stays, or it would bend the other case's clock), message ids, and the follow-ups,
 *  activities and outbox emails linked to it. */
export async function moveCaseData(db: Kysely<DB>, fromId: string, intoId: string): Promise<void> {
  await db.updateTable('case_events').set({ case_id: intoId }).where('case_id', '=', fromId).where('kind', 'in', ['message', 'reply', 'call', 'note']).execute();
  await db.updateTable('case_messages').set({ case_id: intoId }).where('case_id', '=', fromId).execute();
  await db.updateTable('tasks').set({ case_id: intoId }).where('case_id', '=', fromId).execute();
  await db.updateTable('activities').set({ case_id: intoId }).where('case_id', '=', fromId).execute();
  await db.updateTable('outbox').set({ case_id: intoId }).where('case_id', '=', fromId).execute();
}
