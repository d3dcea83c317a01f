// The jobs domain's part of the contract: jobs, the board and the pipeline's stages.
// contract.ts spreads it in. Imports zod and shared/domain only.
import { z } from 'zod';
import { BoardColumn, BoardInput, Job, JobCreate, JobListInput, JobMove, JobUpdate, PipelineUpdate, Stage, StageChange } from '../domain/job';
import type { JobsChannel } from './jobs.channels';
import { ById, Empty, Page } from './shapes';

const Pipeline = z.object({ stages: z.array(Stage), defaultCurrency: z.string() });

export const jobsContract = {
  'jobs.settings.get': { input: Empty, output: Pipeline },
  'jobs.settings.update': { input: PipelineUpdate, output: Pipeline },
  'jobs.create': { input: JobCreate, output: Job },
  'jobs.get': { input: ById, output: Job },
  'jobs.update': { input: JobUpdate, output: Job },
  'jobs.move': { input: JobMove, output: Job },
  'jobs.delete': { input: ById, output: Job },
  'jobs.restore': { input: ById, output: Job },
  'jobs.list': { input: JobListInput, output: Page(Job) },
  'jobs.board': { input: BoardInput, output: z.object({ stages: z.array(BoardColumn), defaultCurrency: z.string() }) },
  'jobs.history': { input: ById, output: z.object({ items: z.array(StageChange) }) },
} as const satisfies Record<JobsChannel, { input: z.ZodType; output: z.ZodType }>;
