// The erasure's work on one data file (issue #21), usable on any Kysely over a current-schema store: the live one,
// a backup's copy being purged, a store just restored. previewIn counts; eraseIn removes the person and records
// their one-way hashes, all in one transaction, so a failure leaves them wholly there. Files (stored documents,
// logs) and the file's freed pages are the callers' (erase.ts, erase-backups.ts).
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../shared/ipc/errors';
import {
  buildEraseSet, clearRequests, deleteOutbox, dropEraseSet, eraseSetRows, filedCopies, findSubject, freeTextHolders, historyCounts, keptShared, keptText, markErasing,
  mergedAwaySubjects, optimizeIndexes, outboxNaming, rewriteActivityText, rewriteAppointmentText, rewriteCalendarImport, rewriteImport, rewriteJobText, rewriteOutboxText,
  setBlobHashes, setCounts, setOutboxRecipients, type ErasureSubject,
} from '../../db/erasure.repo';
import { writeRegister } from '../../db/erasure.register.repo';
import { parseJsonColumn } from '../../db/json';
import { privacySalt } from '../../db/privacy-log.repo';
import type { DB } from '../../db/schema';
import { emailKey, hashesOf, mentions, needlesOf, scrub } from './erase-identity';

export interface Line {
  what: string;
  count: number;
}

export const CANNOT_REACH = [
  'Copies you made elsewhere: exported files, spreadsheets, printouts and anything saved outside Rapport',
  'Backups, until they are purged (choose “Also remove them from backups”) or are replaced by newer ones',
  'Emails already sent: they stay in the recipients’ mailboxes and in your own mail program',
  'Files Rapport only links to: they stay where they are on your disk (only the link goes)',
];

type Recipient = { contactId?: string | null; address?: string | null };
type Recipients = { to?: Recipient[]; cc?: Recipient[]; bcc?: Recipient[] };

/** Outbox rows addressed only to the person go; group emails lose the person's entries and stay. */
function splitOutbox(rows: readonly { id: string; subject: string; body: string; recipients: string }[], contactId: string, emails: readonly string[]) {
  const theirs = new Set(emails.map(emailKey));
  const isThem = (r: Recipient) => r.contactId === contactId || (typeof r.address === 'string' && theirs.has(emailKey(r.address)));
  const remove: string[] = [];
  const edit: { id: string; subject: string; body: string; recipients: Recipients }[] = [];
  for (const row of rows) {
    const recipients = parseJsonColumn<Recipients>(row.recipients, {});
    const lists = (['to', 'cc', 'bcc'] as const).map((k) => recipients[k] ?? []);
    if (!lists.flat().some(isThem)) continue; // the needle matched something else (a substring of another address)
    if (lists.flat().every(isThem)) remove.push(row.id);
    else edit.push({ id: row.id, subject: row.subject, body: row.body, recipients: { ...recipients, to: lists[0]!.filter((r) => !isThem(r)), cc: lists[1]!.filter((r) => !isThem(r)), bcc: lists[2]!.filter((r) => !isThem(r)) } });
  }
  return { remove, edit };
}

async function requireSubject(db: Kysely<DB>, contactId: string): Promise<ErasureSubject> {
  const subject = await findSubject(db, contactId);
  if (!subject) throw AppError.notFound('Contact', contactId);
  return subject;
}

