// The duplicates feature's entry (issue #20): a handler map and nothing else. The scan, list and "not a duplicate"
// are in scan.ts, the form's check in check.ts, the matching rules in normalise.ts and score.ts, SQL in
// db/duplicates.repo.ts.
import type { DuplicatesChannel } from '../../../shared/ipc/duplicates.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createDuplicatesCheck } from './check';
import { createDuplicatesScan } from './scan';

export function createDuplicatesModule(ctx: FeatureContext): FeatureModule<DuplicatesChannel> {
  const scans = createDuplicatesScan(ctx);
  const check = createDuplicatesCheck(ctx.deps);
  return {
    handlers: {
      'duplicates.scan': (input) => scans.scan(input),
      'duplicates.cancel': async () => scans.cancel(),
      'duplicates.list': (input) => scans.list(input),
      'duplicates.dismiss': (input) => scans.dismiss(input),
      'duplicates.check': (input) => check(input),
    },
  };
}
