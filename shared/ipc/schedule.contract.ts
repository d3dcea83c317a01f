// The schedule domain's part of the contract (appointments, their occurrences, iCalendar) and its events.
// contract.ts and events.ts spread these in. Imports zod and shared/domain only.
import { z } from 'zod';
import { Appointment, AppointmentCreate, AppointmentRange, AppointmentUpdate, IcsExportInput, IcsImportInput, Occurrence, OccurrenceMove, OccurrenceRef } from '../domain/appointment';
import type { ScheduleChannel } from './schedule.channels';
import { ById } from './shapes';

export const scheduleContract = {
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
} as const satisfies Record<ScheduleChannel, { input: z.ZodType; output: z.ZodType }>;

export const scheduleEvents = {
  /** An appointment (or one occurrence of a recurring one) is about to start: its reminder time came. */
  'appointments.due': z.object({ occurrence: Occurrence }),
} as const satisfies Record<string, z.ZodType>;
