// Hooks for the cross-entity lookups (tags for filters, global search for quick search), their query keys,
// and which changes make them stale.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { invoke } from './client';
import type { Families } from './families';

export const searchKeys = {
  tags: ['tags'] as const,
  all: ['search'] as const,
  global: (query: string) => ['search', query] as const,
};

/** What data.changed makes stale here, by the entity that changed. */
export const searchFamilies: Families = {
  // People carry tags and are found by name, email, phone and notes.
  contact: [searchKeys.tags, searchKeys.all],
  // Companies carry tags and are found by name.
  company: [searchKeys.tags, searchKeys.all],
  // Everything else search finds: notes, follow-ups, job titles, appointments, documents.
  activity: [searchKeys.all],
  task: [searchKeys.all],
  job: [searchKeys.all],
  // Job hits show their stage's name.
  pipeline: [searchKeys.all],
  appointment: [searchKeys.all],
  document: [searchKeys.all],
};

export function useTags() {
  return useQuery({ queryKey: searchKeys.tags, queryFn: () => invoke('tags.list', {}) });
}

export function useGlobalSearch(query: string) {
  const trimmed = query.trim();
  return useQuery({
    queryKey: searchKeys.global(trimmed),
    queryFn: () => invoke('search.global', { query: trimmed, limit: 20 }),
    enabled: trimmed !== '',
    placeholderData: keepPreviousData,
  });
}
