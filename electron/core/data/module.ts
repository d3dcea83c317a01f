// The data domain's entry: "Export everything", "Move data folder" and the first run's sample data. A handler map
// and nothing else; the work is in export-all.ts, move-folder.ts and sample.ts, the start-up clean-up in location.ts.
// No `electron` import.
import type { DataChannel } from '../../../shared/ipc/data.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createExportAll } from './export-all';
import type { Hold } from './hold';
import { movedTo, removeOldCopy } from './location';
import { createMoveFolder } from './move-folder';
import { createSample } from './sample';

export function createDataModule(ctx: FeatureContext, hold: Hold): FeatureModule<DataChannel> {
  const exportAll = createExportAll(ctx);
  const mover = createMoveFolder(ctx, hold);
  const sample = createSample(ctx.deps);
  exportAll.cleanUp();
  removeOldCopy(ctx.dataDir, ctx.logger);
  // Opened on a folder whose data went elsewhere (the app did not follow the note): change nothing here.
  const gone = movedTo(ctx.dataDir);
  if (gone !== null) hold.seal(`Your data was moved to ${gone}. Restart Rapport to open it there.`);
  return {
    handlers: {
      'data.info': async () => mover.info(),
      'data.exportAll': () => exportAll.exportAll(),
      'data.cancel': async ({ runId }) => ({ cancelling: exportAll.cancel(runId) }),
      'data.moveFolder': (input) => mover.moveFolder(input),
      'data.sample.status': () => sample.status(),
      'data.sample.add': () => sample.add(),
      'data.sample.remove': () => sample.remove(),
      'data.welcome.dismiss': () => sample.dismissWelcome(),
    },
  };
}
