// One case as the user sees it (issue #22): the record with its names, the clock as of now (counted afresh from the
// log, so elapsed time is current even between changes), its timeline and its follow-ups. The list's due order uses
// the cached columns recompute.ts writes; nextDueAt here comes from the same cache so the two always agree.
import type { Kysely } from 'kysely';
import type { Case, CaseDetail, CaseListItem, CasePriority } from '../../../shared/domain/case';
import { AppError } from '../../../shared/ipc/errors';
import { caseLog, clockFacts } from '../../db/case-log.repo';
import { caseEntries, caseFollowUps, findCase, type CaseRow } from '../../db/cases.repo';
import type { DB } from '../../db/schema';
import { caseClock, type TargetClock } from './case-clock';
import { clockEvents, loadServiceSettings, targetsFor, type ServiceSettings } from './recompute';
import { caseLabel } from './threading';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toCaseListItem(row: CaseRow): CaseListItem {
  return {
    id: row.id,
    number: row.number,
    label: caseLabel(row.number),
    subject: row.subject,
    contactId: row.contact_id,
    contactName: row.contact_name,
    companyId: row.company_id,
    companyName: row.company_name,
    jobId: row.job_id,
    type: row.type as Case['type'],
    priority: row.priority as CasePriority,
    statusId: row.status_id,
    statusName: row.status_name,
    category: row.category,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    nextDueAt: iso(row.next_due_ms),
    dueKind: row.due_kind,
    ratingScore: row.rating_score,
    deletedAt: row.deleted_at,
  };
}

function targetView(t: TargetClock) {
  return { targetMs: t.targetMs, elapsedMs: t.elapsedMs, dueAt: iso(t.dueAt), achievedAt: iso(t.achievedAt), met: t.met };
}

/** The case, its entries in time order and its follow-ups; a missing id is a validation error on `id`. */
export async function loadCaseDetail(db: Kysely<DB>, id: string, nowMs: number, settings?: ServiceSettings): Promise<CaseDetail> {
  const row = await findCase(db, id);
  if (!row) throw AppError.validation('id', 'There is no such case');
  const facts = (await clockFacts(db, id))!;
  const { calendar, targets } = settings ?? (await loadServiceSettings(db));
  const log = await caseLog(db, id);
  const clock = caseClock(calendar, clockEvents(log), targetsFor(targets, facts.type, facts.companyTags), Math.max(nowMs, log[0]?.at ?? nowMs));
  const item = toCaseListItem(row);
  const detail: Case = {
    ...item,
    description: row.description,
    jobTitle: row.job_title,
    channel: row.channel as Case['channel'],
    waitingOn: row.category === 'waiting' ? row.waiting_on : null,
    remindOn: row.remind_on,
    firstResponseAt: iso(row.first_response_ms),
    resolvedAt: iso(row.resolved_ms),
    reopenCount: row.reopen_count,
    previousCaseId: row.previous_case_id,
    previousCaseLabel: row.previous_number === null ? null : caseLabel(row.previous_number),
    mergedIntoId: row.merged_into_id,
    rating:
      row.rating_score === null
        ? null
        : { score: row.rating_score, comment: row.rating_comment, at: row.rating_at ?? row.updated_at, source: row.rating_source ?? 'manual' },
    paused: clock.paused,
    response: targetView(clock.response),
    resolution: targetView(clock.resolution),
    timeSpentMinutes: row.time_spent_minutes,
  };
  return { case: detail, entries: await caseEntries(db, id), followUps: await caseFollowUps(db, id) };
}
