// Channel names of the transfer feature (zod-free: the preload's allow-list imports it). See channels.ts.
export const TRANSFER_CHANNELS = [] as const;

export type TransferChannel = (typeof TRANSFER_CHANNELS)[number];
