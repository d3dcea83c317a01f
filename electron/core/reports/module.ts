// The reports feature's entry: saved segments, the dashboard and the records behind its figures, exports and
// the daily alerts check (started with the app's background work). No `electron` import.
import type { ReportsChannel } from '../../../shared/ipc/reports.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createAlerts } from './alerts';
import { dashboard } from './dashboard';
import { exportCsv, exportDashboard } from './export';
import { records } from './records';
import { createSegments } from './segments';

export function createReportsModule(ctx: FeatureContext): FeatureModule<ReportsChannel> & { alerts: ReturnType<typeof createAlerts> } {
  const { db, clock } = ctx.deps;
  const segments = createSegments(ctx.deps);
  const alerts = createAlerts(ctx.deps, ctx.logger);
  return {
    alerts,
    handlers: {
      'segments.create': segments.create,
      'segments.update': segments.update,
      'segments.delete': segments.delete,
      'segments.list': segments.list,
      'segments.count': segments.count,
      'reports.dashboard': (input) => dashboard(db, input, clock.now()),
      'reports.records': (input) => records(db, input, clock.now()),
      'reports.exportCsv': async (input) => exportCsv(ctx.platform, await records(db, input, clock.now()), `rapport-${input.metric}-${input.from}-to-${input.to}`),
      'reports.exportPdf': async (input) => exportDashboard(ctx.platform, await dashboard(db, input, clock.now())),
      'alerts.list': () => alerts.list(),
      'alerts.settings': (input) => alerts.settings(input),
    },
    start: alerts.start,
    stop: alerts.stop,
  };
}
