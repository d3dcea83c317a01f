// Channel names of the merges feature (issue #20; zod-free: the preload's allow-list imports it). contacts.merge and
// companies.merge belong to this slice, named after what they merge. See channels.ts.
export const MERGES_CHANNELS = ['contacts.merge', 'companies.merge', 'merges.undo', 'merges.list'] as const;

export type MergesChannel = (typeof MERGES_CHANNELS)[number];
