// TanStack Query hooks for the Data quality page (issue #20): the counts, the list behind one count, a fix's preview
// and its application, and Undo. Any change to a contact or a company (or a merge) may move a count.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { QualityCheck } from '../../../shared/domain/quality';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import type { Families } from './families';

export const qualityKeys = {
  all: ['quality'] as const,
  summary: (untouchedYears: number) => ['quality', 'summary', untouchedYears] as const,
  list: (check: QualityCheck, untouchedYears: number) => ['quality', 'list', check, untouchedYears] as const,
  preview: (input: ChannelInput<'quality.fix'>) => ['quality', 'preview', input] as const,
};

/** live.ts lists this: a contact or company written, trashed or merged may join or leave any count; a call logged, "untouched". */
export const qualityFamilies: Families = { contact: [qualityKeys.all], company: [qualityKeys.all], merge: [qualityKeys.all], activity: [qualityKeys.all] };

export function useQualitySummary(untouchedYears: number) {
  return useQuery({
    queryKey: qualityKeys.summary(untouchedYears),
    queryFn: () => invoke('quality.summary', { untouchedYears }),
    // A new number of years keeps the old counts on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

/** The records behind one count, a page at a time (null: no list open). */
export function useQualityList(check: QualityCheck | null, untouchedYears: number) {
  return useInfiniteQuery({
    queryKey: qualityKeys.list(check ?? 'unreachable', untouchedYears),
    queryFn: ({ pageParam }) => invoke('quality.list', { check: check ?? 'unreachable', untouchedYears, limit: 100, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: check !== null,
  });
}

/** What a fix would change (nothing is written); null input: no fix being looked at. */
export function useQualityFixPreview(input: Omit<ChannelInput<'quality.fix'>, 'preview'> | null) {
  const asked = { ...(input ?? { fix: 'trimSpaces' as const }), preview: true };
  return useQuery({ queryKey: qualityKeys.preview(asked), queryFn: () => invoke('quality.fix', asked), enabled: input !== null, staleTime: 0 });
}

export function useApplyQualityFix() {
  return useMutation({ mutationFn: (input: Omit<ChannelInput<'quality.fix'>, 'preview'>) => invoke('quality.fix', { ...input, preview: false }) });
}

export function useUndoQualityFix() {
  return useMutation({ mutationFn: (undoId: string) => invoke('quality.undo', { undoId }) });
}
