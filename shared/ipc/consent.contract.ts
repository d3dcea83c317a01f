// The consent feature's part of the contract (issue #21): purposes, the append-only ledger and its history.
// contract.ts spreads this in. Imports zod and shared/ only.
import { z } from 'zod';
import { ConsentHistory, ConsentHistoryInput, ConsentRecordInput, PurposeList, PurposesUpdateInput } from '../domain/consent';
import type { ConsentChannelName } from './consent.channels';

export const consentContract = {
  'consent.purposes.list': { input: z.strictObject({}), output: PurposeList },
  'consent.purposes.update': { input: PurposesUpdateInput, output: PurposeList },
  /** Appends one event and answers with the person's states and ledger. */
  'consent.record': { input: ConsentRecordInput, output: ConsentHistory },
  'consent.history': { input: ConsentHistoryInput, output: ConsentHistory },
} as const satisfies Record<ConsentChannelName, { input: z.ZodType; output: z.ZodType }>;
