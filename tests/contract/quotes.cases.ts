// Contract cases for quotes' channels (issue #23; see channels.test.ts). Placeholder: every channel must get a real
// valid call and invalid ones naming their field before the slice lands.
import type { QuotesChannel } from '../../shared/ipc/quotes.channels';
import { QUOTES_CHANNELS } from '../../shared/ipc/quotes.channels';
import type { Case, FeatureCases } from './cases';

export const quotesCases: FeatureCases<QuotesChannel> = {
  cases: Object.fromEntries(QUOTES_CHANNELS.map((c) => [c, { valid: () => ({}), invalid: [] } as Case])) as unknown as Record<QuotesChannel, Case>,
};
