// Customer service cases (issue #22): a request, complaint or warranty claim with its own timeline, a status in one
// of four fixed categories, and response and resolution targets measured in business hours (service.ts). Times
// leave main as ISO strings; the clock inside main works in epoch ms. Imports zod only.
import { z } from 'zod';
import { Cursor, Id, Limit, optionalText, searchQuery, text } from './fields';
import { DueDate } from './job';

export const CaseType = z.enum(['question', 'problem', 'request', 'complaint', 'warranty', 'other']);
export type CaseType = z.infer<typeof CaseType>;
export const CasePriority = z.enum(['low', 'normal', 'high', 'urgent']);
export type CasePriority = z.infer<typeof CasePriority>;
export const CaseChannel = z.enum(['phone', 'email', 'inPerson', 'letter', 'web']);
export type CaseChannel = z.infer<typeof CaseChannel>;
/** Fixed: the clock counts while open, pauses while waiting, stops when resolved or closed. */
export const StatusCategory = z.enum(['open', 'waiting', 'resolved', 'closed']);
export type StatusCategory = z.infer<typeof StatusCategory>;
export const WaitingOn = z.enum(['customer', 'supplier']);

/** A status the user sees; built-in ones (New, In progress, Waiting on customer/supplier, Resolved, Closed, Duplicate, Rejected) can be renamed, not removed. */
export const CaseStatus = z.object({
  id: z.string(),
  /** Stable key of a built-in status ('new', 'inProgress', 'waitingCustomer', 'waitingSupplier', 'resolved', 'closed', 'duplicate', 'rejected'); null for the user's own. */
  key: z.string().nullable(),
  name: z.string(),
  category: StatusCategory,
  waitingOn: WaitingOn.nullable(),
  position: z.number().int(),
});
export type CaseStatus = z.infer<typeof CaseStatus>;
export const CaseStatusList = z.object({ statuses: z.array(CaseStatus) });

const StatusName = text().trim().min(1, { message: 'Name the status' }).max(50, { message: 'Must be at most 50 characters' });
export const CaseStatusesUpdate = z.strictObject({
  /** The whole list in order: listed statuses are kept (renamed), new ones added; an unlisted user status is removed. */
  statuses: z
    .array(z.strictObject({ id: Id.optional(), name: StatusName, category: StatusCategory, waitingOn: WaitingOn.nullable().optional() }))
    .min(1)
    .max(40, { message: 'At most 40 statuses' }),
  /** Where the cases of each removed status go: removed status id -> index in `statuses` (same category). */
  moveCases: z.record(Id, z.number().int().min(0)).default({}),
});

/** One follow-up a template creates, `dayOffset` days after the case opens. */
export const ChecklistItem = z.strictObject({
  title: text().trim().min(1, { message: 'Name the follow-up' }).max(200),
  dayOffset: z.number({ message: 'Enter a number of days' }).int({ message: 'Enter a whole number of days' }).min(0, { message: 'Cannot be negative' }).max(365, { message: 'At most 365 days' }),
});
const TemplateFields = {
  name: text().trim().min(1, { message: 'Name the template' }).max(100),
  type: CaseType,
  priority: CasePriority,
  subject: optionalText(200),
  description: optionalText(20_000),
  checklist: z.array(ChecklistItem).max(30, { message: 'At most 30 follow-ups' }),
};
export const CaseTemplateFields = z.strictObject({
  ...TemplateFields,
  type: TemplateFields.type.default('question'),
  priority: TemplateFields.priority.default('normal'),
  checklist: TemplateFields.checklist.default([]),
});
export const CaseTemplate = z.object({
  id: z.string(),
  name: z.string(),
  type: CaseType,
  priority: CasePriority,
  subject: z.string().nullable(),
  description: z.string().nullable(),
  checklist: z.array(z.object({ title: z.string(), dayOffset: z.number().int() })),
});
export type CaseTemplate = z.infer<typeof CaseTemplate>;
export const CaseTemplateList = z.object({ templates: z.array(CaseTemplate) });
// Without the defaults: an update changes only the fields sent (a partial with defaults would reset type and checklist).
export const CaseTemplateUpdate = z.strictObject(TemplateFields).partial().extend({ id: Id });

