// The duplicates feature's entry (issue #20): a handler map and nothing else.
import { AppError } from '../../../shared/ipc/errors';
import type { DuplicatesChannel } from '../../../shared/ipc/duplicates.channels';
import type { FeatureContext, FeatureModule } from '../modules';

export function createDuplicatesModule(_ctx: FeatureContext): FeatureModule<DuplicatesChannel> {
  const todo = (): never => {
    throw new AppError('INTERNAL', 'Not built yet');
  };
  return { handlers: { 'duplicates.scan': todo, 'duplicates.cancel': todo, 'duplicates.list': todo, 'duplicates.dismiss': todo, 'duplicates.check': todo } };
}
