// What goes into "Export this person's data" (issue #21): the rows read by db/privacy.export.repo.ts, turned into
// the package's sections, with the review step's list of shared records (records about them that name other
// people). Records the reviewer left out are dropped; shared records that stay lose the other people's names,
// addresses and contact ids. No I/O here except building the .eml files (export-eml.ts).
import type { z } from 'zod';
import type { Contact } from '../../../shared/domain/contact';
import type { StoredRecipient } from '../../../shared/domain/email';
import type { PrivacyRequest, SharedRecord } from '../../../shared/domain/privacy';
import type { Plain, SubjectRows } from '../../db/privacy.export.repo';
import { filedEml, isFiledEmail, outboxEml, splitFiledNotes, type EmailAttachment } from './export-eml';
import { ANOTHER, type OtherPeople } from './export-redact';

type Shared = z.infer<typeof SharedRecord>;

export interface PackageFile {
  /** Path inside the zip (documents/…, emails/…), unique. */
  name: string;
  source: { bytes: Buffer } | { path: string | null };
}

export interface ExportPackage {
  sections: Record<string, Plain[]>;
  /** The files the records point at: rebuilt .eml files and the documents' own files. */
  files: { emails: { name: string; build: () => Promise<Buffer> }[]; documents: { record: Plain; sha256: string | null; mode: string; linkPath: string | null; name: string }[] };
  shared: Shared[];
  /** Records the reviewer left out. */
  leftOut: number;
}

export interface BuildInput {
  contact: Contact;
  /** Custom field labels by key, so the package says "Membership number", not "membershipNumber". */
  customLabels: Map<string, string>;
  rows: SubjectRows;
  requests: PrivacyRequest[];
  people: OtherPeople;
  /** Display names of the other contacts on jobs, appointments, emails and documents (for the reviewer). */
  names: Map<string, string>;
  from: { name: string; address: string };
  leaveOut: ReadonlySet<string>;
}

const text = (v: unknown) => (typeof v === 'string' ? v : null);

