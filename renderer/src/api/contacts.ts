// TanStack Query hooks for contacts; pages are fetched by keyset cursor so 100,000 rows stay cheap.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { invoke } from './client';
import { type ContactListFilter, keys } from './keys';
import { byId, useEntityMutation } from './mutations';

export function useContactList(filter: ContactListFilter, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: keys.contactList(filter),
    queryFn: ({ pageParam }) => invoke('contacts.list', { ...filter, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useContact(id: string) {
  return useQuery({ queryKey: keys.contact(id), queryFn: () => invoke('contacts.get', { id }) });
}

export function useCreateContact() {
  return useEntityMutation('contacts.create', { detailKey: keys.contact, handlesValidation: true });
}

export function useUpdateContact() {
  return useEntityMutation('contacts.update', { detailKey: keys.contact, handlesValidation: true });
}

export function useDeleteContact() {
  return useEntityMutation('contacts.delete', { detailKey: keys.contact, toInput: byId });
}

export function useRestoreContact() {
  return useEntityMutation('contacts.restore', { detailKey: keys.contact, toInput: byId });
}
