// A person's rights (issue #21): the request log with its one-month due date, "Export this person's data" (one zip,
// after a review of other people's data in shared records), "Erase this person" (a dry run, then every store), and a
// privacy log that records what was done without the personal data itself. Imports zod only.
import { z } from 'zod';
import { Cursor, Id, optionalText, text } from './fields';

export const RequestKind = z.enum(['access', 'erasure', 'rectification', 'objection', 'portability', 'restriction']);
export type RequestKind = z.infer<typeof RequestKind>;
export const RequestStatus = z.enum(['open', 'answered', 'refused', 'withdrawn']);

const Day = z.iso.date({ message: 'Enter a date' });

export const PrivacyRequest = z.object({
  id: z.string(),
  /** Null when the person is not (or no longer) in Rapport. */
  contactId: z.string().nullable(),
  /** Who asked, as they gave it; shown when there is no contact. Erased with the person. */
  requester: z.string().nullable(),
  kind: RequestKind,
  receivedOn: z.string(),
  /** receivedOn + 1 calendar month (31 Jan → 28/29 Feb), or the extension's date. */
  dueOn: z.string(),
  extendedTo: z.string().nullable(),
  extensionReason: z.string().nullable(),
  status: RequestStatus,
  answeredOn: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
});
export type PrivacyRequest = z.infer<typeof PrivacyRequest>;

export const RequestsListInput = z.strictObject({ status: RequestStatus.optional(), contactId: Id.optional(), limit: z.number().int().min(1).max(500).default(100), cursor: Cursor });
/** A request as the list shows it: with the person's name read in the same query (no lookup per row). */
export const RequestListItem = PrivacyRequest.extend({ contactName: z.string().nullable() });
export type RequestListItem = z.infer<typeof RequestListItem>;
export const RequestsList = z.object({ items: z.array(RequestListItem), nextCursor: z.string().nullable() });

export const RequestCreateInput = z
  .strictObject({
    contactId: Id.nullable().default(null),
    requester: optionalText(200),
    kind: RequestKind,
    receivedOn: Day,
    notes: optionalText(2000),
  })
  .refine((r) => r.contactId !== null || (r.requester ?? null) !== null, { message: 'Choose the contact or enter who asked', path: ['requester'] });

export const RequestUpdateInput = z.strictObject({
  id: Id,
  /** Up to two further months (Art. 12(3)); the reason is told to the person. */
  extendedTo: Day.nullable().optional(),
  extensionReason: optionalText(500),
  status: RequestStatus.optional(),
  answeredOn: Day.nullable().optional(),
  notes: optionalText(2000),
  contactId: Id.nullable().optional(),
});

/** A record about this person that also holds someone else's personal data: the export's review step. */
export const SharedRecord = z.object({
  /** '<kind>:<id>', what leaveOut names. */
  key: z.string(),
  kind: z.enum(['activity', 'job', 'appointment', 'email', 'document', 'case', 'quote']),
  title: z.string(),
  /** The other people named in it (names only, for the reviewer). */
  others: z.array(z.string()),
});

export const PrivacyExportInput = z.strictObject({
  contactId: Id,
  /** true: only list the shared records to review; nothing is written. */
  review: z.boolean().default(false),
  /** Shared records (SharedRecord.key) to leave out; the others go in with other people's details removed. */
  leaveOut: z.array(text().max(100)).max(10_000).default([]),
});
export const PrivacyExportResult = z.object({
  /** The zip written (null for a review, or when the save dialog was dismissed). */
  path: z.string().nullable(),
  cancelled: z.boolean(),
  shared: z.array(SharedRecord),
  /** Records per kind in the package: { contact: 1, activities: 240, emails: 12, documents: 3, … }. */
  counts: z.record(z.string(), z.number().int()),
});

export const ErasePreviewInput = z.strictObject({ contactId: Id });
/** What goes (and what is kept, and why), store by store; `lines` are the confirmation's words. */
export const ErasePreview = z.object({
  contactId: z.string(),
  displayName: z.string(),
  removed: z.array(z.object({ what: z.string(), count: z.number().int() })),
  /** Shared records that stay without this person's part: "Job “Kitchen refit” stays with Bob Smith". */
  kept: z.array(z.object({ what: z.string(), why: z.string() })),
  /** Things erasure cannot reach, said plainly ("copies you made elsewhere", "backups until purged"). */
  cannotReach: z.array(z.string()),
});
export const EraseInput = z.strictObject({
  contactId: Id,
  /** Also rewrite the backups in the backups folder (and the second place) without this person. */
  purgeBackups: z.boolean().default(false),
});
export const EraseResult = z.object({
  /** The erasure register's id (one-way hashes of their identifiers; no personal data). */
  registerId: z.string(),
  removed: z.array(z.object({ what: z.string(), count: z.number().int() })),
  backupsPurged: z.number().int(),
});

export const PrivacyLogKind = z.enum(['export', 'erasure', 'consent', 'request', 'retention', 'reappeared', 'backupPurge']);
export const PrivacyLogInput = z.strictObject({ limit: z.number().int().min(1).max(500).default(100), cursor: Cursor });
export const PrivacyLogEntry = z.object({
  id: z.string(),
  at: z.string(),
  kind: PrivacyLogKind,
  /** What was done, in words that name no one: "Consent withdrawn (Newsletter, by unsubscribe)". */
  summary: z.string(),
  /** A one-way hash of the record it was about, so entries about one person can be grouped without naming them. */
  subject: z.string().nullable(),
});
export const PrivacyLog = z.object({ items: z.array(PrivacyLogEntry), nextCursor: z.string().nullable() });
