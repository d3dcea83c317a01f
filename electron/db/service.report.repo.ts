// The service report's aggregates (issue #22), all done in SQL so a year over 50,000 cases stays a few statements
// over the cases table and its indexes. Every statement leaves out cases in Trash and cases of contacts in Trash.
// Contacts are joined only where a name is shown (cases per client).
// Instants in are UTC epoch ms (the clock columns); rating_at is ISO text. tests/bench/cases.ts replays these
// statements on raw better-sqlite3. Never imports core.
import { sql, type Kysely } from 'kysely';
import type { CasePriority } from '../../shared/domain/case';
import type { DB } from './schema';

/** A half-open range [startMs, endMs) of epoch ms. */
export interface MsRange {
  startMs: number;
  endMs: number;
}

/**
 * Live cases of live contacts. The contact's Trash mark is tested against the (small) set of trashed contacts, read
 * once through the contacts_trash index, rather than by reading each case's contact row: over a year of cases
 * that was thousands of random reads of a 100,000-row table (~300 ms vs ~10 ms on the bench file).
 */
const LIVE = sql`k.deleted_at IS NULL AND k.contact_id NOT IN (SELECT id FROM contacts WHERE deleted_at IS NOT NULL)`;
const OPENED_IN = (r: MsRange) => sql`k.opened_ms >= ${r.startMs} AND k.opened_ms < ${r.endMs}`;
const DAY = 86_400_000;

/** Cases opened in the range: how many, per priority, and how many had their response / resolution target decided and met. */
export async function openedFigures(db: Kysely<DB>, r: MsRange) {
  const { rows } = await sql<{ priority: CasePriority; opened: number; response_total: number; response_met: number; resolution_total: number; resolution_met: number }>`
    SELECT k.priority, count(*) AS opened,
      count(k.response_met) AS response_total, coalesce(sum(k.response_met), 0) AS response_met,
      count(k.resolution_met) AS resolution_total, coalesce(sum(k.resolution_met), 0) AS resolution_met
    FROM cases k
    WHERE ${OPENED_IN(r)} AND ${LIVE}
    GROUP BY k.priority`.execute(db);
  return rows.map((x) => ({
    priority: x.priority,
    opened: Number(x.opened),
    responseTotal: Number(x.response_total),
    responseMet: Number(x.response_met),
    resolutionTotal: Number(x.resolution_total),
    resolutionMet: Number(x.resolution_met),
  }));
}

