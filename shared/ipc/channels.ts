// Channel names without their schemas, for code that must stay tiny (the sandboxed preload's
// allow-list). contract.ts is checked against this list both ways, so the two cannot drift apart.
import { DOCUMENTS_CHANNELS } from './documents.channels';
import { EMAIL_CHANNELS } from './email.channels';
import { REPORTS_CHANNELS } from './reports.channels';
import { TRANSFER_CHANNELS } from './transfer.channels';

export const CHANNELS = [
  'contacts.create',
  'contacts.get',
  'contacts.update',
  'contacts.delete',
  'contacts.restore',
  'contacts.list',
  'companies.create',
  'companies.get',
  'companies.update',
  'companies.delete',
  'companies.restore',
  'companies.list',
  'activities.create',
  'activities.get',
  'activities.update',
  'activities.delete',
  'activities.restore',
  'activities.list',
  'timeline.list',
  'tasks.create',
  'tasks.get',
  'tasks.update',
  'tasks.complete',
  'tasks.reopen',
  'tasks.snooze',
  'tasks.delete',
  'tasks.restore',
  'tasks.list',
  'tasks.today',
  'pipeline.get',
  'pipeline.update',
  'jobs.create',
  'jobs.get',
  'jobs.update',
  'jobs.move',
  'jobs.delete',
  'jobs.restore',
  'jobs.list',
  'jobs.board',
  'jobs.history',
  'appointments.create',
  'appointments.get',
  'appointments.update',
  'appointments.delete',
  'appointments.restore',
  'appointments.list',
  'appointments.moveOccurrence',
  'appointments.skipOccurrence',
  'schedule.exportIcs',
  'schedule.importIcs',
  'tags.list',
  'search.global',
  'files.pick',
  ...TRANSFER_CHANNELS,
  ...EMAIL_CHANNELS,
  ...DOCUMENTS_CHANNELS,
  ...REPORTS_CHANNELS,
] as const;

export type ChannelName = (typeof CHANNELS)[number];

const known: ReadonlySet<string> = new Set(CHANNELS);

export function isChannel(name: unknown): name is ChannelName {
  return typeof name === 'string' && known.has(name);
}
