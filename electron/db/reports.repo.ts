// The dashboard's aggregates as SQL: counts and integer sums per currency, never mixed and never floated.
// "Won", "paid" and "lost" times come from job_milestones (kept from the stage history, migration 0009), which
// also carries each job's contact, currency, amount, creation and live stage category (migration 0011), so the
// job figures read one covering index instead of joining jobs and stages per row. The pipeline, whole months of
// revenue and of the win-rate figures, activity counts and clients' usual gaps come from the trigger-kept summaries
// of 0011 and 0013 (pipeline_totals, revenue_months, activity_days, contact_touches); lead sources from client_jobs,
// which carries its contact's source and creation time (0014).
// Periods are half-open ranges of ISO instants [start, end). Rows leave camelCase. No business rules beyond the
// SQL; imports no core and no migration (what a migration's SQL shares with these queries is copied here).
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { StageCategory } from '../../shared/domain/job';
import { OVERDUE_FROM } from './activities.repo';
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

// The same rules on job_milestones alone: m.category is the job's stage category while the job is live, NULL
// once it is trashed (0011), so these are WON_NOW, PAID_NOW, LOST_NOW and "a live job" without the joins.
const M_WON = sql<SqlBool>`m.category IN ('won', 'paid')`;
const M_PAID = sql<SqlBool>`m.category = 'paid'`;
const M_LOST = sql<SqlBool>`m.category = 'lost'`;
const M_LIVE = sql<SqlBool>`m.category IS NOT NULL`;
const mCurrencyIs = (currency: string | undefined) => (currency ? sql<SqlBool>`m.currency = ${currency}` : sql<SqlBool>`1`);

/** A job's milliseconds from creation to `at` (never negative; 0 without a creation time): revenue_months' lead_ms as 0013's triggers sum it. */
const leadMs = (row: string, at: string) =>
  `coalesce(max(CAST(round((julianday(${row}.${at}) - julianday(${row}.created_at)) * 86400000) AS INTEGER), 0), 0)`;

/**
 * Live jobs per stage and currency from the trigger-kept totals (0011), each stage listed even without jobs.
 * The weighted total applies the stage's default probability (open 50 %, won or paid 100 %, lost 0) to the
 * amounts of jobs without their own here, as PROBABILITY does per job.
 */
export async function pipelineTotals(db: Kysely<DB>, currency: string | undefined) {
  const cur = currency ? sql`AND p.currency = ${currency}` : sql``;
  const { rows } = await sql<{ stage_id: string; stage_name: string; category: StageCategory; currency: string | null; count: number; total: number; weighted: number }>`
      SELECT s.id AS stage_id, s.name AS stage_name, s.category, p.currency, coalesce(p.jobs, 0) AS count, coalesce(p.total, 0) AS total,
        coalesce((p.weighted + p.unweighted * CASE s.category WHEN 'open' THEN 50 WHEN 'lost' THEN 0 ELSE 100 END + 50) / 100, 0) AS weighted
      FROM pipeline_stages s LEFT JOIN pipeline_totals p ON p.stage_id = s.id ${cur}
      ORDER BY s.position, p.currency`.execute(db);
  return rows.map((r) => ({ stageId: r.stage_id, stageName: r.stage_name, category: r.category, currency: r.currency, count: r.count, total: r.total, weighted: r.weighted }));
}

