// The retention feature's entry (issue #21): a handler map and nothing else. Rules and the review list are in
// retention.ts, keep / anonymise in decide.ts, words and dates in words.ts, the SQL in db/retention.repo.ts.
import type { RetentionChannel } from '../../../shared/ipc/retention.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createRetentionDecisions } from './decide';
import { createRetention } from './retention';

export function createRetentionModule(ctx: FeatureContext): FeatureModule<RetentionChannel> {
  const retention = createRetention(ctx.deps);
  const decisions = createRetentionDecisions(ctx.deps);
  return {
    handlers: {
      'retention.rules.get': () => retention.getRules(),
      'retention.rules.update': (input) => retention.updateRules(input),
      'retention.review': (input) => retention.review(input),
      'retention.decide': (input) => decisions.decide(input),
    },
  };
}
