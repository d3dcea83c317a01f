// The consent feature's entry (issue #21): a handler map and nothing else. The work is in consent.ts, the hooks other
// features call when they change the email opt-in in mirror.ts, the SQL in db/consent.repo.ts.
import type { ConsentChannelName } from '../../../shared/ipc/consent.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createConsent } from './consent';

export function createConsentModule(ctx: FeatureContext): FeatureModule<ConsentChannelName> {
  const consent = createConsent(ctx.deps);
  return {
    handlers: {
      'consent.purposes.list': () => consent.purposes(),
      'consent.purposes.update': (input) => consent.updatePurposes(input),
      'consent.record': (input) => consent.record(input),
      'consent.history': (input) => consent.history(input),
    },
  };
}
