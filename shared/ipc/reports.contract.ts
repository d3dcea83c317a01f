// The reports feature's part of the contract: channel -> input and output schemas, and its events.
// contract.ts and events.ts spread these in. Imports zod and shared/domain only.
import { z } from 'zod';
import { Id } from '../domain/fields';
import { AlertSettings, AlertSettingsUpdate, Alerts, Breakdown, BreakdownInput, Dashboard, DashboardInput, ExportResult, RecordsInput, ReportTable } from '../domain/report';
import { Segment, SegmentCount, SegmentCreate, SegmentUpdate } from '../domain/segment';
import type { ReportsChannel } from './reports.channels';

export const reportsContract = {
  'segments.create': { input: SegmentCreate, output: Segment },
  'segments.update': { input: SegmentUpdate, output: Segment },
  'segments.delete': { input: z.strictObject({ id: Id }), output: z.object({ id: z.string() }) },
  'segments.list': { input: z.strictObject({}), output: z.object({ items: z.array(Segment) }) },
  'segments.count': { input: SegmentCount, output: z.object({ count: z.number().int() }) },
  'reports.dashboard': { input: DashboardInput, output: Dashboard },
  'reports.records': { input: RecordsInput, output: ReportTable },
  'reports.breakdown': { input: BreakdownInput, output: Breakdown },
  'reports.exportCsv': { input: RecordsInput, output: ExportResult },
  'reports.exportPdf': { input: DashboardInput, output: ExportResult },
  'alerts.list': { input: z.strictObject({}), output: Alerts },
  'reports.settings.get': { input: z.strictObject({}), output: AlertSettings },
  'reports.settings.update': { input: AlertSettingsUpdate, output: AlertSettings },
} as const satisfies Record<ReportsChannel, { input: z.ZodType; output: z.ZodType }>;

export const reportsEvents = {
  /** The daily alerts check ran (or settings changed): the Today view refreshes its Alerts. */
  'alerts.updated': z.object({ count: z.number().int() }),
} as const satisfies Record<string, z.ZodType>;
