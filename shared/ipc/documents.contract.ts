// The documents feature's part of the contract: channel -> input and output schemas, and its events.
// contract.ts and events.ts spread these in. Imports zod and shared/domain only.
import type { z } from 'zod';
import type { DocumentsChannel } from './documents.channels';

export const documentsContract = {} as const satisfies Record<DocumentsChannel, { input: z.ZodType; output: z.ZodType }>;

export const documentsEvents = {} as const satisfies Record<string, z.ZodType>;
