// The privacy feature's entry (issue #21): a handler map and nothing else.
import { AppError } from '../../../shared/ipc/errors';
import type { PrivacyChannel } from '../../../shared/ipc/privacy.channels';
import type { FeatureContext, FeatureModule } from '../modules';

export function createPrivacyModule(ctx: FeatureContext): FeatureModule<PrivacyChannel> {
  void ctx;
  const todo = async (): Promise<never> => {
    throw AppError.validation('', 'Not built yet');
  };
  return {
    handlers: {
      'privacy.requests.list': todo,
      'privacy.requests.create': todo,
      'privacy.requests.update': todo,
      'privacy.export': todo,
      'privacy.erasePreview': todo,
      'privacy.erase': todo,
      'privacy.log': todo,
    },
  };
}
