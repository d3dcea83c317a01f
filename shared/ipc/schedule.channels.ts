// Channel names of the schedule domain: appointments and iCalendar (zod-free: the preload's allow-list imports it).
// See channels.ts.
export const SCHEDULE_CHANNELS = [
  'appointments.create',
  'appointments.get',
  'appointments.update',
  'appointments.delete',
  'appointments.restore',
  'appointments.list',
  'appointments.moveOccurrence',
  'appointments.skipOccurrence',
  'schedule.exportIcs',
  'schedule.importPreview',
  'schedule.importRun',
  'schedule.importCancel',
  'schedule.importUndo',
  'schedule.imports',
] as const;

export type ScheduleChannel = (typeof SCHEDULE_CHANNELS)[number];
