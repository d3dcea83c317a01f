// The search domain's entry: quick search across every record, and the tags in use. A handler map and nothing else.
import type { SearchChannel } from '../../../shared/ipc/search.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createSearchService } from './search';

export function createSearchModule(ctx: FeatureContext): FeatureModule<SearchChannel> {
  const search = createSearchService(ctx.deps);
  return {
    handlers: {
      'tags.list': () => search.tags(),
      'search.global': search.global,
    },
  };
}
