// Contract cases for sales' channels (issue #23; see channels.test.ts). Placeholder: every channel must get a real
// valid call and invalid ones naming their field before the slice lands.
import type { SalesChannel } from '../../shared/ipc/sales.channels';
import { SALES_CHANNELS } from '../../shared/ipc/sales.channels';
import type { Case, FeatureCases } from './cases';

export const salesCases: FeatureCases<SalesChannel> = {
  cases: Object.fromEntries(SALES_CHANNELS.map((c) => [c, { valid: () => ({}), invalid: [] } as Case])) as unknown as Record<SalesChannel, Case>,
};