/** Everything the erasure counts, on the caller's transaction with the set built. */
async function tally(db: Kysely<DB>, subject: ErasureSubject, strict: readonly string[]) {
  const set = await setCounts(db);
  const history = await historyCounts(db, subject.id);
  const outbox = splitOutbox(await outboxNaming(db, subject.id, subject.emails), subject.id, subject.emails);
  const text = await freeTextHolders(db, strict);
  const reports = [...text.imports, ...text.calendars].length;
  const removed: Line[] = [
    { what: 'Contact record (name, addresses, phone numbers, notes, tags)', count: set.contact },
    { what: 'Activities (calls, meetings, notes, filed emails)', count: set.activity },
    { what: 'Attachments of filed emails', count: history.emailAttachments },
    { what: 'Follow-ups', count: set.task },
    { what: 'Service cases and their timelines', count: history.cases },
    { what: 'Quotes (every revision, with their lines)', count: history.quotes },
    { what: 'Draft invoices', count: history.draftInvoices },
    { what: 'Appointments only they attend', count: set.appointment },
    { what: 'Jobs only theirs', count: set.job },
    { what: 'Emails and outbox items sent only to them', count: outbox.remove.length },
    { what: 'Their address on group emails', count: outbox.edit.length },
    { what: 'Documents only they use', count: set.document },
    { what: 'Consent history and unsubscribe links', count: history.consent },
    { what: 'Import undo records naming them', count: history.imports },
    { what: 'Import reports mentioning them', count: reports },
    { what: 'Merge journals holding them', count: history.merges },
    { what: 'Bulk edit and data-quality undo records', count: history.undo },
    { what: 'Duplicate suggestions', count: history.duplicates },
    { what: 'Custom field values', count: history.custom },
    { what: 'Search index entries', count: set.contact + set.activity + set.task + set.appointment + set.job + set.document },
    { what: 'Their name on privacy requests (the requests stay)', count: text.requests.length + history.requests },
  ].filter((l) => l.count > 0 || l.what.startsWith('Contact'));
  return { removed, outbox, text };
}

async function keptLines(db: Kysely<DB>, subject: ErasureSubject, edited: readonly { subject: string }[]) {
  const kept = await keptShared(db, subject.id);
  const name = subject.displayName;
  return [
    ...kept.jobs.map((j) => ({ what: `Job “${j.title}”`, why: `${j.others ? `Shared with ${j.others}` : 'Shared with others'}: it stays without ${name}` })),
    ...kept.appointments.map((a) => ({ what: `Appointment “${a.title}”`, why: `Part of job “${a.job ?? ''}”, which stays: it stays without ${name}` })),
    ...kept.documents.map((d) => ({ what: `Document “${d.name}”`, why: `Also kept with ${d.others} other record${d.others === 1 ? '' : 's'}: only the link to ${name} goes` })),
    ...edited.map((e) => ({ what: `Email “${e.subject}”`, why: `Also sent to others: it stays without ${name}’s address` })),
    ...kept.invoices.map((i) => ({ what: `Invoice ${i.number}`, why: `The law requires keeping sent invoices: it stays as it was printed, with ${name}’s name and address` })),
  ];
}

/** The dry run: what goes, what stays and why. Changes nothing (the set lives in a temp table, dropped after). */
export async function previewIn(db: Kysely<DB>, contactId: string) {
  return db.transaction().execute(async (trx) => {
    const subject = await requireSubject(trx, contactId);
    const strict = needlesOf([subject], { nameParts: false });
    try {
      await buildEraseSet(trx, contactId);
      const { removed, outbox } = await tally(trx, subject, strict);
      return { subject, removed, kept: await keptLines(trx, subject, outbox.edit) };
    } finally {
      await dropEraseSet(trx);
    }
  });
}

export interface Erased {
  subject: ErasureSubject;
  /** The person and the duplicates merged into them: whose words the log and files are scrubbed of. */
  subjects: ErasureSubject[];
  removed: Line[];
  /** Stored files the deleted documents held (freed when no other document holds them). */
  blobHashes: string[];
  documentIds: string[];
}

/**
 * Removes the person from this store in one transaction: every row that is theirs, their part of shared rows, the
 * journals naming them, the search index's tokens ('optimize'), then the register entry of their hashes; `also`
 * adds the caller's own rows (the privacy log line) to the same transaction.
 */