/** Count, median and 90th percentile of one business-time column; null figures when no case got there. */
export interface Spread {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

/**
 * Business time to first response and to resolution over cases opened in the range that got there: count, median
 * and 90th percentile, in one statement (one read of the period's cases). Percentiles are nearest-rank: the value at
 * rank ceil(p × n) in ascending order, so the median of an even count is the lower middle value and every figure is
 * a time some case really took. (n × 50 + 99) / 100 is ceil(n / 2) in integer arithmetic, likewise for 90.
 */
export async function spreads(db: Kysely<DB>, r: MsRange): Promise<{ response: Spread; resolution: Spread }> {
  const ranks = (column: string) => sql`SELECT ${sql.ref(column)} AS v, row_number() OVER (ORDER BY ${sql.ref(column)}) AS rn, count(*) OVER () AS n
    FROM period WHERE ${sql.ref(column)} IS NOT NULL`;
  const pick = sql`max(n) AS n, max(CASE WHEN rn = (n * 50 + 99) / 100 THEN v END) AS median, max(CASE WHEN rn = (n * 90 + 99) / 100 THEN v END) AS p90`;
  const { rows } = await sql<{ what: 'response' | 'resolution'; n: number | null; median: number | null; p90: number | null }>`
    WITH period AS MATERIALIZED (SELECT k.response_business_ms AS response, k.resolution_business_ms AS resolution FROM cases k WHERE ${OPENED_IN(r)} AND ${LIVE})
    SELECT 'response' AS what, ${pick} FROM (${ranks('response')})
    UNION ALL
    SELECT 'resolution', ${pick} FROM (${ranks('resolution')})`.execute(db);
  const of = (what: 'response' | 'resolution'): Spread => {
    const row = rows.find((x) => x.what === what);
    return { count: Number(row?.n ?? 0), medianMs: row?.median ?? null, p90Ms: row?.p90 ?? null };
  };
  return { response: of('response'), resolution: of('resolution') };
}

/** Open and waiting cases now, by days since they were opened (bucket edges are whole 24-hour days). */
export async function openByAge(db: Kysely<DB>, nowMs: number) {
  const { rows } = await sql<{ bucket: string; n: number }>`
    SELECT CASE WHEN ${nowMs} - k.opened_ms < ${DAY} THEN 'under1d'
        WHEN ${nowMs} - k.opened_ms < ${3 * DAY} THEN '1to3d'
        WHEN ${nowMs} - k.opened_ms < ${7 * DAY} THEN '3to7d'
        WHEN ${nowMs} - k.opened_ms < ${30 * DAY} THEN '7to30d'
        ELSE 'over30d' END AS bucket, count(*) AS n
    FROM cases k
    WHERE k.category IN ('open', 'waiting') AND ${LIVE}
    GROUP BY bucket`.execute(db);
  return new Map(rows.map((x) => [x.bucket, Number(x.n)]));
}

/** Cases resolved (or closed) in the range, and how many of them had been reopened at least once. */
export async function resolvedFigures(db: Kysely<DB>, r: MsRange) {
  const { rows } = await sql<{ resolved: number; reopened: number }>`
    SELECT count(*) AS resolved, coalesce(sum(k.reopen_count > 0), 0) AS reopened
    FROM cases k
    WHERE k.resolved_ms >= ${r.startMs} AND k.resolved_ms < ${r.endMs} AND ${LIVE}`.execute(db);
  return { resolved: Number(rows[0]?.resolved ?? 0), reopened: Number(rows[0]?.reopened ?? 0) };
}

/** Ratings given in the range (a case's latest rating), per score 1..5. */
export async function ratingsByScore(db: Kysely<DB>, startIso: string, endIso: string) {
  const { rows } = await sql<{ score: number; n: number }>`
    SELECT k.rating_score AS score, count(*) AS n
    FROM cases k
    WHERE k.rating_at >= ${startIso} AND k.rating_at < ${endIso} AND k.rating_score IS NOT NULL AND ${LIVE}
    GROUP BY k.rating_score`.execute(db);
  return rows.map((x) => ({ score: Number(x.score), count: Number(x.n) }));
}

/**
 * The clients with most cases opened in the range (ties by name), with how many of those are open or waiting now.
 * Counted per contact first; names are read only for the clients at or above the `limit`-th count (most clients of
 * a big file have one case, and reading every one's name was most of the cost).
 */
export async function casesPerClient(db: Kysely<DB>, r: MsRange, limit: number) {
  const { rows } = await sql<{ contact_id: string; name: string; cases: number; open: number }>`
    WITH per AS MATERIALIZED (SELECT k.contact_id, count(*) AS cases, sum(k.category IN ('open', 'waiting')) AS open
        FROM cases k WHERE ${OPENED_IN(r)} AND ${LIVE} GROUP BY k.contact_id),
      cut AS (SELECT cases FROM per ORDER BY cases DESC LIMIT 1 OFFSET ${limit - 1})
    SELECT p.contact_id, c.display_name AS name, p.cases, p.open
    FROM per p JOIN contacts c ON c.id = p.contact_id
    WHERE p.cases >= coalesce((SELECT cases FROM cut), 0)
    ORDER BY p.cases DESC, c.sort_name, p.contact_id LIMIT ${limit}`.execute(db);
  return rows.map((x) => ({ contactId: x.contact_id, name: x.name, cases: Number(x.cases), open: Number(x.open) }));
}
