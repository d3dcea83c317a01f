// Channel names of the retention feature (issue #21; zod-free: the preload's allow-list imports it). See channels.ts.
// retention.decide (keep with a reason, or anonymise) is ours: the issue names the list, not what is done with it.
export const RETENTION_CHANNELS = ['retention.rules.get', 'retention.rules.update', 'retention.review', 'retention.decide'] as const;

export type RetentionChannel = (typeof RETENTION_CHANNELS)[number];
