// Importing an .ics file into the schedule: the preview shown before anything is saved, the run's progress
// and report, and undo. Events are matched by UID, so a second import of the same file changes nothing. Imports zod only.
import { z } from 'zod';
import { Id, text } from './fields';

/** A file the user chose with the open dialog (purpose 'calendar'); no other path is read. */
export const CalendarImportPath = z.strictObject({ path: text().min(1).max(4096) });
export const CalendarImportRef = z.strictObject({ importId: Id });

/** Something said about one event: the event's title as the file has it, its line when known, and why. */
export const CalendarImportNote = z.object({ event: z.string(), line: z.number().int().nullable(), reason: z.string() });
export type CalendarImportNote = z.infer<typeof CalendarImportNote>;

/** What the import would do with an event: new, changes to one already here, nothing, or not import it (in Trash). */
export const CalendarEventAction = z.enum(['create', 'update', 'unchanged', 'trashed']);
export type CalendarEventAction = z.infer<typeof CalendarEventAction>;

export const CalendarPreviewEvent = z.object({
  title: z.string(),
  line: z.number().int().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  allDay: z.boolean(),
  /** "Every week on Mon, Wed until 2027-01-31", or null for a one-off. */
  repeat: z.string().nullable(),
  action: CalendarEventAction,
});

export const CalendarImportPreview = z.object({
  fileName: z.string(),
  /** Events that can be imported (problems excluded). */
  events: z.number().int(),
  repeating: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  /** The first events, in file order. */
  sample: z.array(CalendarPreviewEvent),
  /** Events that import with a change (a value kept elsewhere, a zone guessed). */
  warnings: z.array(CalendarImportNote),
  /** Events that will not be imported, and why. */
  problems: z.array(CalendarImportNote),
});
export type CalendarImportPreview = z.infer<typeof CalendarImportPreview>;

export const CalendarImportStatus = z.enum(['running', 'done', 'cancelled', 'failed', 'undone']);

export const CalendarReportNote = CalendarImportNote.extend({ outcome: z.enum(['skipped', 'rejected', 'warning']) });
export type CalendarReportNote = z.infer<typeof CalendarReportNote>;

export const CalendarImportReport = z.object({
  importId: z.string(),
  fileName: z.string(),
  status: CalendarImportStatus,
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  /** Every skipped and rejected event with its reason, and each warning (capped at 1000). */
  notes: z.array(CalendarReportNote),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
});
export type CalendarImportReport = z.infer<typeof CalendarImportReport>;

export const CalendarUndoResult = z.object({
  report: CalendarImportReport,
  /** Appointments the import created, now gone (or in Trash when they were edited after the import). */
  removed: z.number().int(),
  /** Appointments the import changed, put back as they were. */
  restored: z.number().int(),
  /** Appointments edited after the import: left as they are. */
  kept: z.number().int(),
});

export const CalendarImportProgress = z.object({
  importId: z.string(),
  processed: z.number().int(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  done: z.boolean(),
});
