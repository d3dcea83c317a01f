// The email feature's part of the contract: channel -> input and output schemas, and its events.
// contract.ts and events.ts spread these in. Imports zod and shared/domain only.
import type { z } from 'zod';
import type { EmailChannel } from './email.channels';

export const emailContract = {} as const satisfies Record<EmailChannel, { input: z.ZodType; output: z.ZodType }>;

export const emailEvents = {} as const satisfies Record<string, z.ZodType>;
