// Channel -> service method. The compiler checks this map against the contract: a channel without a
// handler, or a handler of the wrong shape, does not build.
import { createActivitiesService } from './activities.service';
import { createAppointmentsService } from './appointments.service';
import type { Handlers } from './dispatcher';
import type { ModuleChannel } from './modules';
import { createCompaniesService } from './companies.service';
import { createContactsService } from './contacts.service';
import type { ServiceDeps } from './deps';
import { createSearchService } from './search.service';
import { createJobsService } from './jobs.service';
import { createTasksService } from './tasks.service';
import { createTimelineService } from './timeline.service';

/** `dataDir` is where exports (e.g. .ics files) are written when there is no save dialog (harness, tests). */
export function createHandlers(deps: ServiceDeps, options: { dataDir: string }): Omit<Handlers, ModuleChannel> {
  const contacts = createContactsService(deps);
  const companies = createCompaniesService(deps);
  const search = createSearchService(deps);
  const tasks = createTasksService(deps);
  const activities = createActivitiesService(deps, tasks);
  const jobs = createJobsService(deps);
  const appointments = createAppointmentsService(deps);
  const timeline = createTimelineService(deps);
  return {
    'contacts.create': contacts.create,
    'contacts.get': ({ id }) => contacts.get(id),
    'contacts.update': contacts.update,
    'contacts.delete': contacts.delete,
    'contacts.restore': contacts.restore,
    'contacts.list': contacts.list,
    'companies.create': companies.create,
    'companies.get': ({ id }) => companies.get(id),
    'companies.update': companies.update,
    'companies.delete': companies.delete,
    'companies.restore': companies.restore,
    'companies.list': companies.list,
    'activities.create': activities.create,
    'activities.get': ({ id }) => activities.get(id),
    'activities.update': activities.update,
    'activities.delete': activities.delete,
    'activities.restore': activities.restore,
    'activities.list': activities.list,
    'timeline.list': timeline.list,
    'tasks.create': tasks.create,
    'tasks.get': ({ id }) => tasks.get(id),
    'tasks.update': tasks.update,
    'tasks.complete': tasks.complete,
    'tasks.reopen': tasks.reopen,
    'tasks.snooze': tasks.snooze,
    'tasks.delete': tasks.delete,
    'tasks.restore': tasks.restore,
    'tasks.list': tasks.list,
    'tasks.today': tasks.today,
    'pipeline.get': () => jobs.pipeline(),
    'pipeline.update': jobs.updatePipeline,
    'jobs.create': jobs.create,
    'jobs.get': ({ id }) => jobs.get(id),
    'jobs.update': jobs.update,
    'jobs.move': jobs.move,
    'jobs.delete': jobs.delete,
    'jobs.restore': jobs.restore,
    'jobs.list': jobs.list,
    'jobs.board': jobs.board,
    'jobs.history': jobs.history,
    'appointments.create': appointments.create,
    'appointments.get': ({ id }) => appointments.get(id),
    'appointments.update': appointments.update,
    'appointments.delete': appointments.delete,
    'appointments.restore': appointments.restore,
    'appointments.list': appointments.list,
    'appointments.moveOccurrence': appointments.moveOccurrence,
    'appointments.skipOccurrence': appointments.skipOccurrence,
    'schedule.exportIcs': (input) => appointments.exportIcs(input, options.dataDir),
    'schedule.importIcs': appointments.importIcs,
    'tags.list': () => search.tags(),
    'search.global': search.global,
  };
}
