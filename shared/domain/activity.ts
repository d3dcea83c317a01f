// Activities (what happened with a contact) and tasks (follow-ups: what must happen next), as they cross
// the contract. Imports zod only.
import { z } from 'zod';
import { Cursor, Id, Limit, optionalText, text } from './fields';

export const ActivityType = z.enum(['call', 'email', 'meeting', 'note', 'letter']);
export type ActivityType = z.infer<typeof ActivityType>;
export const Direction = z.enum(['inbound', 'outbound']);
export const CallOutcome = z.enum(['connected', 'no_answer', 'left_voicemail', 'wrong_number', 'busy']);
export const Priority = z.enum(['low', 'normal', 'high']);

/** A point in time as the renderer sends it: any ISO-8601 date-time with an offset, stored as UTC. */
const Instant = z.iso.datetime({ offset: true, message: 'Must be a date and time (ISO 8601)' });
const Seconds = z
  .number({ message: 'Must be a number of seconds' })
  .int({ message: 'Must be whole seconds' })
  .min(0, { message: 'Cannot be negative' })
  .max(7 * 24 * 3600, { message: 'Must be at most a week' });

export const FollowUpInput = z.strictObject({
  title: text().trim().min(1, { message: 'Enter what to do' }).max(200),
  dueAt: Instant.nullable().optional(),
  allDay: z.boolean().optional(),
  priority: Priority.optional(),
});

const ActivityFields = {
  type: ActivityType,
  direction: Direction.nullable().optional(),
  occurredAt: Instant.optional(),
  durationSeconds: Seconds.nullable().optional(),
  subject: optionalText(200),
  notes: optionalText(20_000),
  outcome: CallOutcome.nullable().optional(),
};

export const ActivityCreate = z.strictObject({
  contactId: Id,
  /** The job this was about, if any. */
  jobId: Id.nullable().optional(),
  ...ActivityFields,
  /** Logs the next step in the same save: "send revised quote Friday". */
  followUp: FollowUpInput.optional(),
});
export const ActivityUpdate = z.strictObject({ id: Id, jobId: Id.nullable().optional(), ...ActivityFields, type: ActivityType.optional() });

export const ActivityListInput = z.strictObject({
  contactId: Id.optional(),
  companyId: Id.optional(),
  jobId: Id.optional(),
  type: ActivityType.optional(),
  trashed: z.boolean().default(false),
  limit: Limit,
  cursor: Cursor,
});

export const Activity = z.object({
  id: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  companyId: z.string().nullable(),
  jobId: z.string().nullable(),
  type: ActivityType,
  direction: Direction.nullable(),
  occurredAt: z.string(),
  durationSeconds: z.number().nullable(),
  subject: z.string().nullable(),
  notes: z.string().nullable(),
  outcome: CallOutcome.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Activity = z.infer<typeof Activity>;

export const TaskCreate = z.strictObject({
  title: text().trim().min(1, { message: 'Enter what to do' }).max(200, { message: 'Must be at most 200 characters' }),
  dueAt: Instant.nullable().optional(),
  /** A due date without a time: due the whole (local) day that dueAt starts. */
  allDay: z.boolean().optional(),
  contactId: Id.nullable().optional(),
  jobId: Id.nullable().optional(),
  priority: Priority.optional(),
  notes: optionalText(20_000),
});
export const TaskUpdate = TaskCreate.partial().extend({ id: Id });
export const TaskSnooze = z.strictObject({ id: Id, until: Instant });
/** open and overdue exclude done and deleted follow-ups; trashed lists the deleted ones (the Trash page). */
export const TaskStatus = z.enum(['open', 'overdue', 'done', 'trashed']);
export const TaskListInput = z.strictObject({
  status: TaskStatus.default('open'),
  contactId: Id.optional(),
  jobId: Id.optional(),
  limit: Limit,
  cursor: Cursor,
});

export const Task = z.object({
  id: z.string(),
  title: z.string(),
  dueAt: z.string().nullable(),
  allDay: z.boolean(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  jobId: z.string().nullable(),
  priority: Priority,
  notes: z.string().nullable(),
  completedAt: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Task = z.infer<typeof Task>;

export const TodayInput = z.strictObject({
  /** The local day's bounds, from the renderer (it knows the user's time zone and week start). */
  dayStart: Instant,
  dayEnd: Instant,
  weekEnd: Instant,
});
export const Today = z.object({ overdue: z.array(Task), today: z.array(Task), upcoming: z.array(Task) });

/**
 * The timeline: activities plus what else happened to a client, newest first. Today that is job stage
 * changes ("Kitchen refit moved to Won"); later kinds (emails, documents) join as new members of the union.
 */
export const TimelineKind = z.enum([...ActivityType.options, 'stage']);
export type TimelineKind = z.infer<typeof TimelineKind>;
export const TimelineListInput = z.strictObject({
  contactId: Id.optional(),
  companyId: Id.optional(),
  jobId: Id.optional(),
  /** One activity type, or 'stage' for job stage changes only. */
  kind: TimelineKind.optional(),
  limit: Limit,
  cursor: Cursor,
});
export const StageChangeEntry = z.object({
  kind: z.literal('stage'),
  /** Unique within the timeline ('h' + the history row's number). */
  id: z.string(),
  at: z.string(),
  jobId: z.string(),
  jobTitle: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  /** Stage names; null for a job's first stage, '(removed stage)' for a stage since deleted. */
  fromStage: z.string().nullable(),
  toStage: z.string(),
});
export type StageChangeEntry = z.infer<typeof StageChangeEntry>;
export const TimelineEntry = z.discriminatedUnion('kind', [z.object({ kind: z.literal('activity'), id: z.string(), at: z.string(), activity: Activity }), StageChangeEntry]);
export type TimelineEntry = z.infer<typeof TimelineEntry>;
