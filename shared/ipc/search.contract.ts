// The search domain's part of the contract: quick search across records, and the tags in use.
// contract.ts spreads it in. Imports zod and shared/domain only.
import { z } from 'zod';
import { SearchHit } from '../domain/contact';
import { searchQuery } from '../domain/fields';
import type { SearchChannel } from './search.channels';
import { Empty } from './shapes';

export const searchContract = {
  'tags.list': {
    input: Empty,
    output: z.object({ items: z.array(z.object({ tag: z.string(), contacts: z.number().int(), companies: z.number().int() })) }),
  },
  'search.global': {
    input: z.strictObject({ query: searchQuery(200), limit: z.number().int().min(1).max(50).default(20) }),
    output: z.object({ items: z.array(SearchHit) }),
  },
} as const satisfies Record<SearchChannel, { input: z.ZodType; output: z.ZodType }>;
