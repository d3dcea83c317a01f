// Erasing one person (issue #21): which rows go with them (a temp table, erase_set, built like Trash's purge_set),
// counting them for the dry run, the shared records that stay without their part, and the deletes themselves on
// the caller's transaction. Works on any Kysely over a current-schema file: the live store, a backup's copy, a
// restored store. Summaries, tags, match keys and FTS rows follow through the migrations' triggers and foreign keys;
// what no trigger covers (journals, JSON snapshots, derived per-contact rows) is removed here. Never imports core.
import { sql, type Kysely } from 'kysely';
import { parseJsonColumn } from './json';
import type { DB } from './schema';

export type EraseKind = 'contact' | 'activity' | 'task' | 'appointment' | 'job' | 'document';

export interface ErasureSubject {
  id: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  emails: string[];
  phones: string[];
}

const values = (json: string) => parseJsonColumn<{ value?: unknown }[]>(json, []).map((e) => (typeof e.value === 'string' ? e.value : '')).filter(Boolean);

/** The person as stored (Trash included), or undefined. */
export async function findSubject(db: Kysely<DB>, contactId: string): Promise<ErasureSubject | undefined> {
  const row = await db.selectFrom('contacts').select(['id', 'display_name', 'first_name', 'last_name', 'emails', 'phones']).where('id', '=', contactId).executeTakeFirst();
  if (!row) return undefined;
  return { id: row.id, displayName: row.display_name, firstName: row.first_name, lastName: row.last_name, emails: values(row.emails), phones: values(row.phones) };
}

/** Merged-away duplicates of this person, as their merge journal kept them: their addresses and numbers are theirs too. */
export async function mergedAwaySubjects(db: Kysely<DB>, contactId: string): Promise<ErasureSubject[]> {
  const { rows } = await sql<{ snapshot: string }>`SELECT l.snapshot FROM merge_losers l JOIN merges m ON m.id = l.merge_id
    WHERE m.survivor_id = ${contactId} AND m.kind = 'contact'`.execute(db);
  return rows.flatMap((r) => {
    const row = parseJsonColumn<{ row?: Record<string, unknown> }>(r.snapshot, {}).row;
    if (!row || typeof row.id !== 'string') return [];
    const text = (k: string) => (typeof row[k] === 'string' ? (row[k] as string) : null);
    return [{ id: row.id, displayName: text('display_name') ?? '', firstName: text('first_name'), lastName: text('last_name'), emails: values(text('emails') ?? '[]'), phones: values(text('phones') ?? '[]') }];
  });
}

const inSet = (kind: EraseKind) => sql.raw(`(SELECT id FROM temp.erase_set WHERE kind = '${kind}')`);
const add = (kind: EraseKind) => sql.raw(`INSERT OR IGNORE INTO temp.erase_set (kind, id) SELECT '${kind}',`);

/**
 * Fills temp.erase_set with the rows that go with the person: their contact row, activities, follow-ups; the jobs
 * only they are on (no other person's activity, follow-up or appointment names it) with the job's own follow-ups and
 * appointments; their appointments that are not part of a job that stays; the documents kept only with what goes.
 */