export async function eraseIn(db: Kysely<DB>, contactId: string, register: { id: string; erasedAt: string }, also?: (trx: Kysely<DB>, removed: Line[]) => Promise<void>): Promise<Erased> {
  return db.transaction().execute(async (trx) => {
    const subject = await requireSubject(trx, contactId);
    const subjects = [subject, ...(await mergedAwaySubjects(trx, contactId))];
    const strict = needlesOf(subjects, { nameParts: false });
    await markErasing(trx, contactId, true);
    await buildEraseSet(trx, contactId);
    const { removed, outbox, text } = await tally(trx, subject, strict);
    const { hashes, documentIds } = await setBlobHashes(trx);
    await deleteOutbox(trx, outbox.remove);
    // Shared records keep only what is not theirs: their name, addresses and numbers in the text become "[erased]".
    const loose = needlesOf(subjects);
    for (const e of outbox.edit) {
      await setOutboxRecipients(trx, e.id, e.recipients);
      if (!mentions(`${e.subject} ${e.body}`, loose)) continue;
      const [subject, body] = [scrub(e.subject, loose), scrub(e.body, loose)];
      for (const copy of await filedCopies(trx, contactId, e.subject, e.body)) await rewriteActivityText(trx, copy, subject.slice(0, 200), body.slice(0, 20_000));
      await rewriteOutboxText(trx, e.id, subject, body);
    }
    const kept = await keptText(trx, contactId);
    for (const j of kept.jobs) if (mentions(`${j.title} ${j.notes ?? ''}`, loose)) await rewriteJobText(trx, j.id, scrub(j.title, loose), j.notes && scrub(j.notes, loose));
    for (const a of kept.appointments) {
      if (!mentions(`${a.title} ${a.location ?? ''} ${a.notes ?? ''}`, loose)) continue;
      await rewriteAppointmentText(trx, a.id, { title: scrub(a.title, loose), location: a.location && scrub(a.location, loose), notes: a.notes && scrub(a.notes, loose) });
    }
    for (const i of text.imports) {
      const rejected = parseJsonColumn<{ reason?: string }[]>(i.rejected, []).filter((r) => !mentions(JSON.stringify(r), strict));
      await rewriteImport(trx, i.id, scrub(i.file_name, strict), JSON.stringify(rejected));
    }
    for (const c of text.calendars) {
      const notes = parseJsonColumn<unknown[]>(c.notes, []).filter((n) => !mentions(JSON.stringify(n), strict));
      await rewriteCalendarImport(trx, c.id, scrub(c.file_name, strict), JSON.stringify(notes));
    }
    await clearRequests(trx, text.requests);
    await eraseSetRows(trx, contactId);
    // The deletes left 'delete' markers in the indexes; their tokens stay in old segments until merged away.
    await optimizeIndexes(trx);
    await writeRegister(trx, register.id, register.erasedAt, hashesOf(await privacySalt(trx), subjects));
    await also?.(trx, removed);
    await markErasing(trx, contactId, false);
    await dropEraseSet(trx);
    return { subject, subjects, removed, blobHashes: hashes, documentIds };
  });
}

/**
 * Overwrites what the erasure freed: secure_delete zeroed the deleted cells; VACUUM rebuilds the file so no page
 * keeps an older copy (rows changed or deleted before secure_delete was on); the TRUNCATE checkpoint empties the
 * WAL of the old pages. A reader holding an old snapshot can make the last two fall short: that is said in the log.
 */
export async function wipeFreed(db: Kysely<DB>): Promise<{ vacuumed: boolean; checkpointed: boolean }> {
  let vacuumed = true;
  try {
    await sql`VACUUM`.execute(db);
  } catch {
    vacuumed = false;
  }
  const { rows } = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  return { vacuumed, checkpointed: (rows[0]?.busy ?? 0) === 0 };
}

export async function withSecureDelete<T>(db: Kysely<DB>, work: () => Promise<T>): Promise<T> {
  const { rows } = await sql<{ secure_delete: number }>`PRAGMA secure_delete`.execute(db);
  await sql`PRAGMA secure_delete = ON`.execute(db);
  try {
    return await work();
  } finally {
    await sql.raw(`PRAGMA secure_delete = ${rows[0]?.secure_delete ? 'ON' : 'OFF'}`).execute(db);
  }
}
