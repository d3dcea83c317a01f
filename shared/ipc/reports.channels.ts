// Channel names of the reports feature (zod-free: the preload's allow-list imports it). See channels.ts.
export const REPORTS_CHANNELS = [] as const;

export type ReportsChannel = (typeof REPORTS_CHANNELS)[number];
