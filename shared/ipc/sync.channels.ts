// Channel names of sync with the user's own server (issue #24; zod-free: the preload's allow-list imports it).
export const SYNC_CHANNELS = [
  'sync.accounts.list',
  'sync.accounts.add',
  'sync.accounts.update',
  'sync.accounts.remove',
  'sync.discover',
  'sync.now',
  'sync.status',
  'sync.conflicts.list',
  'sync.conflicts.resolve',
] as const;

export type SyncChannel = (typeof SYNC_CHANNELS)[number];
