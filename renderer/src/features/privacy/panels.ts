// What other features may embed from privacy (issue #21): a contact page's "Export this person's data" and "Erase
// this person…" actions, and the erase dialog itself (the retention review opens it). Everything else is private.
export { PersonDataActions } from './PersonDataActions';
export { EraseDialog, type EraseResult } from './EraseDialog';
