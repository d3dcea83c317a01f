// Channel names of the documents feature (zod-free: the preload's allow-list imports it). See channels.ts.
export const DOCUMENTS_CHANNELS = [
  'documents.attach',
  'documents.get',
  'documents.list',
  'documents.rename',
  'documents.link',
  'documents.unlink',
  'documents.delete',
  'documents.restore',
  'documents.emptyTrash',
  'documents.open',
  'documents.reveal',
  'documents.preview',
  'documents.check',
  'documents.settings.get',
  'documents.settings.update',
] as const;

export type DocumentsChannel = (typeof DOCUMENTS_CHANNELS)[number];
