// TanStack Query hooks for contacts; pages are fetched by keyset cursor so 100,000 rows stay cheap.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import { type ContactListFilter, keys } from './keys';
import { invalidateAll } from './invalidate';

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
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'contacts.create'>) => invoke('contacts.create', input),
    meta: { handlesValidation: true },
    onSuccess: (contact) => {
      client.setQueryData(keys.contact(contact.id), contact);
      return invalidateAll(client);
    },
  });
}

export function useUpdateContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'contacts.update'>) => invoke('contacts.update', input),
    meta: { handlesValidation: true },
    onSuccess: (contact) => {
      client.setQueryData(keys.contact(contact.id), contact);
      return invalidateAll(client);
    },
  });
}

export function useDeleteContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('contacts.delete', { id }),
    onSuccess: (contact) => {
      client.setQueryData(keys.contact(contact.id), contact);
      return invalidateAll(client);
    },
  });
}

export function useRestoreContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('contacts.restore', { id }),
    onSuccess: (contact) => {
      client.setQueryData(keys.contact(contact.id), contact);
      return invalidateAll(client);
    },
  });
}
