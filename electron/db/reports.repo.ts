// The dashboard's aggregates as SQL: counts and integer sums per currency, never mixed and never floated.
// "Won", "paid" and "lost" times come from job_milestones (kept from the stage history, migration 0009).
// Periods are half-open ranges of ISO instants [start, end). No business rules beyond the SQL; no `electron` import.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { StageCategory } from '../../shared/domain/job';
import { OVERDUE_FROM } from './tasks.repo';
import type { DB } from './schema';

export interface Range {
  start: string;
  end: string;
}

/** A touch that counts as being in contact (the same rule as contacts.last_contacted_at, migration 0002). */
export const COUNTED = sql<SqlBool>`a.type <> 'note' AND coalesce(a.outcome, '') NOT IN ('no_answer', 'busy', 'wrong_number')`;
/** A live job whose current stage counts as won (won, in progress, completed) or paid. */
export const WON_NOW = sql<SqlBool>`j.deleted_at IS NULL AND s.category IN ('won', 'paid')`;
export const PAID_NOW = sql<SqlBool>`j.deleted_at IS NULL AND s.category = 'paid'`;
export const LOST_NOW = sql<SqlBool>`j.deleted_at IS NULL AND s.category = 'lost'`;
/** A job without its own probability is weighted by what its stage means: open 50 %, won or paid 100 %, lost 0. */
export const PROBABILITY = sql<number>`coalesce(j.probability, CASE s.category WHEN 'open' THEN 50 WHEN 'lost' THEN 0 ELSE 100 END)`;

export const inRange = (column: RawBuilder<unknown>, r: Range) => sql<SqlBool>`${column} >= ${r.start} AND ${column} < ${r.end}`;
export const currencyIs = (currency: string | undefined) => (currency ? sql<SqlBool>`j.currency = ${currency}` : sql<SqlBool>`1`);

/**
 * Without statistics SQLite picks the narrower (occurred_at, id) index and reads every row of the period; this
 * covering index (migration 0009) answers from the index alone, ~3x faster over a year of 1,000,000 activities.
 */
const BY_TIME_TYPE = sql`INDEXED BY activities_time_type`;

const MILESTONE_JOBS = sql`job_milestones m JOIN jobs j ON j.id = m.job_id JOIN pipeline_stages s ON s.id = j.stage_id`;

export async function pipelineTotals(db: Kysely<DB>, currency: string | undefined) {
  return (
    await sql<{ stage_id: string; stage_name: string; category: StageCategory; currency: string | null; count: number; total: number; weighted: number }>`
      SELECT s.id AS stage_id, s.name AS stage_name, s.category, j.currency, count(j.id) AS count,
        coalesce(sum(j.amount_minor), 0) AS total,
        coalesce((sum(j.amount_minor * ${PROBABILITY}) + 50) / 100, 0) AS weighted
      FROM pipeline_stages s LEFT JOIN jobs j INDEXED BY jobs_live_weighted ON j.stage_id = s.id AND j.deleted_at IS NULL AND ${currencyIs(currency)}
      GROUP BY s.id, j.currency ORDER BY s.position, j.currency`.execute(db)
  ).rows;
}

/** Won (or paid) revenue per month and currency: by the time each job was first won (paid). */
export async function revenuePerMonth(db: Kysely<DB>, kind: 'won' | 'paid', r: Range, currency: string | undefined) {
  const at = kind === 'won' ? sql`m.won_at` : sql`m.paid_at`;
  return (
    await sql<{ month: string; currency: string; amount: number }>`
      SELECT substr(${at}, 1, 7) AS month, j.currency, coalesce(sum(j.amount_minor), 0) AS amount
      FROM ${MILESTONE_JOBS}
      WHERE ${inRange(at, r)} AND ${kind === 'won' ? WON_NOW : PAID_NOW} AND ${currencyIs(currency)}
      GROUP BY month, j.currency`.execute(db)
  ).rows;
}

/** Jobs won in the period, per currency: how many, how many had a value and its sum, and the days from creation to won. */
export async function wonInPeriod(db: Kysely<DB>, r: Range, currency: string | undefined) {
  return (
    await sql<{ currency: string; won: number; valued: number; total: number; days: number }>`
      SELECT j.currency, count(*) AS won, count(j.amount_minor) AS valued, coalesce(sum(j.amount_minor), 0) AS total,
        sum(max(julianday(m.won_at) - julianday(j.created_at), 0)) AS days
      FROM ${MILESTONE_JOBS}
      WHERE ${inRange(sql`m.won_at`, r)} AND ${WON_NOW} AND ${currencyIs(currency)}
      GROUP BY j.currency`.execute(db)
  ).rows;
}

