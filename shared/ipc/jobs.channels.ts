// Channel names of the jobs domain: jobs and the pipeline's stages (zod-free: the preload's allow-list imports it).
// See channels.ts.
export const JOBS_CHANNELS = ['jobs.settings.get', 'jobs.settings.update', 'jobs.create', 'jobs.get', 'jobs.update', 'jobs.move', 'jobs.delete', 'jobs.restore', 'jobs.list', 'jobs.board', 'jobs.history'] as const;

export type JobsChannel = (typeof JOBS_CHANNELS)[number];
