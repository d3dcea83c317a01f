// TanStack Query hooks for Trash as a whole (issue #18): counts per kind, a kind's deleted records, what a deletion
// for good takes, the deletion and Restore all, and their progress. Any change to a record kind re-reads Trash.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TrashKind, TrashProgress, TrashScope } from '../../../shared/domain/trash';
import type { Channel } from '../../../shared/ipc/contract';
import { invoke } from './client';
import { useEvent } from './events';
import type { Families } from './families';

export const trashKeys = {
  all: ['trash'] as const,
  summary: ['trash', 'summary'] as const,
  list: (kind: TrashKind) => ['trash', 'list', kind] as const,
  preview: (scope: TrashScope) => ['trash', 'preview', scope] as const,
};

/** Everything in Trash may change when any record kind does. */
export const trashFamilies: Families = Object.fromEntries(
  (['contact', 'company', 'job', 'activity', 'task', 'appointment', 'case', 'document', 'import'] as const).map((entity) => [entity, [trashKeys.all]]),
);

export function useTrashSummary() {
  return useQuery({ queryKey: trashKeys.summary, queryFn: () => invoke('trash.summary', {}) });
}

export function useTrashList(kind: TrashKind) {
  return useInfiniteQuery({
    queryKey: trashKeys.list(kind),
    queryFn: ({ pageParam }) => invoke('trash.list', { kind, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** What deleting `scope` for good would take; asked only while the confirmation is open. */
export function useTrashPreview(scope: TrashScope | null) {
  return useQuery({ queryKey: trashKeys.preview(scope ?? { all: true }), queryFn: () => invoke('trash.preview', scope!), enabled: scope !== null, staleTime: 0, gcTime: 0 });
}

export function usePurgeTrash() {
  return useMutation({ mutationFn: (scope: TrashScope) => invoke('trash.purge', scope) });
}

export function useRestoreAllTrash() {
  return useMutation({ mutationFn: (kind?: TrashKind) => invoke('trash.restoreAll', kind ? { kind } : {}) });
}

const RESTORE: Record<TrashKind, Channel & `${string}.restore`> = {
  contact: 'contacts.restore', company: 'companies.restore', job: 'jobs.restore', activity: 'activities.restore', task: 'tasks.restore', appointment: 'appointments.restore', case: 'cases.restore',
};

/** Restore of one record of any kind, through its own domain's channel. */
export function useRestoreTrashed() {
  return useMutation({ mutationFn: ({ kind, id }: { kind: TrashKind; id: string }) => invoke(RESTORE[kind], { id }) });
}

/** The latest progress of a long deletion or restore; null when none is running. */
export function useTrashProgress(): TrashProgress | null {
  const [progress, setProgress] = useState<TrashProgress | null>(null);
  useEvent('trash.progress', (p) => setProgress(p.finished ? null : p));
  return progress;
}
