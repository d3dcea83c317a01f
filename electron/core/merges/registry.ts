// Every column in the schema that names a contact or a company (issue #20), and what a merge does with it: moves its
// rows to the survivor (journalled, so undo can move exactly those back), or why it leaves them. A test reads the live
// schema (foreign keys, every *_id column) and fails when a column is missing here, so a new table cannot be forgotten.
import type { LinkColumn } from '../../db/merges.moves.repo';
import type { RecordKind } from '../../db/schema.merges';

export type Handling =
  /** Rows move to the survivor; `what` counts them for people ("activities"), null for the app's own bookkeeping. */
  | { does: 'move'; what: string | null; link: LinkColumn }
  /** The record's own values: chosen field by field into the survivor (fields.ts). */
  | { does: 'fields'; why: string }
  /** Kept by triggers from other rows that move: they follow by themselves. */
  | { does: 'derived'; why: string }
  /** A journal or history: it says what happened to that id then, and stays as it was. */
  | { does: 'history'; why: string }
  /** A cache of the record: copied out with the merged-away record and put back with it. */
  | { does: 'snapshot'; why: string };

export interface RegistryEntry {
  kind: RecordKind;
  table: string;
  column: string;
  handling: Handling;
}

const move = (kind: RecordKind, what: string | null, link: LinkColumn): RegistryEntry => ({ kind, table: link.table, column: link.column, handling: { does: 'move', what, link } });
const leave = (kind: RecordKind, table: string, column: string, handling: Exclude<Handling, { does: 'move' }>): RegistryEntry => ({ kind, table, column, handling });
const both = (table: string, column: string, handling: Exclude<Handling, { does: 'move' }>): RegistryEntry[] => [leave('contact', table, column, handling), leave('company', table, column, handling)];

const JOURNAL = 'The merge journal itself: which record was merged into which, and what moved.';
const LINK_FIELDS = (type: string) => `field_id IN (SELECT id FROM custom_fields WHERE type = '${type}')`;

