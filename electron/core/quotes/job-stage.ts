// What quotes and invoices do to their job (issue #23): accepted -> Won with the accepted value, declined -> Lost with
// the reason, paid in full -> Paid, no longer paid in full -> back to Won. The stage history and the revenue
// milestones follow from the stage change itself (triggers, migrations 0009 and 0011), so revenue counts a job once
// however often its quote or invoice changes. Call inside the caller's transaction.
import type { Kysely } from 'kysely';
import type { StageCategory } from '../../../shared/domain/job';
import { findJob, listStages, rankFor, updateJob, type JobRecord } from '../../db/jobs.repo';
import type { DB } from '../../db/schema';

/**
 * Moves the job to the first stage of `category` (unless its stage is already of that category) and applies
 * `patch` (value, currency, lost reason). Returns false when the job is gone or in the Trash (the quote or invoice
 * still records what happened). When the user's pipeline has no stage of that category, the job keeps its stage and
 * only the patch applies.
 */
export async function moveJobTo(
  trx: Kysely<DB>,
  jobId: string,
  category: Extract<StageCategory, 'won' | 'paid' | 'lost'>,
  now: string,
  patch: Partial<Pick<JobRecord, 'amountMinor' | 'currency' | 'lostReason'>> = {},
): Promise<boolean> {
  const job = await findJob(trx, jobId);
  if (!job || job.deleted_at) return false;
  const stages = await listStages(trx);
  const current = stages.find((s) => s.id === job.stage_id);
  const target = current?.category === category ? undefined : stages.find((s) => s.category === category);
  const move = target ? { stageId: target.id, stageChangedAt: now, rank: await rankFor(trx, target.id, null, jobId) } : {};
  await updateJob(trx, jobId, { ...patch, ...move, updatedAt: now });
  return true;
}
