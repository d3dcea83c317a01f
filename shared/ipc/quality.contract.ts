// The data quality feature's part of the contract (issue #20): counts, the list behind each, bulk fixes with a
// preview, and their Undo. contract.ts spreads this in. Imports zod and shared/ only.
import type { z } from 'zod';
import { QualityFixInput, QualityFixResult, QualityList, QualityListInput, QualitySummary, QualitySummaryInput, QualityUndoInput, QualityUndoResult } from '../domain/quality';
import type { QualityChannel } from './quality.channels';

export const qualityContract = {
  'quality.summary': { input: QualitySummaryInput, output: QualitySummary },
  /** The records behind one count, by name. */
  'quality.list': { input: QualityListInput, output: QualityList },
  /** Previews (`preview`, the default) or applies a bulk fix in steps; applying gives an undoId. */
  'quality.fix': { input: QualityFixInput, output: QualityFixResult },
  /** Puts back what a fix changed, except contacts edited since. */
  'quality.undo': { input: QualityUndoInput, output: QualityUndoResult },
} as const satisfies Record<QualityChannel, { input: z.ZodType; output: z.ZodType }>;
