// TanStack Query hooks for companies, mirroring contacts.ts.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import { type CompanyListFilter, keys } from './keys';
import { invalidateAll } from './invalidate';

export function useCompanyList(filter: CompanyListFilter) {
  return useInfiniteQuery({
    queryKey: keys.companyList(filter),
    queryFn: ({ pageParam }) => invoke('companies.list', { ...filter, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** One page of companies for pickers: the server filters, so this stays fast however many there are. */
export function useCompanyOptions(query: string) {
  return useQuery({
    queryKey: keys.companyList({ query, limit: 30, sort: 'name' }),
    queryFn: () => invoke('companies.list', { query, limit: 30, sort: 'name' }),
    placeholderData: keepPreviousData,
  });
}

export function useCompany(id: string | null | undefined) {
  return useQuery({
    queryKey: keys.company(id ?? ''),
    queryFn: () => invoke('companies.get', { id: id ?? '' }),
    enabled: !!id,
  });
}

export function useCreateCompany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'companies.create'>) => invoke('companies.create', input),
    meta: { handlesValidation: true },
    onSuccess: (company) => {
      client.setQueryData(keys.company(company.id), company);
      return invalidateAll(client);
    },
  });
}

export function useUpdateCompany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'companies.update'>) => invoke('companies.update', input),
    meta: { handlesValidation: true },
    onSuccess: (company) => {
      client.setQueryData(keys.company(company.id), company);
      return invalidateAll(client);
    },
  });
}

export function useDeleteCompany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('companies.delete', { id }),
    onSuccess: (company) => {
      client.setQueryData(keys.company(company.id), company);
      return invalidateAll(client);
    },
  });
}

export function useRestoreCompany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('companies.restore', { id }),
    onSuccess: (company) => {
      client.setQueryData(keys.company(company.id), company);
      return invalidateAll(client);
    },
  });
}
