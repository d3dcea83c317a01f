// Main -> renderer events: name -> payload schema. Imports zod only.
import { z } from 'zod';
import { Task } from '../domain/activity';
import { Occurrence } from '../domain/appointment';
import { documentsEvents } from './documents.contract';
import { emailEvents } from './email.contract';
import { reportsEvents } from './reports.contract';
import { transferEvents } from './transfer.contract';

export const events = {
  /** Something in the store changed; the renderer refreshes what shows it. */
  'data.changed': z.object({
    entity: z.enum(['contact', 'company', 'activity', 'task', 'job', 'pipeline', 'appointment', 'import', 'document', 'email', 'template', 'campaign', 'settings', 'segment']),
    action: z.enum(['created', 'updated', 'deleted', 'restored']),
    ids: z.array(z.string()),
  }),
  /** A follow-up fell due (or fell due while the app was closed): remind the user. */
  'tasks.due': z.object({ task: Task }),
  /** An appointment (or one occurrence of a recurring one) is about to start: its reminder time came. */
  'appointments.due': z.object({ occurrence: Occurrence }),
  /** A menu item or global shortcut in the desktop app asks the UI to do something. */
  'app.command': z.object({ id: z.string().optional(), command: z.enum(['newContact', 'newCompany', 'quickSearch', 'goContacts', 'goCompanies', 'goTrash', 'quickLog', 'goToday', 'goActivity', 'openTask']) }),
  ...transferEvents,
  ...emailEvents,
  ...documentsEvents,
  ...reportsEvents,
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

