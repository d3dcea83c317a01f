// TanStack Query hooks for companies, mirroring contacts.ts: hooks, query keys, and which changes make them stale.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import { type Families, listsAndRecords } from './families';
import { byId, useEntityMutation } from './mutations';

export type CompanyListFilter = Omit<ChannelInput<'companies.list'>, 'cursor'>;

export const companyKeys = {
  all: ['companies'] as const,
  lists: ['companies', 'list'] as const,
  list: (filter: CompanyListFilter) => ['companies', 'list', filter] as const,
  one: (id: string) => ['companies', 'one', id] as const,
};

/** What data.changed makes stale here, by the entity that changed. */
export const companiesFamilies: Families = {
  // The lists (names, sort order) and the changed companies.
  company: listsAndRecords(companyKeys.all, [companyKeys.lists], companyKeys.one),
  // Head counts: a person added, removed or moved changes their company's (and their old company's) count.
  contact: [companyKeys.all],
};

export function useCompanyList(filter: CompanyListFilter) {
  return useInfiniteQuery({
    queryKey: companyKeys.list(filter),
    queryFn: ({ pageParam }) => invoke('companies.list', { ...filter, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** One page of companies for pickers: the server filters, so this stays fast however many there are. */
export function useCompanyOptions(query: string) {
  return useQuery({
    queryKey: companyKeys.list({ query, limit: 30, sort: 'name' }),
    queryFn: () => invoke('companies.list', { query, limit: 30, sort: 'name' }),
    placeholderData: keepPreviousData,
  });
}

export function useCompany(id: string | null | undefined) {
  return useQuery({
    queryKey: companyKeys.one(id ?? ''),
    queryFn: () => invoke('companies.get', { id: id ?? '' }),
    enabled: !!id,
  });
}

export function useCreateCompany() {
  return useEntityMutation('companies.create', { detailKey: companyKeys.one, handlesValidation: true });
}

export function useUpdateCompany() {
  return useEntityMutation('companies.update', { detailKey: companyKeys.one, handlesValidation: true });
}

export function useDeleteCompany() {
  return useEntityMutation('companies.delete', { detailKey: companyKeys.one, toInput: byId });
}

export function useRestoreCompany() {
  return useEntityMutation('companies.restore', { detailKey: companyKeys.one, toInput: byId });
}
