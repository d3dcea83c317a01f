// The data quality feature's entry (issue #20): a handler map and nothing else. Counts and lists are in
// quality.ts, the fixes and their Undo in fixes.ts, the rules in checks.ts, the SQL in db/quality.repo.ts.
import type { QualityChannel } from '../../../shared/ipc/quality.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createQualityFixes } from './fixes';
import { createQuality } from './quality';

export function createQualityModule(ctx: FeatureContext): FeatureModule<QualityChannel> {
  const quality = createQuality(ctx.deps);
  const fixes = createQualityFixes(ctx.deps, quality.phone);
  return {
    handlers: {
      'quality.summary': (input) => quality.summary(input),
      'quality.list': (input) => quality.list(input),
      'quality.fix': (input) => fixes.fix(input),
      'quality.undo': (input) => fixes.undo(input),
    },
  };
}