const monthStart = (instant: string) => `${instant.slice(0, 7)}-01T00:00:00.000Z`;
const nextMonth = (month: string) => {
  const d = new Date(`${month}-01T00:00:00.000Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString();
};

/**
 * A range as the union of its whole months, read from the trigger-kept revenue_months (0011, 0013) by
 * `months`, and the part-months at either end (a custom period), read from the milestones' covering index by
 * `jobs`. Both select the same columns.
 */
function byMonth(r: Range, months: (from: string, to: string) => RawBuilder<unknown>, jobs: (part: Range) => RawBuilder<unknown>) {
  const fullStart = r.start === monthStart(r.start) ? r.start : nextMonth(r.start.slice(0, 7));
  const fullEnd = monthStart(r.end);
  if (fullStart >= fullEnd) return jobs(r);
  return sql`${months(fullStart.slice(0, 7), fullEnd.slice(0, 7))}
    UNION ALL ${jobs({ start: r.start, end: fullStart })} UNION ALL ${jobs({ start: fullEnd, end: r.end })}`;
}

const revenueMonths = (kind: 'won' | 'paid', from: string, to: string, currency: string | undefined) =>
  sql`revenue_months v WHERE v.kind = ${kind} AND v.month >= ${from} AND v.month < ${to} ${currency ? sql`AND v.currency = ${currency}` : sql``}`;

/** Won (or paid) revenue per month and currency: by the time each job was first won (paid). */
export async function revenuePerMonth(db: Kysely<DB>, kind: 'won' | 'paid', r: Range, currency: string | undefined) {
  const at = kind === 'won' ? sql`m.won_at` : sql`m.paid_at`;
  const rows = byMonth(
    r,
    (from, to) => sql`SELECT v.month, v.currency, v.amount FROM ${revenueMonths(kind, from, to, currency)}`,
    (part) => sql`SELECT substr(${at}, 1, 7) AS month, m.currency, m.amount_minor AS amount
      FROM job_milestones m INDEXED BY ${sql.raw(kind === 'won' ? 'job_milestones_won' : 'job_milestones_paid')}
      WHERE ${inRange(at, part)} AND ${kind === 'won' ? M_WON : M_PAID} AND ${mCurrencyIs(currency)}`,
  );
  return (
    await sql<{ month: string; currency: string; amount: number }>`
      SELECT month, currency, coalesce(sum(amount), 0) AS amount FROM (${rows}) GROUP BY month, currency`.execute(db)
  ).rows;
}

/** Jobs won in the period, per currency: how many, how many had a value and its sum, and the days from creation to won. */
export async function wonInPeriod(db: Kysely<DB>, r: Range, currency: string | undefined) {
  const rows = byMonth(
    r,
    (from, to) => sql`SELECT v.currency, v.jobs AS won, v.valued, v.amount AS total, v.lead_ms FROM ${revenueMonths('won', from, to, currency)}`,
    (part) => sql`SELECT m.currency, 1 AS won, m.amount_minor IS NOT NULL AS valued, coalesce(m.amount_minor, 0) AS total, ${sql.raw(leadMs('m', 'won_at'))} AS lead_ms
      FROM job_milestones m INDEXED BY job_milestones_won
      WHERE ${inRange(sql`m.won_at`, part)} AND ${M_WON} AND ${mCurrencyIs(currency)}`,
  );
  return (
    await sql<{ currency: string; won: number; valued: number; total: number; days: number }>`
      SELECT currency, sum(won) AS won, sum(valued) AS valued, sum(total) AS total, sum(lead_ms) / 86400000.0 AS days
      FROM (${rows}) GROUP BY currency`.execute(db)
  ).rows;
}

export async function lostInPeriod(db: Kysely<DB>, r: Range, currency: string | undefined): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM job_milestones m INDEXED BY job_milestones_lost
    WHERE ${inRange(sql`m.lost_at`, r)} AND ${M_LOST} AND ${mCurrencyIs(currency)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Clients: live contacts with a live job, from the trigger-kept client_jobs (0011), one small row each. */
const CLIENTS = sql`SELECT k.contact_id FROM client_jobs k WHERE k.live = 1`;
/** A contact known to have a live job (so a client_jobs row): is it live. */
const LIVE_CLIENT = (id: RawBuilder<unknown>) => sql<SqlBool>`EXISTS (SELECT 1 FROM client_jobs k WHERE k.contact_id = ${id} AND k.live = 1)`;

/** Live clients by paid revenue in one currency: paid in the range (top clients), or paid before its end (lifetime value). */
export async function paidPerClient(db: Kysely<DB>, r: Range | { start: null; end: string }, currency: string) {
  const when = r.start === null ? sql<SqlBool>`m.paid_at < ${r.end}` : inRange(sql`m.paid_at`, r);
  const { rows } = await sql<{ contact_id: string; name: string; amount: number; jobs: number }>`
      SELECT x.contact_id, c.display_name AS name, x.amount, x.jobs FROM (
        SELECT m.contact_id, sum(coalesce(m.amount_minor, 0)) AS amount, count(*) AS jobs
        FROM job_milestones m INDEXED BY job_milestones_paid
        WHERE ${when} AND ${M_PAID} AND m.currency = ${currency} AND m.contact_id IS NOT NULL
        GROUP BY m.contact_id HAVING amount > 0) x
      JOIN contacts c ON c.id = x.contact_id WHERE c.deleted_at IS NULL
      ORDER BY x.amount DESC, c.sort_name, c.id`.execute(db);
  return rows.map(toClientRevenue);
}

const toClientRevenue = (r: { contact_id: string; name: string; amount: number; jobs: number }) => ({ contactId: r.contact_id, name: r.name, amount: r.amount, jobs: r.jobs });

/**
 * paidPerClient as the dashboard needs it: how many clients and their total, and only the first `limit` by
 * revenue with their names (the contacts table read for those, and any tied with the last, not every client).
 */
export async function paidClientsTop(db: Kysely<DB>, r: Range | { start: null; end: string }, currency: string, limit: number) {
  const when = r.start === null ? sql<SqlBool>`m.paid_at < ${r.end}` : inRange(sql`m.paid_at`, r);
  const { rows } = await sql<{ contact_id: string; name: string; amount: number; jobs: number; clients: number; total: number }>`
    WITH x AS MATERIALIZED (
        SELECT m.contact_id, sum(coalesce(m.amount_minor, 0)) AS amount, count(*) AS jobs
        FROM job_milestones m INDEXED BY job_milestones_paid
        WHERE ${when} AND ${M_PAID} AND m.currency = ${currency} AND m.contact_id IS NOT NULL
        GROUP BY m.contact_id HAVING amount > 0 AND ${LIVE_CLIENT(sql`m.contact_id`)}),
      cut AS (SELECT amount FROM x ORDER BY amount DESC LIMIT 1 OFFSET ${limit - 1})
    SELECT x.contact_id, c.display_name AS name, x.amount, x.jobs, (SELECT count(*) FROM x) AS clients, (SELECT sum(amount) FROM x) AS total
    FROM x CROSS JOIN contacts c ON c.id = x.contact_id
    WHERE x.amount >= coalesce((SELECT amount FROM cut), 0)
    ORDER BY x.amount DESC, c.sort_name, c.id LIMIT ${limit}`.execute(db);
  return { clients: Number(rows[0]?.clients ?? 0), total: Number(rows[0]?.total ?? 0), rows: rows.map(toClientRevenue) };
}

/**
 * Is client `k` active in a range: a live job of theirs created, won or paid in it, or a counted touch in it.
 * Per client rather than per activity: a year holds hundreds of thousands of activities but a client only a
 * few jobs. Job events are checked first (a few index entries); touches only if none, with one seek into the
 * client's touches in the range.
 */
function activeIn(r: Range): RawBuilder<SqlBool> {
  return sql<SqlBool>`(EXISTS (SELECT 1 FROM job_milestones m INDEXED BY job_milestones_contact
      WHERE m.contact_id = k.contact_id AND ${M_LIVE}
        AND (${inRange(sql`m.created_at`, r)} OR ${inRange(sql`m.won_at`, r)} OR ${inRange(sql`m.paid_at`, r)}))
    OR EXISTS (SELECT 1 FROM activities a INDEXED BY activities_contact
      WHERE a.contact_id = k.contact_id AND a.deleted_at IS NULL AND ${inRange(sql`a.occurred_at`, r)} AND ${COUNTED}))`;
}

/** Live clients active in a range, as a subquery of contact_id. */
export function activeClients(r: Range): RawBuilder<{ contact_id: string }> {
  return sql`SELECT k.contact_id FROM (${CLIENTS}) k WHERE ${activeIn(r)}`;
}

/**
 * In one statement, each live client checked once for both ranges: how many were active in this range and in
 * the previous one, and how many of the previous ones churned. `inactiveLifetime` is the lifetime paid revenue
 * (before this range's end, one currency) of the live clients NOT active in this range: the dashboard takes it
 * from every live client's (paidClientsTop's total) to get the active clients' revenue. Those are the few, so
 * this reads their paid jobs rather than every active client's.
 */
export async function clientActivity(db: Kysely<DB>, previous: Range, current: Range, currency: string) {
  const { rows } = await sql<{ active: number; inactive_lifetime: number; previous_active: number; churned: number }>`
    WITH k AS MATERIALIZED (SELECT k.contact_id, ${activeIn(current)} AS cur, ${activeIn(previous)} AS prev FROM (${CLIENTS}) k)
    SELECT coalesce(sum(cur), 0) AS active, coalesce(sum(prev), 0) AS previous_active, coalesce(sum(prev AND NOT cur), 0) AS churned,
      (SELECT coalesce(sum(m.amount_minor), 0) FROM k CROSS JOIN job_milestones m INDEXED BY job_milestones_contact ON m.contact_id = k.contact_id
        WHERE NOT k.cur AND ${M_PAID} AND m.currency = ${currency} AND m.paid_at < ${current.end}) AS inactive_lifetime
    FROM k`.execute(db);
  const r = rows[0];
  return {
    active: Number(r?.active ?? 0),
    inactiveLifetime: Number(r?.inactive_lifetime ?? 0),
    previousActive: Number(r?.previous_active ?? 0),
    churned: Number(r?.churned ?? 0),
  };
}

/** Live clients with won jobs before the end, and how many of them have more than one. */
export async function repeatClients(db: Kysely<DB>, end: string, currency: string | undefined) {
  const { rows } = await sql<{ clients: number; repeat: number }>`
    SELECT count(*) AS clients, coalesce(sum(n > 1), 0) AS repeat FROM (
      SELECT m.contact_id, count(*) AS n FROM job_milestones m INDEXED BY job_milestones_client_won
      WHERE m.won_at < ${end} AND ${M_WON} AND ${mCurrencyIs(currency)} AND m.contact_id IS NOT NULL
      GROUP BY m.contact_id) x
    WHERE ${LIVE_CLIENT(sql`x.contact_id`)}`.execute(db);
  return { clients: Number(rows[0]?.clients ?? 0), repeat: Number(rows[0]?.repeat ?? 0) };
}

const driftSql = (now: Date, defaultDays: number, minGapDays: number) => sql`SELECT * FROM (SELECT k.contact_id AS id, coalesce(t.last_at, '') AS last_at,
        CASE WHEN t.touches >= 3 THEN (julianday(t.last_at) - julianday(t.first_at)) / (t.touches - 1) END AS gap
      FROM client_jobs k LEFT JOIN contact_touches t ON t.contact_id = k.contact_id WHERE k.paid > 0 AND k.live = 1)
    WHERE last_at = '' OR julianday(${now.toISOString()}) - julianday(last_at) > coalesce(max(gap, ${minGapDays}), ${defaultDays})`;

/** Which of `ids` are drifting (by the rule of `drifting` below): so a client drifting and at risk by service counts once. */
export async function driftingAmong(db: Kysely<DB>, now: Date, defaultDays: number, minGapDays: number, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`SELECT id FROM (${driftSql(now, defaultDays, minGapDays)}) WHERE id IN (${sql.join(ids.map((id) => sql`${id}`))})`.execute(db);
  return new Set(rows.map((r) => r.id));
}

/**
 * Clients at risk by their service cases (issue #22): among cases opened since `sinceMs` (live cases of live contacts),
 * a complaint, a rating of 1 or 2, two or more cases with one still open or waiting, or three or more cases. Most
 * open first, then most complaints and poor ratings, then most cases. `skipPlanned` as in `drifting`.
 */
export async function serviceAtRisk(db: Kysely<DB>, sinceMs: number, skipPlanned: boolean) {
  // Counted per contact first (the trashed contacts read once through contacts_trash); contact rows are read only
  // for the few at risk. Reading each case's contact row was thousands of random reads on a big file.
  const { rows } = await sql<{ contact_id: string; name: string; last_contacted_at: string | null; cases: number; open: number; complaints: number; poor: number }>`
    SELECT r.contact_id, c.display_name AS name, c.last_contacted_at, r.cases, r.open, r.complaints, r.poor
    FROM (SELECT k.contact_id, count(*) AS cases, sum(k.category IN ('open', 'waiting')) AS open,
          sum(k.type = 'complaint') AS complaints, sum(coalesce(k.rating_score <= 2, 0)) AS poor
        FROM cases k
        WHERE k.opened_ms >= ${sinceMs} AND k.deleted_at IS NULL AND k.contact_id NOT IN (SELECT id FROM contacts WHERE deleted_at IS NOT NULL)
        GROUP BY k.contact_id
        HAVING complaints > 0 OR poor > 0 OR (cases >= 2 AND open > 0) OR cases >= 3) r
      JOIN contacts c ON c.id = r.contact_id
    ${skipPlanned ? sql`WHERE c.next_task_due_at IS NULL` : sql``}
    ORDER BY r.open DESC, r.complaints + r.poor DESC, r.cases DESC, c.sort_name, r.contact_id`.execute(db);
  return rows.map((r) => ({
    contactId: r.contact_id,
    name: r.name,
    lastContactedAt: r.last_contacted_at,
    cases: Number(r.cases),
    open: Number(r.open),
    complaints: Number(r.complaints),
    poor: Number(r.poor),
  }));
}

interface DriftRow {
  contact_id: string;
  name: string;
  last_contacted_at: string;
  gap: number | null;
}

/**
 * Paying clients (a live job in a paid stage) not contacted for longer than their usual gap (the mean gap
 * between their counted touches, once there are at least three, never under `minGapDays`), else `defaultDays`.
 * Never contacted counts as drifting.
 *
 * Who drifts is decided from the summaries alone: client_jobs (paying, live) and contact_touches, whose last_at
 * is contacts.last_contacted_at (the same counted-touch rule, 0002) and which gives the usual gap. The contacts
 * table is then read only for the listed clients (the first `limit` by last contact, and any tied with the
 * last of them), or for every drifting client when those with a follow-up planned are to be left out.
 */
export async function drifting(db: Kysely<DB>, now: Date, defaultDays: number, minGapDays: number, limit: number, skipPlanned = false) {
  const drift = driftSql(now, defaultDays, minGapDays);
  const chosen = skipPlanned ? sql`SELECT d.* FROM (${drift}) d CROSS JOIN contacts c ON c.id = d.id WHERE c.next_task_due_at IS NULL` : drift;
  const { rows } = await sql<DriftRow & { total: number }>`
    WITH drift AS MATERIALIZED (${chosen}),
      cut AS (SELECT last_at FROM drift ORDER BY last_at LIMIT 1 OFFSET ${limit - 1})
    SELECT c.id AS contact_id, c.display_name AS name, c.last_contacted_at, d.gap, (SELECT count(*) FROM drift) AS total
    FROM drift d CROSS JOIN contacts c ON c.id = d.id
    WHERE d.last_at <= coalesce((SELECT last_at FROM cut), '~')
    ORDER BY d.last_at, c.sort_name, c.id LIMIT ${limit}`.execute(db);
  return { total: Number(rows[0]?.total ?? 0), rows: rows.map((r) => ({ contactId: r.contact_id, name: r.name, lastContactedAt: r.last_contacted_at, gap: r.gap })) };
}

/**
 * Contacts created in the range per lead source: how many, how many have a won job, and (in `revenue`) the paid
 * revenue to date per currency. The contacts are counted from contacts_live_created alone; won and paid come
 * from the client rows, which carry their contact's creation time and lead source (0014).
 */
export async function leadSources(db: Kysely<DB>, r: Range, currency: string | undefined) {
  const { rows } = await sql<{ what: 'contacts' | 'revenue' | 'won'; source: string | null; currency: string | null; n: number }>`
    SELECT 'contacts' AS what, c.lead_source AS source, NULL AS currency, count(*) AS n FROM contacts c INDEXED BY contacts_live_created
      WHERE c.deleted_at IS NULL AND ${inRange(sql`c.created_at`, r)} GROUP BY c.lead_source
    UNION ALL
    SELECT 'won', k.lead_source, NULL, count(*) FROM client_jobs k WHERE k.live = 1 AND k.won > 0 AND ${inRange(sql`k.created_at`, r)} GROUP BY k.lead_source
    UNION ALL
    SELECT 'revenue', k.lead_source, m.currency, coalesce(sum(m.amount_minor), 0)
      FROM client_jobs k CROSS JOIN job_milestones m INDEXED BY job_milestones_contact ON m.contact_id = k.contact_id
      WHERE k.live = 1 AND k.paid > 0 AND ${inRange(sql`k.created_at`, r)} AND ${M_PAID} AND ${mCurrencyIs(currency)} GROUP BY k.lead_source, m.currency
    ORDER BY 1, 4 DESC, 2`.execute(db);
  const of = (what: string, source: string | null) => rows.filter((row) => row.what === what && row.source === source);
  return rows
    .filter((row) => row.what === 'contacts')
    .map((s) => ({
      source: s.source,
      contacts: Number(s.n),
      won: Number(of('won', s.source)[0]?.n ?? 0),
      revenue: of('revenue', s.source).map((row) => ({ currency: row.currency!, amount: Number(row.n) })),
    }));
}

const MIDNIGHT = 'T00:00:00.000Z';

/**
 * Live activities per type in a range. A range of whole UTC days (every dashboard period) reads the per-day
 * summary (0011: a few hundred rows a year instead of every activity); any other range counts the rows.
 */
export async function activityCounts(db: Kysely<DB>, r: Range) {
  if (r.start.endsWith(MIDNIGHT) && r.end.endsWith(MIDNIGHT)) {
    return (
      await sql<{ type: string; count: number }>`SELECT d.type, sum(d.n) AS count FROM activity_days d
        WHERE d.day >= ${r.start.slice(0, 10)} AND d.day < ${r.end.slice(0, 10)} GROUP BY d.type`.execute(db)
    ).rows;
  }
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

/**
 * Quotes and completed work are found by stage name (the default pipeline's "Quoted" and "Completed", and
 * renamed ones that keep the word), among stages that are neither paid nor lost.
 */
const STAGE_NAMES = { quoted: '%quot%', completed: '%complet%' } as const;

/** Live jobs sitting in a quoted (or completed) stage since before `before` (alerts: unanswered quotes, unpaid work). */
export async function staleJobs(db: Kysely<DB>, stage: keyof typeof STAGE_NAMES, before: string, limit: number) {
  const stageNamePattern = STAGE_NAMES[stage];
  const { rows } = await sql<{ id: string; title: string; contact_id: string | null; contact_name: string | null; stage_name: string; stage_changed_at: string; amount_minor: number | null; currency: string }>`
      SELECT j.id, j.title, j.contact_id, c.display_name AS contact_name, s.name AS stage_name, j.stage_changed_at, j.amount_minor, j.currency
      FROM jobs j JOIN pipeline_stages s ON s.id = j.stage_id LEFT JOIN contacts c ON c.id = j.contact_id
      WHERE j.deleted_at IS NULL AND s.category IN ('open', 'won') AND lower(s.name) LIKE ${stageNamePattern}
        AND j.stage_changed_at < ${before}
      ORDER BY j.stage_changed_at, j.id LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({
    id: r.id, title: r.title, contactId: r.contact_id, contactName: r.contact_name, stageName: r.stage_name,
    stageChangedAt: r.stage_changed_at, amountMinor: r.amount_minor, currency: r.currency,
  }));
}
