// Contract cases for invoices' channels (issue #23; see channels.test.ts). Placeholder: every channel must get a real
// valid call and invalid ones naming their field before the slice lands.
import type { InvoicesChannel } from '../../shared/ipc/invoices.channels';
import { INVOICES_CHANNELS } from '../../shared/ipc/invoices.channels';
import type { Case, FeatureCases } from './cases';

export const invoicesCases: FeatureCases<InvoicesChannel> = {
  cases: Object.fromEntries(INVOICES_CHANNELS.map((c) => [c, { valid: () => ({}), invalid: [] } as Case])) as unknown as Record<InvoicesChannel, Case>,
};
