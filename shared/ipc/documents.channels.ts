// Channel names of the documents feature (zod-free: the preload's allow-list imports it). See channels.ts.
export const DOCUMENTS_CHANNELS = [] as const;

export type DocumentsChannel = (typeof DOCUMENTS_CHANNELS)[number];
