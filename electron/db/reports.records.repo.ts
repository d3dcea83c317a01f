// The records behind each dashboard figure (split from reports.repo.ts for length), built on its definitions
// (WON_NOW, activeClients, inRange...) so a list always adds up to its figure. Rows leave camelCase, at most
// `limit` of them. No business rules beyond the SQL; imports no core.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { activeClients, currencyIs, inRange, LOST_NOW, PAID_NOW, WON_NOW, type Range } from './reports.repo';
import type { DB } from './schema';
import { OVERDUE_FROM } from './activities.repo';

export interface JobRecord {
  id: string;
  title: string;
  client: string | null;
  stage: string;
  amount: number | null;
  currency: string;
  at: string;
}

async function jobs(db: Kysely<DB>, at: RawBuilder<unknown>, where: RawBuilder<SqlBool>, limit: number): Promise<JobRecord[]> {
  const { rows } = await sql<JobRecord>`
    SELECT j.id, j.title, c.display_name AS client, s.name AS stage, j.amount_minor AS amount, j.currency, ${at} AS at
    FROM job_milestones m JOIN jobs j ON j.id = m.job_id JOIN pipeline_stages s ON s.id = j.stage_id
    LEFT JOIN contacts c ON c.id = j.contact_id
    WHERE ${where} ORDER BY at DESC, j.id LIMIT ${limit}`.execute(db);
  return rows;
}

/** Live jobs in the pipeline (one stage, or all), latest stage change first. */
export function pipelineJobs(db: Kysely<DB>, stageId: string | undefined, currency: string | undefined, limit: number): Promise<JobRecord[]> {
  const stage = stageId ? sql<SqlBool>`j.stage_id = ${stageId}` : sql<SqlBool>`1`;
  return jobs(db, sql`j.stage_changed_at`, sql`j.deleted_at IS NULL AND ${stage} AND ${currencyIs(currency)}`, limit);
}

/** Jobs first won, paid or lost in the range (and still so), latest first. */
export function milestoneJobs(db: Kysely<DB>, kind: 'won' | 'paid' | 'lost', range: Range, currency: string | undefined, limit: number): Promise<JobRecord[]> {
  const at = kind === 'won' ? sql`m.won_at` : kind === 'paid' ? sql`m.paid_at` : sql`m.lost_at`;
  const now = kind === 'won' ? WON_NOW : kind === 'paid' ? PAID_NOW : LOST_NOW;
  return jobs(db, at, sql`${inRange(at, range)} AND ${now} AND ${currencyIs(currency)}`, limit);
}

export interface ContactRecord {
  id: string;
  name: string;
  /** '' when never contacted. */
  lastContactedAt: string;
  createdAt: string;
}

/** Live clients active in `active` (and, with `notIn`, not active in that range: the churned), in name order. */
export async function clientsActive(db: Kysely<DB>, active: Range, notIn: Range | null, limit: number): Promise<ContactRecord[]> {
  const ids = notIn
    ? sql`SELECT contact_id FROM (${activeClients(active)}) WHERE contact_id NOT IN (SELECT contact_id FROM (${activeClients(notIn)}))`
    : sql`SELECT contact_id FROM (${activeClients(active)})`;
  const { rows } = await sql<{ id: string; name: string; last: string; created: string }>`
    SELECT c.id, c.display_name AS name, c.last_contacted_at AS last, c.created_at AS created FROM contacts c
    WHERE c.deleted_at IS NULL AND c.id IN (${ids}) ORDER BY c.sort_name, c.id LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ id: r.id, name: r.name, lastContactedAt: r.last, createdAt: r.created }));
}

/** Live clients with more than one job won before `end`, most first. */
export async function repeatClientRecords(db: Kysely<DB>, end: string, currency: string | undefined, limit: number): Promise<{ id: string; name: string; won: number }[]> {
  const { rows } = await sql<{ id: string; name: string; n: number }>`
    SELECT c.id, c.display_name AS name, count(*) AS n FROM job_milestones m JOIN jobs j ON j.id = m.job_id
    JOIN pipeline_stages s ON s.id = j.stage_id JOIN contacts c ON c.id = j.contact_id
    WHERE m.won_at < ${end} AND ${WON_NOW} AND ${currencyIs(currency)} AND c.deleted_at IS NULL
    GROUP BY c.id HAVING n > 1 ORDER BY n DESC, c.sort_name LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ id: r.id, name: r.name, won: Number(r.n) }));
}

/** Contacts created in the range, of one lead source ('' = none) or all, newest first, with whether they won a job. */
export async function leadSourceContacts(db: Kysely<DB>, range: Range, leadSource: string | undefined, limit: number) {
  const source = leadSource === undefined ? sql<SqlBool>`1` : leadSource === '' ? sql<SqlBool>`c.lead_source IS NULL` : sql<SqlBool>`c.lead_source = ${leadSource}`;
  const { rows } = await sql<{ id: string; name: string; source: string | null; created: string; won: number }>`
    SELECT c.id, c.display_name AS name, c.lead_source AS source, c.created_at AS created,
      EXISTS (SELECT 1 FROM job_milestones m JOIN jobs j ON j.id = m.job_id JOIN pipeline_stages s ON s.id = j.stage_id
        WHERE j.contact_id = c.id AND m.won_at IS NOT NULL AND ${WON_NOW}) AS won
    FROM contacts c WHERE c.deleted_at IS NULL AND ${inRange(sql`c.created_at`, range)} AND ${source}
    ORDER BY c.created_at DESC, c.id LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ id: r.id, name: r.name, source: r.source, createdAt: r.created, won: Boolean(r.won) }));
}

/** Live activities in the range (of one type, or all), latest first, with their contact's name. */
export async function activityRecords(db: Kysely<DB>, range: Range, type: string | undefined, limit: number) {
  const only = type ? sql<SqlBool>`a.type = ${type}` : sql<SqlBool>`1`;
  const { rows } = await sql<{ contact_id: string; name: string; type: string; subject: string | null; at: string }>`
    SELECT a.contact_id, c.display_name AS name, a.type, a.subject, a.occurred_at AS at FROM activities a JOIN contacts c ON c.id = a.contact_id
    WHERE a.deleted_at IS NULL AND ${inRange(sql`a.occurred_at`, range)} AND ${only}
    ORDER BY a.occurred_at DESC, a.id LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ contactId: r.contact_id, name: r.name, type: r.type, subject: r.subject, occurredAt: r.at }));
}

/** Open follow-ups past due at `now` (an all-day one after its day), oldest first. */
export async function overdueFollowUpRecords(db: Kysely<DB>, now: Date, limit: number) {
  const { rows } = await sql<{ title: string; due_at: string; contact_id: string | null; name: string | null }>`
    SELECT t.title, t.due_at, t.contact_id, c.display_name AS name FROM tasks t LEFT JOIN contacts c ON c.id = t.contact_id
    WHERE t.completed_at IS NULL AND t.deleted_at IS NULL AND t.due_at IS NOT NULL AND ${OVERDUE_FROM} <= ${now.toISOString()}
    ORDER BY t.due_at, t.id LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ title: r.title, dueAt: r.due_at, contactId: r.contact_id, contactName: r.name }));
}
