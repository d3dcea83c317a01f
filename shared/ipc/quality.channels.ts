// Channel names of the data quality feature (issue #20; zod-free: the preload's allow-list imports it). See channels.ts.
export const QUALITY_CHANNELS = ['quality.summary', 'quality.list', 'quality.fix', 'quality.undo'] as const;

export type QualityChannel = (typeof QUALITY_CHANNELS)[number];