export async function buildEraseSet(db: Kysely<DB>, contactId: string): Promise<void> {
  await sql`CREATE TEMP TABLE IF NOT EXISTS erase_set (kind TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID`.execute(db);
  await sql`DELETE FROM temp.erase_set`.execute(db);
  await sql`${add('contact')} id FROM contacts WHERE id = ${contactId}`.execute(db);
  await sql`${add('activity')} id FROM activities WHERE contact_id = ${contactId}`.execute(db);
  await sql`${add('task')} id FROM tasks WHERE contact_id = ${contactId}`.execute(db);
  await sql`${add('job')} j.id FROM jobs j WHERE j.contact_id = ${contactId}
    AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.job_id = j.id AND a.contact_id <> ${contactId})
    AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.job_id = j.id AND t.contact_id IS NOT NULL AND t.contact_id <> ${contactId})
    AND NOT EXISTS (SELECT 1 FROM appointments p WHERE p.job_id = j.id AND p.contact_id IS NOT NULL AND p.contact_id <> ${contactId})`.execute(db);
  await sql`${add('task')} id FROM tasks WHERE contact_id IS NULL AND job_id IN ${inSet('job')}`.execute(db);
  await sql`${add('appointment')} id FROM appointments WHERE (contact_id = ${contactId} AND (job_id IS NULL OR job_id IN ${inSet('job')}
    OR job_id NOT IN (SELECT id FROM jobs))) OR (contact_id IS NULL AND job_id IN ${inSet('job')})`.execute(db);
  // A document goes when every record it is kept with goes (as Trash decides it).
  await sql`${add('document')} c.document_id FROM (
      SELECT document_id FROM document_links WHERE contact_id = ${contactId}
      UNION SELECT document_id FROM document_links WHERE job_id IN ${inSet('job')}
      UNION SELECT document_id FROM document_links WHERE activity_id IN ${inSet('activity')}
    ) c
    WHERE NOT EXISTS (SELECT 1 FROM document_links o WHERE o.document_id = c.document_id AND NOT (coalesce(o.contact_id, '') = ${contactId}
      OR coalesce(o.job_id, '') IN ${inSet('job')} OR coalesce(o.activity_id, '') IN ${inSet('activity')}))`.execute(db);
  // Issue #23: a sent invoice is a record the law makes the business keep (UK: six years; GDPR art. 17(3)(b)), so its
  // frozen PDF stays whatever else goes with the person.
  await sql`DELETE FROM temp.erase_set WHERE kind = 'document' AND id IN (${KEPT_INVOICE_PDFS(contactId)})`.execute(db);
}

/** Sent invoices of the person: kept through an erasure, as printed (see buildEraseSet). */
const KEPT_INVOICES = (contactId: string) => sql`SELECT id FROM invoices WHERE contact_id = ${contactId} AND number IS NOT NULL`;
const KEPT_INVOICE_PDFS = (contactId: string) => sql`SELECT pdf_document_id FROM invoices WHERE contact_id = ${contactId} AND number IS NOT NULL AND pdf_document_id IS NOT NULL`;
/** Quotes a kept invoice was made from: kept as a number and lines, without the client block or notes. */
const QUOTES_OF_KEPT = sql`SELECT quote_id FROM invoices WHERE quote_id IS NOT NULL AND number IS NOT NULL`;

export async function dropEraseSet(db: Kysely<DB>): Promise<void> {
  await sql`DROP TABLE IF EXISTS temp.erase_set`.execute(db);
}

/** How many of each kind the set holds. */
export async function setCounts(db: Kysely<DB>): Promise<Record<EraseKind, number>> {
  const { rows } = await sql<{ kind: EraseKind; n: number }>`SELECT kind, count(*) AS n FROM temp.erase_set GROUP BY kind`.execute(db);
  const out: Record<EraseKind, number> = { contact: 0, activity: 0, task: 0, appointment: 0, job: 0, document: 0 };
  for (const r of rows) out[r.kind] = r.n;
  return out;
}

const one = async (db: Kysely<DB>, query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(db)).rows[0]?.n ?? 0;

