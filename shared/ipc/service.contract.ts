// The service settings' and report's part of the contract (issue #22). contract.ts spreads this in.
// Imports zod and shared/ only.
import type { z } from 'zod';
import { ExportResult } from '../domain/report';
import { BusinessCalendarShape, ServiceReport, ServiceReportInput, ServiceTargets } from '../domain/service';
import type { ServiceChannel } from './service.channels';
import { Empty } from './shapes';

export const serviceContract = {
  'service.calendar.get': { input: Empty, output: BusinessCalendarShape },
  /** Recomputes every open and waiting case's due times from its log on the new calendar. */
  'service.calendar.update': { input: BusinessCalendarShape, output: BusinessCalendarShape },
  'service.targets.get': { input: Empty, output: ServiceTargets },
  'service.targets.update': { input: ServiceTargets, output: ServiceTargets },
  'reports.service': { input: ServiceReportInput, output: ServiceReport },
  /** The same report as CSV, through a save dialog (path null when dismissed). */
  'reports.serviceCsv': { input: ServiceReportInput, output: ExportResult },
} as const satisfies Record<ServiceChannel, { input: z.ZodType; output: z.ZodType }>;
