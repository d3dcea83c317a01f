// The tables of migration 0022 (issue #21: consent, requests, erasure register, privacy log, retention) for
// schema.ts's DB, split out for length. Like schema.ts, imports no application code.
import type { Generated } from 'kysely';

export interface ConsentPurposesTable {
  seq: Generated<number>;
  id: string;
  key: string;
  name: string;
  channel: 'email' | 'phone' | 'post' | 'any';
  description: string | null;
  default_basis: string;
  archived: Generated<number>;
  position: number;
  created_at: string;
}

/** Append-only: triggers refuse UPDATE, and DELETE unless `erasing` names the contact. */
export interface ConsentEventsTable {
  seq: Generated<number>;
  id: string;
  contact_id: string;
  purpose_id: string;
  action: 'given' | 'withdrawn';
  basis: string;
  source: string;
  wording: string | null;
  evidence: string | null;
  captured_at: string;
  recorded_at: string;
}

export interface ErasingTable {
  contact_id: string;
}

export interface ConsentTokensTable {
  token: string;
  contact_id: string;
  purpose_id: string;
  created_at: string;
}

export interface PrivacyRequestsTable {
  seq: Generated<number>;
  id: string;
  contact_id: string | null;
  requester: string | null;
  kind: string;
  received_on: string;
  due_on: string;
  extended_to: string | null;
  extension_reason: string | null;
  status: string;
  answered_on: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface ErasureRegisterTable {
  seq: Generated<number>;
  id: string;
  erased_at: string;
}

/** HMAC-SHA256 (key: settings 'privacySalt') of one identifier: 'e:<email folded>', 'p:<last 9 digits>', 'id:<uuid>', 'n:<name folded>'. */
export interface ErasureHashesTable {
  hash: string;
  register_id: string;
}

export interface PrivacyLogTable {
  seq: Generated<number>;
  id: string;
  at: string;
  kind: string;
  summary: string;
  subject: string | null;
}

export interface RetentionRulesTable {
  seq: Generated<number>;
  id: string;
  applies_to: string;
  from_date: 'lastContacted' | 'lastJob';
  months: number;
  enabled: number;
  position: number;
}

export interface RetentionDecisionsTable {
  contact_id: string;
  decision: 'keep' | 'anonymise';
  reason: string | null;
  until_day: string | null;
  decided_at: string;
}
