// Channel names of the import-export feature (zod-free: the preload's allow-list imports it). See channels.ts.
export const IMPORT_EXPORT_CHANNELS = ['export.contacts', 'export.table', 'export.cancel', 'import.preview', 'import.check', 'import.run', 'import.cancel', 'import.undo', 'imports.list'] as const;

export type ImportExportChannel = (typeof IMPORT_EXPORT_CHANNELS)[number];
