// The records behind each dashboard figure, as one table shape (title, columns, rows with a link), so the UI
// shows, and CSV exports, every one the same way. Uses reports.repo's definitions, so a list always adds up
// to its figure. No `electron` import.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { RECORDS_LIMIT, type RecordsInput, type ReportTable } from '../../../shared/domain/report';
import * as repo from '../../db/reports.repo';
import { OVERDUE_FROM } from '../../db/tasks.repo';
import type { DB } from '../../db/schema';
import { defaultCurrency, driftingClients, tierOf } from './dashboard';
import { monthBefore, monthRange, period } from './period';

type Column = ReportTable['columns'][number];
type Cell = string | number | null;
const col = (key: string, label: string, kind: Column['kind'] = 'text'): Column => ({ key, label, kind });

const JOB_COLUMNS = [col('title', 'Job'), col('client', 'Client'), col('stage', 'Stage'), col('amount', 'Amount', 'money'), col('currency', 'Currency'), col('at', 'Date', 'datetime')];

interface JobRecord {
  id: string;
  title: string;
  client: string | null;
  stage: string;
  amount: number | null;
  currency: string;
  at: string;
}

function table(title: string, columns: Column[], rows: { link: ReportTable['rows'][number]['link']; cells: Cell[] }[]): ReportTable {
  return { title, columns, rows: rows.slice(0, RECORDS_LIMIT), truncated: rows.length > RECORDS_LIMIT };
}

async function jobs(db: Kysely<DB>, at: RawBuilder<unknown>, where: RawBuilder<SqlBool>, title: string): Promise<ReportTable> {
  const { rows } = await sql<JobRecord>`
    SELECT j.id, j.title, c.display_name AS client, s.name AS stage, j.amount_minor AS amount, j.currency, ${at} AS at
    FROM job_milestones m JOIN jobs j ON j.id = m.job_id JOIN pipeline_stages s ON s.id = j.stage_id
    LEFT JOIN contacts c ON c.id = j.contact_id
    WHERE ${where} ORDER BY at DESC, j.id LIMIT ${RECORDS_LIMIT + 1}`.execute(db);
  return table(title, JOB_COLUMNS, rows.map((r) => ({ link: { type: 'job', id: r.id }, cells: [r.title, r.client, r.stage, r.amount, r.currency, r.at] })));
}

async function contacts(db: Kysely<DB>, title: string, ids: RawBuilder<unknown>): Promise<ReportTable> {
  const { rows } = await sql<{ id: string; name: string; last: string; created: string }>`
    SELECT c.id, c.display_name AS name, c.last_contacted_at AS last, c.created_at AS created FROM contacts c
    WHERE c.deleted_at IS NULL AND c.id IN (${ids}) ORDER BY c.sort_name, c.id LIMIT ${RECORDS_LIMIT + 1}`.execute(db);
  return table(title, [col('name', 'Name'), col('lastContacted', 'Last contacted', 'datetime'), col('created', 'Added', 'datetime')],
    rows.map((r) => ({ link: { type: 'contact', id: r.id }, cells: [r.name, r.last || null, r.created] })));
}

