// The data quality feature's entry (issue #20): a handler map and nothing else.
import { AppError } from '../../../shared/ipc/errors';
import type { QualityChannel } from '../../../shared/ipc/quality.channels';
import type { FeatureContext, FeatureModule } from '../modules';

export function createQualityModule(_ctx: FeatureContext): FeatureModule<QualityChannel> {
  const todo = (): never => {
    throw new AppError('INTERNAL', 'Not built yet');
  };
  return { handlers: { 'quality.summary': todo, 'quality.list': todo, 'quality.fix': todo, 'quality.undo': todo } };
}
