// The reports feature's entry, a handler map: saved segments, the dashboard and the records behind its figures,
// exports, and the alerts with their daily check (started with the app's background work). No `electron` import.
import type { ReportsChannel } from '../../../shared/ipc/reports.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createAlerts } from './alerts';
import { jobBreakdown } from './breakdown';
import { dashboard } from './dashboard';
import { exportDashboardOf, exportRecords } from './export';
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
      'reports.breakdown': (input) => jobBreakdown(db, input),
      'reports.exportCsv': (input) => exportRecords(ctx, input),
      'reports.exportPdf': (input) => exportDashboardOf(ctx, input),
      'alerts.list': () => alerts.list(),
      'reports.settings.get': () => alerts.settings(),
      'reports.settings.update': (input) => alerts.updateSettings(input),
    },
    start: alerts.start,
    stop: alerts.stop,
  };
}
