// The reads of "Export this person's data" (issue #21): every row in the store about one contact, table by table,
// as plain camelCase objects, plus what the review step needs to see who else a shared record names.
// CONTACT_TABLES is the exporter's list of every table with a contact_id column; a test compares it with the store
// (sqlite_master), so a new table that holds a contact reference cannot be left out of the export unnoticed.
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

/** Each table with a contact_id column: the export section it goes to, or why it holds nothing of its own. */
export const CONTACT_TABLES: Record<string, { section: string } | { derived: string }> = {
  activities: { section: 'activities' },
  tasks: { section: 'followUps' },
  jobs: { section: 'jobs' },
  appointments: { section: 'appointments' },
  document_links: { section: 'documents' },
  consent_events: { section: 'consent' },
  consent_tokens: { section: 'consent' },
  privacy_requests: { section: 'privacyRequests' },
  retention_decisions: { section: 'retention' },
  contact_bulk_edit_items: { section: 'bulkEdits' },
  quality_fix_items: { section: 'qualityFixes' },
  cases: { section: 'cases' },
  quotes: { section: 'quotes' },
  invoices: { section: 'invoices' },
  contact_tags: { derived: "the contact's own tags, exported with the contact" },
  job_milestones: { derived: 'report totals computed from the jobs exported' },
  contact_touches: { derived: 'report totals computed from the activities exported' },
  client_jobs: { derived: 'report totals computed from the jobs exported' },
  erasing: { derived: 'a marker that only exists while an erasure runs' },
};

/**
 * References to a contact under other names, and where each is covered: custom_values.record_id (the contact's
 * custom fields), merges.survivor_id / merge_losers.loser_id (merges), import_items.entity_id (imports),
 * outbox.recipients (emails), email_campaigns.skipped (campaignsLeftOut). Not exported: record_aliases (merged-away
 * ids only), contact_match_keys (keys derived from their own emails and phones), duplicate_pairs and
 * duplicate_dismissals (scan results that pair them with another person).
 */
export type Plain = Record<string, unknown>;

const camelKey = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** A row with camelCase keys; `seq` (storage order only) dropped. */
export function plain(row: object): Plain {
  const out: Plain = {};
  for (const [key, value] of Object.entries(row)) if (key !== 'seq') out[camelKey(key)] = Buffer.isBuffer(value) ? `(${value.length} bytes)` : value;
  return out;
}

/** Ids of the jobs that name this person as their contact. */
async function ownJobIds(db: Kysely<DB>, contactId: string): Promise<string[]> {
  return (await db.selectFrom('jobs').select('id').where('contact_id', '=', contactId).execute()).map((r) => r.id);
}

export interface SubjectRows {
  activities: Plain[];
  followUps: Plain[];
  /** Jobs of theirs, and jobs another person's that their records are linked to; `people` = every contact on it. */
  jobs: (Plain & { id: string; people: string[] })[];
  appointments: (Plain & { id: string; jobContactId: string | null })[];
  outbox: { row: Plain & { id: string; recipients: string }; attachments: { filename: string; contentType: string | null; content: Buffer }[] }[];
  receivedAttachments: Map<string, { filename: string; contentType: string | null; content: Buffer }[]>;
  documents: (Plain & { id: string; sha256: string | null; mode: string; linkPath: string | null; name: string; links: { contactId: string | null; companyId: string | null; jobId: string | null; activityId: string | null; owner: string | null }[] })[];
  consentEvents: Plain[];
  consentTokens: Plain[];
  imports: Plain[];
  merges: Plain[];
  bulkEdits: Plain[];
  qualityFixes: Plain[];
  retention: Plain[];
  campaignsLeftOut: Plain[];
  /** Their service cases (with the status's name) and every entry of those cases' timelines (issue #22). */
  cases: Plain[];
  caseEntries: Plain[];
  /** Quotes and invoices made out to them (issue #23), every revision, with their lines and the invoices' payments. */
  quotes: Plain[];
  quoteLines: Plain[];
  invoices: Plain[];
  invoiceLines: Plain[];
  payments: Plain[];
}

