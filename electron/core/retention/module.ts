// The retention feature's entry (issue #21): a handler map and nothing else.
import { AppError } from '../../../shared/ipc/errors';
import type { RetentionChannel } from '../../../shared/ipc/retention.channels';
import type { FeatureContext, FeatureModule } from '../modules';

export function createRetentionModule(ctx: FeatureContext): FeatureModule<RetentionChannel> {
  void ctx;
  const todo = async (): Promise<never> => {
    throw AppError.validation('', 'Not built yet');
  };
  return { handlers: { 'retention.rules.get': todo, 'retention.rules.update': todo, 'retention.review': todo, 'retention.decide': todo } };
}
