// Contract cases for the consent feature's channels (issue #21; see channels.test.ts).
import type { ConsentChannelName } from '../../shared/ipc/consent.channels';
import type { FeatureCases } from './cases';

export const consentCases: FeatureCases<ConsentChannelName> = {
  cases: {
    'consent.purposes.list': { valid: () => ({}), invalid: [] },
    'consent.purposes.update': { valid: () => ({}), invalid: [] },
    'consent.record': { valid: () => ({}), invalid: [] },
    'consent.history': { valid: () => ({}), invalid: [] },
  },
};
