// The merges feature's entry (issue #20): a handler map and nothing else.
import { AppError } from '../../../shared/ipc/errors';
import type { MergesChannel } from '../../../shared/ipc/merges.channels';
import type { FeatureContext, FeatureModule } from '../modules';

export function createMergesModule(_ctx: FeatureContext): FeatureModule<MergesChannel> {
  const todo = (): never => {
    throw new AppError('INTERNAL', 'Not built yet');
  };
  return { handlers: { 'contacts.merge': todo, 'companies.merge': todo, 'merges.undo': todo, 'merges.list': todo } };
}
