// The reports feature's entry: its channel handlers and any background work, given the shared context.
import type { ReportsChannel } from '../../../shared/ipc/reports.channels';
import type { FeatureContext, FeatureModule } from '../modules';

export function createReportsModule(_ctx: FeatureContext): FeatureModule<ReportsChannel> {
  return { handlers: {} };
}
