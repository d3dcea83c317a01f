// Channel names of the files domain: the OS open dialog (zod-free: the preload's allow-list imports it).
export const FILES_CHANNELS = ['files.pick'] as const;

export type FilesChannel = (typeof FILES_CHANNELS)[number];
