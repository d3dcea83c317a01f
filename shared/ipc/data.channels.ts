// Channel names of the data domain: export everything, move the data folder, sample data and the welcome (zod-free: the preload's allow-list imports it).
export const DATA_CHANNELS = ['data.info', 'data.exportAll', 'data.cancel', 'data.moveFolder', 'data.sample.status', 'data.sample.add', 'data.sample.remove', 'data.welcome.dismiss'] as const;

export type DataChannel = (typeof DATA_CHANNELS)[number];
