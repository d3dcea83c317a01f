// The tables of migration 0023 (issue #22: cases, their log, statuses, templates, threading ids) for schema.ts's DB,
// split out for length. Clock columns (`*_ms`, case_events.at) are UTC epoch ms. Imports no application code.
import type { Generated } from 'kysely';

export type StatusCategoryColumn = 'open' | 'waiting' | 'resolved' | 'closed';

export interface CaseStatusesTable {
  seq: Generated<number>;
  id: string;
  key: string | null;
  name: string;
  category: StatusCategoryColumn;
  waiting_on: 'customer' | 'supplier' | null;
  position: number;
}

export interface CaseCounterTable {
  id: number;
  last: number;
}

export interface CaseTemplatesTable {
  seq: Generated<number>;
  id: string;
  name: string;
  type: string;
  priority: string;
  subject: string | null;
  description: string | null;
  /** JSON [{ title, dayOffset }]. */
  checklist: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface CasesTable {
  seq: Generated<number>;
  id: string;
  number: number;
  subject: string;
  description: string | null;
  contact_id: string;
  company_id: string | null;
  job_id: string | null;
  type: string;
  priority: string;
  channel: string;
  status_id: string;
  /** The status's category, kept with the case so lists filter and sort on one index. */
  category: StatusCategoryColumn;
  remind_on: string | null;
  template_id: string | null;
  previous_case_id: string | null;
  merged_into_id: string | null;
  reopen_count: Generated<number>;
  opened_ms: number;
  // The clock cache (rewritten from case_events after every change; never patched by hand).
  first_response_ms: number | null;
  resolved_ms: number | null;
  response_due_ms: number | null;
  resolution_due_ms: number | null;
  next_due_ms: number | null;
  due_kind: 'response' | 'resolution' | null;
  response_business_ms: number | null;
  resolution_business_ms: number | null;
  response_met: number | null;
  resolution_met: number | null;
  next_reminder_ms: number | null;
  /** JSON array of reminder keys already sent ('response:75:<dueMs>'), so a recomputed due time reminds afresh. */
  reminders_sent: Generated<string>;
  rating_score: number | null;
  rating_comment: string | null;
  rating_at: string | null;
  rating_source: 'email' | 'call' | 'manual' | null;
  time_spent_minutes: Generated<number>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CaseEventsTable {
  seq: Generated<number>;
  id: string;
  case_id: string;
  at: number;
  kind: 'created' | 'message' | 'reply' | 'call' | 'note' | 'status' | 'priority' | 'rating' | 'reopened' | 'merged';
  direction: 'inbound' | 'outbound' | null;
  subject: string | null;
  body: string | null;
  minutes_spent: number | null;
  status_id: string | null;
  category: StatusCategoryColumn | null;
  priority: string | null;
  score: number | null;
  activity_id: string | null;
  email_id: string | null;
  created_at: string;
}

export interface CaseMessagesTable {
  message_id: string;
  case_id: string;
  /** When it was sent or filed (epoch ms), so a reply's References list the thread in order. */
  at: Generated<number>;
}
