// The transfer feature's part of the contract: channel -> input and output schemas, and its events.
// contract.ts and events.ts spread these in. Imports zod and shared/domain only.
import type { z } from 'zod';
import type { TransferChannel } from './transfer.channels';

export const transferContract = {} as const satisfies Record<TransferChannel, { input: z.ZodType; output: z.ZodType }>;

export const transferEvents = {} as const satisfies Record<string, z.ZodType>;
