// TanStack Query hooks for activities (the timeline), paged by cursor, plus the contact picker's lookup.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { invoke } from './client';
import { keys, type TimelineFilter } from './keys';
import { byId, useEntityMutation } from './mutations';

/** A client's or job's timeline: activities and job stage changes, newest first, paged by cursor. */
export function useTimeline(filter: TimelineFilter) {
  return useInfiniteQuery({
    queryKey: keys.timeline(filter),
    queryFn: ({ pageParam }) => invoke('timeline.list', { ...filter, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** A short page of contacts matching what was typed, for pickers (the server filters). */
export function useContactOptions(query: string) {
  const trimmed = query.trim();
  const filter = { limit: 20, sort: 'name' as const, ...(trimmed ? { query: trimmed } : {}) };
  return useQuery({
    queryKey: keys.contactList(filter),
    queryFn: () => invoke('contacts.list', filter),
    placeholderData: keepPreviousData,
  });
}

export function useCreateActivity() {
  return useEntityMutation('activities.create', { detailKey: keys.activity, handlesValidation: true });
}

export function useUpdateActivity() {
  return useEntityMutation('activities.update', { detailKey: keys.activity, handlesValidation: true });
}

export function useDeleteActivity() {
  return useEntityMutation('activities.delete', { detailKey: keys.activity, toInput: byId });
}

export function useRestoreActivity() {
  return useEntityMutation('activities.restore', { detailKey: keys.activity, toInput: byId });
}
