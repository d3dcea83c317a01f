// The service report (issue #22): cases opened in a period, the open backlog by age, business time to first response
// and to resolution (median and 90th percentile), targets met, reopen rate, satisfaction, cases per client and per
// priority; and the same as CSV. The period's days are local dates in the business calendar's time zone (the zone
// targets are measured in), so a case opened at 23:30 on the last day is in. Aggregates in db/service.report.repo.ts.
import type { CasePriority } from '../../../shared/domain/case';
import type { ServiceReport } from '../../../shared/domain/service';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { loadCalendar } from '../../db/service.repo';
import * as repo from '../../db/service.report.repo';
import { writeFileAtomically } from '../export-file';
import type { FeatureContext } from '../modules';
import { fromWall } from '../schedule/zones';
import { serviceReportCsv } from './report-csv';

const PRIORITIES: readonly CasePriority[] = ['low', 'normal', 'high', 'urgent'];
const BUCKETS = ['under1d', '1to3d', '3to7d', '7to30d', 'over30d'] as const;
const DAY = 86_400_000;
/** How many clients the per-client table lists. */
export const PER_CLIENT = 50;

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/** [start of `from`, end of `to`) as epoch ms, each day bound being local midnight in `zone`. */
export function periodMs(from: string, to: string, zone: string): repo.MsRange {
  const wall = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
  return { startMs: fromWall(zone, wall(from)), endMs: fromWall(zone, wall(to) + DAY) };
}

export async function serviceReport(db: Kysely<DB>, input: { from: string; to: string }, nowMs: number): Promise<ServiceReport> {
  const { timeZone } = await loadCalendar(db);
  const range = periodMs(input.from, input.to, timeZone);
  const opened = await repo.openedFigures(db, range);
  const sum = (pick: (r: (typeof opened)[number]) => number) => opened.reduce((n, r) => n + pick(r), 0);
  const ages = await repo.openByAge(db, nowMs);
  const reopen = await repo.resolvedFigures(db, range);
  const times = await repo.spreads(db, range);
  const ratings = await repo.ratingsByScore(db, new Date(range.startMs).toISOString(), new Date(range.endMs).toISOString());
  const byScore = [1, 2, 3, 4, 5].map((s) => ratings.find((r) => r.score === s)?.count ?? 0);
  const rated = byScore.reduce((n, c) => n + c, 0);
  const scoreTotal = byScore.reduce((n, c, i) => n + c * (i + 1), 0);
  const [responseMet, responseTotal, resolutionMet, resolutionTotal] = [
    sum((r) => r.responseMet),
    sum((r) => r.responseTotal),
    sum((r) => r.resolutionMet),
    sum((r) => r.resolutionTotal),
  ];
  return {
    from: input.from,
    to: input.to,
    opened: sum((r) => r.opened),
    openByAge: BUCKETS.map((bucket) => ({ bucket, count: ages.get(bucket) ?? 0 })),
    firstResponse: times.response,
    resolution: times.resolution,
    targetsMet: {
      response: { met: responseMet, total: responseTotal, share: share(responseMet, responseTotal) },
      resolution: { met: resolutionMet, total: resolutionTotal, share: share(resolutionMet, resolutionTotal) },
    },
    reopen: { reopened: reopen.reopened, resolved: reopen.resolved, share: share(reopen.reopened, reopen.resolved) },
    satisfaction: { count: rated, average: rated === 0 ? null : Math.round((scoreTotal / rated) * 100) / 100, byScore },
    perClient: await repo.casesPerClient(db, range, PER_CLIENT),
    byPriority: PRIORITIES.map((priority) => ({ priority, opened: opened.find((r) => r.priority === priority)?.opened ?? 0 })),
  };
}

export function createServiceReport(ctx: FeatureContext) {
  const { db, clock } = ctx.deps;
  const report = (input: { from: string; to: string }) => serviceReport(db, input, clock.now().getTime());
  return {
    report: async (input: ChannelParsedInput<'reports.service'>): Promise<ChannelOutput<'reports.service'>> => report(input),
    /** The file name is fixed words and the dates, never user data. */
    exportCsv: async (input: ChannelParsedInput<'reports.serviceCsv'>): Promise<ChannelOutput<'reports.serviceCsv'>> => {
      const data = await report(input);
      const path = await ctx.platform.saveTarget(`rapport-service-${input.from}-to-${input.to}.csv`, [{ name: 'CSV', extensions: ['csv'] }]);
      if (path === null) return { path: null, format: 'csv', rows: 0 };
      const { text, rows } = serviceReportCsv(data);
      await writeFileAtomically(path, (write) => write(text), ctx.dataDir);
      return { path, format: 'csv', rows };
    },
  };
}
