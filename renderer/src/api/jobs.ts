// TanStack Query hooks for jobs and the pipeline: the board, the list, one job and its stage history, each
// write, their query keys, and which changes make them stale. Moving a card updates the board cache at once so
// the drop feels instant; the refetch that main's data.changed brings then confirms it.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import type { Families } from './families';
import { byId, useEntityMutation } from './mutations';

export type Board = ChannelOutput<'jobs.board'>;
export type BoardColumn = Board['stages'][number];
export type JobRow = ChannelOutput<'jobs.get'>;
export type JobListFilter = Omit<ChannelInput<'jobs.list'>, 'cursor'>;
export type JobBoardFilter = ChannelInput<'jobs.board'>;

export const jobKeys = {
  all: ['jobs'] as const,
  list: (filter: JobListFilter) => ['jobs', 'list', filter] as const,
  board: (filter: JobBoardFilter) => ['jobs', 'board', filter] as const,
  one: (id: string) => ['jobs', 'one', id] as const,
  history: (id: string) => ['jobs', 'history', id] as const,
  /** The stages and default currency: not under 'jobs', so a job change does not refetch them. */
  pipeline: ['pipeline'] as const,
};

/** What data.changed makes stale here, by the entity that changed. */
export const jobsFamilies: Families = {
  // Board columns, counts and totals, lists, the job and its stage history.
  job: [jobKeys.all],
  // The stages themselves, and every job's stage name and column.
  pipeline: [jobKeys.pipeline, jobKeys.all],
  // Cards, lists and job pages show the client's name.
  contact: [jobKeys.all],
  // ...and the company's name.
  company: [jobKeys.all],
};

export function usePipeline() {
  return useQuery({ queryKey: jobKeys.pipeline, queryFn: () => invoke('jobs.settings.get', {}) });
}

export function useUpdatePipeline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'jobs.settings.update'>) => invoke('jobs.settings.update', input),
    meta: { handlesValidation: true },
    onSuccess: (pipeline) => client.setQueryData(jobKeys.pipeline, pipeline),
  });
}

export function useJobBoard(filter: JobBoardFilter) {
  return useQuery({ queryKey: jobKeys.board(filter), queryFn: () => invoke('jobs.board', filter), placeholderData: keepPreviousData });
}

export function useJobList(filter: JobListFilter) {
  return useInfiniteQuery({
    queryKey: jobKeys.list(filter),
    queryFn: ({ pageParam }) => invoke('jobs.list', { ...filter, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useJob(id: string) {
  return useQuery({ queryKey: jobKeys.one(id), queryFn: () => invoke('jobs.get', { id }) });
}

export function useJobHistory(id: string) {
  return useQuery({ queryKey: jobKeys.history(id), queryFn: () => invoke('jobs.history', { id }) });
}

export function useCreateJob() {
  return useEntityMutation('jobs.create', { detailKey: jobKeys.one, handlesValidation: true });
}

export function useUpdateJob() {
  return useEntityMutation('jobs.update', { detailKey: jobKeys.one, handlesValidation: true });
}

export function useDeleteJob() {
  return useEntityMutation('jobs.delete', { detailKey: jobKeys.one, toInput: byId });
}

export function useRestoreJob() {
  return useEntityMutation('jobs.restore', { detailKey: jobKeys.one, toInput: byId });
}

/** Moves a card on the board shown with `filter`: the cache changes first, the server's answer then replaces it. */
export function useMoveJob(filter: JobBoardFilter) {
  const client = useQueryClient();
  const move = useEntityMutation('jobs.move', { detailKey: jobKeys.one });
  return {
    ...move,
    mutate: (input: ChannelInput<'jobs.move'>) => {
      const key = jobKeys.board(filter);
      // A refetch still running from the previous move would land after this one and put the card back for a moment
      // (re-mounting it, so keyboard focus fell to <body> on quick Alt+→ Alt+←): drop it; this move's own refetch follows.
      void client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<Board>(key);
      if (before) client.setQueryData(key, moveOnBoard(before, input));
      move.mutate(input, { onError: () => before && client.setQueryData(key, before) });
    },
  };
}

/** The board as it will be after the move: the card changes column (and place), counts and totals follow. */
export function moveOnBoard(board: Board, { id, stage, beforeId }: ChannelInput<'jobs.move'>): Board {
  const job = board.stages.flatMap((c) => c.jobs).find((j) => j.id === id);
  if (!job) return board;
  const target = board.stages.find((c) => c.stage.id === stage);
  if (!target) return board;
  const moved = { ...job, stageId: stage, stageName: target.stage.name, category: target.stage.category };
  const amount = job.amountMinor ?? 0;
  const adjust = (column: BoardColumn, sign: 1 | -1): BoardColumn => {
    const totalMinor = column.totalMinor + (job.currency === board.defaultCurrency ? sign * amount : 0);
    const others = column.totals.some((t) => t.currency === job.currency) ? column.totals : [...column.totals, { currency: job.currency, amountMinor: 0 }];
    const totals = others.map((t) => (t.currency === job.currency ? { ...t, amountMinor: t.amountMinor + sign * amount } : t)).filter((t) => t.amountMinor !== 0);
    return { ...column, count: column.count + sign, totalMinor, totals };
  };
  return {
    ...board,
    stages: board.stages.map((column) => {
      let next = column;
      if (column.jobs.some((j) => j.id === id)) next = adjust({ ...next, jobs: next.jobs.filter((j) => j.id !== id) }, -1);
      if (column.stage.id === stage) {
        const jobs = [...next.jobs];
        const at = beforeId ? jobs.findIndex((j) => j.id === beforeId) : -1;
        jobs.splice(at === -1 ? jobs.length : at, 0, moved);
        next = adjust({ ...next, jobs }, 1);
      }
      return next;
    }),
  };
}
