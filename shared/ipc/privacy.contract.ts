// The privacy feature's part of the contract (issue #21): requests, the subject-access zip, erasure, the log.
// contract.ts spreads this in. Imports zod and shared/ only.
import type { z } from 'zod';
import {
  EraseInput,
  ErasePreview,
  ErasePreviewInput,
  EraseResult,
  PrivacyExportInput,
  PrivacyExportResult,
  PrivacyLog,
  PrivacyLogInput,
  PrivacyRequest,
  RequestCreateInput,
  RequestsList,
  RequestsListInput,
  RequestUpdateInput,
} from '../domain/privacy';
import type { PrivacyChannel } from './privacy.channels';

export const privacyContract = {
  'privacy.requests.list': { input: RequestsListInput, output: RequestsList },
  'privacy.requests.create': { input: RequestCreateInput, output: PrivacyRequest },
  'privacy.requests.update': { input: RequestUpdateInput, output: PrivacyRequest },
  /** With review: the shared records to look at; else asks where to save and writes the zip. */
  'privacy.export': { input: PrivacyExportInput, output: PrivacyExportResult },
  'privacy.erasePreview': { input: ErasePreviewInput, output: ErasePreview },
  /** Takes a backup first, then removes the person from every store and records one-way hashes of them. */
  'privacy.erase': { input: EraseInput, output: EraseResult },
  'privacy.log': { input: PrivacyLogInput, output: PrivacyLog },
} as const satisfies Record<PrivacyChannel, { input: z.ZodType; output: z.ZodType }>;