export async function readSubject(db: Kysely<DB>, contactId: string): Promise<SubjectRows> {
  const own = await ownJobIds(db, contactId);
  const activities = await db.selectFrom('activities').selectAll().where('contact_id', '=', contactId).orderBy('occurred_at').orderBy('seq').execute();
  const followUps = await db.selectFrom('tasks').selectAll().where('contact_id', '=', contactId).orderBy('seq').execute();

  const linkedJobIds = new Set(own);
  for (const table of ['activities', 'tasks', 'appointments'] as const) {
    for (const r of await db.selectFrom(table).select('job_id').distinct().where('contact_id', '=', contactId).where('job_id', 'is not', null).execute()) linkedJobIds.add(r.job_id!);
  }
  const jobIds = [...linkedJobIds];
  const jobRows = jobIds.length
    ? await db.selectFrom('jobs').leftJoin('pipeline_stages as s', 's.id', 'jobs.stage_id').selectAll('jobs').select('s.name as stage_name').where('jobs.id', 'in', jobIds).orderBy('jobs.seq').execute()
    : [];
  // Everyone a job is about: its contact and the contacts of the activities, follow-ups and appointments on it.
  const people = new Map<string, Set<string>>(jobRows.map((j) => [j.id, new Set(j.contact_id ? [j.contact_id] : [])]));
  if (jobIds.length) {
    const { rows } = await sql<{ job_id: string; contact_id: string }>`
      SELECT job_id, contact_id FROM activities WHERE job_id IN (${sql.join(jobIds)}) AND contact_id IS NOT NULL
      UNION SELECT job_id, contact_id FROM tasks WHERE job_id IN (${sql.join(jobIds)}) AND contact_id IS NOT NULL
      UNION SELECT job_id, contact_id FROM appointments WHERE job_id IN (${sql.join(jobIds)}) AND contact_id IS NOT NULL`.execute(db);
    for (const r of rows) people.get(r.job_id)?.add(r.contact_id);
  }
  const jobs = jobRows.map((j) => ({ ...plain(j), id: j.id, people: [...(people.get(j.id) ?? [])] }));

  let appointmentQuery = db.selectFrom('appointments').leftJoin('jobs', 'jobs.id', 'appointments.job_id').selectAll('appointments').select('jobs.contact_id as job_contact_id');
  appointmentQuery = own.length ? appointmentQuery.where((eb) => eb.or([eb('appointments.contact_id', '=', contactId), eb('appointments.job_id', 'in', own)])) : appointmentQuery.where('appointments.contact_id', '=', contactId);
  const appointments = (await appointmentQuery.orderBy('appointments.starts_at').execute()).map((a) => ({ ...plain(a), id: a.id, jobContactId: a.job_contact_id }));

  return {
    activities: activities.map(plain),
    followUps: followUps.map(plain),
    jobs,
    appointments,
    outbox: await outboxAbout(db, contactId),
    receivedAttachments: await receivedAttachments(db, contactId),
    documents: await documentsAbout(db, contactId, own),
    consentEvents: (
      await db.selectFrom('consent_events as e').innerJoin('consent_purposes as p', 'p.id', 'e.purpose_id').selectAll('e').select(['p.name as purpose', 'p.key as purpose_key']).where('e.contact_id', '=', contactId).orderBy('e.seq').execute()
    ).map(plain),
    consentTokens: (await db.selectFrom('consent_tokens as t').innerJoin('consent_purposes as p', 'p.id', 't.purpose_id').selectAll('t').select('p.name as purpose').where('t.contact_id', '=', contactId).execute()).map(plain),
    imports: (
      await db
        .selectFrom('import_items as it')
        .innerJoin('imports as i', 'i.id', 'it.import_id')
        // Not `rejected`: the rows an import refused are other people's.
        .select(['i.id', 'i.file_name', 'i.format', 'i.status', 'i.started_at', 'i.finished_at', 'i.undone_at', 'it.action', 'it.before'])
        .where('it.entity', '=', 'contact')
        .where('it.entity_id', '=', contactId)
        .orderBy('i.seq')
        .execute()
    ).map(plain),
    merges: await mergesAbout(db, contactId),
    bulkEdits: (
      await db.selectFrom('contact_bulk_edit_items as it').innerJoin('contact_bulk_edits as e', 'e.id', 'it.edit_id').select(['e.id', 'e.action', 'e.change', 'e.note', 'e.source', 'e.status', 'e.created_at', 'e.undone_at', 'it.before']).where('it.contact_id', '=', contactId).orderBy('e.seq').execute()
    ).map(plain),
    qualityFixes: (
      await db.selectFrom('quality_fix_items as it').innerJoin('quality_fixes as f', 'f.id', 'it.fix_id').select(['f.id', 'f.fix', 'f.status', 'f.created_at', 'f.undone_at', 'it.before']).where('it.contact_id', '=', contactId).orderBy('f.seq').execute()
    ).map(plain),
    retention: (await db.selectFrom('retention_decisions').selectAll().where('contact_id', '=', contactId).execute()).map(plain),
    campaignsLeftOut: await campaignsLeftOut(db, contactId),
    cases: (
      await db.selectFrom('cases as k').innerJoin('case_statuses as s', 's.id', 'k.status_id').selectAll('k').select('s.name as status_name').where('k.contact_id', '=', contactId).orderBy('k.number').execute()
    ).map(plain),
    caseEntries: (
      await db
        .selectFrom('case_events as e')
        .innerJoin('cases as k', 'k.id', 'e.case_id')
        .selectAll('e')
        .select('k.number as case_number')
        .where('k.contact_id', '=', contactId)
        .orderBy('k.number')
        .orderBy('e.at')
        .orderBy('e.seq')
        .execute()
    ).map(plain),
    ...(await salesAbout(db, contactId)),
  };
}

