// The activities domain's part of the contract (activities, follow-ups, timelines) and its events.
// contract.ts and events.ts spread these in. Imports zod and shared/domain only.
import { z } from 'zod';
import { Activity, ActivityCreate, ActivityListInput, ActivityUpdate, Task, TaskCreate, TaskListInput, TaskSnooze, TaskUpdate, TimelineEntry, TimelineListInput, Today, TodayInput } from '../domain/activity';
import type { ActivitiesChannel } from './activities.channels';
import { ById, Slice } from './shapes';

export const activitiesContract = {
  'activities.create': { input: ActivityCreate, output: Activity },
  'activities.get': { input: ById, output: Activity },
  'activities.update': { input: ActivityUpdate, output: Activity },
  'activities.delete': { input: ById, output: Activity },
  'activities.restore': { input: ById, output: Activity },
  'activities.list': { input: ActivityListInput, output: Slice(Activity) },
  'timeline.list': { input: TimelineListInput, output: Slice(TimelineEntry) },

  'tasks.create': { input: TaskCreate, output: Task },
  'tasks.get': { input: ById, output: Task },
  'tasks.update': { input: TaskUpdate, output: Task },
  'tasks.complete': { input: ById, output: Task },
  'tasks.reopen': { input: ById, output: Task },
  'tasks.snooze': { input: TaskSnooze, output: Task },
  'tasks.delete': { input: ById, output: Task },
  'tasks.restore': { input: ById, output: Task },
  'tasks.list': { input: TaskListInput, output: Slice(Task) },
  'tasks.today': { input: TodayInput, output: Today },
} as const satisfies Record<ActivitiesChannel, { input: z.ZodType; output: z.ZodType }>;

export const activitiesEvents = {
  /** A follow-up fell due (or fell due while the app was closed): remind the user. */
  'tasks.due': z.object({ task: Task }),
} as const satisfies Record<string, z.ZodType>;
