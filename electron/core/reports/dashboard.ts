// The dashboard: every figure for a period, from the aggregates in reports.repo. Money stays per currency
// (integers); the per-client figures use one currency (asked for, else the default). No `electron` import.
import type { Kysely } from 'kysely';
import type { ActivityType } from '../../../shared/domain/activity';
import type { Dashboard, DriftingClient, Tier } from '../../../shared/domain/report';
import { getSetting } from '../../db/settings.repo';
import * as repo from '../../db/reports.repo';
import type { DB } from '../../db/schema';
import { daysBetween, monthBefore, period } from './period';

const ACTIVITY_TYPES: ActivityType[] = ['call', 'email', 'meeting', 'letter', 'note'];
/** A usual gap shorter than this is noise (a busy fortnight), not a rhythm to hold a client to. */
export const MIN_GAP_DAYS = 14;
export const DEFAULT_DRIFT_DAYS = 90;
const LIST = 50;

/** Rounded half up, in integers: the average of integer minor units is again whole minor units. */
export const averageMinor = (total: number, count: number) => (count === 0 ? 0 : Math.floor((2 * total + count) / (2 * count)));
const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/** Top 20 % of paying clients (at least one), tail the bottom 30 %, middle the rest; ranked by revenue. */
export function tierOf(rank: number, clients: number): Tier {
  const top = Math.max(1, Math.ceil(clients * 0.2));
  const tail = Math.floor(clients * 0.3);
  if (rank < top) return 'top';
  return rank >= clients - tail ? 'tail' : 'middle';
}

/** How many of `clients` ranked clients fall in each tier. */
function tierCounts(clients: number): Record<Tier, number> {
  const counts: Record<Tier, number> = { top: 0, middle: 0, tail: 0 };
  for (let rank = 0; rank < clients; rank++) counts[tierOf(rank, clients)] += 1;
  return counts;
}

export async function defaultCurrency(db: Kysely<DB>): Promise<string> {
  return (await getSetting(db, 'defaultCurrency')) ?? 'GBP';
}

export async function driftSettings(db: Kysely<DB>): Promise<number> {
  return Number((await getSetting(db, 'alerts.driftDays')) ?? DEFAULT_DRIFT_DAYS);
}

