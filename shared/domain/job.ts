// Jobs (work for a client, with its value) moving through a pipeline of stages. Money is an integer of
// minor units plus an ISO 4217 code, never a float. Imports zod only.
import { z } from 'zod';
import { Cursor, Id, Limit, optionalText, searchQuery, text } from './fields';
import { CustomFilters, CustomInput, CustomOut, CustomSort } from './custom-record';
import { isCurrencyCode } from './money';

/** What a stage means for reports: still open, won (incl. in progress/completed), paid, or lost. */
export const StageCategory = z.enum(['open', 'won', 'paid', 'lost']);
export type StageCategory = z.infer<typeof StageCategory>;

export const Stage = z.object({ id: z.string(), name: z.string(), position: z.number().int(), category: StageCategory });
export type Stage = z.infer<typeof Stage>;

export const Currency = text()
  .trim()
  // A real ISO 4217 code, checked whole: "POUNDS" is refused, never cut to "POU".
  .refine(isCurrencyCode, { message: 'Currency must be a three-letter ISO 4217 code, such as GBP, EUR or USD' })
  .transform((c) => c.toUpperCase());
export const AmountMinor = z
  .number({ message: 'Must be a whole number of minor units (pence, cents)' })
  .int({ message: 'Must be a whole number of minor units (pence, cents)' })
  .min(0, { message: 'Cannot be negative' })
  .max(1_000_000_000_000, { message: 'Too large' });
export const DueDate = z.iso.date({ message: 'Use YYYY-MM-DD' });

export const PipelineUpdate = z.strictObject({
  /** The whole pipeline in order: listed stages are kept (renamed, re-categorised), unlisted ones removed. */
  stages: z
    .array(z.strictObject({ id: Id.optional(), name: text().trim().min(1, { message: 'Name the stage' }).max(50), category: StageCategory }))
    .min(2, { message: 'A pipeline needs at least two stages' })
    .max(20),
  /** Where the jobs of each removed stage go: removed stage id -> index in `stages`. */
  moveJobs: z.record(Id, z.number().int().min(0)).default({}),
  defaultCurrency: Currency.optional(),
});

export const JobFields = z.strictObject({
  title: text().trim().min(1, { message: 'Give the job a title' }).max(200),
  contactId: Id.nullable().optional(),
  companyId: Id.nullable().optional(),
  /** A stage id; the first stage when omitted. */
  stage: Id.optional(),
  amountMinor: AmountMinor.nullable().optional(),
  currency: Currency.optional(),
  dueDate: DueDate.nullable().optional(),
  probability: z.number().int().min(0).max(100).nullable().optional(),
  notes: optionalText(20_000),
  lostReason: optionalText(500),
  /** The user's own fields (issue #19), by key; checked against their definitions in main. */
  custom: CustomInput.optional(),
});
export const JobCreate = JobFields;
export const JobUpdate = JobFields.partial().extend({ id: Id });
/** Drag and drop: to a stage, optionally before another job in that column. */
export const JobMove = z.strictObject({ id: Id, stage: Id, beforeId: Id.nullable().optional(), lostReason: optionalText(500) });

export const JobSort = z.enum(['updatedAt', 'createdAt', 'dueDate', 'amount', 'title']);
export const JobListInput = z.strictObject({
  stage: Id.optional(),
  contactId: Id.optional(),
  companyId: Id.optional(),
  query: searchQuery(200).optional(),
  sort: JobSort.default('updatedAt'),
  custom: CustomFilters.optional(),
  sortCustom: CustomSort.optional(),
  trashed: z.boolean().default(false),
  limit: Limit,
  cursor: Cursor,
});
export const BoardInput = z.strictObject({
  contactId: Id.optional(),
  companyId: Id.optional(),
  tag: text().max(50).optional(),
  /** Only jobs due (or, undated, created) in [from, to]. */
  from: DueDate.optional(),
  to: DueDate.optional(),
});

export const Job = z.object({
  id: z.string(),
  title: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  stageId: z.string(),
  stageName: z.string(),
  category: StageCategory,
  amountMinor: z.number().nullable(),
  currency: z.string(),
  dueDate: z.string().nullable(),
  probability: z.number().nullable(),
  notes: z.string().nullable(),
  lostReason: z.string().nullable(),
  stageChangedAt: z.string(),
  custom: CustomOut,
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;

export const MoneyTotal = z.object({ currency: z.string(), amountMinor: z.number() });
export const BoardColumn = z.object({
  stage: Stage,
  jobs: z.array(Job),
  count: z.number().int(),
  /** Total in the default currency; other currencies are in `totals`, never mixed in. */
  totalMinor: z.number(),
  totals: z.array(MoneyTotal),
});
export const StageChange = z.object({ jobId: z.string(), fromStage: z.string().nullable(), toStage: z.string(), at: z.string() });
