// STUB (issue #22): 75 % / 100 % target reminders; a helper fills this in.
import type { FeatureContext } from '../modules';

export function createCaseReminders(_ctx: FeatureContext) {
  return { start: () => undefined, stop: () => undefined };
}
