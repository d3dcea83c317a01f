// Channel names of the service settings and report (issue #22: business calendar, targets, the service report and
// its CSV; zod-free: the preload's allow-list imports it). See channels.ts.
export const SERVICE_CHANNELS = [
  'service.calendar.get',
  'service.calendar.update',
  'service.targets.get',
  'service.targets.update',
  'reports.service',
  'reports.serviceCsv',
] as const;

export type ServiceChannel = (typeof SERVICE_CHANNELS)[number];
