// The files domain's entry: the OS open dialog. Every path it returns is remembered in ctx.picks, and only
// those paths may be read by any channel (picked.ts holds the rule). A handler map and nothing else.
import type { FilesChannel } from '../../../shared/ipc/files.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { PICK_FILTERS } from './filters';

export function createFilesModule(ctx: FeatureContext): FeatureModule<FilesChannel> {
  return {
    handlers: {
      async 'files.pick'({ purpose, multiple, directory }) {
        const paths = await ctx.platform.pickFiles({ multiple, directory, filters: PICK_FILTERS[purpose] });
        ctx.picks.add(paths);
        return { paths };
      },
    },
  };
}
