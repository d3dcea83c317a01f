// The schedule domain's entry: appointments and their occurrences, iCalendar export and import, and the appointment
// reminders loop (app.ts hands it to the shared wake-up timer). A handler map and nothing else.
import type { ScheduleChannel } from '../../../shared/ipc/schedule.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createAppointmentsService } from './appointments';
import { createCalendarImport } from './ics-import';
import { createIcsTransfer } from './ics-transfer';
import { createAppointmentReminders } from './reminders';

export function createScheduleModule(ctx: FeatureContext) {
  const appointments = createAppointmentsService(ctx.deps);
  const ics = createIcsTransfer(ctx.deps);
  const calendarImport = createCalendarImport(ctx);
  return {
    reminders: createAppointmentReminders(ctx.deps),
    handlers: {
      'appointments.create': appointments.create,
      'appointments.get': ({ id }) => appointments.get(id),
      'appointments.update': appointments.update,
      'appointments.delete': appointments.delete,
      'appointments.restore': appointments.restore,
      'appointments.list': appointments.list,
      'appointments.moveOccurrence': appointments.moveOccurrence,
      'appointments.skipOccurrence': appointments.skipOccurrence,
      // Without a save dialog (harness, tests) the file is written to the data folder.
      'schedule.exportIcs': (input) => ics.exportIcs(input, ctx.dataDir),
      // Only a file picked with files.pick (purpose 'calendar') is read.
      'schedule.importPreview': calendarImport.preview,
      // Large or destructive: a backup first (issue #17), as for contacts.
      async 'schedule.importRun'(input) {
        await ctx.backups.before('before-import');
        return calendarImport.run(input);
      },
      'schedule.importCancel': calendarImport.cancel,
      async 'schedule.importUndo'(input) {
        await ctx.backups.before('before-undo-import');
        return calendarImport.undo(input);
      },
      'schedule.imports': () => calendarImport.list(),
    },
  } satisfies FeatureModule<ScheduleChannel> & Record<string, unknown>;
}
