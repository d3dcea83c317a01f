// The activities domain's entry: logged activities, follow-ups and timelines, and the follow-up reminders
// loop (app.ts hands it to the shared wake-up timer). A handler map and nothing else.
import type { ActivitiesChannel } from '../../../shared/ipc/activities.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createActivitiesService } from './activities';
import { createReminders } from './reminders';
import { createTasksService } from './tasks';
import { createTimelineService } from './timeline';

export function createActivitiesModule(ctx: FeatureContext) {
  const tasks = createTasksService(ctx.deps);
  const activities = createActivitiesService(ctx.deps, tasks);
  const timeline = createTimelineService(ctx.deps);
  const reminders = createReminders(ctx.deps);
  return {
    reminders,
    handlers: {
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
    },
  } satisfies FeatureModule<ActivitiesChannel> & Record<string, unknown>;
}
