// The report summary tables of schema.ts's DB (split out for length): written by triggers only (0009, 0011,
// 0013, 0014), read by reports.repo.ts. Like schema.ts, imports no application code.

export type StageCategory = 'open' | 'won' | 'paid' | 'lost';

export interface JobMilestonesTable {
  job_id: string;
  won_at: string | null;
  paid_at: string | null;
  lost_at: string | null;
  contact_id: string | null;
  currency: string | null;
  amount_minor: number | null;
  created_at: string | null;
  /** The stage's category while the job is live; NULL once trashed. */
  category: StageCategory | null;
}

export interface ActivityDaysTable {
  day: string;
  type: string;
  n: number;
}

export interface ContactTouchesTable {
  contact_id: string;
  first_at: string;
  last_at: string;
  touches: number;
}

export interface PipelineTotalsTable {
  stage_id: string;
  currency: string;
  jobs: number;
  total: number;
  weighted: number;
  unweighted: number;
}

export interface RevenueMonthsTable {
  kind: 'won' | 'paid';
  month: string;
  currency: string;
  jobs: number;
  amount: number;
  valued: number;
  lead_ms: number;
}

export interface ClientJobsTable {
  contact_id: string;
  /** 0 or 1: whether the contact is live. */
  live: number;
  jobs: number;
  won: number;
  paid: number;
  created_at: string | null;
  lead_source: string | null;
}
