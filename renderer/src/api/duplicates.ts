// TanStack Query hooks for finding duplicates (issue #20): the scan with its progress and Cancel, the groups at a
// threshold, "not a duplicate", and the quiet check a form makes while the user types. Any change to a contact,
// a company or a merge may make the groups stale.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DuplicateKind } from '../../../shared/domain/duplicates';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { EventPayload } from '../../../shared/ipc/events';
import { logDetail } from '../ui/notify';
import { invoke } from './client';
import { useEvent } from './events';
import type { Families } from './families';

export type DuplicateCheckRequest = ChannelInput<'duplicates.check'>;
export type DuplicateMatch = ChannelOutput<'duplicates.check'>['matches'][number];
export type DuplicateScanProgress = EventPayload<'duplicates.progress'>;

export const duplicateKeys = {
  all: ['duplicates'] as const,
  list: (kind: DuplicateKind, threshold: number | null) => ['duplicates', 'list', kind, threshold] as const,
  check: (input: DuplicateCheckRequest) => ['duplicates', 'check', input] as const,
};

/** A record edited, trashed, restored or merged may join or leave a group (and the form check's answer). */
export const duplicatesFamilies: Families = { contact: [duplicateKeys.all], company: [duplicateKeys.all], merge: [duplicateKeys.all] };

/** The groups at `threshold`, or (null) at the one saved in settings, which the answer names. */
export function useDuplicateList(kind: DuplicateKind, threshold: number | null) {
  return useQuery({
    queryKey: duplicateKeys.list(kind, threshold),
    queryFn: () => invoke('duplicates.list', threshold === null ? { kind } : { kind, threshold }),
    // Moving the slider keeps the groups on screen until the new answer arrives.
    placeholderData: keepPreviousData,
  });
}

/** Runs a scan; `progress` follows its events while it runs (null before the first and after the end). */
export function useDuplicateScan() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<DuplicateScanProgress | null>(null);
  useEvent('duplicates.progress', (p) => setProgress(p));
  const mutation = useMutation({
    mutationFn: (kind: DuplicateKind) => {
      setProgress(null);
      return invoke('duplicates.scan', { kind });
    },
    onSettled: () => {
      setProgress(null);
      return client.invalidateQueries({ queryKey: duplicateKeys.all });
    },
  });
  return { ...mutation, progress: mutation.isPending ? progress : null };
}

export function useCancelDuplicateScan() {
  return useMutation({ mutationFn: () => invoke('duplicates.cancel', {}) });
}

/** "Not a duplicate": remembered by main; the groups refetch without these records together. */
export function useDismissDuplicates() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'duplicates.dismiss'>) => invoke('duplicates.dismiss', input),
    onSuccess: () => client.invalidateQueries({ queryKey: duplicateKeys.all }),
  });
}

/**
 * Records that look like the one being typed; null input asks nothing. A failure is logged, never notified: the
 * check is a hint beside a form, and a toast on every keystroke would be worse than no hint.
 */
export function useDuplicateCheck(input: DuplicateCheckRequest | null) {
  return useQuery({
    queryKey: duplicateKeys.check(input ?? { fields: {} }),
    queryFn: async () => {
      try {
        return (await invoke('duplicates.check', input!)).matches;
      } catch (error) {
        logDetail(error, 'duplicates.check');
        return [];
      }
    },
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
