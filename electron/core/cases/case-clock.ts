// A case's service clock (issue #22 item 3): response and resolution due times, elapsed business time, whether each
// target was met, and the 75 % / 100 % reminder instants, always derived from the case's whole event log (never
// patched step by step, so a late or corrected event cannot leave a stale due time). Pure; imports the calculator only.
//
// Rules: the clock counts business time only while the status category is open (waiting on customer or supplier
// pauses it; resolved and closed stop it, and a reopen resumes it). The response target is achieved by the first
// response, or by the case being resolved or closed first (nothing is left to answer); the resolution target by the
// case being resolved or closed now (the start of that latest stretch). The targets are those of the priority the log
// ends with, measured from creation: a priority change swaps the target, never the elapsed time.
import { AppError } from '../../../shared/ipc/errors';
import type { BusinessCalendar, CompiledCalendar } from './business-calendar';
import { compileCalendar } from './business-calendar';
import { advance, assertInstant, MAX_BUSINESS_MS, measure } from './business-hours';

export const STATUS_CATEGORIES = ['open', 'waiting', 'resolved', 'closed'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

/** One entry of the case's log; `at` is UTC epoch ms. A case is created open unless `category` says otherwise. */
export type CaseClockEvent<P extends string = string> =
  | { at: number; kind: 'created'; priority: P; category?: StatusCategory }
  | { at: number; kind: 'status'; category: StatusCategory }
  | { at: number; kind: 'priority'; priority: P }
  | { at: number; kind: 'firstResponse' };

/** Business time allowed, per priority, in ms. */
export interface CaseTarget {
  responseMs: number;
  resolutionMs: number;
}

export interface TargetClock {
  targetMs: number;
  /** Business time the target's clock has counted by `now`. */
  elapsedMs: number;
  /** When the target was achieved (first response / resolution), or null while it is still to do. */
  achievedAt: number | null;
  /**
   * When the clock reaches the target: in the past once reached (even if achieved later), in the future while it is
   * counting (assuming nothing else happens), null when it will not get there on this log (paused, or achieved first).
   */
  dueAt: number | null;
  /** Reminder instants at 75 % and 100 % of the target, by the same rule as dueAt (at100 is dueAt). */
  reminders: { at75: number | null; at100: number | null };
  /** true: achieved within the target; false: the clock went past it; null: still to do and not yet past it. */
  met: boolean | null;
  /** Whether the clock is counting at `now` (it may still be outside business hours). */
  running: boolean;
}

export interface CaseClock<P extends string = string> {
  priority: P;
  category: StatusCategory;
  /** Waiting on someone: the clock is paused. */
  paused: boolean;
  /** Business time the case has been open (resolution clock) by `now`. */
  elapsedMs: number;
  response: TargetClock;
  resolution: TargetClock;
}

type Stretch = [start: number, end: number];
const isDone = (c: StatusCategory) => c === 'resolved' || c === 'closed';

/**
 * The clock as the log stood at `now` (events after `now` are ignored, so a fixed `now` gives a fixed answer).
 * Throws a validation error naming the field (`events.3.category`, `targets.high.responseMs`) for a malformed log.
 */
export function caseClock<P extends string>(
  calendar: BusinessCalendar,
  events: readonly CaseClockEvent<P>[],
  targets: Readonly<Record<P, CaseTarget>>,
  now: number,
): CaseClock<P> {
  const cal = compileCalendar(calendar);
  assertInstant('now', now);
  checkTargets(targets);
  const log = sortedLog(events, targets, now);
  const created = log[0]!;
  if (created.kind !== 'created') throw AppError.validation('events', 'must start with the case being created');

  let category: StatusCategory = created.category ?? 'open';
  let priority = created.priority;
  let openSince: number | null = category === 'open' ? created.at : null;
  let doneSince: number | null = isDone(category) ? created.at : null;
  let firstDone: number | null = doneSince;
  let firstResponse: number | null = null;
  const open: Stretch[] = [];
  for (const e of log.slice(1)) {
    if (e.kind === 'priority') priority = e.priority;
    else if (e.kind === 'firstResponse') firstResponse ??= e.at;
    else if (e.kind === 'status' && e.category !== category) {
      if (openSince !== null) open.push([openSince, e.at]);
      openSince = e.category === 'open' ? e.at : null;
      if (isDone(e.category) && !isDone(category)) {
        doneSince = e.at;
        firstDone ??= e.at;
      } else if (!isDone(e.category)) doneSince = null;
      category = e.category;
    }
  }
  if (openSince !== null) open.push([openSince, Number.POSITIVE_INFINITY]);

  const target = targets[priority];
  const responseStop = firstResponse === null ? firstDone : firstDone === null ? firstResponse : Math.min(firstResponse, firstDone);
  const resolution = targetClock(cal, open, doneSince, target.resolutionMs, created.at, now);
  return {
    priority,
    category,
    paused: category === 'waiting',
    elapsedMs: resolution.elapsedMs,
    response: targetClock(cal, open, responseStop, target.responseMs, created.at, now),
    resolution,
  };
}

function targetClock(cal: CompiledCalendar, open: Stretch[], stop: number | null, targetMs: number, createdAt: number, now: number): TargetClock {
  const counting = stop === null ? open : open.filter(([s]) => s < stop).map(([s, e]): Stretch => [s, Math.min(e, stop)]);
  let elapsedMs = 0;
  for (const [s, e] of counting) if (s < now) elapsedMs += measure(cal, s, Math.min(e, now));
  const dueAt = reach(cal, counting, targetMs, createdAt);
  const last = counting[counting.length - 1];
  return {
    targetMs,
    elapsedMs,
    achievedAt: stop,
    dueAt,
    reminders: { at75: reach(cal, counting, Math.round(targetMs * 0.75), createdAt), at100: dueAt },
    met: stop !== null ? elapsedMs <= targetMs : elapsedMs > targetMs ? false : null,
    running: last !== undefined && last[1] > now,
  };
}

/** The earliest instant at which the counting stretches hold `ms` of business time, or null if they never do. */
function reach(cal: CompiledCalendar, counting: Stretch[], ms: number, createdAt: number): number | null {
  if (ms <= 0) return createdAt;
  let total = 0;
  for (const [s, e] of counting) {
    const here = e === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : measure(cal, s, e);
    if (total + here >= ms) return advance(cal, s, ms - total);
    total += here;
  }
  return null;
}

function checkTargets(targets: Readonly<Record<string, CaseTarget>>): void {
  for (const [priority, t] of Object.entries(targets)) {
    for (const key of ['responseMs', 'resolutionMs'] as const) {
      const v = (t as Partial<CaseTarget> | undefined)?.[key];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_BUSINESS_MS) {
        throw AppError.validation(`targets.${priority}.${key}`, 'must be a business time from zero up to 365 days');
      }
    }
  }
}