export async function records(db: Kysely<DB>, input: RecordsInput, now: Date): Promise<ReportTable> {
  const p = period(input.from, input.to);
  const money = input.currency;
  const cur = repo.currencyIs(money);
  switch (input.metric) {
    case 'pipeline': {
      const stage = input.stageId ? sql<SqlBool>`j.stage_id = ${input.stageId}` : sql<SqlBool>`1`;
      return jobs(db, sql`j.stage_changed_at`, sql`j.deleted_at IS NULL AND ${stage} AND ${cur}`, 'Jobs in the pipeline');
    }
    case 'wonJobs':
    case 'paidJobs': {
      const won = input.metric === 'wonJobs';
      let range = input.previousYear ? p.yearEarlier : p.current;
      if (input.month) range = monthRange(input.previousYear ? monthBefore(input.month, 1) : input.month, range);
      const at = won ? sql`m.won_at` : sql`m.paid_at`;
      return jobs(db, at, sql`${repo.inRange(at, range)} AND ${won ? repo.WON_NOW : repo.PAID_NOW} AND ${cur}`, won ? 'Jobs won' : 'Jobs paid');
    }
    case 'lostJobs':
      return jobs(db, sql`m.lost_at`, sql`${repo.inRange(sql`m.lost_at`, p.current)} AND ${repo.LOST_NOW} AND ${cur}`, 'Jobs lost');
    case 'topClients':
    case 'lifetimeValue': {
      const currency = money ?? (await defaultCurrency(db));
      const top = input.metric === 'topClients';
      const rows = await repo.paidPerClient(db, top ? p.current : { start: null, end: p.current.end }, currency);
      const ranked = rows.map((r, rank) => ({ ...r, tier: tierOf(rank, rows.length) })).filter((r) => !input.tier || r.tier === input.tier);
      return table(
        top ? 'Top clients by paid revenue' : 'Lifetime value (paid revenue to date)',
        [col('name', 'Client'), col('amount', 'Paid revenue', 'money'), col('currency', 'Currency'), col('jobs', 'Paid jobs', 'number'), col('tier', 'Tier')],
        ranked.map((r) => ({ link: { type: 'contact', id: r.contact_id }, cells: [r.name, Number(r.amount), currency, Number(r.jobs), r.tier] })),
      );
    }
    case 'activeClients':
      return contacts(db, 'Clients active in the period', sql`SELECT contact_id FROM (${repo.activeClients(p.current)})`);
    case 'churned':
      return contacts(
        db,
        'Clients active in the previous period, not in this one',
        sql`SELECT contact_id FROM (${repo.activeClients(p.previous)}) WHERE contact_id NOT IN (SELECT contact_id FROM (${repo.activeClients(p.current)}))`,
      );
    case 'repeatClients': {
      const { rows } = await sql<{ id: string; name: string; n: number }>`
        SELECT c.id, c.display_name AS name, count(*) AS n FROM job_milestones m JOIN jobs j ON j.id = m.job_id
        JOIN pipeline_stages s ON s.id = j.stage_id JOIN contacts c ON c.id = j.contact_id
        WHERE m.won_at < ${p.current.end} AND ${repo.WON_NOW} AND ${cur} AND c.deleted_at IS NULL
        GROUP BY c.id HAVING n > 1 ORDER BY n DESC, c.sort_name LIMIT ${RECORDS_LIMIT + 1}`.execute(db);
      return table('Repeat clients (more than one won job)', [col('name', 'Client'), col('won', 'Won jobs', 'number')],
        rows.map((r) => ({ link: { type: 'contact', id: r.id }, cells: [r.name, Number(r.n)] })));
    }
    case 'drifting': {
      const { items } = await driftingClients(db, now, RECORDS_LIMIT + 1);
      return table(
        'Drifting clients',
        [col('name', 'Client'), col('lastContacted', 'Last contacted', 'datetime'), col('daysSince', 'Days since', 'number'), col('usualGap', 'Usual gap (days)', 'number'), col('threshold', 'Drifts after (days)', 'number')],
        items.map((d) => ({ link: { type: 'contact', id: d.contactId }, cells: [d.name, d.lastContactedAt, d.daysSince, d.usualGapDays, d.thresholdDays] })),
      );
    }
    case 'leadSource': {
      const source = input.leadSource === undefined ? sql<SqlBool>`1` : input.leadSource === '' ? sql<SqlBool>`c.lead_source IS NULL` : sql<SqlBool>`c.lead_source = ${input.leadSource}`;
      const { rows } = await sql<{ id: string; name: string; source: string | null; created: string; won: number }>`
        SELECT c.id, c.display_name AS name, c.lead_source AS source, c.created_at AS created,
          EXISTS (SELECT 1 FROM job_milestones m JOIN jobs j ON j.id = m.job_id JOIN pipeline_stages s ON s.id = j.stage_id
            WHERE j.contact_id = c.id AND m.won_at IS NOT NULL AND ${repo.WON_NOW}) AS won
        FROM contacts c WHERE c.deleted_at IS NULL AND ${repo.inRange(sql`c.created_at`, p.current)} AND ${source}
        ORDER BY c.created_at DESC, c.id LIMIT ${RECORDS_LIMIT + 1}`.execute(db);
      return table('Contacts by lead source', [col('name', 'Name'), col('source', 'Lead source'), col('created', 'Added', 'datetime'), col('won', 'Won a job')],
        rows.map((r) => ({ link: { type: 'contact', id: r.id }, cells: [r.name, r.source, r.created, r.won ? 'yes' : 'no'] })));
    }
    case 'activities': {
      const type = input.type ? sql<SqlBool>`a.type = ${input.type}` : sql<SqlBool>`1`;
      const { rows } = await sql<{ contact_id: string; name: string; type: string; subject: string | null; at: string }>`
        SELECT a.contact_id, c.display_name AS name, a.type, a.subject, a.occurred_at AS at FROM activities a JOIN contacts c ON c.id = a.contact_id
        WHERE a.deleted_at IS NULL AND ${repo.inRange(sql`a.occurred_at`, p.current)} AND ${type}
        ORDER BY a.occurred_at DESC, a.id LIMIT ${RECORDS_LIMIT + 1}`.execute(db);
      return table('Activities', [col('at', 'When', 'datetime'), col('type', 'Type'), col('name', 'Contact'), col('subject', 'Subject')],
        rows.map((r) => ({ link: { type: 'contact', id: r.contact_id }, cells: [r.at, r.type, r.name, r.subject] })));
    }
    case 'overdueFollowUps': {
      const { rows } = await sql<{ title: string; due_at: string; contact_id: string | null; name: string | null }>`
        SELECT t.title, t.due_at, t.contact_id, c.display_name AS name FROM tasks t LEFT JOIN contacts c ON c.id = t.contact_id
        WHERE t.completed_at IS NULL AND t.deleted_at IS NULL AND t.due_at IS NOT NULL AND ${OVERDUE_FROM} <= ${now.toISOString()}
        ORDER BY t.due_at, t.id LIMIT ${RECORDS_LIMIT + 1}`.execute(db);
      return table('Overdue follow-ups', [col('title', 'Follow-up'), col('due', 'Due', 'datetime'), col('name', 'Contact')],
        rows.map((r) => ({ link: r.contact_id ? { type: 'contact', id: r.contact_id } : null, cells: [r.title, r.due_at, r.name] })));
    }
  }
}
