// Channel names of the activities domain: logged activities, follow-ups (tasks) and timelines
// (zod-free: the preload's allow-list imports it). See channels.ts.
export const ACTIVITIES_CHANNELS = [
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
] as const;

export type ActivitiesChannel = (typeof ACTIVITIES_CHANNELS)[number];
