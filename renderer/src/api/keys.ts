// Query keys in one place, so the data.changed event and mutations invalidate exactly what shows an entity.
import type { ChannelInput } from '../../../shared/ipc/contract';

export type ContactListFilter = Omit<ChannelInput<'contacts.list'>, 'cursor'>;
export type CompanyListFilter = Omit<ChannelInput<'companies.list'>, 'cursor'>;
export type TimelineFilter = Omit<ChannelInput<'timeline.list'>, 'cursor'>;
export type TaskListFilter = Omit<ChannelInput<'tasks.list'>, 'cursor'>;
export type AppointmentRange = ChannelInput<'appointments.list'>;
export type JobListFilter = Omit<ChannelInput<'jobs.list'>, 'cursor'>;
export type JobBoardFilter = ChannelInput<'jobs.board'>;

export const keys = {
  contacts: ['contacts'] as const,
  contactList: (filter: ContactListFilter) => ['contacts', 'list', filter] as const,
  contact: (id: string) => ['contacts', 'one', id] as const,
  companies: ['companies'] as const,
  companyList: (filter: CompanyListFilter) => ['companies', 'list', filter] as const,
  company: (id: string) => ['companies', 'one', id] as const,
  activities: ['activities'] as const,
  /** Under 'activities' so every change that refreshes activities refreshes timelines too. */
  timeline: (filter: TimelineFilter) => ['activities', 'timeline', filter] as const,
  activity: (id: string) => ['activities', 'one', id] as const,
  tasks: ['tasks'] as const,
  taskList: (filter: TaskListFilter) => ['tasks', 'list', filter] as const,
  task: (id: string) => ['tasks', 'one', id] as const,
  today: (range: ChannelInput<'tasks.today'>) => ['tasks', 'today', range] as const,
  jobs: ['jobs'] as const,
  jobList: (filter: JobListFilter) => ['jobs', 'list', filter] as const,
  jobBoard: (filter: JobBoardFilter) => ['jobs', 'board', filter] as const,
  job: (id: string) => ['jobs', 'one', id] as const,
  jobHistory: (id: string) => ['jobs', 'history', id] as const,
  pipeline: ['pipeline'] as const,
  appointments: ['appointments'] as const,
  appointmentList: (range: AppointmentRange) => ['appointments', 'list', range] as const,
  appointment: (id: string) => ['appointments', 'one', id] as const,
  tags: ['tags'] as const,
  search: (query: string) => ['search', query] as const,
  searchAll: ['search'] as const,
};
