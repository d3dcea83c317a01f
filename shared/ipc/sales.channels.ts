// Channel names of sales suggestions (issue #23; zod-free: the preload's allow-list imports it). See channels.ts.
export const SALES_CHANNELS = ['sales.suggestions'] as const;

export type SalesChannel = (typeof SALES_CHANNELS)[number];
