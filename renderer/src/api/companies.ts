// TanStack Query hooks for companies, mirroring contacts.ts.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { invoke } from './client';
import { type CompanyListFilter, keys } from './keys';
import { byId, useEntityMutation } from './mutations';

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
  return useEntityMutation('companies.create', { detailKey: keys.company, handlesValidation: true });
}

export function useUpdateCompany() {
  return useEntityMutation('companies.update', { detailKey: keys.company, handlesValidation: true });
}

export function useDeleteCompany() {
  return useEntityMutation('companies.delete', { detailKey: keys.company, toInput: byId });
}

export function useRestoreCompany() {
  return useEntityMutation('companies.restore', { detailKey: keys.company, toInput: byId });
}
