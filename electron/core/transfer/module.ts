// The transfer feature's entry: its channel handlers and any background work, given the shared context.
import type { TransferChannel } from '../../../shared/ipc/transfer.channels';
import type { FeatureContext, FeatureModule } from '../modules';

export function createTransferModule(_ctx: FeatureContext): FeatureModule<TransferChannel> {
  return { handlers: {} };
}
