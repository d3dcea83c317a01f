// What other features may embed from merges (issue #20): the merge dialog (the duplicates view and record pages
// open it), the merge history line with Undo merge, and the "Merge with…" and "Merge…" entry points for record pages
// and list selections. Everything else in this folder is private to it.
export { MergeModal, type MergeModalProps } from './MergeModal';
export { MergeHistory } from './MergeHistory';
export { MergeMenuItem } from './MergeMenuItem';
export { MergeWithButton } from './MergeWithButton';
