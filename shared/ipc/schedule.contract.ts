// The schedule domain's part of the contract (appointments, their occurrences, iCalendar) and its events.
// contract.ts and events.ts spread these in. Imports zod and shared/domain only.
import { z } from 'zod';
import { Appointment, AppointmentCreate, AppointmentRange, AppointmentUpdate, IcsExportInput, Occurrence, OccurrenceMove, OccurrenceRef } from '../domain/appointment';
import { CalendarImportPath, CalendarImportPreview, CalendarImportProgress, CalendarImportRef, CalendarImportReport, CalendarUndoResult } from '../domain/calendar-import';
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
  // A picked .ics file: what it holds and what importing it would do, then the import itself (progress in
  // schedule.importProgress), its cancel, its undo, and the recent imports.
  'schedule.importPreview': { input: CalendarImportPath, output: CalendarImportPreview },
  'schedule.importRun': { input: CalendarImportPath, output: CalendarImportReport },
  'schedule.importCancel': { input: CalendarImportRef, output: z.object({ cancelling: z.boolean() }) },
  'schedule.importUndo': { input: CalendarImportRef, output: CalendarUndoResult },
  'schedule.imports': { input: z.strictObject({}), output: z.object({ items: z.array(CalendarImportReport) }) },
} as const satisfies Record<ScheduleChannel, { input: z.ZodType; output: z.ZodType }>;

export const scheduleEvents = {
  /** An appointment (or one occurrence of a recurring one) is about to start: its reminder time came. */
  'appointments.due': z.object({ occurrence: Occurrence }),
  /** A calendar import handled another batch of events (and once when it starts, so Cancel can name it). */
  'schedule.importProgress': CalendarImportProgress,
} as const satisfies Record<string, z.ZodType>;
