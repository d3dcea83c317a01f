// Main -> renderer events: name -> payload schema. Imports zod only.
import { z } from 'zod';

export const events = {
  /** Something in the store changed; the renderer refreshes what shows it. */
  'data.changed': z.object({
    entity: z.enum(['contact', 'company']),
    action: z.enum(['created', 'updated', 'deleted', 'restored']),
    ids: z.array(z.string()),
  }),
  /** A menu item or global shortcut in the desktop app asks the UI to do something. */
  'app.command': z.object({ command: z.enum(['newContact', 'newCompany', 'quickSearch', 'goContacts', 'goCompanies', 'goTrash']) }),
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