/** Their quotes and invoices with the lines (in order) and payments; pdf bytes are in the documents section. */
async function salesAbout(db: Kysely<DB>, contactId: string): Promise<Pick<SubjectRows, 'quotes' | 'quoteLines' | 'invoices' | 'invoiceLines' | 'payments'>> {
  const quotes = await db.selectFrom('quotes').selectAll().where('contact_id', '=', contactId).orderBy('seq').execute();
  const invoices = await db.selectFrom('invoices').selectAll().where('contact_id', '=', contactId).orderBy('seq').execute();
  const quoteIds = quotes.map((q) => q.id);
  const invoiceIds = invoices.map((i) => i.id);
  const lines = (column: 'quote_id' | 'invoice_id', ids: string[]) =>
    ids.length ? db.selectFrom('sale_lines').selectAll().where(column, 'in', ids).orderBy(column).orderBy('position').execute() : Promise.resolve([]);
  return {
    quotes: quotes.map(plain),
    quoteLines: (await lines('quote_id', quoteIds)).map(plain),
    invoices: invoices.map(plain),
    invoiceLines: (await lines('invoice_id', invoiceIds)).map(plain),
    payments: invoiceIds.length ? (await db.selectFrom('payments').selectAll().where('invoice_id', 'in', invoiceIds).orderBy('seq').execute()).map(plain) : [],
  };
}

/** Outbox messages with this person among the recipients, by contact id or by one of their addresses. */
async function outboxAbout(db: Kysely<DB>, contactId: string): Promise<SubjectRows['outbox']> {
  const { rows } = await sql<Record<string, unknown> & { id: string; recipients: string }>`
    SELECT o.* FROM outbox o WHERE EXISTS (
      SELECT 1 FROM (SELECT '$.to' AS p UNION ALL SELECT '$.cc' UNION ALL SELECT '$.bcc') k, json_each(o.recipients, k.p) r
      WHERE json_extract(r.value, '$.contactId') = ${contactId}
         OR lower(json_extract(r.value, '$.address')) IN (SELECT lower(json_extract(e.value, '$.value')) FROM contacts c, json_each(c.emails) e WHERE c.id = ${contactId}))
    ORDER BY o.seq`.execute(db);
  const out: SubjectRows['outbox'] = [];
  for (const row of rows) {
    const attachments = await db.selectFrom('outbox_attachments').select(['filename', 'content_type', 'content']).where('outbox_id', '=', row.id).orderBy('position').execute();
    out.push({ row: { ...plain(row), id: row.id, recipients: row.recipients }, attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.content_type, content: a.content })) });
  }
  return out;
}

/** Attachments of the emails filed on their timeline, by activity id. */
async function receivedAttachments(db: Kysely<DB>, contactId: string): Promise<SubjectRows['receivedAttachments']> {
  const rows = await db
    .selectFrom('email_received_attachments as a')
    .innerJoin('activities as act', 'act.id', 'a.activity_id')
    .select(['a.activity_id', 'a.filename', 'a.content_type', 'a.content'])
    .where('act.contact_id', '=', contactId)
    .orderBy('a.activity_id')
    .orderBy('a.position')
    .execute();
  const map: SubjectRows['receivedAttachments'] = new Map();
  for (const r of rows) map.set(r.activity_id, [...(map.get(r.activity_id) ?? []), { filename: r.filename, contentType: r.content_type, content: r.content }]);
  return map;
}

