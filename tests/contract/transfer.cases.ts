// Contract cases for the transfer feature's channels (see channels.test.ts).
import type { TransferChannel } from '../../shared/ipc/transfer.channels';
import type { FeatureCases } from './cases';

export const transferCases: FeatureCases<TransferChannel> = { cases: {} };
