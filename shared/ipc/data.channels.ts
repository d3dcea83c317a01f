// Channel names of the data domain: export everything, move the data folder (zod-free: the preload's allow-list imports it).
export const DATA_CHANNELS = ['data.info', 'data.exportAll', 'data.cancel', 'data.moveFolder'] as const;

export type DataChannel = (typeof DATA_CHANNELS)[number];
