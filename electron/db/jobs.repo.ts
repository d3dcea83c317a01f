// Job and pipeline rows in and out of SQLite: rows <-> camelCase records. Board columns are read per stage
// through the (stage, rank) index; totals are summed per currency in SQL, as integers. Never imports core.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { StageChangeEntry } from '../../shared/domain/activity';
import type { CustomValues, FieldDefinition } from '../../shared/domain/custom-fields';
import type { CustomFilter, CustomSort } from '../../shared/domain/custom-record';
import type { Job, Stage, StageCategory, StageChange } from '../../shared/domain/job';
import { foldForSort } from '../../shared/domain/text';
import { toColumns, type ColumnsOf } from './columns';
import { readRows } from './connection';
import { readCustom } from './fields.repo';
import { customFilterSql, customSortedPage } from './fields.query.repo';
import { toFtsQuery } from './fts';
import { afterCursor, finishPage } from './keyset';
import type { DB, JobsTable } from './schema';

export interface JobRow {
  id: string;
  title: string;
  sort_title: string;
  contact_id: string | null;
  contact_name: string | null;
  company_id: string | null;
  company_name: string | null;
  stage_id: string;
  stage_name: string;
  category: StageCategory;
  amount_minor: number | null;
  currency: string;
  due_date: string | null;
  probability: number | null;
  notes: string | null;
  lost_reason: string | null;
  rank: number;
  stage_changed_at: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
type JobColumns = Omit<JobsTable, 'seq'>;
/** A job as written: the wire's fields less the joined names and custom values (custom_values), plus its place in its board column. */
export type JobRecord = Omit<Job, 'contactName' | 'companyName' | 'stageName' | 'category' | 'custom'> & { rank: number };

const JOB_COLUMNS = {
  id: 'id', title: 'title', contactId: 'contact_id', companyId: 'company_id', stageId: 'stage_id', amountMinor: 'amount_minor',
  currency: 'currency', dueDate: 'due_date', probability: 'probability', notes: 'notes', lostReason: 'lost_reason', rank: 'rank',
  stageChangedAt: 'stage_changed_at', createdAt: 'created_at', updatedAt: 'updated_at', deletedAt: 'deleted_at',
} as const satisfies ColumnsOf<JobRecord, JobColumns>;

/** The columns of the fields given; the title's sort key follows the title. */
function jobColumns(job: Partial<JobRecord>): Partial<JobColumns> {
  const columns = toColumns<JobRecord, JobColumns>(job, JOB_COLUMNS);
  return job.title === undefined ? columns : { ...columns, sort_title: foldForSort(job.title) };
}

/** A row as a Job; its custom values come from toJobs (one read for a whole page). */
export function toJob(r: JobRow, custom: CustomValues): Job {
  return {
    id: r.id,
    title: r.title,
    contactId: r.contact_id,
    contactName: r.contact_name,
    companyId: r.company_id,
    companyName: r.company_name,
    stageId: r.stage_id,
    stageName: r.stage_name,
    category: r.category,
    amountMinor: r.amount_minor,
    currency: r.currency,
    dueDate: r.due_date,
    probability: r.probability,
    notes: r.notes,
    lostReason: r.lost_reason,
    stageChangedAt: r.stage_changed_at,
    custom,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

const SELECT = sql`SELECT j.*, c.display_name AS contact_name, co.name AS company_name, s.name AS stage_name, s.category
  FROM jobs j JOIN pipeline_stages s ON s.id = j.stage_id
  LEFT JOIN contacts c ON c.id = j.contact_id LEFT JOIN companies co ON co.id = j.company_id`;

/**
 * Rows as Jobs with their custom values: the job fields' definitions are read once (or passed in by a caller that
 * has them), and the values of every row in one more query, skipped when jobs have no fields.
 */
export async function toJobs(db: Kysely<DB>, rows: readonly JobRow[], definitions?: readonly FieldDefinition[]): Promise<Job[]> {
  if (rows.length === 0) return [];
  const custom = await readCustom(db, 'job', rows.map((r) => r.id), definitions);
  return rows.map((r) => toJob(r, custom.get(r.id) ?? {}));
}

export async function findJob(db: Kysely<DB>, id: string): Promise<JobRow | undefined> {
  return (await sql<JobRow>`${SELECT} WHERE j.id = ${id}`.execute(db)).rows[0];
}

export async function insertJob(db: Kysely<DB>, job: JobRecord): Promise<void> {
  const row = jobColumns(job);
  const columns = Object.keys(row);
  await sql`INSERT INTO jobs (${sql.join(columns.map((c) => sql.ref(c)))}) VALUES (${sql.join(Object.values(row))})`.execute(db);
}

export async function updateJob(db: Kysely<DB>, id: string, patch: Partial<JobRecord>): Promise<void> {
  const sets = Object.entries(jobColumns(patch)).map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
  if (sets.length > 0) await sql`UPDATE jobs SET ${sql.join(sets)} WHERE id = ${id}`.execute(db);
}

/** The rank that puts a job at the end of a stage's column, or just before another job in it. */
export async function rankFor(db: Kysely<DB>, stageId: string, beforeId: string | null, movingId: string | null): Promise<number> {
  const ranks = (
    await sql<{ id: string; rank: number }>`SELECT id, rank FROM jobs WHERE stage_id = ${stageId} AND deleted_at IS NULL
      AND id IS NOT ${movingId} ORDER BY rank, id`.execute(db)
  ).rows;
  const at = beforeId === null ? -1 : ranks.findIndex((r) => r.id === beforeId);
  if (at === -1) return (ranks.at(-1)?.rank ?? 0) + 1;
  const before = ranks[at]!.rank;
  const after = at > 0 ? ranks[at - 1]!.rank : before - 2;
  if (before - after > 1e-6) return (before + after) / 2;
  // Ranks ran out of room after many drops in one place: renumber the column and try again.
  for (const [i, r] of ranks.entries()) await sql`UPDATE jobs SET rank = ${i + 1} WHERE id = ${r.id}`.execute(db);
  return at + 0.5;
}

export async function listStages(db: Kysely<DB>): Promise<Stage[]> {
  return (await sql<Stage>`SELECT id, name, position, category FROM pipeline_stages ORDER BY position`.execute(db)).rows;
}

export async function updateStage(db: Kysely<DB>, stage: Stage, now: string): Promise<void> {
  await sql`UPDATE pipeline_stages SET name = ${stage.name}, category = ${stage.category}, position = ${stage.position}, updated_at = ${now} WHERE id = ${stage.id}`.execute(db);
}

export async function insertStage(db: Kysely<DB>, stage: Stage, now: string): Promise<void> {
  await sql`INSERT INTO pipeline_stages (id, name, position, category, created_at, updated_at) VALUES (${stage.id}, ${stage.name}, ${stage.position}, ${stage.category}, ${now}, ${now})`.execute(db);
}

/** How many jobs (Trash included) sit in a stage: a stage that holds any cannot just go. */
export async function countJobsInStage(db: Kysely<DB>, stageId: string): Promise<number> {
  return Number((await sql<{ n: number }>`SELECT count(*) AS n FROM jobs WHERE stage_id = ${stageId}`.execute(db)).rows[0]?.n ?? 0);
}

/** Moves every job (Trash included) of one stage into another, as a stage change. */
export async function moveStageJobs(db: Kysely<DB>, fromStageId: string, toStageId: string, now: string): Promise<void> {
  await sql`UPDATE jobs SET stage_id = ${toStageId}, stage_changed_at = ${now}, updated_at = ${now} WHERE stage_id = ${fromStageId}`.execute(db);
}

export async function deleteStage(db: Kysely<DB>, stageId: string): Promise<void> {
  await sql`DELETE FROM pipeline_stages WHERE id = ${stageId}`.execute(db);
}

export interface JobFilter {
  contactId?: string | undefined;
  companyId?: string | undefined;
  tag?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function filterConditions(f: JobFilter): RawBuilder<SqlBool>[] {
  const where: RawBuilder<SqlBool>[] = [sql`j.deleted_at IS NULL`];
  if (f.contactId) where.push(sql`j.contact_id = ${f.contactId}`);
  if (f.companyId) where.push(sql`j.company_id = ${f.companyId}`);
  if (f.tag) where.push(sql`j.contact_id IN (SELECT contact_id FROM contact_tags WHERE tag = ${f.tag})`);
  // Undated jobs are placed in time by when they were created.
  if (f.from) where.push(sql`coalesce(j.due_date, substr(j.created_at, 1, 10)) >= ${f.from}`);
  if (f.to) where.push(sql`coalesce(j.due_date, substr(j.created_at, 1, 10)) <= ${f.to}`);
  return where;
}

/**
 * Each stage's first `perColumn` jobs by rank, and every stage's count and totals per currency. Each
 * column is its own walk of the (stage, rank) index that stops after `perColumn` rows, in one statement;
 * the totals read only the (stage, currency, amount) index.
 */
export async function board(
  db: Kysely<DB>,
  f: JobFilter,
  stageIds: readonly string[],
  perColumn: number,
  definitions?: readonly FieldDefinition[],
): Promise<{ jobs: Job[]; totals: { stageId: string; currency: string; count: number; amountMinor: number }[] }> {
  const where = sql.join(filterConditions(f), sql` AND `);
  const columns = stageIds.map(
    (stageId) => sql`SELECT * FROM (SELECT j.*, c.display_name AS contact_name, co.name AS company_name, s.name AS stage_name, s.category
        FROM jobs j JOIN pipeline_stages s ON s.id = j.stage_id
        LEFT JOIN contacts c ON c.id = j.contact_id LEFT JOIN companies co ON co.id = j.company_id
        WHERE j.stage_id = ${stageId} AND ${where} ORDER BY j.rank, j.id LIMIT ${perColumn})`,
  );
  const jobs = columns.length === 0 ? [] : (await sql<JobRow>`${sql.join(columns, sql` UNION ALL `)}`.execute(db)).rows;
  const totals = (
    await sql<{ stage_id: string; currency: string; count: number; amount: number }>`
      SELECT j.stage_id, j.currency, count(*) AS count, coalesce(sum(j.amount_minor), 0) AS amount
      FROM jobs j WHERE ${where} GROUP BY j.stage_id, j.currency`.execute(db)
  ).rows;
  return {
    jobs: await toJobs(db, jobs, definitions),
    totals: totals.map((t) => ({ stageId: t.stage_id, currency: t.currency, count: Number(t.count), amountMinor: Number(t.amount) })),
  };
}

export type JobSortKey = 'updatedAt' | 'createdAt' | 'dueDate' | 'amount' | 'title';
const SORT_KEYS: Record<JobSortKey, { key: RawBuilder<unknown>; direction: 'asc' | 'desc' }> = {
  updatedAt: { key: sql`j.updated_at`, direction: 'desc' },
  createdAt: { key: sql`j.created_at`, direction: 'desc' },
  dueDate: { key: sql`coalesce(j.due_date, '~')`, direction: 'asc' }, // undated last
  amount: { key: sql`coalesce(j.amount_minor, -1)`, direction: 'desc' },
  title: { key: sql`j.sort_title`, direction: 'asc' },
};

/** A custom-field condition or sort with its field's definition (the core resolves keys, naming unknown ones). */
type CustomDef = Pick<FieldDefinition, 'id' | 'key' | 'label' | 'type' | 'options'>;

export interface JobQuery extends JobFilter {
  stage?: string | undefined;
  query?: string | undefined;
  sort: JobSortKey;
  custom?: readonly { def: CustomDef; filter: CustomFilter }[] | undefined;
  sortCustom?: { def: CustomDef; direction: CustomSort['direction'] } | undefined;
  trashed: boolean;
  limit: number;
  cursor?: string | undefined;
}

/** The listed columns of a job, as a table the custom-field sort can join (its alias is j, like the list's). */
const JOB_VIEW = sql`(${SELECT}) j`;

export async function listJobs(db: Kysely<DB>, q: JobQuery): Promise<{ items: JobRow[]; total: number; nextCursor: string | null }> {
  const where = filterConditions(q);
  if (q.trashed) where[0] = sql`j.deleted_at IS NOT NULL`;
  if (q.stage) where.push(sql`j.stage_id = ${q.stage}`);
  if (q.query && q.query.trim() !== '') {
    const match = toFtsQuery(q.query);
    if (match === null) return { items: [], total: 0, nextCursor: null };
    where.push(sql`j.seq IN (SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH ${match})`);
  }
  for (const c of q.custom ?? []) where.push(customFilterSql(c.def, c.filter, 'j.id'));
  const all = sql.join(where, sql` AND `);
  const total = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM jobs j WHERE ${all}`.execute(db)).rows[0]?.n ?? 0);
  if (q.sortCustom) {
    const page = await customSortedPage<JobRow>(db, { def: q.sortCustom.def, select: sql`j.*`, from: JOB_VIEW, recordRef: 'j.id', where, direction: q.sortCustom.direction, limit: q.limit, cursor: q.cursor });
    return { ...page, total };
  }
  const { key, direction } = SORT_KEYS[q.sort];
  const page = [...where];
  if (q.cursor) page.push(afterCursor(q.cursor, 'sort_key', 'j.id', direction));
  const order = sql.raw(direction);
  const { rows } = await sql<JobRow & { sort_key: string | number }>`SELECT * FROM (
      SELECT j.*, c.display_name AS contact_name, co.name AS company_name, s.name AS stage_name, s.category, ${key} AS sort_key
      FROM jobs j JOIN pipeline_stages s ON s.id = j.stage_id
      LEFT JOIN contacts c ON c.id = j.contact_id LEFT JOIN companies co ON co.id = j.company_id
    ) j WHERE ${sql.join(page, sql` AND `)} ORDER BY sort_key ${order}, j.id ${order} LIMIT ${q.limit + 1}`.execute(db);
  return { ...finishPage(rows, q.limit, 'sort_key'), total };
}

export async function stageHistory(db: Kysely<DB>, jobId: string): Promise<z.infer<typeof StageChange>[]> {
  const { rows } = await sql<{ job_id: string; from_stage: string | null; to_stage: string; at: string }>`
      SELECT h.job_id, f.name AS from_stage, coalesce(t.name, '(removed stage)') AS to_stage, h.at
      FROM job_stage_history h LEFT JOIN pipeline_stages f ON f.id = h.from_stage LEFT JOIN pipeline_stages t ON t.id = h.to_stage
      WHERE h.job_id = ${jobId} ORDER BY h.at, h.seq`.execute(db);
  return rows.map((r) => ({ jobId: r.job_id, fromStage: r.from_stage, toStage: r.to_stage, at: r.at }));
}

interface StageChangeRow {
  id: string;
  at: string;
  job_id: string;
  job_title: string;
  contact_id: string | null;
  contact_name: string | null;
  from_stage: string | null;
  to_stage: string;
}

/**
 * Stage changes of one client's live jobs, newest first, after a timeline cursor. The id is
 * 'h' + the history row number zero-padded, so (at, id) orders exactly like (at, seq) and can share a
 * keyset cursor with activities (whose ids are uuids) on a merged timeline.
 */
export async function listStageChanges(
  db: Kysely<DB>,
  q: { contactId?: string | undefined; companyId?: string | undefined; limit: number; after?: { at: string; id: string } | undefined },
): Promise<StageChangeEntry[]> {
  const where: RawBuilder<SqlBool>[] = [sql`j.deleted_at IS NULL`];
  if (q.contactId) where.push(sql`j.contact_id = ${q.contactId}`);
  if (q.companyId) where.push(sql`j.company_id = ${q.companyId}`);
  if (q.after) where.push(sql`(h.at, printf('h%012d', h.seq)) < (${q.after.at}, ${q.after.id})`);
  const rows = await readRows(
    db,
    sql<StageChangeRow>`
      SELECT printf('h%012d', h.seq) AS id, h.at, h.job_id, j.title AS job_title, j.contact_id, c.display_name AS contact_name,
        CASE WHEN h.from_stage IS NULL THEN NULL ELSE coalesce(f.name, '(removed stage)') END AS from_stage, coalesce(t.name, '(removed stage)') AS to_stage
      FROM job_stage_history h JOIN jobs j ON j.id = h.job_id LEFT JOIN contacts c ON c.id = j.contact_id
        LEFT JOIN pipeline_stages f ON f.id = h.from_stage LEFT JOIN pipeline_stages t ON t.id = h.to_stage
      WHERE ${sql.join(where, sql` AND `)} ORDER BY h.at DESC, h.seq DESC LIMIT ${q.limit}`,
  );
  return rows.map((r) => ({
    kind: 'stage',
    id: r.id,
    at: r.at,
    jobId: r.job_id,
    jobTitle: r.job_title,
    contactId: r.contact_id,
    contactName: r.contact_name,
    fromStage: r.from_stage,
    toStage: r.to_stage,
  }));
}
