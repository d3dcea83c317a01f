// Main -> renderer events: name -> payload schema. Imports zod only.
import { z } from 'zod';
import { activitiesEvents } from './activities.contract';
import { dataEvents } from './data.contract';
import { backupsEvents } from './backups.contract';
import { documentsEvents } from './documents.contract';
import { emailEvents } from './email.contract';
import { reportsEvents } from './reports.contract';
import { importExportEvents } from './import-export.contract';
import { scheduleEvents } from './schedule.contract';
import { trashEvents } from './trash.contract';
import { duplicatesEvents } from './duplicates.contract';
import { casesEvents } from './cases.contract';
import { syncEvents } from './sync.contract';

export const events = {
  /** Something in the store changed; the renderer refreshes what shows it. */
  'data.changed': z.object({
    entity: z.enum(['contact', 'company', 'activity', 'task', 'job', 'pipeline', 'appointment', 'import', 'document', 'email', 'template', 'campaign', 'settings', 'segment', 'field', 'merge', 'consent', 'privacyRequest', 'retention', 'case', 'caseStatus', 'caseTemplate', 'service', 'product', 'taxRate', 'quote', 'invoice', 'sync']),
    action: z.enum(['created', 'updated', 'deleted', 'restored']),
    ids: z.array(z.string()),
  }),
  /** A menu item or global shortcut in the desktop app asks the UI to do something. */
  'app.command': z.object({ id: z.string().optional(), command: z.enum(['newContact', 'newCompany', 'quickSearch', 'goContacts', 'goCompanies', 'goTrash', 'quickLog', 'goToday', 'goActivity', 'openTask']) }),
  ...activitiesEvents,
  ...scheduleEvents,
  ...importExportEvents,
  ...emailEvents,
  ...documentsEvents,
  ...reportsEvents,
  ...dataEvents,
  ...backupsEvents,
  ...trashEvents,
  ...duplicatesEvents,
  ...casesEvents,
  ...syncEvents,
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

