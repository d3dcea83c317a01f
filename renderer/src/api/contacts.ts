// TanStack Query hooks for contacts, their query keys, and which changes make them stale; pages are fetched
// by keyset cursor so 100,000 rows stay cheap. Imports the transport only through ./client.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import { type Families, listsAndRecords } from './families';
import { byId, useEntityMutation } from './mutations';

export type ContactListFilter = Omit<ChannelInput<'contacts.list'>, 'cursor'>;

export const contactKeys = {
  all: ['contacts'] as const,
  lists: ['contacts', 'list'] as const,
  list: (filter: ContactListFilter) => ['contacts', 'list', filter] as const,
  one: (id: string) => ['contacts', 'one', id] as const,
};

/** What data.changed makes stale here, by the entity that changed. */
export const contactsFamilies: Families = {
  // The lists (names, sort order, filters) and the changed people.
  contact: listsAndRecords(contactKeys.all, [contactKeys.lists], contactKeys.one),
  // Every contact shows its company's name.
  company: [contactKeys.all],
  // "Last contacted" on each contact, and the "not contacted for" filter.
  activity: [contactKeys.all],
  // "Next follow-up" on each contact, and the "has an overdue follow-up" filter.
  task: [contactKeys.all],
  // The "has open jobs" and revenue filters of saved segments.
  job: [contactKeys.lists],
  // Stage categories decide which jobs count as open.
  pipeline: [contactKeys.lists],
};

export function useContactList(filter: ContactListFilter, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: contactKeys.list(filter),
    queryFn: ({ pageParam }) => invoke('contacts.list', { ...filter, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** A short page of contacts matching what was typed, for pickers (the server filters). */
export function useContactOptions(query: string) {
  const trimmed = query.trim();
  const filter = { limit: 20, sort: 'name' as const, ...(trimmed ? { query: trimmed } : {}) };
  return useQuery({
    queryKey: contactKeys.list(filter),
    queryFn: () => invoke('contacts.list', filter),
    placeholderData: keepPreviousData,
  });
}

export function useContact(id: string) {
  return useQuery({ queryKey: contactKeys.one(id), queryFn: () => invoke('contacts.get', { id }) });
}

export function useCreateContact() {
  return useEntityMutation('contacts.create', { detailKey: contactKeys.one, handlesValidation: true });
}

export function useUpdateContact() {
  return useEntityMutation('contacts.update', { detailKey: contactKeys.one, handlesValidation: true });
}

export function useDeleteContact() {
  return useEntityMutation('contacts.delete', { detailKey: contactKeys.one, toInput: byId });
}

export function useRestoreContact() {
  return useEntityMutation('contacts.restore', { detailKey: contactKeys.one, toInput: byId });
}
