// The records behind each dashboard figure, as one table shape (title, columns, rows with a link), so the UI
// shows, and CSV exports, every one the same way. The queries are reports.records.repo's, built on the figures'
// own definitions, so a list always adds up to its figure. No SQL here; no `electron` import.
import type { Kysely } from 'kysely';
import { RECORDS_LIMIT, type RecordsInput, type ReportTable } from '../../../shared/domain/report';
import { paidPerClient } from '../../db/reports.repo';
import {
  activityRecords,
  clientsActive,
  leadSourceContacts,
  milestoneJobs,
  overdueFollowUpRecords,
  pipelineJobs,
  repeatClientRecords,
  type ContactRecord,
  type JobRecord,
} from '../../db/reports.records.repo';
import type { DB } from '../../db/schema';
import { breakdownRecords } from './breakdown';
import { defaultCurrency, driftingClients, tierOf } from './dashboard';
import { monthBefore, monthRange, period } from './period';

type Column = ReportTable['columns'][number];
type Cell = string | number | null;
const col = (key: string, label: string, kind: Column['kind'] = 'text'): Column => ({ key, label, kind });

const JOB_COLUMNS = [col('title', 'Job'), col('client', 'Client'), col('stage', 'Stage'), col('amount', 'Amount', 'money'), col('currency', 'Currency'), col('at', 'Date', 'datetime')];
/** One more than is shown, so a table knows it was cut short. */
const FETCH = RECORDS_LIMIT + 1;

function table(title: string, columns: Column[], rows: { link: ReportTable['rows'][number]['link']; cells: Cell[] }[]): ReportTable {
  return { title, columns, rows: rows.slice(0, RECORDS_LIMIT), truncated: rows.length > RECORDS_LIMIT };
}

const jobTable = (title: string, rows: JobRecord[]) =>
  table(title, JOB_COLUMNS, rows.map((r) => ({ link: { type: 'job', id: r.id }, cells: [r.title, r.client, r.stage, r.amount, r.currency, r.at] })));

const contactTable = (title: string, rows: ContactRecord[]) =>
  table(title, [col('name', 'Name'), col('lastContacted', 'Last contacted', 'datetime'), col('created', 'Added', 'datetime')],
    rows.map((r) => ({ link: { type: 'contact', id: r.id }, cells: [r.name, r.lastContactedAt || null, r.createdAt] })));

export async function records(db: Kysely<DB>, input: RecordsInput, now: Date): Promise<ReportTable> {
  const p = period(input.from, input.to);
  const money = input.currency;
  switch (input.metric) {
    case 'pipeline':
      return jobTable('Jobs in the pipeline', await pipelineJobs(db, input.stageId, money, FETCH));
    case 'wonJobs':
    case 'paidJobs': {
      const won = input.metric === 'wonJobs';
      let range = input.previousYear ? p.yearEarlier : p.current;
      if (input.month) range = monthRange(input.previousYear ? monthBefore(input.month, 1) : input.month, range);
      return jobTable(won ? 'Jobs won' : 'Jobs paid', await milestoneJobs(db, won ? 'won' : 'paid', range, money, FETCH));
    }
    case 'lostJobs':
      return jobTable('Jobs lost', await milestoneJobs(db, 'lost', p.current, money, FETCH));
    case 'topClients':
    case 'lifetimeValue': {
      const currency = money ?? (await defaultCurrency(db));
      const top = input.metric === 'topClients';
      const rows = await paidPerClient(db, top ? p.current : { start: null, end: p.current.end }, currency);
      const ranked = rows.map((r, rank) => ({ ...r, tier: tierOf(rank, rows.length) })).filter((r) => !input.tier || r.tier === input.tier);
      return table(
        top ? 'Top clients by paid revenue' : 'Lifetime value (paid revenue to date)',
        [col('name', 'Client'), col('amount', 'Paid revenue', 'money'), col('currency', 'Currency'), col('jobs', 'Paid jobs', 'number'), col('tier', 'Tier')],
        ranked.map((r) => ({ link: { type: 'contact', id: r.contactId }, cells: [r.name, Number(r.amount), currency, Number(r.jobs), r.tier] })),
      );
    }
    case 'activeClients':
      return contactTable('Clients active in the period', await clientsActive(db, p.current, null, FETCH));
    case 'churned':
      return contactTable('Clients active in the previous period, not in this one', await clientsActive(db, p.previous, p.current, FETCH));
    case 'repeatClients': {
      const rows = await repeatClientRecords(db, p.current.end, money, FETCH);
      return table('Repeat clients (more than one won job)', [col('name', 'Client'), col('won', 'Won jobs', 'number')],
        rows.map((r) => ({ link: { type: 'contact', id: r.id }, cells: [r.name, r.won] })));
    }
    case 'drifting': {
      const { items } = await driftingClients(db, now, FETCH);
      return table(
        'Drifting clients',
        [col('name', 'Client'), col('lastContacted', 'Last contacted', 'datetime'), col('daysSince', 'Days since', 'number'), col('usualGap', 'Usual gap (days)', 'number'), col('threshold', 'Drifts after (days)', 'number'), col('service', 'Service cases')],
        items.map((d) => ({ link: { type: 'contact', id: d.contactId }, cells: [d.name, d.lastContactedAt, d.daysSince, d.usualGapDays, d.thresholdDays, d.serviceReason ?? null] })),
      );
    }
    case 'leadSource': {
      const rows = await leadSourceContacts(db, p.current, input.leadSource, FETCH);
      return table('Contacts by lead source', [col('name', 'Name'), col('source', 'Lead source'), col('created', 'Added', 'datetime'), col('won', 'Won a job')],
        rows.map((r) => ({ link: { type: 'contact', id: r.id }, cells: [r.name, r.source, r.createdAt, r.won ? 'yes' : 'no'] })));
    }
    case 'activities': {
      const rows = await activityRecords(db, p.current, input.type, FETCH);
      return table('Activities', [col('at', 'When', 'datetime'), col('type', 'Type'), col('name', 'Contact'), col('subject', 'Subject')],
        rows.map((r) => ({ link: { type: 'contact', id: r.contactId }, cells: [r.occurredAt, r.type, r.name, r.subject] })));
    }
    case 'fieldJobs': {
      const { title, rows } = await breakdownRecords(db, input, FETCH);
      return jobTable(title, rows);
    }
    case 'overdueFollowUps': {
      const rows = await overdueFollowUpRecords(db, now, FETCH);
      return table('Overdue follow-ups', [col('title', 'Follow-up'), col('due', 'Due', 'datetime'), col('name', 'Contact')],
        rows.map((r) => ({ link: r.contactId ? { type: 'contact', id: r.contactId } : null, cells: [r.title, r.dueAt, r.contactName] })));
    }
  }
}
