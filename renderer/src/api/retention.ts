// TanStack Query hooks for retention (issue #21): the rules, the review list they build (never a silent delete),
// and the decision on one person (keep with a reason, or anonymise; erasing goes through privacy.erase).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import type { Families } from './families';

export const retentionKeys = {
  all: ['retention'] as const,
  rules: ['retention', 'rules'] as const,
  review: ['retention', 'review'] as const,
};

/** Who is past a rule moves with any contact, call, email or job, and with the rules and decisions themselves. */
export const retentionFamilies: Families = {
  retention: [retentionKeys.all],
  contact: [retentionKeys.review],
  activity: [retentionKeys.review],
  email: [retentionKeys.review],
  job: [retentionKeys.review],
  import: [retentionKeys.review],
  merge: [retentionKeys.review],
};

export function useRetentionRules() {
  return useQuery({ queryKey: retentionKeys.rules, queryFn: () => invoke('retention.rules.get', {}) });
}

export function useUpdateRetentionRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'retention.rules.update'>) => invoke('retention.rules.update', input),
    meta: { handlesValidation: true },
    onSuccess: (rules) => {
      client.setQueryData(retentionKeys.rules, rules);
      void client.invalidateQueries({ queryKey: retentionKeys.review });
    },
  });
}

/** The people past a rule, a hundred at a time. */
export function useRetentionReview() {
  return useInfiniteQuery({
    queryKey: retentionKeys.review,
    queryFn: ({ pageParam }) => invoke('retention.review', { limit: 100, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRetentionDecide() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'retention.decide'>) => invoke('retention.decide', input),
    meta: { handlesValidation: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: retentionKeys.review }),
  });
}
