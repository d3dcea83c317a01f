// Channel names of the duplicates feature (issue #20; zod-free: the preload's allow-list imports it). See channels.ts.
export const DUPLICATES_CHANNELS = ['duplicates.scan', 'duplicates.cancel', 'duplicates.list', 'duplicates.dismiss', 'duplicates.check'] as const;

export type DuplicatesChannel = (typeof DUPLICATES_CHANNELS)[number];
