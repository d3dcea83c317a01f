// TanStack Query hooks for sales suggestions (issue #23): what to offer whom, worked out by main from accepted
// quotes, its query keys, and which changes make it stale.
import { useQuery } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { invoke } from './client';
import type { Families } from './families';

export type Suggestions = ChannelOutput<'sales.suggestions'>;
export type SuggestionPair = Suggestions['pairs'][number];
export type SuggestionRepeat = Suggestions['repeats'][number];
export type SuggestionsFilter = Partial<ChannelInput<'sales.suggestions'>>;

export const salesKeys = {
  all: ['salesSuggestions'] as const,
  suggestions: (filter: SuggestionsFilter) => ['salesSuggestions', filter] as const,
};

/** Accepted quotes, the catalogue (names, recurrence) and clients (names, Trash) are what suggestions are made of. */
export const salesFamilies: Families = {
  quote: [salesKeys.all],
  product: [salesKeys.all],
  contact: [salesKeys.all],
};

export function useSuggestions(filter: SuggestionsFilter = {}) {
  return useQuery({ queryKey: salesKeys.suggestions(filter), queryFn: () => invoke('sales.suggestions', filter) });
}