/** The log in time order (ties keep their order, creation first), up to `now`, each entry checked. */
function sortedLog<P extends string>(events: readonly CaseClockEvent<P>[], targets: Readonly<Record<P, CaseTarget>>, now: number): CaseClockEvent<P>[] {
  const created = events.filter((e) => e?.kind === 'created');
  if (created.length !== 1) throw AppError.validation('events', created.length === 0 ? 'must include the case being created' : 'must include the case being created only once');
  const createdAt = created[0]!.at;
  events.forEach((e, i) => {
    assertInstant(`events.${i}.at`, e.at);
    if (e.at < createdAt) throw AppError.validation(`events.${i}.at`, 'is before the case was created');
    if (e.kind === 'status' || (e.kind === 'created' && e.category !== undefined)) {
      if (!STATUS_CATEGORIES.includes(e.category!)) throw AppError.validation(`events.${i}.category`, 'must be open, waiting, resolved or closed');
    }
    if ((e.kind === 'created' || e.kind === 'priority') && !Object.hasOwn(targets, e.priority)) {
      throw AppError.validation(`events.${i}.priority`, `has no targets set (priority "${e.priority}")`);
    }
    if (!['created', 'status', 'priority', 'firstResponse'].includes(e.kind)) throw AppError.validation(`events.${i}.kind`, 'is not a kind of case event the clock knows');
  });
  if (createdAt > now) throw AppError.validation('now', 'is before the case was created');
  const rank = (e: CaseClockEvent<P>) => (e.kind === 'created' ? 0 : 1);
  return events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.at <= now)
    .sort((a, b) => a.e.at - b.e.at || rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
}
