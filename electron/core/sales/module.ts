// Sales suggestions' entry (issue #23): what to offer whom, from accepted quotes. The work is in suggestions.ts;
// SQL in db/sales.repo.ts.
import type { SalesChannel } from '../../../shared/ipc/sales.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createSuggestions } from './suggestions';

export function createSalesModule(ctx: FeatureContext): FeatureModule<SalesChannel> {
  const suggestions = createSuggestions(ctx.deps);
  return {
    handlers: {
      'sales.suggestions': (input) => suggestions(input),
    },
  };
}
