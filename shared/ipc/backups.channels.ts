// Channel names of the backups feature (zod-free: the preload's allow-list imports it). See channels.ts.
export const BACKUPS_CHANNELS = [
  'backups.list',
  'backups.create',
  'backups.open',
  'backups.restore',
  'backups.restoreRecord',
  'backups.settings.get',
  'backups.settings.update',
] as const;

export type BackupsChannel = (typeof BACKUPS_CHANNELS)[number];
