// Channel names of the transfer feature (zod-free: the preload's allow-list imports it). See channels.ts.
export const TRANSFER_CHANNELS = ['export.contacts', 'export.table', 'export.cancel', 'import.preview', 'import.run', 'import.cancel', 'import.undo', 'imports.list'] as const;

export type TransferChannel = (typeof TRANSFER_CHANNELS)[number];