const Subject = text().trim().min(1, { message: 'Give the case a subject' }).max(200, { message: 'Must be at most 200 characters' });
const Minutes = z.number({ message: 'Enter minutes' }).int({ message: 'Enter whole minutes' }).min(0, { message: 'Cannot be negative' }).max(24 * 60, { message: 'At most 24 hours per entry' });
const Instant = z.iso.datetime({ offset: true, message: 'Use a date and time' });

export const CaseCreate = z.strictObject({
  /** Optional with a template or a source activity (their subject is used). */
  subject: Subject.optional(),
  description: optionalText(20_000),
  contactId: Id,
  companyId: Id.nullable().optional(),
  jobId: Id.nullable().optional(),
  type: CaseType.optional(),
  priority: CasePriority.optional(),
  channel: CaseChannel.optional(),
  /** A status of the open category; New when omitted. */
  statusId: Id.optional(),
  /** Type, priority, subject, description and follow-ups from a template (explicit fields win). */
  templateId: Id.optional(),
  /** A logged call or a filed email becomes the case's first entry; the case opens when it happened. */
  fromActivityId: Id.optional(),
});
export const CaseUpdate = z.strictObject({
  id: Id,
  subject: Subject.optional(),
  description: optionalText(20_000),
  companyId: Id.nullable().optional(),
  jobId: Id.nullable().optional(),
  type: CaseType.optional(),
  /** A change is an event: targets are recomputed from creation with the new priority. */
  priority: CasePriority.optional(),
  channel: CaseChannel.optional(),
});
export const CaseSetStatus = z.strictObject({
  id: Id,
  statusId: Id,
  /** Waiting only: a follow-up reminder on this date. */
  remindOn: DueDate.nullable().optional(),
  note: optionalText(5_000),
});
export const CaseNote = z.strictObject({
  id: Id,
  /** An internal note stays on the case; a call is also logged on the contact's timeline and counts as a response. */
  kind: z.enum(['note', 'call']).default('note'),
  body: text().trim().min(1, { message: 'Write the note' }).max(20_000),
  direction: z.enum(['inbound', 'outbound']).optional(),
  minutesSpent: Minutes.optional(),
  /** When it happened; now when omitted. */
  at: Instant.optional(),
});
export const CaseReply = z.strictObject({
  id: Id,
  /** A reply template (email templates) whose {{case.*}} fields are filled from the case. */
  templateId: Id.optional(),
  subject: text().trim().max(300).optional(),
  body: text().max(100_000).optional(),
  /** Move the case to this status once queued (e.g. Waiting on customer, Resolved). */
  statusId: Id.optional(),
  /** Add rating links (mailto: the user's own address with the case token and a score 1–5). */
  askRating: z.boolean().default(false),
  minutesSpent: Minutes.optional(),
});
export const CaseRate = z.strictObject({
  id: Id,
  score: z.number({ message: 'Choose a score from 1 to 5' }).int().min(1, { message: 'Choose a score from 1 to 5' }).max(5, { message: 'Choose a score from 1 to 5' }),
  comment: optionalText(2_000),
  source: z.enum(['call', 'manual']).default('manual'),
});
export const CaseMerge = z.strictObject({
  /** The case that stays. */
  intoId: Id,
  /** Cases folded into it: their entries and message ids move over; each is closed as Duplicate, linked to it. */
  fromIds: z.array(Id).min(1, { message: 'Choose a case to merge' }).max(20),
});

/** A filed email put on a case the user chose (when threading could only suggest it). */
export const CaseAttachEmail = z.strictObject({ id: Id, activityId: Id });