/** Documents linked to them, to their activities or to their jobs, each with every link and whose it is. */
async function documentsAbout(db: Kysely<DB>, contactId: string, ownJobs: string[]): Promise<SubjectRows['documents']> {
  const jobs = ownJobs.length ? sql`OR l.job_id IN (${sql.join(ownJobs)})` : sql``;
  const { rows } = await sql<Record<string, unknown> & { id: string; sha256: string | null; mode: string; link_path: string | null; name: string }>`
    SELECT d.id, d.name, d.type, d.size, d.sha256, d.mode, d.link_path, d.is_folder, d.note, d.created_at, d.updated_at, d.deleted_at FROM documents d
    WHERE d.id IN (SELECT l.document_id FROM document_links l
      WHERE l.contact_id = ${contactId} OR l.activity_id IN (SELECT id FROM activities WHERE contact_id = ${contactId}) ${jobs})
    ORDER BY d.seq`.execute(db);
  if (rows.length === 0) return [];
  const links = await sql<{ document_id: string; contact_id: string | null; company_id: string | null; job_id: string | null; activity_id: string | null; owner: string | null }>`
    SELECT l.document_id, l.contact_id, l.company_id, l.job_id, l.activity_id,
      coalesce(l.contact_id, (SELECT contact_id FROM activities WHERE id = l.activity_id), (SELECT contact_id FROM jobs WHERE id = l.job_id)) AS owner
    FROM document_links l WHERE l.document_id IN (${sql.join(rows.map((r) => r.id))}) ORDER BY l.created_at, l.rowid`.execute(db);
  const byDoc = new Map<string, SubjectRows['documents'][number]['links']>();
  for (const l of links.rows) byDoc.set(l.document_id, [...(byDoc.get(l.document_id) ?? []), { contactId: l.contact_id, companyId: l.company_id, jobId: l.job_id, activityId: l.activity_id, owner: l.owner }]);
  return rows.map((r) => ({ ...plain(r), id: r.id, sha256: r.sha256, mode: r.mode, linkPath: r.link_path, name: r.name, links: byDoc.get(r.id) ?? [] }));
}

/** Contact merges they were the survivor or a merged-away record of, with each merged-away record as it was. */
async function mergesAbout(db: Kysely<DB>, contactId: string): Promise<Plain[]> {
  const merges = await db
    .selectFrom('merges')
    .select(['id', 'survivor_id', 'survivor_before', 'survivor_after', 'choices', 'created_at', 'undone_at'])
    .where('kind', '=', 'contact')
    .where((eb) => eb.or([eb('survivor_id', '=', contactId), eb('id', 'in', eb.selectFrom('merge_losers').select('merge_id').where('loser_id', '=', contactId))]))
    .orderBy('seq')
    .execute();
  const out: Plain[] = [];
  for (const m of merges) {
    const losers = await db.selectFrom('merge_losers').select(['loser_id', 'display_name', 'snapshot']).where('merge_id', '=', m.id).execute();
    out.push({ ...plain(m), mergedAway: losers.map(plain) });
  }
  return out;
}

/** Campaigns that left them out, with why (the campaign keeps the list so its confirmation can say). */
async function campaignsLeftOut(db: Kysely<DB>, contactId: string): Promise<Plain[]> {
  const { rows } = await sql<{ id: string; name: string; created_at: string; reason: string | null }>`
    SELECT c.id, c.name, c.created_at, json_extract(s.value, '$.reason') AS reason FROM email_campaigns c, json_each(c.skipped) s
    WHERE json_extract(s.value, '$.contactId') = ${contactId} ORDER BY c.seq`.execute(db);
  return rows.map(plain);
}

/** Every other contact's display name that is a full name (two words or more), for spotting them in free text. */
export async function otherFullNames(db: Kysely<DB>, contactId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db.selectFrom('contacts').select(['id', 'display_name']).where('id', '!=', contactId).where('display_name', 'like', '% %').execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}

/** Display names by id (Trash included), for naming the other people on a shared record to the reviewer. */
export async function contactNames(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('contacts').select(['id', 'display_name']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Tables of the store that have a contact_id column (the completeness test compares these with CONTACT_TABLES). */
export async function tablesWithContactId(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT m.name FROM sqlite_master m WHERE m.type = 'table'
      AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'contact_id') ORDER BY m.name`.execute(db);
  return rows.map((r) => r.name);
}