export const REGISTRY: readonly RegistryEntry[] = [
  // A person's linked records.
  move('contact', 'activities', { table: 'activities', column: 'contact_id', key: ['id'] }),
  move('contact', 'tasks', { table: 'tasks', column: 'contact_id', key: ['id'] }),
  move('contact', 'jobs', { table: 'jobs', column: 'contact_id', key: ['id'] }),
  move('contact', 'appointments', { table: 'appointments', column: 'contact_id', key: ['id'] }),
  // Issue #22: a person's service cases go with them (their entries, messages and clock hang off the case row).
  move('contact', 'cases', { table: 'cases', column: 'contact_id', key: ['id'] }),
  // Issue #23: quotes and invoices are the client's; the PDF already sent keeps the name it was sent to.
  move('contact', 'quotes', { table: 'quotes', column: 'contact_id', key: ['id'] }),
  move('contact', 'invoices', { table: 'invoices', column: 'contact_id', key: ['id'] }),
  // A document linked to both stays linked once: the merged-away record's twin link is kept in its snapshot.
  move('contact', 'documents', { table: 'document_links', column: 'contact_id', key: ['document_id'], where: 'contact_id IS NOT NULL', uniqueWith: ['document_id'] }),
  move('contact', 'importRecords', { table: 'import_items', column: 'entity_id', key: ['import_id'], where: `entity = 'contact'`, uniqueWith: ['import_id'] }),
  move('contact', 'linkedFields', { table: 'custom_values', column: 'text_value', key: ['field_id', 'record_id', 'seq'], where: LINK_FIELDS('contactLink'), mirror: 'sort_text', excludeMerged: 'record_id' }),
  // Pending (and sent) email keeps its address; only the contact it is filed under moves.
  move('contact', 'outgoingEmails', { table: 'outbox', column: 'recipients', key: ['id'], json: true }),
  move('contact', 'segments', { table: 'segments', column: 'filter', key: ['id'], json: true }),
  move('contact', null, { table: 'record_aliases', column: 'target_id', key: ['alias_id'], where: `kind = 'contact'` }),

  // A company's linked records.
  move('company', 'contacts', { table: 'contacts', column: 'company_id', key: ['id'] }),
  move('company', 'activities', { table: 'activities', column: 'company_id', key: ['id'] }),
  move('company', 'jobs', { table: 'jobs', column: 'company_id', key: ['id'] }),
  move('company', 'cases', { table: 'cases', column: 'company_id', key: ['id'] }),
  move('company', 'quotes', { table: 'quotes', column: 'company_id', key: ['id'] }),
  move('company', 'invoices', { table: 'invoices', column: 'company_id', key: ['id'] }),
  move('company', 'documents', { table: 'document_links', column: 'company_id', key: ['document_id'], where: 'company_id IS NOT NULL', uniqueWith: ['document_id'] }),
  move('company', 'importRecords', { table: 'import_items', column: 'entity_id', key: ['import_id'], where: `entity = 'company'`, uniqueWith: ['import_id'] }),
  move('company', 'linkedFields', { table: 'custom_values', column: 'text_value', key: ['field_id', 'record_id', 'seq'], where: LINK_FIELDS('companyLink'), mirror: 'sort_text', excludeMerged: 'record_id' }),
  move('company', 'segments', { table: 'segments', column: 'filter', key: ['id'], json: true }),
  move('company', null, { table: 'record_aliases', column: 'target_id', key: ['alias_id'], where: `kind = 'company'` }),

  // Left as they are, and why.
  ...both('custom_values', 'record_id', { does: 'fields', why: 'The record\'s own custom values: the survivor gets the chosen ones; the others are kept in the snapshot.' }),
  leave('contact', 'contact_tags', 'contact_id', { does: 'derived', why: 'Kept by triggers from contacts.tags (the survivor holds the union).' }),
  leave('company', 'company_tags', 'company_id', { does: 'derived', why: 'Kept by triggers from companies.tags.' }),
  leave('contact', 'contact_match_keys', 'record_id', { does: 'derived', why: 'Kept by triggers (0021) from contacts.emails and phones.' }),
  leave('contact', 'contact_touches', 'contact_id', { does: 'derived', why: 'Kept by the activities triggers (0011) as activities move.' }),
  leave('contact', 'client_jobs', 'contact_id', { does: 'derived', why: 'Kept by the job_milestones triggers (0011) as jobs move.' }),
  leave('contact', 'job_milestones', 'contact_id', { does: 'derived', why: 'Kept by the jobs triggers (0011) as jobs move.' }),
  leave('contact', 'contact_bulk_edit_items', 'contact_id', { does: 'history', why: 'A bulk edit\'s before-image of that contact; its undo skips a contact that is gone.' }),
  leave('contact', 'quality_fix_items', 'contact_id', { does: 'history', why: 'A data-quality fix\'s before-image of that contact; its undo skips a contact that is gone.' }),
  ...both('duplicate_pairs', 'a_id', { does: 'snapshot', why: 'The last scan\'s pairs: dropped with the merged-away record, put back by undo.' }),
  ...both('duplicate_pairs', 'b_id', { does: 'snapshot', why: 'As a_id.' }),
  ...both('duplicate_dismissals', 'a_id', { does: 'history', why: '"Not a duplicate" stays remembered for the pair, so it holds again after an undo.' }),
  ...both('duplicate_dismissals', 'b_id', { does: 'history', why: 'As a_id.' }),
  ...both('merges', 'survivor_id', { does: 'history', why: JOURNAL }),
  ...both('merge_losers', 'loser_id', { does: 'history', why: JOURNAL }),
  ...both('merge_moves', 'from_id', { does: 'history', why: JOURNAL }),
  ...both('record_aliases', 'alias_id', { does: 'history', why: JOURNAL }),
  ...both('import_items', 'before', { does: 'history', why: 'An import\'s before-image of a contact it updated.' }),
  leave('contact', 'calendar_import_items', 'before', { does: 'history', why: 'A calendar import\'s before-image of an appointment.' }),
  ...both('contact_bulk_edit_items', 'before', { does: 'history', why: 'A bulk edit\'s before-image (e.g. the company a contact had).' }),
  ...both('quality_fix_items', 'before', { does: 'history', why: 'A data-quality fix\'s before-image.' }),
  leave('contact', 'email_campaigns', 'skipped', { does: 'history', why: 'Who a sent campaign left out, and why, at the time.' }),
  ...both('email_campaigns', 'segment', { does: 'history', why: 'The filter a campaign was sent with, at the time.' }),
  ...both('merges', 'survivor_before', { does: 'history', why: JOURNAL }),
  ...both('merges', 'survivor_after', { does: 'history', why: JOURNAL }),
  ...both('merges', 'choices', { does: 'history', why: JOURNAL }),
  ...both('merge_losers', 'snapshot', { does: 'history', why: JOURNAL }),
  // Privacy (issue #21).
  leave('contact', 'consent_events', 'contact_id', { does: 'history', why: 'The consent ledger is append-only: each event stays under the record it was given on; a merge that turns the opt-in off says so on the survivor\'s own ledger.' }),
  leave('contact', 'consent_tokens', 'contact_id', { does: 'history', why: 'The unsubscribe token a sent email carries; a reply with it is resolved through record_aliases to the survivor.' }),
  leave('contact', 'erasing', 'contact_id', { does: 'history', why: 'Names a contact only inside an erasure\'s own transaction; empty otherwise.' }),
  leave('contact', 'privacy_requests', 'contact_id', { does: 'history', why: 'A request log entry names the record it was about when it was made.' }),
  leave('contact', 'retention_decisions', 'contact_id', { does: 'history', why: 'A retention decision ("kept because…") made on that record.' }),
];

