// The reports feature's part of the contract: channel -> input and output schemas, and its events.
// contract.ts and events.ts spread these in. Imports zod and shared/domain only.
import type { z } from 'zod';
import type { ReportsChannel } from './reports.channels';

export const reportsContract = {} as const satisfies Record<ReportsChannel, { input: z.ZodType; output: z.ZodType }>;

export const reportsEvents = {} as const satisfies Record<string, z.ZodType>;
