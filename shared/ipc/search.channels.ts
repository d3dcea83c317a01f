// Channel names of the search domain: quick search and the tag list (zod-free: the preload's allow-list imports it).
export const SEARCH_CHANNELS = ['tags.list', 'search.global'] as const;

export type SearchChannel = (typeof SEARCH_CHANNELS)[number];