/** How far back service cases count towards a client being at risk (issue #22). */
export const SERVICE_RISK_DAYS = 90;
const DAY = 86_400_000;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 cases in 90 days, 1 open, 1 complaint, 1 rated 1–2": the parts that are not zero. */
export function serviceReason(r: { cases: number; open: number; complaints: number; poor: number }): string {
  return [
    `${plural(r.cases, 'case')} in ${SERVICE_RISK_DAYS} days`,
    r.open > 0 ? `${r.open} open` : null,
    r.complaints > 0 ? plural(r.complaints, 'complaint') : null,
    r.poor > 0 ? `${r.poor} rated 1–2` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * Clients at risk: paying clients gone quiet (drifting), and clients whose recent service cases signal trouble
 * (serviceAtRisk in reports.repo). Those at risk by service come first (fresh trouble outranks silence), each with
 * its reason; a client in both is listed once, where it drifts, with the reason attached, and counted once.
 * `skipPlanned` leaves out clients who already have an open follow-up (the alerts: someone is on it).
 */
export async function driftingClients(db: Kysely<DB>, now: Date, limit: number, skipPlanned = false): Promise<{ count: number; items: DriftingClient[] }> {
  const driftDays = await driftSettings(db);
  const { total, rows } = await repo.drifting(db, now, driftDays, MIN_GAP_DAYS, limit, skipPlanned);
  const risk = await repo.serviceAtRisk(db, now.getTime() - SERVICE_RISK_DAYS * DAY, skipPlanned);
  const drifts = await repo.driftingAmong(db, now, driftDays, MIN_GAP_DAYS, risk.map((r) => r.contactId));
  const reasons = new Map(risk.map((r) => [r.contactId, serviceReason(r)]));
  const serviceOnly: DriftingClient[] = risk
    .filter((r) => !drifts.has(r.contactId))
    .map((r) => ({
      contactId: r.contactId,
      name: r.name,
      lastContactedAt: r.lastContactedAt || null,
      daysSince: r.lastContactedAt ? daysBetween(r.lastContactedAt, now) : null,
      usualGapDays: null,
      thresholdDays: driftDays,
      serviceReason: reasons.get(r.contactId)!,
    }));
  const drifting: DriftingClient[] = rows.map((r) => {
    const reason = reasons.get(r.contactId);
    return {
      contactId: r.contactId,
      name: r.name,
      lastContactedAt: r.lastContactedAt || null,
      daysSince: r.lastContactedAt ? daysBetween(r.lastContactedAt, now) : null,
      usualGapDays: r.gap === null ? null : Math.round(r.gap),
      thresholdDays: r.gap === null ? driftDays : Math.max(Math.round(r.gap), MIN_GAP_DAYS),
      ...(reason ? { serviceReason: reason } : {}),
    };
  });
  return { count: total + serviceOnly.length, items: [...serviceOnly, ...drifting].slice(0, limit) };
}

function moneyList(rows: { currency: string | null; amount: number }[]) {
  const totals = new Map<string, number>();
  for (const r of rows) if (r.currency) totals.set(r.currency, (totals.get(r.currency) ?? 0) + Number(r.amount));
  return [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

export async function dashboard(db: Kysely<DB>, input: { from: string; to: string; currency?: string | undefined }, now: Date): Promise<Dashboard> {
  const p = period(input.from, input.to);
  const money = input.currency;
  const currency = money ?? (await defaultCurrency(db));

  const stages = await repo.pipelineTotals(db, money);
  const pipeline: Dashboard['pipeline'] = [];
  for (const r of stages) {
    let stage = pipeline.at(-1);
    if (stage?.stageId !== r.stageId) {
      stage = { stageId: r.stageId, stageName: r.stageName, category: r.category, count: 0, totals: [], weighted: [] };
      pipeline.push(stage);
    }
    if (r.currency === null) continue;
    stage.count += Number(r.count);
    stage.totals.push({ currency: r.currency, amountMinor: Number(r.total) });
    stage.weighted.push({ currency: r.currency, amountMinor: Number(r.weighted) });
  }

  const [won, paid, wonBefore, paidBefore] = await Promise.all([
    repo.revenuePerMonth(db, 'won', p.current, money),
    repo.revenuePerMonth(db, 'paid', p.current, money),
    repo.revenuePerMonth(db, 'won', p.yearEarlier, money),
    repo.revenuePerMonth(db, 'paid', p.yearEarlier, money),
  ]);
  const key = (month: string, cur: string) => `${month} ${cur}`;
  const byKey = (rows: { month: string; currency: string; amount: number }[], years: number) =>
    new Map(rows.map((r) => [key(years ? monthBefore(r.month, -years) : r.month, r.currency), Number(r.amount)]));
  const [wonMap, paidMap, wonPrev, paidPrev] = [byKey(won, 0), byKey(paid, 0), byKey(wonBefore, 1), byKey(paidBefore, 1)];
  const currencies = new Set([...won, ...paid, ...wonBefore, ...paidBefore].map((r) => r.currency));
  if (money) currencies.add(money);
  if (currencies.size === 0) currencies.add(currency);
  const revenueByMonth = [...currencies].sort().flatMap((cur) =>
    p.months.map((month) => ({
      month,
      currency: cur,
      wonMinor: wonMap.get(key(month, cur)) ?? 0,
      paidMinor: paidMap.get(key(month, cur)) ?? 0,
      previousWonMinor: wonPrev.get(key(month, cur)) ?? 0,
      previousPaidMinor: paidPrev.get(key(month, cur)) ?? 0,
    })),
  );

  const wonRows = await repo.wonInPeriod(db, p.current, money);
  const wonCount = wonRows.reduce((n, r) => n + Number(r.won), 0);
  const lostCount = await repo.lostInPeriod(db, p.current, money);
  const days = wonRows.reduce((n, r) => n + Number(r.days ?? 0), 0);

  const top = await repo.paidClientsTop(db, p.current, currency, LIST);
  const lifetime = await repo.paidClientsTop(db, { start: null, end: p.current.end }, currency, LIST);
  const clients = await repo.clientActivity(db, p.previous, p.current, currency);
  const activeClients = clients.active;
  const repeat = await repo.repeatClients(db, p.current.end, money);

  const leadSources = (await repo.leadSources(db, p.current, money)).map((s) => ({ ...s, revenue: moneyList(s.revenue) }));
  const counts = new Map((await repo.activityCounts(db, p.current)).map((r) => [r.type, Number(r.count)]));

  return {
    from: input.from,
    to: input.to,
    previousFrom: p.previousFrom,
    previousTo: p.previousTo,
    currency,
    pipeline,
    revenueByMonth,
    winRate: { won: wonCount, lost: lostCount, rate: share(wonCount, wonCount + lostCount) },
    averageJobValueMinor: wonRows
      .filter((r) => Number(r.valued) > 0)
      .map((r) => ({ currency: r.currency, amountMinor: averageMinor(Number(r.total), Number(r.valued)) })),
    averageDaysLeadToWon: wonCount === 0 ? null : Math.round((days / wonCount) * 10) / 10,
    topClients: {
      items: top.rows.map((r, rank) => ({ contactId: r.contactId, name: r.name, amountMinor: Number(r.amount), jobs: Number(r.jobs), tier: tierOf(rank, top.clients) })),
      tiers: tierCounts(top.clients),
    },
    lifetimeValue: {
      totalMinor: lifetime.total,
      payingClients: lifetime.clients,
      activeClients,
      averagePerActiveMinor: activeClients === 0 ? null : averageMinor(lifetime.total - clients.inactiveLifetime, activeClients),
      items: lifetime.rows.map((r) => ({ contactId: r.contactId, name: r.name, amountMinor: Number(r.amount) })),
    },
    repeatClients: repeat,
    churn: { previousActive: clients.previousActive, churned: clients.churned, rate: share(clients.churned, clients.previousActive) },
    drifting: await driftingClients(db, now, LIST),
    leadSources,
    activityCounts: ACTIVITY_TYPES.map((type) => ({ type, count: counts.get(type) ?? 0 })),
    overdueFollowUps: await repo.overdueFollowUps(db, now),
  };
}
