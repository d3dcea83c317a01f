// The schedule domain's entry: appointments and their occurrences, iCalendar in and out, and appointment
// reminders (background work started with the app). A handler map and nothing else.
import type { ScheduleChannel } from '../../../shared/ipc/schedule.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createAppointmentReminders, createAppointmentsService } from './appointments';

export function createScheduleModule(ctx: FeatureContext) {
  const appointments = createAppointmentsService(ctx.deps);
  const reminders = createAppointmentReminders(ctx.deps, ctx.logger);
  return {
    reminders,
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
      'schedule.exportIcs': (input) => appointments.exportIcs(input, ctx.dataDir),
      'schedule.importIcs': appointments.importIcs,
    },
    start: () => reminders.start(),
    stop: () => reminders.stop(),
  } satisfies FeatureModule<ScheduleChannel> & Record<string, unknown>;
}