/** The journals and history rows naming the person (counted for the dry run; removed by eraseSetRows). */
export async function historyCounts(db: Kysely<DB>, contactId: string) {
  return {
    emailAttachments: await one(db, sql`SELECT count(*) AS n FROM email_received_attachments WHERE activity_id IN ${inSet('activity')}`),
    consent: await one(db, sql`SELECT (SELECT count(*) FROM consent_events WHERE contact_id = ${contactId}) + (SELECT count(*) FROM consent_tokens WHERE contact_id = ${contactId}) AS n`),
    imports: await one(db, sql`SELECT (SELECT count(*) FROM import_items WHERE entity = 'contact' AND entity_id = ${contactId})
      + (SELECT count(*) FROM calendar_import_items WHERE appointment_id IN ${inSet('appointment')}) AS n`),
    merges: await one(db, sql`SELECT count(*) AS n FROM merges WHERE ${mergesNaming(contactId)}`),
    undo: await one(db, sql`SELECT (SELECT count(*) FROM contact_bulk_edit_items WHERE contact_id = ${contactId})
      + (SELECT count(*) FROM quality_fix_items WHERE contact_id = ${contactId}) AS n`),
    duplicates: await one(db, sql`SELECT (SELECT count(*) FROM duplicate_pairs WHERE a_id = ${contactId} OR b_id = ${contactId})
      + (SELECT count(*) FROM duplicate_dismissals WHERE a_id = ${contactId} OR b_id = ${contactId}) AS n`),
    custom: await one(db, sql`SELECT count(*) AS n FROM custom_values WHERE record_id IN (SELECT id FROM temp.erase_set WHERE kind IN ('contact', 'job'))
      OR (sort_text = ${contactId} AND field_id IN (SELECT id FROM custom_fields WHERE type = 'contactLink'))`),
    requests: await one(db, sql`SELECT count(*) AS n FROM privacy_requests WHERE contact_id = ${contactId}`),
    cases: await one(db, sql`SELECT count(*) AS n FROM cases WHERE contact_id = ${contactId}`),
    quotes: await one(db, sql`SELECT count(*) AS n FROM quotes WHERE contact_id = ${contactId} AND id NOT IN (${QUOTES_OF_KEPT})`),
    draftInvoices: await one(db, sql`SELECT count(*) AS n FROM invoices WHERE contact_id = ${contactId} AND number IS NULL`),
    keptInvoices: await one(db, sql`SELECT count(*) AS n FROM (${KEPT_INVOICES(contactId)})`),
  };
}

/** Merges the person took part in (survivor, merged away, or through an alias): their journals hold the person's old records. */
export const mergesNaming = (contactId: string) => sql`(survivor_id = ${contactId}
  OR id IN (SELECT merge_id FROM merge_losers WHERE loser_id = ${contactId})
  OR id IN (SELECT merge_id FROM record_aliases WHERE target_id = ${contactId} OR alias_id = ${contactId}))`;

/** Shared records that stay: jobs and appointments of theirs that others are on, documents also kept with others. */
export async function keptShared(db: Kysely<DB>, contactId: string) {
  const jobs = (await sql<{ title: string; others: string | null }>`SELECT j.title, (SELECT group_concat(DISTINCT c.display_name) FROM contacts c WHERE c.id <> ${contactId} AND c.id IN (
      SELECT contact_id FROM activities WHERE job_id = j.id UNION SELECT contact_id FROM tasks WHERE job_id = j.id UNION SELECT contact_id FROM appointments WHERE job_id = j.id)) AS others
    FROM jobs j WHERE j.contact_id = ${contactId} AND j.id NOT IN ${inSet('job')} ORDER BY j.seq`.execute(db)).rows;
  const appointments = (await sql<{ title: string; job: string | null }>`SELECT p.title, j.title AS job FROM appointments p LEFT JOIN jobs j ON j.id = p.job_id
    WHERE p.contact_id = ${contactId} AND p.id NOT IN ${inSet('appointment')} ORDER BY p.seq`.execute(db)).rows;
  const documents = (await sql<{ name: string; others: number }>`SELECT d.name, (SELECT count(*) FROM document_links o WHERE o.document_id = d.id
      AND coalesce(o.contact_id, '') <> ${contactId}) AS others
    FROM documents d WHERE d.id IN (SELECT document_id FROM document_links WHERE contact_id = ${contactId} OR activity_id IN ${inSet('activity')})
      AND d.id NOT IN ${inSet('document')} ORDER BY d.seq`.execute(db)).rows;
  const invoices = (await sql<{ number: string }>`SELECT number FROM invoices WHERE id IN (${KEPT_INVOICES(contactId)}) ORDER BY seq`.execute(db)).rows;
  return { jobs, appointments, documents, invoices };
}

