// Which cached queries go stale when something changes. A contact change moves company head counts,
// tags and search results, and a company rename shows on its people, so any change refreshes all four.
import type { QueryClient } from '@tanstack/react-query';
import { keys } from './keys';

export async function invalidateAll(client: QueryClient): Promise<void> {
  await Promise.all([keys.contacts, keys.companies, keys.tags, keys.searchAll].map((queryKey) => client.invalidateQueries({ queryKey })));
}
