// The merges feature's entry (issue #20): a handler map and nothing else.
import type { MergesChannel } from '../../../shared/ipc/merges.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { listMerges } from './list';
import { createMerger } from './merge';
import { createUnmerger } from './unmerge';

export function createMergesModule(ctx: FeatureContext): FeatureModule<MergesChannel> {
  const merger = createMerger(ctx);
  const undo = createUnmerger(ctx);
  return {
    handlers: {
      'contacts.merge': merger.contacts,
      'companies.merge': merger.companies,
      'merges.undo': undo,
      'merges.list': (input) => listMerges(ctx.deps.db, input),
    },
  };
}
