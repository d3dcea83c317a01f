// Rewrites a case's clock cache from its whole event log (issue #22 item 3: due times are always recomputed from the
// log, never patched step by step). Every change to a case ends here, inside the change's own transaction, so the
// list's due-time order and the reminder engine's next instant are never stale. The rules are in case-clock.ts.
import type { Kysely, Transaction } from 'kysely';
import type { CasePriority } from '../../../shared/domain/case';
import type { BusinessCalendarShape, ServiceTargets } from '../../../shared/domain/service';
import { caseLog, clockFacts, writeClock, type CaseEventRow, type ClockCache } from '../../db/case-log.repo';
import type { DB } from '../../db/schema';
import { loadCalendar, loadTargets } from '../../db/service.repo';
import { caseClock, type CaseClock, type CaseClockEvent, type CaseTarget, type StatusCategory } from './case-clock';

type Db = Kysely<DB> | Transaction<DB>;
const MINUTE = 60_000;
const PRIORITIES: readonly CasePriority[] = ['low', 'normal', 'high', 'urgent'];

/** Calendar and targets, read once when many cases are recomputed together. */
export interface ServiceSettings {
  calendar: BusinessCalendarShape;
  targets: ServiceTargets;
}

export async function loadServiceSettings(db: Db): Promise<ServiceSettings> {
  return { calendar: await loadCalendar(db), targets: await loadTargets(db) };
}

/** Targets per priority for a case of this type whose company has these tags: the first matching override wins. */
export function targetsFor(targets: ServiceTargets, type: string, companyTags: readonly string[]): Record<CasePriority, CaseTarget> {
  const tags = new Set(companyTags.map((t) => t.toLowerCase()));
  const override = targets.overrides.find(
    (o) => (o.type === null || o.type === type) && (o.companyTag === null || tags.has(o.companyTag.toLowerCase())) && (o.type !== null || o.companyTag !== null),
  );
  const out = {} as Record<CasePriority, CaseTarget>;
  for (const p of PRIORITIES) {
    const t = override?.byPriority[p] ?? targets.byPriority[p];
    out[p] = { responseMs: t.responseMinutes * MINUTE, resolutionMs: t.resolutionMinutes * MINUTE };
  }
  return out;
}

/**
 * Talking to the customer answers them: a reply, a call either way, or an email the user sent (filed). The inbound
 * call a case was opened from is the request itself, not an answer to it: it counts only when it came after opening.
 */
export function isResponse(e: Pick<CaseEventRow, 'kind' | 'direction' | 'at'>, openedAt: number): boolean {
  if (e.kind === 'call') return e.direction !== 'inbound' || e.at > openedAt;
  return e.kind === 'reply' || (e.kind === 'message' && e.direction === 'outbound');
}

const openedAt = (log: readonly CaseEventRow[]) => log.find((e) => e.kind === 'created')?.at ?? 0;

/** The log as the clock reads it. Entries moved in by a merge may predate creation: they count from creation. */
export function clockEvents(log: readonly CaseEventRow[]): CaseClockEvent<CasePriority>[] {
  const createdAt = openedAt(log);
  const out: CaseClockEvent<CasePriority>[] = [];
  for (const e of log) {
    const at = Math.max(e.at, createdAt);
    if (e.kind === 'created') out.push({ at: e.at, kind: 'created', priority: (e.priority ?? 'normal') as CasePriority, category: (e.category ?? 'open') as StatusCategory });
    else if ((e.kind === 'status' || e.kind === 'reopened') && e.category) out.push({ at, kind: 'status', category: e.category });
    else if (e.kind === 'priority' && e.priority) out.push({ at, kind: 'priority', priority: e.priority as CasePriority });
    else if (isResponse(e, createdAt)) out.push({ at, kind: 'firstResponse' });
  }
  return out;
}

/** Reminder keys name the instant, so a due time moved by a priority change reminds afresh. */
export const reminderKey = (target: 'response' | 'resolution', percent: 75 | 100, at: number) => `${target}:${percent}:${at}`;

/** The pending reminders (not achieved, not yet sent), earliest first. */
export function pendingReminders(clock: CaseClock<CasePriority>, sent: readonly string[]) {
  const done = new Set(sent);
  const out: { target: 'response' | 'resolution'; percent: 75 | 100; at: number; dueAt: number; key: string }[] = [];
  for (const target of ['response', 'resolution'] as const) {
    const t = clock[target];
    if (t.achievedAt !== null || t.dueAt === null) continue;
    for (const [percent, at] of [[75, t.reminders.at75], [100, t.reminders.at100]] as const) {
      if (at === null) continue;
      const key = reminderKey(target, percent, at);
      if (!done.has(key)) out.push({ target, percent, at, dueAt: t.dueAt, key });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

export function cacheOf(clock: CaseClock<CasePriority>, log: readonly CaseEventRow[], sent: readonly string[]): ClockCache {
  const { response, resolution } = clock;
  const pending = (['response', 'resolution'] as const).filter((k) => clock[k].achievedAt === null && clock[k].dueAt !== null);
  const next = pending.sort((a, b) => clock[a].dueAt! - clock[b].dueAt!)[0] ?? null;
  const bool = (m: boolean | null) => (m === null ? null : m ? 1 : 0);
  return {
    category: clock.category,
    first_response_ms: log.find((e) => isResponse(e, openedAt(log)))?.at ?? null,
    resolved_ms: clock.category === 'resolved' || clock.category === 'closed' ? resolution.achievedAt : null,
    response_due_ms: response.dueAt,
    resolution_due_ms: resolution.dueAt,
    next_due_ms: next ? clock[next].dueAt : null,
    due_kind: next,
    response_business_ms: response.achievedAt !== null ? response.elapsedMs : null,
    resolution_business_ms: resolution.achievedAt !== null ? resolution.elapsedMs : null,
    response_met: bool(response.met),
    resolution_met: bool(resolution.met),
    next_reminder_ms: pendingReminders(clock, sent)[0]?.at ?? null,
  };
}

/**
 * Recomputes and stores one case's clock as of `now` (epoch ms); returns the clock for the caller's answer.
 * Call it inside the transaction that changed the case. Returns null when there is no such case.
 */
export async function recomputeCase(db: Db, caseId: string, now: number, settings?: ServiceSettings): Promise<CaseClock<CasePriority> | null> {
  const facts = await clockFacts(db, caseId);
  if (!facts) return null;
  const { calendar, targets } = settings ?? (await loadServiceSettings(db));
  const log = await caseLog(db, caseId);
  const clock = caseClock(calendar, clockEvents(log), targetsFor(targets, facts.type, facts.companyTags), Math.max(now, log[0]?.at ?? now));
  const sent = JSON.parse(facts.remindersSent) as string[];
  await writeClock(db, caseId, cacheOf(clock, log, sent));
  return clock;
}
