// Contract cases for the retention feature's channels (issue #21; see channels.test.ts).
import type { RetentionChannel } from '../../shared/ipc/retention.channels';
import type { FeatureCases } from './cases';

export const retentionCases: FeatureCases<RetentionChannel> = {
  cases: {
    'retention.rules.get': { valid: () => ({}), invalid: [] },
    'retention.rules.update': { valid: () => ({}), invalid: [] },
    'retention.review': { valid: () => ({}), invalid: [] },
    'retention.decide': { valid: () => ({}), invalid: [] },
  },
};