/** The words of the shared jobs and appointments of theirs that stay (their text may name them). */
export async function keptText(db: Kysely<DB>, contactId: string) {
  const jobs = await db.selectFrom('jobs').select(['id', 'title', 'notes']).where('contact_id', '=', contactId).where('id', 'not in', sql<string>`${inSet('job')}`).execute();
  const appointments = await db.selectFrom('appointments').select(['id', 'title', 'location', 'notes']).where('contact_id', '=', contactId)
    .where('id', 'not in', sql<string>`${inSet('appointment')}`).execute();
  return { jobs, appointments };
}

export async function rewriteJobText(db: Kysely<DB>, id: string, title: string, notes: string | null): Promise<void> {
  await db.updateTable('jobs').set({ title, notes }).where('id', '=', id).execute();
}
export async function rewriteAppointmentText(db: Kysely<DB>, id: string, text: { title: string; location: string | null; notes: string | null }): Promise<void> {
  await db.updateTable('appointments').set(text).where('id', '=', id).execute();
}
export async function rewriteOutboxText(db: Kysely<DB>, id: string, subject: string, body: string): Promise<void> {
  await db.updateTable('outbox').set({ subject, body }).where('id', '=', id).execute();
}

/** Others' timeline copies of a sent group email (the worker files the same subject and body on each recipient). */
export async function filedCopies(db: Kysely<DB>, contactId: string, subject: string, body: string): Promise<string[]> {
  const rows = await db.selectFrom('activities').select('id').where('contact_id', '!=', contactId).where('type', '=', 'email').where('direction', '=', 'outbound')
    .where('subject', '=', subject.slice(0, 200)).where('notes', '=', body.slice(0, 20_000)).execute();
  return rows.map((r) => r.id);
}
export async function rewriteActivityText(db: Kysely<DB>, id: string, subject: string, notes: string): Promise<void> {
  await db.updateTable('activities').set({ subject, notes }).where('id', '=', id).execute();
}

/** Outgoing emails whose recipients name the person (by contact id or by one of their addresses). */
export async function outboxNaming(db: Kysely<DB>, contactId: string, emails: readonly string[]): Promise<{ id: string; subject: string; body: string; recipients: string }[]> {
  const needles = [contactId, ...emails.map((e) => e.trim().toLowerCase())].filter(Boolean);
  const { rows } = await sql<{ id: string; subject: string; body: string; recipients: string }>`SELECT id, subject, body, recipients FROM outbox
    WHERE EXISTS (SELECT 1 FROM json_each(${JSON.stringify(needles)}) n WHERE instr(lower(recipients), n.value) > 0) ORDER BY seq`.execute(db);
  return rows;
}

/** The hashes of stored files the documents in the set hold (the caller frees those no other document uses). */
export async function setBlobHashes(db: Kysely<DB>): Promise<{ documentIds: string[]; hashes: string[] }> {
  const { rows } = await sql<{ id: string; sha256: string | null }>`SELECT id, sha256 FROM documents WHERE id IN ${inSet('document')}`.execute(db);
  return { documentIds: rows.map((r) => r.id), hashes: [...new Set(rows.flatMap((r) => (r.sha256 ? [r.sha256] : [])))] };
}

/**
 * Deletes the set and every journal row naming the person, on the caller's transaction (which has put the person in
 * `erasing`, so the consent ledger lets its rows go). Shared jobs and appointments stay without their contact.
 */
