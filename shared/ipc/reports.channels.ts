// Channel names of the reports feature (zod-free: the preload's allow-list imports it). See channels.ts.
export const REPORTS_CHANNELS = [
  'segments.create',
  'segments.update',
  'segments.delete',
  'segments.list',
  'segments.count',
  'reports.dashboard',
  'reports.records',
  'reports.breakdown',
  'reports.exportCsv',
  'reports.exportPdf',
  'alerts.list',
  'reports.settings.get',
  'reports.settings.update',
] as const;

export type ReportsChannel = (typeof REPORTS_CHANNELS)[number];
