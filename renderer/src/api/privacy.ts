// TanStack Query hooks for a person's rights (issue #21): the request log, "Export this person's data" (a review
// of shared records, then the zip), "Erase this person" (a dry run, then the erasure) and the privacy log.
import { hashKey, type QueryKey, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import { consentKeys } from './consent';
import { contactKeys } from './contacts';
import type { Families } from './families';

export const privacyKeys = {
  all: ['privacy'] as const,
  requests: ['privacy', 'requests'] as const,
  requestList: (input: Omit<ChannelInput<'privacy.requests.list'>, 'cursor'>) => ['privacy', 'requests', input] as const,
  log: ['privacy', 'log'] as const,
  review: (contactId: string) => ['privacy', 'review', contactId] as const,
  erasePreview: (contactId: string) => ['privacy', 'erasePreview', contactId] as const,
};

/** Requests name contacts (an erased one leaves "who asked"); every change of these kinds may add a log line. */
export const privacyFamilies: Families = {
  privacyRequest: [privacyKeys.requests, privacyKeys.log],
  contact: [privacyKeys.requests, privacyKeys.log],
  consent: [privacyKeys.log],
  retention: [privacyKeys.log],
};

export function usePrivacyRequests(input: Omit<ChannelInput<'privacy.requests.list'>, 'cursor'> = {}) {
  return useInfiniteQuery({
    queryKey: privacyKeys.requestList(input),
    queryFn: ({ pageParam }) => invoke('privacy.requests.list', { ...input, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCreatePrivacyRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'privacy.requests.create'>) => invoke('privacy.requests.create', input),
    meta: { handlesValidation: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: privacyKeys.all }),
  });
}

export function useUpdatePrivacyRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'privacy.requests.update'>) => invoke('privacy.requests.update', input),
    meta: { handlesValidation: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: privacyKeys.all }),
  });
}

export function usePrivacyLog() {
  return useInfiniteQuery({
    queryKey: privacyKeys.log,
    queryFn: ({ pageParam }) => invoke('privacy.log', { limit: 100, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The export's review step: the shared records that also hold other people's data (nothing is written). */
export function useExportReview(contactId: string | null) {
  return useQuery({
    queryKey: privacyKeys.review(contactId ?? ''),
    queryFn: () => invoke('privacy.export', { contactId: contactId ?? '', review: true }),
    enabled: contactId !== null,
    staleTime: 0,
  });
}

/** Asks where to save and writes the zip; path null when the save dialog was dismissed. */
export function useExportPerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { contactId: string; leaveOut: string[] }) => invoke('privacy.export', { ...input, review: false }),
    onSuccess: () => void client.invalidateQueries({ queryKey: privacyKeys.log }),
  });
}

/** The dry run: what erasing this person removes, keeps (and why) and cannot reach. */
export function useErasePreview(contactId: string | null) {
  return useQuery({
    queryKey: privacyKeys.erasePreview(contactId ?? ''),
    queryFn: () => invoke('privacy.erasePreview', { contactId: contactId ?? '' }),
    enabled: contactId !== null,
    staleTime: 0,
  });
}

/**
 * Erases the person. Their own queries are left alone, never refetched: they are gone for good and a refetch would
 * only say "Not found" while the page that showed them closes (the caller navigates away in its onSuccess, and
 * queries nobody shows are not refetched). Everything else refetches (activities, jobs, lists, the log…).
 */
export function useErasePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'privacy.erase'>) => invoke('privacy.erase', input),
    onSuccess: (_result, { contactId }) => {
      const gone = [contactKeys.one(contactId), consentKeys.history(contactId), privacyKeys.review(contactId), privacyKeys.erasePreview(contactId)].map(hashKey);
      const isGone = (key: QueryKey) => gone.includes(hashKey(key));
      void client.invalidateQueries({ predicate: (query) => isGone(query.queryKey), refetchType: 'none' });
      void client.invalidateQueries({ predicate: (query) => !isGone(query.queryKey) });
    },
  });
}
