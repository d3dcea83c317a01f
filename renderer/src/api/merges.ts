// TanStack Query hooks for merging contacts or companies and undoing a merge (issue #20), and the list of merges
// (all, or those into one record). A merge or its undo moves linked records of every kind, so it refetches everything.
import { hashKey, type QueryKey, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Company, Contact } from '../../../shared/domain/contact';
import type { DuplicateKind } from '../../../shared/domain/duplicates';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import { companyKeys } from './companies';
import { contactKeys } from './contacts';
import type { Families } from './families';

export type MergeSummary = ChannelOutput<'merges.list'>['items'][number];
export type MergeRequest = ChannelInput<'contacts.merge'>;

export const mergeKeys = {
  all: ['merges'] as const,
  list: (input: ChannelInput<'merges.list'>) => ['merges', 'list', input] as const,
};

/** The merge list names survivors and merged-away records: a rename shows there too. */
export const mergesFamilies: Families = { merge: [mergeKeys.all], contact: [mergeKeys.all], company: [mergeKeys.all] };

/**
 * contacts.merge or companies.merge. Validation errors are the caller's to show beside the grid (handlesValidation);
 * anything else is notified by the query client in the app's words.
 */
export function useMerge(kind: DuplicateKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MergeRequest) => invoke(kind === 'contact' ? 'contacts.merge' : 'companies.merge', input),
    meta: { handlesValidation: true },
    // Activities, follow-ups, jobs, documents… of the merged-away records now belong to the survivor: everything
    // refetches, except the merged-away records themselves, which are gone (a refetch would say "Not found" while
    // the dialog that showed them closes). Not awaited: the caller opens the survivor at once.
    onSuccess: ({ survivorId }, { ids }) => {
      const gone = ids.filter((id) => id !== survivorId).map((id) => hashKey(kind === 'contact' ? contactKeys.one(id) : companyKeys.one(id)));
      const isGone = (key: QueryKey) => gone.includes(hashKey(key));
      void client.invalidateQueries({ predicate: (query) => !isGone(query.queryKey) });
      void client.invalidateQueries({ predicate: (query) => isGone(query.queryKey), refetchType: 'none' });
    },
  });
}

/** Brings the merged-away records back and moves back what moved. */
export function useMergeUndo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mergeId: string) => invoke('merges.undo', { mergeId }),
    onSuccess: () => void client.invalidateQueries(),
  });
}

/** Merges into `recordId` (as survivor), or all merges, newest first. */
export function useMerges(input: ChannelInput<'merges.list'> = {}, options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: mergeKeys.list(input), queryFn: () => invoke('merges.list', input), enabled: options.enabled ?? true });
}

/** The records to merge, each under its own detail key (so the record pages' caches serve and follow them). */
export function useMergeRecords(kind: DuplicateKind, ids: readonly string[]) {
  const results = useQueries({
    queries: ids.map((id) =>
      kind === 'contact'
        ? { queryKey: contactKeys.one(id), queryFn: (): Promise<Contact | Company> => invoke('contacts.get', { id }) }
        : { queryKey: companyKeys.one(id), queryFn: (): Promise<Contact | Company> => invoke('companies.get', { id }) },
    ),
  });
  const records = results.map((r) => r.data).filter((r): r is Contact | Company => r !== undefined);
  return { records: records.length === ids.length ? records : null, isError: results.some((r) => r.isError) };
}
