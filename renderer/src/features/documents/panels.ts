// What other features may embed from documents: a record's documents panel, the files attached to an activity,
// and the deleted documents for the Trash page. Everything else in this folder is private to it.
export { AttachedFiles } from './AttachedFiles';
export { DocumentsPanel } from './DocumentsPanel';
export { TrashedDocuments } from './TrashedDocuments';
export { useAttachFiles } from './use-documents';
