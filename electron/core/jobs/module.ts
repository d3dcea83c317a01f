// The jobs domain's entry: jobs, the board, stage history, and its settings (the pipeline's stages, the default
// currency). A handler map and nothing else.
import type { JobsChannel } from '../../../shared/ipc/jobs.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createJobsService } from './jobs';

export function createJobsModule(ctx: FeatureContext): FeatureModule<JobsChannel> {
  const jobs = createJobsService(ctx.deps);
  return {
    handlers: {
      'jobs.settings.get': () => jobs.settings(),
      'jobs.settings.update': jobs.updateSettings,
      'jobs.create': jobs.create,
      'jobs.get': ({ id }) => jobs.get(id),
      'jobs.update': jobs.update,
      'jobs.move': jobs.move,
      'jobs.delete': jobs.delete,
      'jobs.restore': jobs.restore,
      'jobs.list': jobs.list,
      'jobs.board': jobs.board,
      'jobs.history': jobs.history,
    },
  };
}