export async function lostInPeriod(db: Kysely<DB>, r: Range, currency: string | undefined): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${MILESTONE_JOBS}
    WHERE ${inRange(sql`m.lost_at`, r)} AND ${LOST_NOW} AND ${currencyIs(currency)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Live clients by paid revenue in one currency: paid in the range (top clients), or paid before its end (lifetime value). */
export async function paidPerClient(db: Kysely<DB>, r: Range | { start: null; end: string }, currency: string) {
  const when = r.start === null ? sql<SqlBool>`m.paid_at < ${r.end}` : inRange(sql`m.paid_at`, r);
  return (
    await sql<{ contact_id: string; name: string; amount: number; jobs: number }>`
      SELECT j.contact_id, c.display_name AS name, sum(coalesce(j.amount_minor, 0)) AS amount, count(*) AS jobs
      FROM ${MILESTONE_JOBS} JOIN contacts c ON c.id = j.contact_id
      WHERE ${when} AND ${PAID_NOW} AND j.currency = ${currency} AND c.deleted_at IS NULL
      GROUP BY j.contact_id HAVING amount > 0 ORDER BY amount DESC, c.sort_name, c.id`.execute(db)
  ).rows;
}

/**
 * Contacts with something in a range: a counted touch, or a job of theirs created, won or paid in it.
 * Deduplicated first (UNION), so the checks below run once per contact, not once per activity.
 */
function touchedIn(r: Range): RawBuilder<{ contact_id: string }> {
  return sql`SELECT a.contact_id FROM activities a ${BY_TIME_TYPE} WHERE a.deleted_at IS NULL AND ${inRange(sql`a.occurred_at`, r)} AND ${COUNTED}
    UNION SELECT j.contact_id FROM jobs j WHERE j.deleted_at IS NULL AND j.contact_id IS NOT NULL AND ${inRange(sql`j.created_at`, r)}
    UNION SELECT j.contact_id FROM job_milestones m JOIN jobs j ON j.id = m.job_id
      WHERE j.deleted_at IS NULL AND j.contact_id IS NOT NULL AND ${inRange(sql`m.won_at`, r)}
    UNION SELECT j.contact_id FROM job_milestones m JOIN jobs j ON j.id = m.job_id
      WHERE j.deleted_at IS NULL AND j.contact_id IS NOT NULL AND ${inRange(sql`m.paid_at`, r)}`;
}

/** Live clients (live contacts with a live job) active in a range, as a subquery of contact_id. */
export function activeClients(r: Range): RawBuilder<{ contact_id: string }> {
  return sql`SELECT x.contact_id FROM (${touchedIn(r)}) x
    WHERE EXISTS (SELECT 1 FROM jobs j WHERE j.contact_id = x.contact_id AND j.deleted_at IS NULL)
      AND EXISTS (SELECT 1 FROM contacts c WHERE c.id = x.contact_id AND c.deleted_at IS NULL)`;
}

/**
 * In one statement, each active set built once: clients active in this range and in the previous one, how
 * many of the previous ones churned, and the lifetime paid revenue (before this range's end, one currency)
 * of this range's active clients.
 */
export async function clientActivity(db: Kysely<DB>, previous: Range, current: Range, currency: string) {
  const { rows } = await sql<{ active: number; lifetime: number; previous_active: number; churned: number }>`
    WITH cur AS MATERIALIZED (${activeClients(current)}), prev AS MATERIALIZED (${activeClients(previous)})
    SELECT (SELECT count(*) FROM cur) AS active,
      (SELECT coalesce(sum(j.amount_minor), 0) FROM cur JOIN jobs j ON j.contact_id = cur.contact_id
        JOIN job_milestones m ON m.job_id = j.id JOIN pipeline_stages s ON s.id = j.stage_id
        WHERE m.paid_at < ${current.end} AND ${PAID_NOW} AND j.currency = ${currency}) AS lifetime,
      (SELECT count(*) FROM prev) AS previous_active,
      (SELECT count(*) FROM prev WHERE contact_id NOT IN (SELECT contact_id FROM cur)) AS churned`.execute(db);
  const r = rows[0];
  return { active: Number(r?.active ?? 0), lifetime: Number(r?.lifetime ?? 0), previousActive: Number(r?.previous_active ?? 0), churned: Number(r?.churned ?? 0) };
}

const LIVE_CONTACT = (id: RawBuilder<unknown>) => sql<SqlBool>`EXISTS (SELECT 1 FROM contacts c WHERE c.id = ${id} AND c.deleted_at IS NULL)`;

/** Live clients with won jobs before the end, and how many of them have more than one. */
export async function repeatClients(db: Kysely<DB>, end: string, currency: string | undefined) {
  const { rows } = await sql<{ clients: number; repeat: number }>`
    SELECT count(*) AS clients, coalesce(sum(n > 1), 0) AS repeat FROM (
      SELECT j.contact_id, count(*) AS n FROM ${MILESTONE_JOBS}
      WHERE m.won_at < ${end} AND ${WON_NOW} AND ${currencyIs(currency)} AND j.contact_id IS NOT NULL AND ${LIVE_CONTACT(sql`j.contact_id`)}
      GROUP BY j.contact_id)`.execute(db);
  return { clients: Number(rows[0]?.clients ?? 0), repeat: Number(rows[0]?.repeat ?? 0) };
}

export interface DriftRow {
  contact_id: string;
  name: string;
  last_contacted_at: string;
  gap: number | null;
}

/**
 * Paying clients (a live job in a paid stage) not contacted for longer than their usual gap (the mean gap
 * between their counted touches, once there are at least three, never under `minGapDays`), else `defaultDays`.
 * Never contacted counts as drifting.
 */
export async function drifting(db: Kysely<DB>, now: Date, defaultDays: number, minGapDays: number, limit: number, skipPlanned = false) {
  const planned = skipPlanned ? sql`AND c.next_task_due_at IS NULL` : sql``;
  const nowIso = now.toISOString();
  const { rows } = await sql<DriftRow & { total: number }>`
    WITH paying AS (SELECT DISTINCT j.contact_id AS id FROM jobs j JOIN pipeline_stages s ON s.id = j.stage_id
        WHERE ${PAID_NOW} AND j.contact_id IS NOT NULL),
      clients AS (SELECT c.id AS contact_id, c.display_name AS name, c.sort_name, c.last_contacted_at,
          (SELECT CASE WHEN count(*) >= 3 THEN (julianday(max(a.occurred_at)) - julianday(min(a.occurred_at))) / (count(*) - 1) END
            FROM activities a INDEXED BY activities_contact_touch WHERE a.contact_id = c.id AND a.deleted_at IS NULL AND ${COUNTED}) AS gap
        FROM paying p JOIN contacts c ON c.id = p.id WHERE c.deleted_at IS NULL ${planned}),
      drift AS (SELECT * FROM clients WHERE last_contacted_at = ''
        OR julianday(${nowIso}) - julianday(last_contacted_at) > coalesce(max(gap, ${minGapDays}), ${defaultDays}))
    SELECT contact_id, name, last_contacted_at, gap, (SELECT count(*) FROM drift) AS total FROM drift
    ORDER BY last_contacted_at, sort_name, contact_id LIMIT ${limit}`.execute(db);
  return { total: Number(rows[0]?.total ?? 0), rows };
}

/** Contacts created in the range per lead source: how many, and how many have a won job. */
export async function leadSourceCounts(db: Kysely<DB>, r: Range) {
  return (
    await sql<{ source: string | null; contacts: number; won: number }>`
      SELECT c.lead_source AS source, count(*) AS contacts,
        sum(EXISTS (SELECT 1 FROM ${MILESTONE_JOBS} WHERE j.contact_id = c.id AND m.won_at IS NOT NULL AND ${WON_NOW})) AS won
      FROM contacts c WHERE c.deleted_at IS NULL AND ${inRange(sql`c.created_at`, r)}
      GROUP BY c.lead_source ORDER BY contacts DESC, source`.execute(db)
  ).rows;
}

/** Paid revenue to date of the contacts created in the range, per lead source and currency. */
export async function leadSourceRevenue(db: Kysely<DB>, r: Range, currency: string | undefined) {
  return (
    await sql<{ source: string | null; currency: string; amount: number }>`
      SELECT c.lead_source AS source, j.currency, coalesce(sum(j.amount_minor), 0) AS amount
      FROM contacts c JOIN jobs j ON j.contact_id = c.id JOIN pipeline_stages s ON s.id = j.stage_id
      WHERE c.deleted_at IS NULL AND ${inRange(sql`c.created_at`, r)} AND ${PAID_NOW} AND ${currencyIs(currency)}
      GROUP BY c.lead_source, j.currency`.execute(db)
  ).rows;
}

export async function activityCounts(db: Kysely<DB>, r: Range) {
  return (
    await sql<{ type: string; count: number }>`SELECT a.type, count(*) AS count FROM activities a ${BY_TIME_TYPE}
      WHERE a.deleted_at IS NULL AND ${inRange(sql`a.occurred_at`, r)} GROUP BY a.type`.execute(db)
  ).rows;
}

/** Open follow-ups past due now (an all-day one after its day), as the Today view counts them. */
export async function overdueFollowUps(db: Kysely<DB>, now: Date): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM tasks t
    WHERE t.completed_at IS NULL AND t.deleted_at IS NULL AND t.due_at IS NOT NULL AND ${OVERDUE_FROM} <= ${now.toISOString()}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Live jobs sitting in a stage whose name matches, since before `before` (alerts: unanswered quotes, unpaid work). */
export async function staleJobs(db: Kysely<DB>, stageNamePattern: string, before: string, limit: number) {
  return (
    await sql<{ id: string; title: string; contact_id: string | null; contact_name: string | null; stage_name: string; stage_changed_at: string; amount_minor: number | null; currency: string }>`
      SELECT j.id, j.title, j.contact_id, c.display_name AS contact_name, s.name AS stage_name, j.stage_changed_at, j.amount_minor, j.currency
      FROM jobs j JOIN pipeline_stages s ON s.id = j.stage_id LEFT JOIN contacts c ON c.id = j.contact_id
      WHERE j.deleted_at IS NULL AND s.category IN ('open', 'won') AND lower(s.name) LIKE ${stageNamePattern}
        AND j.stage_changed_at < ${before}
      ORDER BY j.stage_changed_at, j.id LIMIT ${limit}`.execute(db)
  ).rows;
}