export const CaseSort = z.enum(['due', 'created', 'updated', 'priority', 'number']);
export const CaseListInput = z.strictObject({
  /** 'active' is open and waiting together (the default list). */
  category: z.enum(['active', 'open', 'waiting', 'resolved', 'closed', 'all']).default('active'),
  statusId: Id.optional(),
  priority: CasePriority.optional(),
  type: CaseType.optional(),
  contactId: Id.optional(),
  companyId: Id.optional(),
  jobId: Id.optional(),
  /** Cases whose next target is due within this many hours (0: overdue only). */
  dueWithinHours: z.number().int().min(0).max(24 * 365).optional(),
  query: searchQuery(200).optional(),
  sort: CaseSort.default('due'),
  trashed: z.boolean().default(false),
  limit: Limit,
  cursor: Cursor,
});

export const TargetView = z.object({
  targetMs: z.number(),
  /** Business time counted so far. */
  elapsedMs: z.number(),
  dueAt: z.string().nullable(),
  achievedAt: z.string().nullable(),
  met: z.boolean().nullable(),
});
export const Rating = z.object({ score: z.number().int(), comment: z.string().nullable(), at: z.string(), source: z.enum(['email', 'call', 'manual']) });

export const CaseListItem = z.object({
  id: z.string(),
  number: z.number().int(),
  /** 'C-0042' */
  label: z.string(),
  subject: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  jobId: z.string().nullable(),
  type: CaseType,
  priority: CasePriority,
  statusId: z.string(),
  statusName: z.string(),
  category: StatusCategory,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The earlier of the pending response and resolution due times; null when paused or done. */
  nextDueAt: z.string().nullable(),
  dueKind: z.enum(['response', 'resolution']).nullable(),
  ratingScore: z.number().int().nullable(),
  deletedAt: z.string().nullable(),
});
export type CaseListItem = z.infer<typeof CaseListItem>;
export const CaseListPage = z.object({ items: z.array(CaseListItem), total: z.number().int(), nextCursor: z.string().nullable() });

export const Case = CaseListItem.extend({
  description: z.string().nullable(),
  jobTitle: z.string().nullable(),
  channel: CaseChannel,
  waitingOn: WaitingOn.nullable(),
  remindOn: z.string().nullable(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  reopenCount: z.number().int(),
  /** The earlier case this one continues (a reply after the reopen window). */
  previousCaseId: z.string().nullable(),
  previousCaseLabel: z.string().nullable(),
  /** Set when this case was merged into another. */
  mergedIntoId: z.string().nullable(),
  rating: Rating.nullable(),
  paused: z.boolean(),
  response: TargetView,
  resolution: TargetView,
  timeSpentMinutes: z.number().int(),
});
export type Case = z.infer<typeof Case>;

export const CaseEntryKind = z.enum(['created', 'message', 'reply', 'call', 'note', 'status', 'priority', 'rating', 'reopened', 'merged']);
export const CaseEntry = z.object({
  id: z.string(),
  kind: CaseEntryKind,
  at: z.string(),
  /** Messages and calls: inbound from the customer or outbound from the user. */
  direction: z.enum(['inbound', 'outbound']).nullable(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  minutesSpent: z.number().int().nullable(),
  /** Status entries: the status moved to. Priority entries: the new priority. */
  statusName: z.string().nullable(),
  category: StatusCategory.nullable(),
  priority: CasePriority.nullable(),
  score: z.number().int().nullable(),
  /** The contact-timeline activity (call, filed email) or outbox email this entry is. */
  activityId: z.string().nullable(),
  emailId: z.string().nullable(),
});
export type CaseEntry = z.infer<typeof CaseEntry>;
export const CaseFollowUp = z.object({ id: z.string(), title: z.string(), dueAt: z.string().nullable(), completedAt: z.string().nullable() });
export const CaseDetail = z.object({ case: Case, entries: z.array(CaseEntry), followUps: z.array(CaseFollowUp) });
export type CaseDetail = z.infer<typeof CaseDetail>;

/** A case's target reached 75 % or 100 % (sent by the reminder engine; Today and the case page refresh). */
export const CaseDue = z.object({ id: z.string(), label: z.string(), subject: z.string(), target: z.enum(['response', 'resolution']), percent: z.union([z.literal(75), z.literal(100)]), dueAt: z.string() });