export function buildPackage(input: BuildInput): ExportPackage {
  const { contact, rows, people, names, leaveOut } = input;
  const me = contact.id;
  const shared: Shared[] = [];
  let leftOut = 0;
  const dropped = (key: string) => leaveOut.has(key) && ++leftOut > 0;
  const named = (ids: Iterable<string>) => [...new Set([...ids].map((id) => names.get(id) ?? people.nameOf(id) ?? ANOTHER))];
  /** Scrubs the given text fields in place of a copy and returns the other contacts they named. */
  const scrubFields = (record: Plain, fields: readonly string[]): { record: Plain; nameIds: string[]; addresses: string[] } => {
    const nameIds = new Set<string>();
    const addresses = new Set<string>();
    for (const f of fields) {
      people.namesIn(text(record[f])).forEach((id) => nameIds.add(id));
      people.addressesIn(text(record[f])).forEach((a) => addresses.add(a));
    }
    if (nameIds.size === 0 && addresses.size === 0) return { record, nameIds: [], addresses: [] };
    const out = { ...record };
    for (const f of fields) if (typeof out[f] === 'string') out[f] = people.scrub(out[f], [...nameIds]);
    return { record: out, nameIds: [...nameIds], addresses: [...addresses] };
  };
  const share = (key: string, kind: Shared['kind'], title: string, others: string[]) => {
    if (others.length) shared.push({ key, kind, title: title || '(untitled)', others });
  };

  const activities: Plain[] = [];
  const emails: Plain[] = [];
  const emailFiles: ExportPackage['files']['emails'] = [];
  for (const a of rows.activities) {
    const id = String(a.id);
    const isEmail = a.type === 'email';
    const key = `${isEmail ? 'email' : 'activity'}:${id}`;
    const { record, nameIds, addresses } = scrubFields(a, ['subject', 'notes']);
    share(key, isEmail ? 'email' : 'activity', text(a.subject) ?? `${String(a.type)} on ${String(a.occurredAt).slice(0, 10)}`, [...named(nameIds), ...addresses]);
    if (dropped(key)) continue;
    activities.push(record);
    if (isEmail && isFiledEmail(text(a.notes))) {
      const file = `emails/filed-${id}.eml`;
      const attachments: EmailAttachment[] = rows.receivedAttachments.get(id) ?? [];
      const body = splitFiledNotes(String(record.notes)).text;
      const redact = nameIds.length > 0 || addresses.length > 0;
      emails.push({ key, source: 'filed', activityId: id, subject: a.subject, date: a.occurredAt, direction: a.direction, attachments: attachments.map((x) => x.filename).join(', '), file });
      emailFiles.push({ name: file, build: () => filedEml({ id, subject: text(a.subject), occurredAt: String(a.occurredAt), notes: String(a.notes) }, body, attachments, people, redact) });
    }
  }

  for (const { row, attachments } of rows.outbox) {
    const key = `email:${row.id}`;
    const recipients = JSON.parse(row.recipients) as { to: StoredRecipient[]; cc: StoredRecipient[]; bcc: StoredRecipient[] };
    const isOther = (r: StoredRecipient) => (r.contactId ? r.contactId !== me : people.isForeign(r.address));
    const all = [...recipients.to, ...recipients.cc, ...recipients.bcc];
    const others = all.filter(isOther);
    const { record, nameIds, addresses } = scrubFields(row, ['subject', 'body', 'replyTo']);
    share(key, 'email', String(row.subject), [...new Set([...others.map((r) => (r.contactId ? names.get(r.contactId) : null) ?? r.name ?? r.address), ...named(nameIds), ...addresses])]);
    if (dropped(key)) continue;
    const hide = (list: StoredRecipient[]) => list.map((r) => (isOther(r) ? { address: ANOTHER, name: ANOTHER, contactId: null } : r));
    const file = `emails/sent-${row.id}.eml`;
    const { recipients: _raw, ...rest } = record;
    void _raw;
    emails.push({ key, source: 'outbox', ...rest, to: hide(recipients.to), cc: hide(recipients.cc), bcc: hide(recipients.bcc), attachments: attachments.map((x) => x.filename).join(', '), file });
    const redact = others.length > 0 || nameIds.length > 0 || addresses.length > 0;
    const scrubbed = { ...row, subject: String(record.subject), body: String(record.body), replyTo: text(record.replyTo) };
    emailFiles.push({
      name: file,
      build: () => outboxEml({ messageId: String(row.messageId), subject: scrubbed.subject, body: scrubbed.body, replyTo: scrubbed.replyTo, sentAt: text(row.sentAt), createdAt: String(row.createdAt), recipients }, input.from, attachments, people, redact),
    });
  }

  const jobs: Plain[] = [];
  for (const j of rows.jobs) {
    const key = `job:${j.id}`;
    const { record, nameIds } = scrubFields(j, ['title', 'notes', 'lostReason']);
    const otherIds = j.people.filter((p) => p !== me);
    share(key, 'job', String(j.title), named([...otherIds, ...nameIds]));
    if (dropped(key)) continue;
    const { people: _people, ...rest } = record as Plain & { people: string[] };
    void _people;
    jobs.push({ ...rest, contactId: j.contactId === me ? me : j.contactId ? ANOTHER : null, othersOnJob: otherIds.length ? `${otherIds.length} other ${otherIds.length === 1 ? 'person' : 'people'} (removed)` : null });
  }

  const appointments: Plain[] = [];
  for (const a of rows.appointments) {
    const key = `appointment:${a.id}`;
    const { record, nameIds } = scrubFields(a, ['title', 'location', 'notes']);
    const otherIds = [a.contactId, a.jobContactId].filter((x): x is string => typeof x === 'string' && x !== me);
    share(key, 'appointment', String(a.title), named([...otherIds, ...nameIds]));
    if (dropped(key)) continue;
    const { jobContactId: _job, ...rest } = record as Plain & { jobContactId: unknown };
    void _job;
    appointments.push({ ...rest, contactId: a.contactId === me ? me : a.contactId ? ANOTHER : null });
  }

  const documents: ExportPackage['files']['documents'] = [];
  const documentRecords: Plain[] = [];
  for (const d of rows.documents) {
    const key = `document:${d.id}`;
    const { record, nameIds } = scrubFields(d, ['note']);
    const otherIds = d.links.map((l) => l.owner).filter((x): x is string => x !== null && x !== me);
    share(key, 'document', d.name, named([...otherIds, ...nameIds]));
    if (dropped(key)) continue;
    const { links: _links, linkPath: _path, ...rest } = record as Plain & { links: unknown; linkPath: unknown };
    void _links;
    void _path;
    const linkedTo = d.links.map((l) => (l.owner && l.owner !== me ? ANOTHER : l.contactId ? 'you' : l.activityId ? `activity ${l.activityId}` : l.jobId ? `job ${l.jobId}` : 'a company')).join('; ');
    const out = { ...rest, linkedTo };
    documentRecords.push(out);
    documents.push({ record: out, sha256: d.sha256, mode: d.mode, linkPath: d.linkPath, name: d.name });
  }

  const followUps = rows.followUps.flatMap((t) => (dropped(`task:${String(t.id)}`) ? [] : [scrubFields(t, ['title', 'notes']).record]));
  const custom = Object.entries(contact.custom ?? {}).map(([key, value]) => ({ field: input.customLabels.get(key) ?? key, value }));

  return {
    sections: {
      contact: [{ ...contact, custom: undefined, customFields: custom }],
      consentHistory: rows.consentEvents,
      consentNow: consentNow(rows.consentEvents),
      unsubscribeTokens: rows.consentTokens,
      activities,
      followUps,
      jobs,
      appointments,
      emails,
      documents: documentRecords,
      imports: rows.imports,
      merges: rows.merges,
      privacyRequests: input.requests as unknown as Plain[],
      bulkEdits: rows.bulkEdits,
      qualityFixes: rows.qualityFixes,
      retention: rows.retention,
      campaignsLeftOut: rows.campaignsLeftOut,
      // Free text others may be named in is scrubbed like follow-ups' (issue #22).
      cases: rows.cases.map((c) => scrubFields(c, ['subject', 'description', 'ratingComment']).record),
      caseTimeline: rows.caseEntries.map((e) => scrubFields(e, ['subject', 'body']).record),
      // Quotes and invoices made out to them (issue #23): their free text scrubbed of other people like the above.
      quotes: rows.quotes.map((q) => scrubFields(q, ['title', 'notes', 'terms', 'declineReason']).record),
      quoteLines: rows.quoteLines.map((l) => scrubFields(l, ['text', 'description']).record),
      invoices: rows.invoices.map((i) => scrubFields(i, ['title', 'notes', 'terms']).record),
      invoiceLines: rows.invoiceLines.map((l) => scrubFields(l, ['text', 'description']).record),
      payments: rows.payments.map((p) => scrubFields(p, ['note']).record),
    },
    files: { emails: emailFiles, documents },
    shared,
    leftOut,
  };
}

/** The current state per purpose: the last event on the ledger wins. */
function consentNow(events: Plain[]): Plain[] {
  const last = new Map<string, Plain>();
  for (const e of events) last.set(String(e.purposeId), e);
  return [...last.values()].map((e) => ({ purpose: e.purpose, state: e.action, basis: e.basis, since: e.capturedAt, source: e.source }));
}
