// Sales suggestions' entry (issue #23): what to offer whom, from accepted quotes. SQL in db/sales.repo.ts.
import type { SalesChannel } from '../../../shared/ipc/sales.channels';
import { AppError } from '../../../shared/ipc/errors';
import type { FeatureContext, FeatureModule } from '../modules';

export function createSalesModule(_ctx: FeatureContext): FeatureModule<SalesChannel> {
  return {
    handlers: {
      'sales.suggestions': () => {
        throw new AppError('INTERNAL', 'Sales suggestions are not built yet');
      },
    },
  };
}