export async function eraseSetRows(db: Kysely<DB>, contactId: string): Promise<void> {
  const run = (query: ReturnType<typeof sql>) => query.execute(db);
  // What hangs off a record goes before it; appointments.job_id has no foreign key (0004).
  await run(sql`DELETE FROM documents WHERE id IN ${inSet('document')}`);
  await run(sql`DELETE FROM calendar_import_items WHERE appointment_id IN ${inSet('appointment')} OR instr(coalesce(before, ''), ${contactId}) > 0`);
  await run(sql`UPDATE appointments SET job_id = NULL WHERE job_id IN ${inSet('job')} AND id NOT IN ${inSet('appointment')}`);
  await run(sql`DELETE FROM appointments WHERE id IN ${inSet('appointment')}`);
  await run(sql`UPDATE appointments SET contact_id = NULL WHERE contact_id = ${contactId}`);
  // Issue #22: their service cases go (entries and message ids by cascade); others' rows keep existing, unlinked.
  for (const table of ['tasks', 'activities', 'outbox'] as const) {
    await run(sql`UPDATE ${sql.table(table)} SET case_id = NULL WHERE case_id IN (SELECT id FROM cases WHERE contact_id = ${contactId})`);
  }
  await run(sql`DELETE FROM cases WHERE contact_id = ${contactId}`);
  // Issue #23: their draft invoices and their quotes go (lines and payments by cascade), except a quote a sent invoice
  // was made from, which keeps its number and lines but loses the client block and notes. Sent invoices stay as
  // printed (a legal record); their contact_id becomes NULL with the contact row.
  await run(sql`DELETE FROM invoices WHERE contact_id = ${contactId} AND number IS NULL`);
  await run(sql`UPDATE quotes SET client_snapshot = NULL, notes = NULL WHERE contact_id = ${contactId} AND id IN (${QUOTES_OF_KEPT})`);
  await run(sql`DELETE FROM quotes WHERE contact_id = ${contactId} AND id NOT IN (${QUOTES_OF_KEPT})`);
  // Issue #24: the server's copies are deleted by the next sync (the rows keep href and ETag for that, see
  // push.ts ERASED); the agreed texts and conflict cards, which hold the person's details, go now.
  const synced = sql`local_id = ${contactId} OR local_id IN ${inSet('appointment')} OR local_id IN ${inSet('task')}`;
  await run(sql`UPDATE sync_objects SET base_text = '', local_hash = '' WHERE ${synced}`);
  await run(sql`DELETE FROM sync_conflicts WHERE ${synced}`);
  await run(sql`DELETE FROM tasks WHERE id IN ${inSet('task')}`);
  await run(sql`DELETE FROM activities WHERE id IN ${inSet('activity')}`);
  await run(sql`DELETE FROM custom_values WHERE record_id IN (SELECT id FROM temp.erase_set WHERE kind IN ('contact', 'job'))`);
  await run(sql`DELETE FROM custom_values WHERE sort_text = ${contactId} AND field_id IN (SELECT id FROM custom_fields WHERE type = 'contactLink')`);
  await run(sql`DELETE FROM jobs WHERE id IN ${inSet('job')}`);
  await run(sql`DELETE FROM consent_events WHERE contact_id = ${contactId}`);
  await run(sql`DELETE FROM consent_tokens WHERE contact_id = ${contactId}`);
  await run(sql`DELETE FROM retention_decisions WHERE contact_id = ${contactId}`);
  await run(sql`DELETE FROM contact_bulk_edit_items WHERE contact_id = ${contactId}`);
  await run(sql`DELETE FROM quality_fix_items WHERE contact_id = ${contactId}`);
  await run(sql`DELETE FROM import_items WHERE entity = 'contact' AND entity_id = ${contactId}`);
  await run(sql`DELETE FROM merges WHERE ${mergesNaming(contactId)}`);
  await run(sql`DELETE FROM record_aliases WHERE target_id = ${contactId} OR alias_id = ${contactId}`);
  await run(sql`DELETE FROM merge_moves WHERE from_id = ${contactId}`);
  await run(sql`DELETE FROM duplicate_pairs WHERE a_id = ${contactId} OR b_id = ${contactId}`);
  await run(sql`DELETE FROM duplicate_dismissals WHERE a_id = ${contactId} OR b_id = ${contactId}`);
  // Who a campaign left out, and why: their entry goes; the campaign stays.
  await run(sql`UPDATE email_campaigns SET skipped = (SELECT json_group_array(json(value)) FROM json_each(skipped)
      WHERE json_extract(value, '$.contactId') IS NOT ${contactId})
    WHERE EXISTS (SELECT 1 FROM json_each(skipped) WHERE json_extract(value, '$.contactId') = ${contactId})`);
  // The request log keeps the request (that it was answered, and when) but not who asked.
  await run(sql`UPDATE privacy_requests SET contact_id = NULL, requester = NULL, notes = NULL WHERE contact_id = ${contactId}`);
  await run(sql`DELETE FROM contacts WHERE id = ${contactId}`);
  // Per-person summaries no trigger clears on a delete (they are kept from activities and jobs, which are gone).
  await run(sql`DELETE FROM contact_touches WHERE contact_id = ${contactId}`);
  await run(sql`DELETE FROM client_jobs WHERE contact_id = ${contactId}`);
  await run(sql`UPDATE job_milestones SET contact_id = NULL WHERE contact_id = ${contactId}`);
  await run(sql`DELETE FROM contact_match_keys WHERE record_id = ${contactId}`);
}

