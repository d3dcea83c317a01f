// The service settings and report's entry (issue #22): a handler map. Calendar and targets in settings.ts (a change
// recomputes every open case's due times), the report and its CSV in report.ts; SQL in db/service*.repo.ts.
import type { ServiceChannel } from '../../../shared/ipc/service.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createServiceReport } from './report';
import { createServiceSettings } from './settings';

export function createServiceModule(ctx: FeatureContext): FeatureModule<ServiceChannel> {
  const settings = createServiceSettings(ctx);
  const report = createServiceReport(ctx);
  return {
    handlers: {
      'service.calendar.get': () => settings.calendar(),
      'service.calendar.update': (input) => settings.updateCalendar(input),
      'service.targets.get': () => settings.targets(),
      'service.targets.update': (input) => settings.updateTargets(input),
      'reports.service': (input) => report.report(input),
      'reports.serviceCsv': (input) => report.exportCsv(input),
    },
  };
}
