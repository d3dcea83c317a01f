// Channel names of the trash feature (zod-free: the preload's allow-list imports it). See channels.ts.
export const TRASH_CHANNELS = ['trash.summary', 'trash.list', 'trash.preview', 'trash.purge', 'trash.restoreAll'] as const;

export type TrashChannel = (typeof TRASH_CHANNELS)[number];
