// The one source of truth for main <-> renderer calls: channel name -> input and output schemas.
// Types on both sides are inferred from here; nothing is written twice. Imports zod and shared/domain only.
import { z } from 'zod';
import {
  Company,
  CompanyCreate,
  CompanyListInput,
  CompanyUpdate,
  Contact,
  ContactCreate,
  ContactListInput,
  ContactUpdate,
  SearchHit,
} from '../domain/contact';
import { Activity, ActivityCreate, ActivityListInput, ActivityUpdate, Task, TaskCreate, TaskListInput, TaskSnooze, TaskUpdate, TimelineEntry, TimelineListInput, Today, TodayInput } from '../domain/activity';
import { Appointment, AppointmentCreate, AppointmentRange, AppointmentUpdate, IcsExportInput, IcsImportInput, Occurrence, OccurrenceMove, OccurrenceRef } from '../domain/appointment';
import { Id } from '../domain/fields';
import { BoardColumn, BoardInput, Job, JobCreate, JobListInput, JobMove, JobUpdate, PipelineUpdate, Stage, StageChange } from '../domain/job';
import type { ChannelName } from './channels';
import { documentsContract } from './documents.contract';
import { emailContract } from './email.contract';
import { reportsContract } from './reports.contract';
import { transferContract } from './transfer.contract';

const ById = z.strictObject({ id: Id });
const Page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), nextCursor: z.string().nullable() });
const Slice = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const contract = {
  'contacts.create': { input: ContactCreate, output: Contact },
  'contacts.get': { input: ById, output: Contact },
  'contacts.update': { input: ContactUpdate, output: Contact },
  'contacts.delete': { input: ById, output: Contact },
  'contacts.restore': { input: ById, output: Contact },
  'contacts.list': { input: ContactListInput, output: Page(Contact) },

  'companies.create': { input: CompanyCreate, output: Company },
  'companies.get': { input: ById, output: Company },
  'companies.update': { input: CompanyUpdate, output: Company },
  'companies.delete': { input: ById, output: Company },
  'companies.restore': { input: ById, output: Company },
  'companies.list': { input: CompanyListInput, output: Page(Company) },

  'activities.create': { input: ActivityCreate, output: Activity },
  'activities.get': { input: ById, output: Activity },
  'activities.update': { input: ActivityUpdate, output: Activity },
  'activities.delete': { input: ById, output: Activity },
  'activities.restore': { input: ById, output: Activity },
  'activities.list': { input: ActivityListInput, output: Slice(Activity) },
  'timeline.list': { input: TimelineListInput, output: Slice(TimelineEntry) },

  'tasks.create': { input: TaskCreate, output: Task },
  'tasks.get': { input: ById, output: Task },
  'tasks.update': { input: TaskUpdate, output: Task },
  'tasks.complete': { input: ById, output: Task },
  'tasks.reopen': { input: ById, output: Task },
  'tasks.snooze': { input: TaskSnooze, output: Task },
  'tasks.delete': { input: ById, output: Task },
  'tasks.restore': { input: ById, output: Task },
  'tasks.list': { input: TaskListInput, output: Slice(Task) },
  'tasks.today': { input: TodayInput, output: Today },

  'pipeline.get': { input: z.strictObject({}), output: z.object({ stages: z.array(Stage), defaultCurrency: z.string() }) },
  'pipeline.update': { input: PipelineUpdate, output: z.object({ stages: z.array(Stage), defaultCurrency: z.string() }) },
  'jobs.create': { input: JobCreate, output: Job },
  'jobs.get': { input: ById, output: Job },
  'jobs.update': { input: JobUpdate, output: Job },
  'jobs.move': { input: JobMove, output: Job },
  'jobs.delete': { input: ById, output: Job },
  'jobs.restore': { input: ById, output: Job },
  'jobs.list': { input: JobListInput, output: Page(Job) },
  'jobs.board': { input: BoardInput, output: z.object({ stages: z.array(BoardColumn), defaultCurrency: z.string() }) },
  'jobs.history': { input: ById, output: z.object({ items: z.array(StageChange) }) },

  'appointments.create': { input: AppointmentCreate, output: Appointment },
  'appointments.get': { input: ById, output: Appointment },
  'appointments.update': { input: AppointmentUpdate, output: Appointment },
  'appointments.delete': { input: ById, output: Appointment },
  'appointments.restore': { input: ById, output: Appointment },
  'appointments.list': { input: AppointmentRange, output: z.object({ items: z.array(Occurrence) }) },
  'appointments.moveOccurrence': { input: OccurrenceMove, output: Appointment },
  'appointments.skipOccurrence': { input: OccurrenceRef, output: Appointment },
  'schedule.exportIcs': { input: IcsExportInput, output: z.object({ path: z.string(), ics: z.string(), count: z.number().int() }) },
  'schedule.importIcs': {
    input: IcsImportInput,
    output: z.object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int(), errors: z.array(z.object({ event: z.string(), reason: z.string() })) }),
  },

  'tags.list': {
    input: z.strictObject({}),
    output: z.object({ items: z.array(z.object({ tag: z.string(), contacts: z.number().int(), companies: z.number().int() })) }),
  },

  'search.global': {
    input: z.strictObject({ query: z.string().max(200), limit: z.number().int().min(1).max(50).default(20) }),
    output: z.object({ items: z.array(SearchHit) }),
  },

  /** The OS open dialog (the harness answers from a file). Paths picked here are the only ones attachments may use. */
  'files.pick': {
    input: z.strictObject({ purpose: z.enum(['import', 'attachment', 'document', 'eml']), multiple: z.boolean().default(false), directory: z.boolean().default(false) }),
    output: z.object({ paths: z.array(z.string()) }),
  },

  ...transferContract,
  ...emailContract,
  ...documentsContract,
  ...reportsContract,
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller sends (before defaults and trimming). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (validated, defaults applied). */
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

// The contract has exactly the channels CHANNELS lists (satisfies above checks the other direction).
const _noExtraChannels: Exclude<Channel, ChannelName> extends never ? true : never = true;
void _noExtraChannels;

export { isChannel } from './channels';
