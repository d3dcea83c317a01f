// Contract cases for sales suggestions' channel (issue #23; see channels.test.ts). The valid call needs no rows:
// an empty store answers with no pairs and no repeats.
import type { SalesChannel } from '../../shared/ipc/sales.channels';
import type { FeatureCases } from './cases';

let contactId = '';

export const salesCases: FeatureCases<SalesChannel> = {
  async setup(fx) {
    contactId = fx.contactId;
  },
  cases: {
    'sales.suggestions': {
      valid: () => ({ contactId, minClients: 2, dueWithinDays: 30, limit: 20 }),
      invalid: [
        [() => ({ productId: 'boiler' }), 'productId'],
        [() => ({ contactId: 'ann' }), 'contactId'],
        [() => ({ minClients: 0 }), 'minClients'],
        [() => ({ dueWithinDays: 367 }), 'dueWithinDays'],
        [() => ({ limit: 1.5 }), 'limit'],
        [() => ({ everyone: true }), '(input)'],
      ],
    },
  },
};
