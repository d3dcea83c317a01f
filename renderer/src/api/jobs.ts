// TanStack Query hooks for jobs and the pipeline: the board, the list, one job and its stage history, and
// each write. Moving a card updates the board cache at once so the drop feels instant; a refetch then confirms it.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import { invalidateAll } from './invalidate';
import { type JobBoardFilter, type JobListFilter, keys } from './keys';
import { byId, useEntityMutation } from './mutations';

export type Board = ChannelOutput<'jobs.board'>;
export type BoardColumn = Board['stages'][number];
export type JobRow = ChannelOutput<'jobs.get'>;

export function usePipeline() {
  return useQuery({ queryKey: keys.pipeline, queryFn: () => invoke('pipeline.get', {}) });
}

export function useUpdatePipeline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'pipeline.update'>) => invoke('pipeline.update', input),
    meta: { handlesValidation: true },
    onSuccess: (pipeline) => {
      client.setQueryData(keys.pipeline, pipeline);
      return invalidateAll(client);
    },
  });
}

export function useJobBoard(filter: JobBoardFilter) {
  return useQuery({ queryKey: keys.jobBoard(filter), queryFn: () => invoke('jobs.board', filter), placeholderData: keepPreviousData });
}

export function useJobList(filter: JobListFilter) {
  return useInfiniteQuery({
    queryKey: keys.jobList(filter),
    queryFn: ({ pageParam }) => invoke('jobs.list', { ...filter, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useJob(id: string) {
  return useQuery({ queryKey: keys.job(id), queryFn: () => invoke('jobs.get', { id }) });
}

export function useJobHistory(id: string) {
  return useQuery({ queryKey: keys.jobHistory(id), queryFn: () => invoke('jobs.history', { id }) });
}

export function useCreateJob() {
  return useEntityMutation('jobs.create', { detailKey: keys.job, handlesValidation: true });
}

export function useUpdateJob() {
  return useEntityMutation('jobs.update', { detailKey: keys.job, handlesValidation: true });
}

export function useDeleteJob() {
  return useEntityMutation('jobs.delete', { detailKey: keys.job, toInput: byId });
}

export function useRestoreJob() {
  return useEntityMutation('jobs.restore', { detailKey: keys.job, toInput: byId });
}

/** Moves a card on the board shown with `filter`: the cache changes first, the server's answer then replaces it. */
export function useMoveJob(filter: JobBoardFilter) {
  const client = useQueryClient();
  const move = useEntityMutation('jobs.move', { detailKey: keys.job });
  return {
    ...move,
    mutate: (input: ChannelInput<'jobs.move'>) => {
      const key = keys.jobBoard(filter);
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
