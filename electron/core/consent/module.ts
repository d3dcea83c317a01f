// The consent feature's entry (issue #21): a handler map and nothing else.
import type { ConsentChannelName } from '../../../shared/ipc/consent.channels';
import { AppError } from '../../../shared/ipc/errors';
import type { FeatureContext, FeatureModule } from '../modules';

export function createConsentModule(ctx: FeatureContext): FeatureModule<ConsentChannelName> {
  void ctx;
  const todo = async (): Promise<never> => {
    throw AppError.validation('', 'Not built yet');
  };
  return { handlers: { 'consent.purposes.list': todo, 'consent.purposes.update': todo, 'consent.record': todo, 'consent.history': todo } };
}
