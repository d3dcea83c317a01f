// Hooks for the cross-entity lookups: tags for filters, global search for quick search.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { invoke } from './client';
import { keys } from './keys';

export function useTags() {
  return useQuery({ queryKey: keys.tags, queryFn: () => invoke('tags.list', {}) });
}

export function useGlobalSearch(query: string) {
  const trimmed = query.trim();
  return useQuery({
    queryKey: keys.search(trimmed),
    queryFn: () => invoke('search.global', { query: trimmed, limit: 20 }),
    enabled: trimmed !== '',
    placeholderData: keepPreviousData,
  });
}
