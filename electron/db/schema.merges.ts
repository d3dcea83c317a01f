// The tables of migration 0021 (issue #20: duplicates, merges, data-quality fixes) for schema.ts's DB, split out for
// length. Like schema.ts, imports no application code.
import type { Generated } from 'kysely';

export type RecordKind = 'contact' | 'company';

export interface DuplicatePairsTable {
  kind: RecordKind;
  /** a_id < b_id. */
  a_id: string;
  b_id: string;
  score: number;
  /** JSON DuplicateReason[]. */
  reasons: string;
  scanned_at: string;
}

export interface DuplicateDismissalsTable {
  kind: RecordKind;
  a_id: string;
  b_id: string;
  created_at: string;
}

export interface MergesTable {
  seq: Generated<number>;
  id: string;
  kind: RecordKind;
  survivor_id: string;
  /** JSON: the survivor's row (and custom values) before the merge. */
  survivor_before: string;
  /** JSON: the survivor's fields as the merge wrote them (un-merge keeps a field edited since). */
  survivor_after: string;
  /** JSON: field -> the id its value was taken from. */
  choices: string;
  created_at: string;
  undone_at: string | null;
}

export interface MergeLosersTable {
  merge_id: string;
  loser_id: string;
  display_name: string;
  /** JSON: the merged-away record's row and its own child rows (custom values, tags), as they were. */
  snapshot: string;
}

export interface MergeMovesTable {
  merge_id: string;
  tbl: string;
  /** The moved row's key (its id, or rowid as text for tables without one). */
  row_key: string;
  col: string;
  from_id: string;
}

export interface RecordAliasesTable {
  alias_id: string;
  kind: RecordKind;
  target_id: string;
  merge_id: string;
}

export interface QualityFixesTable {
  seq: Generated<number>;
  id: string;
  fix: string;
  /** JSON of the fix as asked for. */
  change: string;
  status: 'running' | 'done' | 'undone';
  changed: Generated<number>;
  created_at: string;
  undone_at: Generated<string | null>;
}

export interface QualityFixItemsTable {
  fix_id: string;
  contact_id: string;
  /** JSON of the contact's changed fields before the fix. */
  before: string;
  written_at: string;
}