/**
 * Columns named *_id that name something other than a contact or a company. The coverage test wants every *_id column
 * of the schema either here or in REGISTRY, so a new one is a decision, not an accident.
 */
export const NOT_A_RECORD_ID: Readonly<Record<string, string>> = {
  job_id: 'a job', document_id: 'a document', activity_id: 'an activity', import_id: 'an import run', edit_id: 'a bulk edit',
  fix_id: 'a data-quality fix', field_id: 'a custom field', stage_id: 'a pipeline stage', template_id: 'an email template',
  campaign_id: 'an email campaign', message_id: 'an email Message-ID', outbox_id: 'an outbox message', appointment_id: 'an appointment',
  merge_id: 'a merge', purpose_id: 'a consent purpose', register_id: 'an erasure register entry',
  case_id: 'a service case', email_id: 'an outbox email', status_id: 'a case status', previous_case_id: 'an earlier case', merged_into_id: 'the case a case was merged into',
  quote_id: 'a quote', invoice_id: 'an invoice', root_id: 'the first revision of a quote', product_id: 'a catalogue item',
  tax_rate_id: 'a tax rate', pdf_document_id: 'the frozen PDF (a document)', evidence_activity_id: 'the filed email that shows a quote was accepted',
  evidence_document_id: 'the document that shows a quote was accepted',
  // Issue #24: a synced item keeps naming the merged-away contact; push.ts folds a phone's edit of it into the survivor
  // (through record_aliases) and deletes the old card, so the merge must not move it.
  local_id: 'the record a synced item stands for (kept on a merged-away contact on purpose)', collection_id: 'a sync collection', account_id: 'a sync account',
};

export const movesOf = (kind: RecordKind) =>
  REGISTRY.filter((e): e is RegistryEntry & { handling: { does: 'move' } } => e.kind === kind && e.handling.does === 'move');

/**
 * Tables with a foreign key that deletes rows with their record: what still names it after the moves (a twin link) is
 * snapshotted. Tags are not here: the triggers make them again from the record's own tags when it comes back.
 */
export const CASCADED: Readonly<Record<RecordKind, readonly { table: string; column: string }[]>> = {
  contact: [
    { table: 'document_links', column: 'contact_id' },
    { table: 'activities', column: 'contact_id' },
    { table: 'tasks', column: 'contact_id' },
  ],
  company: [{ table: 'document_links', column: 'company_id' }],
};

/** The word for a moved table, for the counts people read ("activities", "documents"). */
export function wordFor(kind: RecordKind, table: string, column: string): string | null {
  const entry = movesOf(kind).find((e) => e.table === table && e.column === column);
  return entry ? entry.handling.what : null;
}
