// Contract cases for the privacy feature's channels (issue #21; see channels.test.ts).
import type { PrivacyChannel } from '../../shared/ipc/privacy.channels';
import type { FeatureCases } from './cases';

export const privacyCases: FeatureCases<PrivacyChannel> = {
  cases: {
    'privacy.requests.list': { valid: () => ({}), invalid: [] },
    'privacy.requests.create': { valid: () => ({}), invalid: [] },
    'privacy.requests.update': { valid: () => ({}), invalid: [] },
    'privacy.export': { valid: () => ({}), invalid: [] },
    'privacy.erasePreview': { valid: () => ({}), invalid: [] },
    'privacy.erase': { valid: () => ({}), invalid: [] },
    'privacy.log': { valid: () => ({}), invalid: [] },
  },
};
