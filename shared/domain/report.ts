// Reports (the dashboard's figures and the records behind each one) and alerts, as they cross the contract.
// Money is always a list of { currency, amountMinor } integers: currencies are never mixed. Imports zod only.
import { z } from 'zod';
import { ActivityType } from './activity';
import { Id, text } from './fields';
import { Currency, DueDate, MoneyTotal, StageCategory } from './job';

const MAX_DAYS = 3700; // ten years and a little

function periodDays(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
}

/** A period of whole days, both ends included (YYYY-MM-DD, UTC). */
const PeriodFields = { from: DueDate, to: DueDate, currency: Currency.optional() };
const checkPeriod = <T extends { from: string; to: string }>(p: T, ctx: z.core.$RefinementCtx<T>) => {
  const days = periodDays(p.from, p.to);
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end must not be before the start' });
  else if (days > MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Choose a period of at most ten years' });
};

export const DashboardInput = z.strictObject(PeriodFields).superRefine(checkPeriod);

export const ReportMetric = z.enum([
  'pipeline',
  'wonJobs',
  'paidJobs',
  'lostJobs',
  'topClients',
  'lifetimeValue',
  'activeClients',
  'repeatClients',
  'churned',
  'drifting',
  'leadSource',
  'activities',
  'overdueFollowUps',
  'fieldJobs',
]);
export type ReportMetric = z.infer<typeof ReportMetric>;

export const Tier = z.enum(['top', 'middle', 'tail']);
export type Tier = z.infer<typeof Tier>;

export const RecordsInput = z
  .strictObject({
    ...PeriodFields,
    metric: ReportMetric,
    /** pipeline: one stage. */
    stageId: Id.optional(),
    /** wonJobs / paidJobs: one month of the period (YYYY-MM). */
    month: text().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Use YYYY-MM' }).optional(),
    /** activities: one type. */
    type: ActivityType.optional(),
    /** leadSource: one source; '' means contacts with none. */
    leadSource: text().trim().max(100).optional(),
    /** topClients: one tier. */
    tier: Tier.optional(),
    /** The same period a year earlier (revenue comparison). */
    previousYear: z.boolean().optional(),
    /** fieldJobs: the job choice field of a breakdown (issue #19). */
    fieldId: Id.optional(),
    /** fieldJobs: one of its options, by id; '' means the jobs without a value. */
    option: text().max(80).optional(),
  })
  .superRefine(checkPeriod);
export type RecordsInput = z.output<typeof RecordsInput>;

/** Jobs added in the period, grouped by the options of one of the user's choice fields on jobs (issue #19). */
export const BreakdownInput = z.strictObject({ ...PeriodFields, fieldId: Id }).superRefine(checkPeriod);
export type BreakdownInput = z.output<typeof BreakdownInput>;

export const Breakdown = z.object({
  from: z.string(),
  to: z.string(),
  field: z.object({ id: z.string(), key: z.string(), label: z.string(), type: z.enum(['choice', 'choices']) }),
  /** Jobs added in the period (one with several choices counts once here, and under each of its choices). */
  jobs: z.number().int(),
  /**
   * One row per option in the field's order (an archived one only while jobs still hold it), then `optionId: null`
   * ("None") for the jobs without a value, when there are any. Money per currency, never mixed.
   */
  rows: z.array(
    z.object({
      optionId: z.string().nullable(),
      label: z.string(),
      archived: z.boolean(),
      jobs: z.number().int(),
      totals: z.array(MoneyTotal),
      /** Of those, the jobs now won (or paid), and their value. */
      won: z.number().int(),
      wonTotals: z.array(MoneyTotal),
    }),
  ),
});
export type Breakdown = z.infer<typeof Breakdown>;

export const ColumnKind = z.enum(['text', 'number', 'money', 'date', 'datetime']);
export const ReportTable = z.object({
  title: z.string(),
  columns: z.array(z.object({ key: z.string(), label: z.string(), kind: ColumnKind })),
  /** Money cells hold minor units; the row's `currency` column names their currency. */
  rows: z.array(
    z.object({
      link: z.object({ type: z.enum(['contact', 'job']), id: z.string() }).nullable(),
      cells: z.array(z.union([z.string(), z.number(), z.null()])),
    }),
  ),
  /** More records matched than are listed (the first RECORDS_LIMIT are). */
  truncated: z.boolean(),
});
export type ReportTable = z.infer<typeof ReportTable>;
export const RECORDS_LIMIT = 2000;

const Money = z.array(MoneyTotal);

export const DriftingClient = z.object({
  contactId: z.string(),
  name: z.string(),
  lastContactedAt: z.string().nullable(),
  daysSince: z.number().nullable(),
  /** Their average gap between contacts, when they have at least three; else null and the set number of days applies. */
  usualGapDays: z.number().nullable(),
  thresholdDays: z.number(),
  /** At risk by their service cases of the last 90 days (issue #22), in words: "2 cases in 90 days, 1 open". */
  serviceReason: z.string().optional(),
});
export type DriftingClient = z.infer<typeof DriftingClient>;

export const Dashboard = z.object({
  from: z.string(),
  to: z.string(),
  /** The period of the same length just before this one (churn compares with it). */
  previousFrom: z.string(),
  previousTo: z.string(),
  /** The currency of the per-client figures (top clients, lifetime value): the one asked for, else the default. */
  currency: z.string(),
  pipeline: z.array(
    z.object({ stageId: z.string(), stageName: z.string(), category: StageCategory, count: z.number(), totals: Money, weighted: Money }),
  ),
  revenueByMonth: z.array(
    z.object({ month: z.string(), currency: z.string(), wonMinor: z.number(), paidMinor: z.number(), previousWonMinor: z.number(), previousPaidMinor: z.number() }),
  ),
  winRate: z.object({ won: z.number(), lost: z.number(), rate: z.number().nullable() }),
  averageJobValueMinor: Money,
  averageDaysLeadToWon: z.number().nullable(),
  topClients: z.object({
    items: z.array(z.object({ contactId: z.string(), name: z.string(), amountMinor: z.number(), jobs: z.number(), tier: Tier })),
    tiers: z.object({ top: z.number(), middle: z.number(), tail: z.number() }),
  }),
  lifetimeValue: z.object({
    totalMinor: z.number(),
    payingClients: z.number(),
    activeClients: z.number(),
    /** Lifetime paid revenue of the clients active in the period ÷ their number; null when none was active. */
    averagePerActiveMinor: z.number().nullable(),
    items: z.array(z.object({ contactId: z.string(), name: z.string(), amountMinor: z.number() })),
  }),
  repeatClients: z.object({ repeat: z.number(), clients: z.number() }),
  churn: z.object({ previousActive: z.number(), churned: z.number(), rate: z.number().nullable() }),
  drifting: z.object({ count: z.number(), items: z.array(DriftingClient) }),
  leadSources: z.array(z.object({ source: z.string().nullable(), contacts: z.number(), won: z.number(), revenue: Money })),
  activityCounts: z.array(z.object({ type: ActivityType, count: z.number() })),
  overdueFollowUps: z.number(),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const AlertSettings = z.object({ driftDays: z.number(), quoteDays: z.number(), unpaidDays: z.number() });
export type AlertSettings = z.infer<typeof AlertSettings>;
const Days = z.number().int({ message: 'Must be whole days' }).min(1, { message: 'At least one day' }).max(3650, { message: 'At most ten years' });
export const AlertSettingsUpdate = z.strictObject({ driftDays: Days.optional(), quoteDays: Days.optional(), unpaidDays: Days.optional() });

export const StaleJob = z.object({
  jobId: z.string(),
  title: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  stageName: z.string(),
  since: z.string(),
  days: z.number(),
  amountMinor: z.number().nullable(),
  currency: z.string(),
});
export const Alerts = z.object({
  settings: AlertSettings,
  drifting: z.array(DriftingClient),
  unansweredQuotes: z.array(StaleJob),
  unpaid: z.array(StaleJob),
  checkedAt: z.string(),
});
export type Alerts = z.infer<typeof Alerts>;

/** path is null when the user cancelled the save dialog. */
export const ExportResult = z.object({ path: z.string().nullable(), format: z.enum(['csv', 'pdf', 'html']), rows: z.number() });
