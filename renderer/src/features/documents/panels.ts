// What other features may embed from documents: a record's documents panel, the files attached to an activity,
// the deleted documents for the Trash page, and the size limit per file for the Settings page. Everything else in
// this folder is private to it.
export { AttachedFiles } from './AttachedFiles';
export { DocumentsPanel } from './DocumentsPanel';
export { LimitForm as DocumentSizeLimit } from './StorageMenu';
export { TrashedDocuments } from './TrashedDocuments';
export { useAttachFiles } from './use-documents';
