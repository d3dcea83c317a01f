// Which cached queries go stale when something changes. A contact change moves company head counts,
// tags and search results, a company rename shows on its people, and a logged activity or follow-up moves a
// contact's "last contacted" and "next follow-up", and a job or pipeline change moves board columns and totals,
// so any change refreshes all of them.
import type { QueryClient } from '@tanstack/react-query';
import { keys } from './keys';

export async function invalidateAll(client: QueryClient): Promise<void> {
  await Promise.all([keys.contacts, keys.companies, keys.activities, keys.tasks, keys.jobs, keys.pipeline, keys.appointments, keys.tags, keys.searchAll].map((queryKey) => client.invalidateQueries({ queryKey })));
}