export async function deleteOutbox(db: Kysely<DB>, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('outbox').where('id', 'in', ids).execute();
}

export async function setOutboxRecipients(db: Kysely<DB>, id: string, recipients: unknown): Promise<void> {
  await db.updateTable('outbox').set({ recipients: JSON.stringify(recipients) }).where('id', '=', id).execute();
}

/** Text that can quote a person outside their own rows: import reports, request log entries without a contact. */
export async function freeTextHolders(db: Kysely<DB>, needles: readonly string[]) {
  const match = (column: string) => sql`EXISTS (SELECT 1 FROM json_each(${JSON.stringify(needles)}) n WHERE instr(lower(coalesce(${sql.ref(column)}, '')), n.value) > 0)`;
  const imports = await sql<{ id: string; file_name: string; rejected: string }>`SELECT id, file_name, rejected FROM imports WHERE ${match('file_name')} OR ${match('rejected')}`.execute(db);
  const calendars = await sql<{ id: string; file_name: string; notes: string }>`SELECT id, file_name, notes FROM calendar_imports WHERE ${match('file_name')} OR ${match('notes')}`.execute(db);
  // Their own requests (contact_id) are counted and cleared by eraseSetRows; these are ones logged by name only.
  const requests = await sql<{ id: string }>`SELECT id FROM privacy_requests WHERE contact_id IS NULL AND (${match('requester')} OR ${match('notes')})`.execute(db);
  return { imports: imports.rows, calendars: calendars.rows, requests: requests.rows.map((r) => r.id) };
}

export async function rewriteImport(db: Kysely<DB>, id: string, fileName: string, rejected: string): Promise<void> {
  await db.updateTable('imports').set({ file_name: fileName, rejected }).where('id', '=', id).execute();
}
export async function rewriteCalendarImport(db: Kysely<DB>, id: string, fileName: string, notes: string): Promise<void> {
  await db.updateTable('calendar_imports').set({ file_name: fileName, notes }).where('id', '=', id).execute();
}
export async function clearRequests(db: Kysely<DB>, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.updateTable('privacy_requests').set({ contact_id: null, requester: null, notes: null }).where('id', 'in', ids).execute();
}

/** The full-text indexes the erasure touches. 'optimize' merges every segment into one, dropping deleted entries' tokens. */
export const ERASED_INDEXES = ['contacts_fts', 'activities_fts', 'tasks_fts', 'jobs_fts', 'appointments_fts', 'documents_fts', 'cases_fts'] as const;

export async function optimizeIndexes(db: Kysely<DB>): Promise<void> {
  for (const index of ERASED_INDEXES) await sql`INSERT INTO ${sql.table(index)} (${sql.ref(index)}) VALUES ('optimize')`.execute(db);
}

export async function markErasing(db: Kysely<DB>, contactId: string, on: boolean): Promise<void> {
  if (on) await db.insertInto('erasing').values({ contact_id: contactId }).onConflict((oc) => oc.doNothing()).execute();
  else await db.deleteFrom('erasing').where('contact_id', '=', contactId).execute();
}
